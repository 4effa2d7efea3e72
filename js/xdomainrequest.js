/*! XDomainRequest polyfill loader: Internet Explorer's XDomainRequest on fetch, decided in Go/WebAssembly. */
// Include after Go's wasm_exec.js:
//   <script src="wasm_exec.js"></script>
//   <script src="xdomainrequest.js"></script>
// The loader fetches xdomainrequest.wasm from beside its own URL, runs it,
// and the Go side registers window.XDomainRequest (unless the page has one).
//
// This file is also the JavaScript edge of the binding: the XDomainRequest
// class throws the errors the Go core returns (a Go function cannot throw
// into its caller) and the "host" keeps each request's JavaScript objects
// under a small integer id, so that response bytes and responseText never
// cross into Go.
(function () {
  'use strict';
  var g = typeof globalThis !== 'undefined' ? globalThis : self;
  var TAG = 'XDomainRequest polyfill: ';
  // Stamped by `make dist`: the package version and the Go that built the wasm.
  var VERSION = '@VERSION@', GO_VERSION = '@GOVERSION@';

  // Keep in step with xdr_logic.go and xdr_page.go (xdr_logic_test.go checks it).
  var A_RESET = 1, A_PROGRESS = 2, A_LOAD = 4, A_ERROR = 8, A_TIMEOUT = 16, A_ENDED = 32;
  var FIRST_READ = 128;
  var C_NETWORK = 1, C_CUT = 3, C_INTERNAL = 6, C_TOO_LARGE = 7;
  var T_PROGRESS = 1, T_TIMEOUT = 2;
  var LOG_ERROR = 1;
  var CONFIG_ALLOW_CROSS_SCHEME = 1, CONFIG_ALLOW_ANY_ZONE = 2, CONFIG_REPLACE_NATIVE = 4;
  var METHODS = ['', 'GET', 'POST'];  // by the core's method codes

  // What the polyfill uses of the page's globals, taken now, when its script
  // runs: a page that later wraps fetch (monitoring, breadcrumbs, credentials
  // added) or patches timers never sees or changes XDomainRequest traffic.
  var apply = Reflect.apply, ownProperty = Object.getOwnPropertyDescriptor;
  var realFetch = g.fetch, RealAbortController = g.AbortController, RealTextDecoder = g.TextDecoder;
  var RealURL = g.URL, RealEvent = g.Event, RealError = Error, RealTypeError = TypeError, RealRangeError = RangeError, realSetTimeout = g.setTimeout, realClearTimeout = g.clearTimeout;
  var dispatch = g.EventTarget.prototype.dispatchEvent, listen = g.EventTarget.prototype.addEventListener;
  var responseRedirected = getter(g.Response, 'redirected'), responseURL = getter(g.Response, 'url');
  function getter(C, name) {
    var d = C && ownProperty(C.prototype, name);
    return d && d.get;
  }
  function fetch(url, init) { return apply(realFetch, g, [url, init]); }
  function setTimeout(f, ms) { return apply(realSetTimeout, g, [f, ms]); }
  function clearTimeout(id) { apply(realClearTimeout, g, [id]); }
  // ownValue is o's own data property k (a getter is not called, and nothing
  // inherited from Object.prototype counts), or undefined.
  function ownValue(o, k) {
    var d = o && (typeof o === 'object' || typeof o === 'function') ? ownProperty(o, k) : undefined;
    return d && 'value' in d ? d.value : undefined;
  }

  // Configuration: a global set before this script, read once, now; only
  // the boolean true, in an own property, turns a rule off.
  //   XDomainRequestConfig = { allowCrossScheme: false, allowAnyZone: false, replaceNative: false }
  var given = ownValue(g, 'XDomainRequestConfig'), config = 0;
  if (ownValue(given, 'allowCrossScheme') === true) config |= CONFIG_ALLOW_CROSS_SCHEME;
  if (ownValue(given, 'allowAnyZone') === true) config |= CONFIG_ALLOW_ANY_ZONE;
  if (ownValue(given, 'replaceNative') === true) config |= CONFIG_REPLACE_NATIVE;

  // The page, for the zone and scheme rules: the document's origin (a srcdoc
  // frame and a blob: worker have their creator's), not location. An opaque
  // origin ("null": a sandboxed frame) is an Internet page of its URL's scheme.
  var page = (function () {
    try {
      var origin = g.origin;
      if (typeof origin === 'string' && origin !== 'null') {
        var u = new RealURL(origin);
        return { scheme: u.protocol, host: u.hostname, opaque: false };
      }
      return { scheme: String(g.location.protocol), host: '', opaque: true };
    } catch (e) {
      return { scheme: '', host: '', opaque: true };
    }
  })();

  // probeStack throws the engine's own stack-overflow error (RangeError, or
  // InternalError in Firefox) when less JavaScript stack is left than a call
  // into Go may need. An overflow inside the wasm would stop the Go runtime
  // for good, so every call a page makes checks first. The probe is a tiny
  // wasm function that recurses PROBE_DEPTH times, each frame holding 16
  // 64-bit values live across the call (every engine tier spills them to
  // the stack): deeper than the deepest call into Go (a garbage collection
  // started by an allocation). TestHostileStackExhaustion checks it at every
  // entry in each engine: Firefox 153 needed between 20 and 60, Chromium 156
  // survived even 0; 400 leaves room (about 3 microseconds a call).
  var PROBE_DEPTH = 400;
  var probeStack = (function () {
    try {
      var LOCALS = 16, code = [0x20, 0, 0x45, 0x04, 0x7e, 0x42, 0, 0x05], k;  // if n == 0: 0, else:
      for (k = 1; k <= LOCALS; k++) code.push(0x20, 0, 0xad, 0x42, k, 0x7c, 0x21, k);  //   l[k] = n + k
      code.push(0x20, 0, 0x41, 1, 0x6b, 0x10, 0);                                       //   p(n - 1)
      for (k = 1; k <= LOCALS; k++) code.push(0x20, k, 0x7c);                           //   + l[1] + ... + l[16]
      code.push(0x0b, 0x0b);
      var body = [1, LOCALS, 0x7e].concat(code);             // 16 locals of type i64
      var funcs = [1].concat(leb(body.length), body);
      var bytes = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
        1, 6, 1, 0x60, 1, 0x7f, 1, 0x7e,                     // type: (i32) -> i64
        3, 2, 1, 0,                                          // one function of that type
        7, 5, 1, 1, 0x70, 0, 0,                              // exported as "p"
        10].concat(leb(funcs.length), funcs);
      var p = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.p;
      return function () { p(PROBE_DEPTH); };
    } catch (e) {
      return function () { /* no WebAssembly: the polyfill does not start anyway */ };
    }
    function leb(n) { return n < 128 ? [n] : [n & 127 | 128, n >> 7]; }
  })();

  var core = null;        // the Go functions, set by install()
  // The same functions, called unbound: a call with a `this` object costs
  // the Go side one more JavaScript value (and finalizer) per crossing.
  var cOpen, cSend, cAbort, cTimeout, cFirst, cData, cEnd, cFail, cTick, cPeek, cStats, cRedirect, cCollect;
  var EVENTS = ['progress', 'load', 'error', 'timeout'];
  var names = [''];       // strings the core named by index (Names in xdr_logic.go)
  var slots = new Map();  // request id -> {q, c, res, t}
  var sending = null;     // the record whose send() is in progress
  var lastType = null;    // the Content-Type the core was given last
  var lines = [];         // console lines the core asked for: [level, text]

  // writeLines writes the console lines of the last calls into Go. It runs
  // after Go has returned: a console.warn hook may call XDomainRequest again
  // (even without end), but never while Go is on the stack. A hook that
  // throws breaks nothing.
  function writeLines() {
    while (lines.length) {
      var l = lines.shift();
      try {
        var c = g.console;
        if (l[0] === LOG_ERROR) c.error(l[1]); else c.warn(l[1]);
      } catch (e) { /* the page's console hook failed */ }
    }
  }

  function baseURL() {
    return (g.document && g.document.baseURI) || (g.location && g.location.href) || undefined;
  }

  // parse resolves open()'s URL against the document's base URL, into what
  // the core needs, or null when the browser cannot parse it. Results are
  // remembered per base and URL string: pages open the same URLs again and
  // again, and parsing costs more than the lookup.
  var parsed = new Map();
  function parse(url) {
    var base = baseURL(), str, key, u;
    if (typeof url === 'symbol') return null;  // new URL() would throw
    try { str = String(url); } catch (e) {
      if (e instanceof RealRangeError || (e && e.name === 'InternalError')) throw e;  // out of stack
      return null;
    }
    key = base + '\n' + str;
    u = parsed.get(key);
    if (u !== undefined) return u;
    try {
      u = target(new RealURL(str, base));
    } catch (e) {
      if (!(e instanceof RealTypeError)) throw e;  // out of stack: not a verdict on the URL
      u = null;
    }
    if (parsed.size >= 256) parsed.clear();
    parsed.set(key, u);
    return u;
  }

  // target is what the core needs of a parsed URL.
  function target(p) {
    return { href: p.href, protocol: p.protocol, hostname: p.hostname, cred: p.username !== '' || p.password !== '' };
  }

  // fire dispatches an event. The on* handler runs as the first listener of
  // each object (callHandler), so it sees the event with target and
  // currentTarget set, as addEventListener listeners do; a handler that
  // throws is reported by the browser and stops nothing else.
  function fire(x, type) {
    apply(dispatch, x, [new RealEvent(type)]);
  }
  function callHandler(ev) {
    var h = this['on' + ev.type];
    if (typeof h === 'function') apply(h, this, [ev]);
  }

  // act applies the actions the core decided, in their fixed order. The
  // events stop as soon as a handler calls open() or abort() on the object
  // (q.gen changes): an onprogress handler that aborts prevents onload.
  // While the last onprogress of an ended request runs (q.last), abort()
  // clears the response as it does for a request in flight.
  // The console lines of the call are written first: a hook that calls
  // open() on the object stops these events too.
  function act(q, id, bits) {
    if (typeof bits !== 'number' || bits === 0) { writeLines(); return; }
    if (bits & A_ENDED) drop(id);
    if (bits & A_RESET) { q.text = ''; q.ct = ''; q.hs = null; }
    var gen = q.gen;
    writeLines();
    if (q.gen !== gen) return;
    if (bits & A_PROGRESS) {
      q.last = (bits & A_ENDED) !== 0;
      try { fire(q.x, 'progress'); } finally { q.last = false; }
    }
    if (q.gen !== gen) return;
    if (bits & A_LOAD) fire(q.x, 'load');
    else if (bits & A_ERROR) fire(q.x, 'error');
    else if (bits & A_TIMEOUT) fire(q.x, 'timeout');
  }

  // drop releases a request's JavaScript objects.
  function drop(id) {
    var s = slots.get(id);
    if (!s) return;
    slots.delete(id);
    if (s.q.id === id) { s.q.id = 0; s.q.hs = null; }
    for (var k in s.t) clearTimeout(s.t[k]);
    if (s.c && !s.ended) { try { s.c.abort(); } catch (e) { /* already settled */ } }
  }

  // body sets contentType and the decoder of a 2xx response (named by
  // first's result), and decodes the first bytes, before the events fire.
  function body(s, r) {
    s.q.ct = names[(r >>> 8) & 255];
    try { s.d = new RealTextDecoder(names[(r >>> 16) & 255]); } catch (e) { s.d = new RealTextDecoder('utf-8'); }
    var bytes = s.first;
    s.first = null;
    return append(s, bytes, s.done);
  }

  // append decodes a chunk into responseText; false when the text would be
  // longer than the engine's longest string (the request then fails).
  function append(s, bytes, end) {
    try {
      var t = bytes ? s.d.decode(bytes, { stream: !end }) : end ? s.d.decode() : '';
      if (t) s.q.text += t;
      return true;
    } catch (e) {
      return false;
    }
  }

  function newSlot(q) {
    return { q: q, url: q.url, c: null, t: {}, d: null, first: null, done: false, ended: false };
  }

  function slotFor(id) {
    var s = slots.get(id);
    if (!s && sending) {
      s = newSlot(sending);
      slots.set(id, s);
    }
    return s;
  }

  // info packs what first() reports with the headers into one number
  // (FirstInfo in xdr_logic.go): done, data, the status and the first three
  // bytes of the body, each byte + 1 (0: missing).
  function info(status, v, done) {
    var n = v ? v.length : 0;
    return (done ? 1 : 0) + (n ? 2 : 0) + 4 * (status & 1023) +
      4096 * ((n > 0 ? v[0] + 1 : 0) + 512 * ((n > 1 ? v[1] + 1 : 0) + 512 * (n > 2 ? v[2] + 1 : 0)));
  }

  // read reads the body. The headers are reported to the core together
  // with the first bytes (up to three: a byte order mark chooses the
  // decoder) or with the end of an empty body: one crossing for both. Each
  // further chunk is decoded in stream mode and appended to responseText
  // here, in JavaScript; the core only hears that data arrived.
  function read(id, s, res) {
    var rd = res.body ? res.body.getReader() : null, pending = null;
    var status = res.status, type = res.headers.get('content-type') || '';
    // Headers seen, not yet reported: contentType asks the core if read now.
    s.q.hs = { status: status, type: type, mt: null };
    function first(bytes, done) {
      s.q.hs = null;
      s.first = bytes;
      s.done = s.ended = done;
      var r = cFirst(id, type === lastType ? undefined : (lastType = type), info(status, bytes, done));
      if ((r & FIRST_READ) && !body(s, r)) { tooLarge(); return; }
      act(s.q, id, r & 127);
    }
    function tooLarge() {
      if (slots.get(id) === s) act(s.q, id, cFail(id, C_TOO_LARGE));
    }
    function next() {
      rd.read().then(function (r) {
        if (slots.get(id) !== s) return;
        try { chunk(r); } catch (e) { failed(id, s); }
      }, function () {
        if (slots.get(id) === s) act(s.q, id, cFail(id, C_CUT));
      });
    }
    function chunk(r) {
        if (!s.d) {  // the core has not heard of the response yet
          var v = r.value;
          if (pending) {
            if (v) { var j = new Uint8Array(pending.length + v.length); j.set(pending); j.set(v, pending.length); v = j; }
            else v = pending;
          }
          if (!r.done && v.length < 3) { pending = v; next(); return; }
          first(v, r.done);
          if (!r.done && slots.get(id) === s) next();
          return;
        }
        if (r.done) {
          s.ended = true;
          var before = s.q.text.length;
          if (!append(s, null, true)) { tooLarge(); return; }
          if (s.q.text.length !== before && !s.t[T_PROGRESS]) act(s.q, id, cData(id));
          if (slots.get(id) === s) act(s.q, id, cEnd(id));
          return;
        }
        if (!append(s, r.value, false)) { tooLarge(); return; }
        // While the core's progress timer runs, it knows data is pending
        // and more data changes nothing (Progress.Data): no crossing.
        if (!s.t[T_PROGRESS]) act(s.q, id, cData(id));
        if (slots.get(id) === s) next();
    }
    if (rd) next(); else first(null, true);
  }

  // failed ends a request whose response handling threw (a bug, or the
  // engine out of memory): it still gets its one terminal event.
  function failed(id, s) {
    if (slots.get(id) !== s) return;
    try { act(s.q, id, cFail(id, C_INTERNAL)); } catch (e) {
      drop(id);
      s.q.text = ''; s.q.ct = '';
      fire(s.q.x, 'error');
    }
  }

  // start fetches what send() was given: the URL and the body (a string,
  // or null for none) never cross into Go; method is the core's code.
  function start(id, q, method, body) {
    var s = slots.get(id);
    if (!s) {
      s = newSlot(q);
      slots.set(id, s);
    }
    var c = new RealAbortController();
    s.c = c;
    var init = { method: METHODS[method], mode: 'cors', credentials: 'omit', redirect: 'follow', signal: c.signal };
    if (body !== null) init.body = body;
    var p;
    try { p = fetch(s.url, init); } catch (e) { p = Promise.reject(e); }
    p.then(function (res) {
      if (slots.get(id) !== s) return;
      try {
        if (apply(responseRedirected, res, []) && !redirectAllowed(id, s, apply(responseURL, res, []))) return;
        read(id, s, res);
      } catch (e) { failed(id, s); }
    }, function () {
      if (slots.get(id) === s) act(s.q, id, cFail(id, C_NETWORK));
    });
  }

  // redirectAllowed asks the core about the URL a redirected response came
  // from (the browser followed the redirects; rules 1, 6 and 7 hold there
  // too). A refused one ends the request before its body is read.
  function redirectAllowed(id, s, url) {
    var u = null;
    try { u = target(new RealURL(url)); } catch (e) { u = null; }
    var bits = cRedirect(id, u ? u.href : null, u ? u.protocol : '', u ? u.hostname : '', u ? u.cred : false);
    if (!bits) return true;
    act(s.q, id, bits);
    return false;
  }

  // The host: primitives the Go binding calls. None of them runs page code
  // synchronously; events reach the page only through act().
  var host = Object.assign(Object.create(null), {
    later: function (id, kind, ms) {
      var s = slotFor(id);
      if (!s) return;
      clearTimeout(s.t[kind]);
      s.t[kind] = setTimeout(function () {
        s.t[kind] = 0;
        if (slots.get(id) === s) act(s.q, id, cTick(id, kind));
      }, ms);
    },
    // name keeps a string the core will name by index i.
    name: function (i, str) { names[i] = str; },
    // url is the URL of a request, for the core's console messages.
    url: function (id) {
      var s = slots.get(id);
      return s ? s.url : '';
    },
    // log queues a console line; writeLines writes it once Go has returned.
    log: function (level, text) { lines.push([level, text]); },
    // collectSoon: the binding wants a garbage collection, after this call
    // and its events, from a fresh stack.
    collectSoon: function () {
      setTimeout(function () { if (core) { probeStack(); cCollect(); } }, 0);
    }
  });

  // The core's verdicts on open(): a pure function of the method, scheme,
  // host and credentials (the page and its configuration are fixed at
  // start), so accepted ones are remembered and the next open() of the same
  // kind does not cross into Go. Denials are not remembered: each one
  // crosses, so that each writes its console warning.
  var verdicts = new Map();

  // The operations of the class, once the Go side is ready. Each throws the
  // Error whose message the core returns.
  function opTimeout(q, v) {
    probeStack();
    var r = cTimeout(v);
    writeLines();
    if (typeof r === 'string') throw new RealError(r);
    q.timeout = r;
  }
  function opOpen(q, n, method, u) {
    var key = null, v;
    if (n >= 2 && u && !q.id) {
      key = method + '\n' + u.protocol + '\n' + u.hostname + '\n' + u.cred;
      v = verdicts.get(key);
    }
    if (v === undefined) {
      probeStack();
      v = cOpen(q.id, n, method, u ? u.href : null, u ? u.protocol : '', u ? u.hostname : '', u ? u.cred : false);
      if (typeof v === 'string') { writeLines(); throw new RealError(v); }
      if (q.id) drop(q.id);  // the core cancelled the request in flight
      if (key !== null) {
        if (verdicts.size >= 256) verdicts.clear();
        verdicts.set(key, v);
      }
    }
    q.gen++;
    q.m = v;
    q.url = u.href;
    q.text = '';
    q.ct = '';
    q.hs = null;
    writeLines();
  }
  // opSend converts the body to a string here (it never crosses into Go)
  // and tells the core only what kind it is (BodyKind in xdr_logic.go).
  function opSend(q, body) {
    var kind = 0, text = null, r, m = q.m;
    if (body !== undefined && body !== null) {
      try {
        text = typeof body === 'string' ? body : String(body);
        kind = text === '' ? 1 : 2;
      } catch (e) { kind = 3; }
    }
    probeStack();
    sending = q;
    try { r = cSend(m, kind, q.timeout); } finally { sending = null; }
    if (typeof r === 'string') { writeLines(); throw new RealError(r); }
    var id = Math.floor(r / 4), plan = r % 4;
    q.id = id;
    q.m = 0;
    if (plan & 1) start(id, q, m, plan & 2 ? text : null);
    writeLines();
  }
  function opAbort(q) {
    if (q.id) probeStack();
    q.gen++;
    if (q.id) act(q, q.id, cAbort(q.id));  // 0: the core holds nothing of this object
    else if (q.last) act(q, 0, A_RESET);
  }

  // Until the Go side is ready, calls are held in order and replayed then.
  // A call that would have thrown can no longer throw to its caller: its
  // request ends with onerror instead (the console says why). If the wasm
  // cannot load, every held or later request ends with onerror.
  var held = [];        // [q, op, args]
  var failure = null;   // why the Go side could not start
  var ready, settleReady;
  ready = new Promise(function (resolve, reject) { settleReady = [resolve, reject]; });
  ready.catch(function () { /* reported by console.error; readers get the rejection */ });

  // failLater ends a request with onerror, asynchronously, when the Go side
  // cannot decide it; an abort() or open() before then cancels it.
  function failLater(q) {
    q.text = '';
    q.ct = '';
    clearTimeout(q.fail);
    q.fail = setTimeout(function () { q.fail = 0; fire(q.x, 'error'); }, 0);
  }
  function cancelFail(q) {
    if (q.fail) { clearTimeout(q.fail); q.fail = 0; }
  }

  // heldTimeout shows a timeout assigned before the Go side is ready; the
  // value stays only if the core accepts it when the call is replayed.
  function heldTimeout(v) {
    if (typeof v === 'number') return v;
    if (typeof v === 'symbol') return NaN;
    try { return Number(v); } catch (e) { return NaN; }
  }

  function call(q, op, args) {
    if (core) return op.apply(null, [q].concat(args));
    if (failure) {
      if (op === opSend) failLater(q);
      else if (op !== opTimeout) cancelFail(q);  // open() or abort()
      return;
    }
    held.push([q, op, args]);
  }

  function replay() {
    var list = held;
    held = [];
    var broken = new Set();  // objects whose held open or timeout threw
    for (var i = 0; i < list.length; i++) list[i][0].held = undefined;
    for (i = 0; i < list.length; i++) {
      var q = list[i][0], op = list[i][1], args = list[i][2];
      if (op === opOpen) broken.delete(q);
      if (op === opOpen || op === opAbort) cancelFail(q);
      if (op === opSend && broken.has(q)) { failLater(q); continue; }
      try {
        op.apply(null, [q].concat(args));
      } catch (e) {
        if (op === opSend) failLater(q);
        else broken.add(q);
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
      #q;
      constructor() {
        super();
        this.#q = { x: this, id: 0, m: 0, gen: 0, last: false, url: '', text: '', ct: '', hs: null, timeout: -1, held: undefined, fail: 0 };
        for (var i = 0; i < EVENTS.length; i++) apply(listen, this, [EVENTS[i], callHandler]);
        this.onerror = null;
        this.onload = null;
        this.onprogress = null;
        this.ontimeout = null;
      }
      get responseText() { return this.#q.text; }
      get contentType() {
        var h = this.#q.hs;
        if (h && core) {
          if (h.mt === null) { probeStack(); h.mt = cPeek(h.status, h.type); }
          return h.mt;
        }
        return this.#q.ct;
      }
      get timeout() {
        var q = this.#q;
        return q.held !== undefined ? q.held : q.timeout;
      }
      set timeout(v) {
        var q = this.#q;
        if (!core && !failure) q.held = heldTimeout(v);
        call(q, opTimeout, [v]);
      }
      open(method, url) {
        var q = this.#q, n = arguments.length, u = null;
        if (n >= 2) {
          method = typeof method === 'symbol' ? '' : String(method);
          u = parse(url);
        }
        if (!core) { q.text = ''; q.ct = ''; }
        call(q, opOpen, [n, n >= 2 ? method : '', u]);
      }
      send(body) {
        call(this.#q, opSend, [body]);
      }
      abort() {
        var q = this.#q;
        if (!core) { q.text = ''; q.ct = ''; }
        call(q, opAbort, []);
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
        var r = core ? cStats() : [0, 0];
        return {
          goRequests: r[0], goHeap: r[1], jsRequests: slots.size, held: held.length,
          wasmMemory: mem ? mem.buffer.byteLength : 0
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
  bridge.native = false;
  bridge.core = Object.create(null);  // the Go side puts its functions here
  bridge.install = function () {
    var c = bridge.core;
    cOpen = c.open; cSend = c.send; cAbort = c.abort; cTimeout = c.timeout; cFirst = c.first;
    cData = c.data; cEnd = c.end; cFail = c.fail; cTick = c.tick; cPeek = c.peek; cStats = c.stats;
    cRedirect = c.redirect; cCollect = c.collect;
    core = c;
    replay();
    writeLines();
    settleReady[0](true);
  };

  // This script's own URL: document.currentScript in a page; in a worker
  // (importScripts), the script URL on the stack of an Error.
  function ownURL() {
    var script = g.document && g.document.currentScript;
    if (script && script.src) return script.src;
    try { throw new Error(); } catch (e) {
      var m = /((?:https?|file|blob):\/\/[^\s()]+?\.js)(?::\d+){0,2}\)?\s*$/m.exec(String(e.stack || ''));
      if (m) return m[1];
    }
    return (g.location && g.location.href) || '';
  }

  // instantiate fetches and compiles the module (streaming when the server
  // sends application/wasm), checks that wasm_exec.js provides every import
  // the module needs (a wasm_exec.js from another Go version does not), and
  // instantiates it.
  function instantiate(go, wasmURL) {
    return fetch(wasmURL).then(function (res) {
      if (!res.ok) {
        throw new Error('HTTP ' + res.status + ' fetching ' + wasmURL +
          ' (xdomainrequest.wasm must sit next to xdomainrequest.js).');
      }
      var type = res.headers.get('content-type') || '';
      if (typeof WebAssembly.compileStreaming === 'function' && /^application\/wasm\s*(;|$)/i.test(type)) {
        return WebAssembly.compileStreaming(res);
      }
      console.warn(TAG + wasmURL + ' was served as "' + type + '", not application/wasm: ' +
        'compiling from an array buffer (slower); configure the server to send application/wasm.');
      return res.arrayBuffer().then(function (buf) { return WebAssembly.compile(buf); });
    }).then(function (mod) {
      var missing = WebAssembly.Module.imports(mod).filter(function (imp) {
        var m = go.importObject[imp.module];
        return !m || typeof m[imp.name] === 'undefined';
      }).map(function (imp) { return imp.module + '.' + imp.name; });
      if (missing.length) {
        throw new Error('wasm_exec.js does not match the Go that built xdomainrequest.wasm (' + GO_VERSION +
          '): it lacks ' + missing.slice(0, 3).join(', ') + (missing.length > 3 ? ', ...' : '') +
          '. Use the wasm_exec.js shipped beside it in dist/.');
      }
      return WebAssembly.instantiate(mod, go.importObject);
    });
  }

  var existing = ownValue(g, 'XDomainRequest');
  if (existing && !(config & CONFIG_REPLACE_NATIVE)) return;  // a native XDomainRequest stays
  bridge.native = !!existing;
  Object.defineProperty(g, 'XDomainRequest', {
    value: define(), writable: true, configurable: true, enumerable: false
  });

  var wasmURL;
  try { wasmURL = new RealURL('xdomainrequest.wasm', ownURL()).href; } catch (e) { wasmURL = 'xdomainrequest.wasm'; }
  if (typeof g.Go !== 'function') {
    loadFailed('wasm_exec.js must be included before xdomainrequest.js.');
    return;
  }
  if (typeof WebAssembly !== 'object') {
    loadFailed('this browser has no WebAssembly.');
    return;
  }
  var go = new g.Go(), mem = null;
  instantiate(go, wasmURL).then(function (instance) {
    mem = instance.exports.mem || null;
    g.__xdomainrequest_bridge__ = bridge;
    try {
      go.run(instance);
    } finally {
      delete g.__xdomainrequest_bridge__;
    }
    if (!core) loadFailed('the Go side did not start (see the errors above).');
  }).catch(function (e) {
    var msg = String(e && e.message || e);
    if (/Content Security Policy|blocked by CSP|unsafe-eval/i.test(msg) || (e && e.name === 'CompileError' && /CSP|disallowed|policy/i.test(msg))) {
      msg += ' (a Content-Security-Policy must allow \'wasm-unsafe-eval\')';
    }
    loadFailed('could not load ' + wasmURL + ': ' + msg);
  });
})();
