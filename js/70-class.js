  // js/70-class.js: the loader: held calls, the class, the bridge.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // -------------------------------------------------------------------------
  // The loader: held calls until the Go side is ready, the class, the bridge
  // and the start of the wasm.

  // A call that needs the core before it is ready starts it synchronously
  // (startNow) and is then answered as after readiness. Only where that is
  // refused are calls held in order and replayed once the asynchronous
  // start has finished; a held call that would have thrown can no longer
  // throw to its caller: its request ends with onerror instead (the console
  // says why). abort() needs no verdict: before readiness it is held. If
  // the wasm cannot load, every held or later request ends with onerror.
  var held = [];        // [state, op, its arguments after state]
  var failure = null;   // why the Go side could not start
  var ready, settleReady;
  ready = new Promise(function (resolve, reject) { settleReady = [resolve, reject]; });
  ready.catch(function () { /* reported by console.error; readers get the rejection */ });

  // failLater ends a request with onerror, asynchronously, when the Go side
  // cannot decide it; an abort() or open() before then cancels it.
  function failLater(state) {
    state.responseText = '';
    state.contentType = '';
    clearTimeout(state.failTimer);
    state.failTimer = setTimeout(function () { state.failTimer = 0; fire(state, 'error'); }, 0);
  }
  function cancelFail(state) {
    if (state.failTimer) { clearTimeout(state.failTimer); state.failTimer = 0; }
  }

  // heldTimeout shows a timeout assigned before the Go side is ready; the
  // value stays only if the core accepts it when the call is replayed.
  function heldTimeout(v) {
    if (typeof v === 'number') return v;
    if (typeof v === 'symbol') return NaN;
    try { return Number(v); } catch (e) { return NaN; }
  }

  function call(state, op, a, b, c) {
    if (!core && op !== opAbort) startNow();
    if (core) return op(state, a, b, c);
    if (failure) {
      if (op === opSend) failLater(state);
      else if (op !== opTimeout) cancelFail(state);  // open() or abort()
      return;
    }
    held.push([state, op, a, b, c]);
  }

  function replay() {
    var list = held;
    held = [];
    var broken = new Set();  // objects whose held open or timeout threw
    for (var i = 0; i < list.length; i++) list[i][0].heldTimeout = undefined;
    for (i = 0; i < list.length; i++) {
      var state = list[i][0], op = list[i][1];
      if (op === opOpen) broken.delete(state);
      if (op === opOpen || op === opAbort) cancelFail(state);
      if (op === opSend && broken.has(state)) { failLater(state); continue; }
      try {
        op(state, list[i][2], list[i][3], list[i][4]);
      } catch (e) {
        if (op === opSend) failLater(state);
        else broken.add(state);
      }
    }
  }

  function loadFailed(why) {
    failure = why;
    console.error(TAG + why + ' XDomainRequest requests will end with onerror.');
    var list = held, sent = new Set();
    held = [];
    // Only the requests still sent after every held call end with onerror:
    // a later open() or abort() of the same object took its send back.
    list.forEach(function (h) {
      if (h[1] === opSend) sent.add(h[0]);
      else if (h[1] !== opTimeout) sent.delete(h[0]);
    });
    sent.forEach(failLater);
    settleReady[1](new Error(TAG + why));
  }

  function define() {
    class XDomainRequest extends EventTarget {
      #state;
      constructor() {
        super();
        this.#state = newState(this);
        this.onerror = null;
        this.onload = null;
        this.onprogress = null;
        this.ontimeout = null;
      }
      // Through the object, a listener makes it dispatch its type (fire),
      // the on* handler first. Anything else is EventTarget's own.
      addEventListener(type, listener) {
        var n = arguments.length, args = n > 2 ? [type, listener, arguments[2]] : n > 1 ? [type, listener] : n ? [type] : [];
        if (n > 1 && typeof type !== 'symbol' && (typeof this === 'object' && this !== null && #state in this)) {
          args[0] = type = typeof type === 'string' ? type : String(type);  // converted once
          handlerListener(this.#state, type);
        }
        return apply(listen, this, args);
      }
      dispatchEvent(event) {
        if (arguments.length && (typeof this === 'object' && this !== null && #state in this)) {
          var type = null;
          try { type = apply(eventType, event, []); } catch (e) { /* not an Event: dispatch throws */ }
          if (type !== null) handlerListener(this.#state, type);
        }
        return apply(dispatch, this, arguments.length ? [event] : []);
      }
      get responseText() { return this.#state.responseText; }
      get contentType() {
        var headers = this.#state.headersSeen;
        if (headers && core) {
          if (headers.mediaType === null || !KEEP) { probeStack(); headers.mediaType = cPeek(headers.status, headers.type); }
          return headers.mediaType;
        }
        return this.#state.contentType;
      }
      get timeout() {
        var state = this.#state;
        return state.heldTimeout !== undefined ? state.heldTimeout : state.timeout;
      }
      set timeout(v) {
        var state = this.#state;
        if (!core) startNow();
        if (!core && !failure) state.heldTimeout = heldTimeout(v);
        call(state, opTimeout, v);
      }
      open(method, url) {
        var state = this.#state, n = arguments.length, u = null;
        if (n >= 2) {
          method = typeof method === 'symbol' ? '' : String(method);
          u = parse(url);
        }
        if (!core) { state.responseText = ''; state.contentType = ''; }
        call(state, opOpen, n, n >= 2 ? method : '', u);
      }
      send(body) {
        call(this.#state, opSend, body);
      }
      abort() {
        var state = this.#state;
        if (!core) { state.responseText = ''; state.contentType = ''; }
        call(state, opAbort);
      }
    }
    Object.defineProperty(XDomainRequest.prototype, Symbol.toStringTag, {
      value: 'XDomainRequest', configurable: true
    });
    // Resolves when the Go side is ready; rejects if it cannot start.
    Object.defineProperty(XDomainRequest, 'ready', { value: ready });
    Object.defineProperty(XDomainRequest, 'version', { value: VERSION + ' (' + GO_VERSION + ')' });
    // For leak checks and benchmarks: what the polyfill holds now.
    Object.defineProperty(XDomainRequest, 'stats', {
      value: function () {
        if (core) probeStack();
        var counts = core ? cStats() : [0, 0, 0, 0, 0];
        return {
          goRequests: counts[0], goHeap: counts[1], jsRequests: requests.size, held: held.length,
          wasmMemory: mem ? mem.buffer.byteLength : 0,
          goCalls: counts[2], goHostCalls: counts[3], goCollections: counts[4], timers: timersSet,
          startRoute: startRoute, startBlocked: startBlocked, startRun: startRun
        };
      }
    });
    return XDomainRequest;
  }

  // The bridge the Go side looks for while it starts (main.go, xdr_js.go):
  // objects without a prototype, so that nothing the page puts on
  // Object.prototype is read as a setting.
  var bridge = Object.create(null);
  bridge.host = host;
  bridge.config = config;
  bridge.pageScheme = page.scheme;
  bridge.pageHost = page.host;
  bridge.pageOpaque = page.opaque;
  bridge.keep = KEEP;  // false: the core defers no send() (the test build)
  bridge.core = Object.create(null);  // the Go side puts its functions here
  // install(fetchMode, fetchCredentials, fetchRedirect): the core's entries
  // are on bridge.core, and every request's fetch takes these options
  // (FetchMode... in xdr_policy.go).
  bridge.install = function (mode, credentials, redirect) {
    fetchMode = mode; fetchCredentials = credentials; fetchRedirect = redirect;
    var c = bridge.core;
    cOpen = c.open; cSend = c.send; cAbort = c.abort; cTimeout = c.timeout; cFirst = c.first;
    cData = c.data; cEnd = c.end; cFail = c.fail; cTick = c.tick; cPeek = c.peek; cStats = c.stats;
    cRedirect = c.redirect; cCollect = c.collect;
    core = bridge.core;  // run() replays the held calls once Go has returned
  };

