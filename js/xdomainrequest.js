/*! XDomainRequest polyfill loader: Internet Explorer's XDomainRequest on fetch, decided in Go/WebAssembly. */
// Include after Go's wasm_exec.js:
//   <script src="wasm_exec.js"></script>
//   <script src="xdomainrequest.js"></script>
//
// This file has two parts, in this order:
// - the edge: the XDomainRequest class and the JavaScript half of each
//   request. A Go function cannot throw into its caller, so the class throws
//   the Error whose message the Go core returns; each request's JavaScript
//   objects (AbortController, response reader, TextDecoder, timers) and its
//   responseText stay here, under a small integer id, and never cross into Go.
// - the loader (at the end): it defines the class at once, fetches,
//   compiles and runs xdomainrequest.wasm from beside its own URL in the
//   background, and, when a call needs the Go side before that has
//   finished, starts it synchronously instead (startNow), so that the call
//   is answered as after readiness.
// The protocol between the two languages (every entry, host call and number
// that crosses) is written down in xdr_wire.go.
//
// The life of a request (-> a call into Go, <- a host call from Go):
//   x.open(method, url)   parse the URL here; -> open() for the core's verdict
//                         (remembered per method, scheme and host: the next
//                         open() of that kind does not cross)
//   x.send(body)          convert the body to a string here; number the
//                         request and create its record; -> send(id, method,
//                         bodyKind, timeout), which says whether to start and
//                         whether the core defers the request. A deferred one
//                         (no time-out) costs no crossing until the browser
//                         reports on it, and the next send() of the same
//                         kind does not cross at all (the answer is kept).
//                         Otherwise Go arms its timers while send() runs:
//                         <- later(id, kind, ms).
//   start()               fetch(), with the functions taken when this script ran
//   the response          (a deferred request is named -id to the core the
//                         first time: coreId) if redirected: -> redirect(id,
//                         final URL); then
//   read() -> first()     the headers (at once for a failed status) with
//                         the first bytes, and the end of the body when it
//                         is there already (readBody reads on while each
//                         read is settled at once):
//                         -> first(id, type, info), which returns the
//                         actions, the media type and the decoder (kept and
//                         reused when the core marks it FirstRepeat: then a
//                         request of a kind seen before crosses not at all)
//   act()                 applies the actions: release, reset, then the events
//                         (stopped as soon as a handler calls open() or abort())
//   each further chunk    decoded and appended here; -> data(id) unless the
//                         core's progress timer runs
//   the end               -> end(id): onprogress (owed) and onload, or a
//                         progress timer when the owed onprogress must wait
//   timers                <- later(id, kind, ms); when one runs -> tick(id, kind)
//   failures              -> fail(id, cause): network, cut, too large, internal
// Console lines the core asks for (<- log) are written after Go has
// returned (writeLines), never while Go is on the stack.
(function () {
  'use strict';
  var g = typeof globalThis !== 'undefined' ? globalThis : self;
  var TAG = 'XDomainRequest polyfill: ';
  // Stamped by `make dist`: the package version and the Go that built the wasm.
  var VERSION = '@VERSION@', GO_VERSION = '@GOVERSION@';
  // Stamped too: 'off' only in the test build of `make node-test`
  // (test/node/build/), where the edge keeps no answer of the core (no
  // verdicts, sendAnswers, firstAnswers, decoders, last URL or type) and
  // the core defers no send() (bridge.keep): every call crosses, and the
  // differential test checks that a page sees the same as with dist/'s.
  var KEEP = '@KEEP@' !== 'off';

  // The numbers that cross to Go: xdr_wire.go defines each, under the same
  // name in Go's case (A_RESET is ActReset); TestProtocolDrift checks them.
  var A_RESET = 1, A_PROGRESS = 2, A_LOAD = 4, A_ERROR = 8, A_TIMEOUT = 16, A_ENDED = 32;
  var BODY_NONE = 0, BODY_EMPTY = 1, BODY_TEXT = 2, BODY_INVALID = 3;
  var SEND_START = 1, SEND_BODY = 2, SEND_DEFER = 4;
  var INFO_DONE = 1, INFO_DATA = 2, INFO_STATUS_FACTOR = 4, INFO_STATUS_MAX = 1023, INFO_HEAD_FACTOR = 4096, INFO_BYTE_FACTOR = 512;
  var FIRST_ACTIONS = 127, FIRST_READ = 128, FIRST_TYPE_SHIFT = 8, FIRST_DECODE_SHIFT = 16, FIRST_INDEX_MASK = 255, FIRST_REPEAT = 16777216;
  var C_NETWORK = 1, C_CUT = 3, C_INTERNAL = 6, C_TOO_LARGE = 7;
  var T_PROGRESS = 1, T_TIMEOUT = 2, T_FAIL = 3;  // the kinds of timer the core arms
  var LOG_ERROR = 1;
  var CONFIG_ALLOW_CROSS_SCHEME = 1, CONFIG_ALLOW_ANY_ZONE = 2, CONFIG_REPLACE_NATIVE = 4;
  var METHODS = ['', 'GET', 'POST'];  // by the core's method codes

  // What the polyfill uses of the page's globals, taken now, when its script
  // runs: a page that later wraps fetch (monitoring, breadcrumbs, credentials
  // added) or patches timers never sees or changes XDomainRequest traffic.
  // Nothing is read later from a name the page can shadow: a document's
  // currentScript and baseURI through their prototype getters (markup such
  // as <img name="baseURI"> clobbers the properties), the Event class from
  // the browser's own classes (a library may replace window.Event).
  var apply = Reflect.apply, ownProperty = Object.getOwnPropertyDescriptor, protoOf = Object.getPrototypeOf;
  var realFetch = g.fetch, RealXMLHttpRequest = g.XMLHttpRequest, RealAbortController = g.AbortController, RealTextDecoder = g.TextDecoder;
  var RealURL = g.URL, RealEvent = browserEvent(), RealError = Error, RealTypeError = TypeError, RealRangeError = RangeError, realSetTimeout = g.setTimeout, realClearTimeout = g.clearTimeout;
  var RealDate = Date, dateNow = Date.now, floor = Math.floor, RealUint8Array = Uint8Array, realAtob = g.atob;
  var perf = g.performance, perfNow = perf && perf.now, realCrypto = g.crypto, getRandomValues = realCrypto && realCrypto.getRandomValues;
  var dispatch = g.EventTarget.prototype.dispatchEvent, listen = g.EventTarget.prototype.addEventListener;
  var eventType = getter(RealEvent, 'type'), realReportError = g.reportError;
  var doc = g.document || null, currentScriptOf = getter(g.Document, 'currentScript'), baseURIOf = getter(g.Node, 'baseURI'),
    scriptSrcOf = getter(g.HTMLScriptElement, 'src'), createElementIn = g.Document && g.Document.prototype.createElement,
    documentElementOf = getter(g.Document, 'documentElement'), appendChildTo = g.Node && g.Node.prototype.appendChild,
    removeChildFrom = g.Node && g.Node.prototype.removeChild, realImportScripts = g.importScripts;
  var responseRedirected = getter(g.Response, 'redirected'), responseURL = getter(g.Response, 'url'), responseBody = getter(g.Response, 'body');
  // For the synchronous start's request only (fetchSync).
  var XHR = g.XMLHttpRequest && g.XMLHttpRequest.prototype, xhrOpen = XHR && XHR.open, xhrSend = XHR && XHR.send,
    xhrOverrideMimeType = XHR && XHR.overrideMimeType, xhrStatus = getter(g.XMLHttpRequest, 'status'),
    xhrResponseText = getter(g.XMLHttpRequest, 'responseText'), xhrResponse = getter(g.XMLHttpRequest, 'response'),
    xhrResponseType = XHR && ownProperty(XHR, 'responseType'), xhrReadyState = getter(g.XMLHttpRequest, 'readyState'),
    xhrAbort = XHR && XHR.abort, XHR_DONE = 4;
  function getter(C, name) {
    var d = C && ownProperty(C.prototype, name);
    return d && d.get;
  }
  // browserEvent is the browser's Event class: window.Event unless the page
  // replaced it (MooTools does), else the parent class of an event class of
  // the browser's own (what a replacement lacks: the type getter).
  function browserEvent() {
    var found = [g.Event, g.CustomEvent, g.ProgressEvent, g.MessageEvent].map(function (C, i) {
      return i && typeof C === 'function' ? protoOf(C) : C;
    }).filter(function (C) { return typeof C === 'function' && getter(C, 'type') && getter(C, 'eventPhase'); });
    return found.length ? found[0] : g.Event;
  }
  // now is the page's clock as it was when this script ran (a page may
  // replace performance.now later), in milliseconds.
  function now() { return perfNow ? apply(perfNow, perf, []) : apply(dateNow, RealDate, []); }
  function fetch(url, init) { return apply(realFetch, g, [url, init]); }
  var timersSet = 0;  // for stats()
  function setTimeout(f, ms) { timersSet++; return apply(realSetTimeout, g, [f, ms]); }
  function clearTimeout(id) { apply(realClearTimeout, g, [id]); }
  var realQueueMicrotask = g.queueMicrotask;
  function afterThisTask(f) {
    if (typeof realQueueMicrotask === 'function') apply(realQueueMicrotask, g, [f]);
    else setTimeout(f, 0);
  }
  // afterMicrotasks runs f after n hops of microtasks: after the callbacks
  // of promises that are settled now (and of those they settle in turn).
  function afterMicrotasks(n, f) {
    if (n <= 0 || typeof realQueueMicrotask !== 'function') { afterThisTask(f); return; }
    apply(realQueueMicrotask, g, [function () { afterMicrotasks(n - 1, f); }]);
  }
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
      var origin = documentOrigin();
      if (typeof origin === 'string' && origin !== 'null') {
        var u = new RealURL(origin);
        return { scheme: u.protocol, host: u.hostname, opaque: false };
      }
      return { scheme: String(g.location.protocol), host: '', opaque: true };
    } catch (e) {
      return { scheme: '', host: '', opaque: true };
    }
  })();

  // documentOrigin is the serialized origin of the document (or worker).
  // window.origin is the browser's getter only until the page assigns to
  // it (a top-level `var origin = ...` replaces it); then the origin is read
  // from a blob: URL, which the browser names after the document's origin.
  function documentOrigin() {
    var d = ownProperty(g, 'origin');
    if (d && typeof d.get === 'function') return apply(d.get, g, []);
    var urls = RealURL, made = apply(urls.createObjectURL, urls, [new g.Blob([])]);
    apply(urls.revokeObjectURL, urls, [made]);
    var named = made.slice(5);  // blob:<origin>/<uuid>
    return named.slice(0, named.lastIndexOf('/'));
  }

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
  // How long the reader waits for a read that is settled already before it
  // reports what it has (fetch's body streams resolve a read of queued data
  // or of the end within two microtasks).
  var LOOK_AHEAD_MICROTASKS = 4;
  // A body whose Content-Length announces at most SMALL_BODY_MAX bytes is
  // given SMALL_BODY_WAIT ms (a timer) for its next read instead, and once
  // exactly as many bytes as announced have come, as long as its end takes:
  // nothing but the end can follow them (a busy page may see it tasks
  // later), and the headers, the bytes and the end then still cross into Go
  // once. A body that arrives slower gets its first onprogress that much
  // later, no later. (The length only sets the wait, and a body that
  // decodes to another length than announced, compressed or chunked, waits
  // SMALL_BODY_WAIT: whether it is whole is what the browser reports.)
  var SMALL_BODY_MAX = 65536, SMALL_BODY_WAIT = 8;
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

  // -------------------------------------------------------------------------
  // The edge.

  var core = null;        // the Go functions, set by install()
  // The same functions, called unbound: a call with a `this` object costs
  // the Go side one more JavaScript value (and finalizer) per crossing.
  var cOpen, cSend, cAbort, cTimeout, cFirst, cData, cEnd, cFail, cTick, cPeek, cStats, cRedirect, cCollect;
  var names = [''];       // strings the core named by index (Names in xdr_wire.go)
  var wholeDecoders = []; // TextDecoders for whole bodies, by the index of their encoding's name
  var requests = new Map();  // request id -> its record (newRequest): the JavaScript side of a request in flight
  var nextId = 1;         // the next request's id
  var lastType = null;    // the Content-Type the core was given last
  var lines = [];         // console lines the core asked for: [level, text]

  // writeLines writes the console lines of the last calls into Go. It runs
  // after Go has returned: a console.warn hook may call XDomainRequest again
  // (even without end), but never while Go is on the stack. A hook that
  // throws breaks nothing.
  function writeLines() {
    while (lines.length) {
      var line = lines.shift();
      try {
        var console = g.console;
        if (line[0] === LOG_ERROR) console.error(line[1]); else console.warn(line[1]);
      } catch (e) { /* the page's console hook failed */ }
    }
  }

  function baseURL() {
    return (doc && baseURIOf && apply(baseURIOf, doc, [])) || (g.location && g.location.href) || undefined;
  }

  // parse resolves open()'s URL against the document's base URL, into what
  // the core needs, or null when the browser cannot parse it. The last
  // result is remembered: a page that polls opens the same URL again and
  // again. Only the last: pages whose URLs change per request (a counter, a
  // cache buster) would otherwise keep every URL alive past the engine's
  // young-generation collections, which then cost every later request.
  var lastURL = { base: undefined, str: undefined, u: null };
  function parse(url) {
    var base = baseURL(), str, u;
    if (typeof url === 'symbol') return null;  // new URL() would throw
    try { str = String(url); } catch (e) {
      if (e instanceof RealRangeError || (e && e.name === 'InternalError')) throw e;  // out of stack
      return null;
    }
    if (KEEP && str === lastURL.str && base === lastURL.base) return lastURL.u;
    try {
      u = target(new RealURL(str, base));
    } catch (e) {
      if (!(e instanceof RealTypeError)) throw e;  // out of stack: not a verdict on the URL
      u = null;
    }
    lastURL.base = base; lastURL.str = str; lastURL.u = u;
    return u;
  }

  // target is what the core needs of a parsed URL.
  function target(p) {
    return { href: p.href, protocol: p.protocol, hostname: p.hostname, cred: p.username !== '' || p.password !== '' };
  }

  // fire delivers an event. The on* handler runs as the first listener of
  // each object (callHandler), so it sees the event with target and
  // currentTarget set, as addEventListener listeners do; a handler that
  // throws is reported and stops nothing else.
  //
  // Dispatching costs more than anything else a small request does in the
  // page: calling the on* handler directly instead saved 0.01-0.03 x fetch
  // per request (bench/ab/pair.js; Firefox and WebKit the most). So an
  // object dispatches a type only once it has listeners of that type: the
  // page added one through the object (addEventListener, below, adds the
  // object's own callHandler first, so the on* handler stays the first
  // listener) or dispatched one itself (dispatchEvent). Until then fire()
  // calls the handler itself, with a HandlerEvent that reads as a
  // dispatched one, and reports what it throws as the browser would
  // (reportError: window's error event and the console). A listener added
  // by calling EventTarget.prototype.addEventListener on the object
  // directly is not seen: it hears only types the object dispatches (and
  // an event dispatched with EventTarget.prototype.dispatchEvent reaches
  // the on* handler only for those types).
  function fire(state, type) {
    var x = state.xdr;
    if (state.listening & eventBit(type)) { apply(dispatch, x, [new RealEvent(type)]); return; }
    var handler = x['on' + type];
    if (typeof handler !== 'function') return;
    var ev = new HandlerEvent(type, x), outer = delivering, threw = false, error;
    delivering = ev;
    try { apply(handler, x, [ev]); } catch (e) { threw = true; error = e; }
    delivering = outer;
    if (threw) report(error);
  }
  // eventBit is type's bit in state.listening (0: not an XDomainRequest event).
  function eventBit(type) {
    return type === 'progress' ? 1 : type === 'load' ? 2 : type === 'error' ? 4 : type === 'timeout' ? 8 : 0;
  }
  function callHandler(ev) {
    var handler = this['on' + ev.type];
    if (typeof handler === 'function') apply(handler, this, [ev]);
  }
  // handlerListener makes the object dispatch events of type from now on,
  // with its on* handler as their first listener.
  function handlerListener(state, type) {
    var bit = eventBit(type);
    if (bit && !(state.listening & bit)) {
      state.listening |= bit;
      apply(listen, state.xdr, [type, callHandler]);
    }
  }
  // HandlerEvent is the event of a handler fire() calls itself: its
  // target is the object, and while the handler runs so are currentTarget
  // (eventPhase AT_TARGET, composedPath() [object]), as in a dispatch.
  var delivering = null;  // the HandlerEvent whose handler is running
  var AT_TARGET = RealEvent.AT_TARGET;  // 2 (a WebIDL constant: read-only)
  class HandlerEvent extends RealEvent {
    #to;
    constructor(type, to) { super(type); this.#to = to; }
    get target() { return this.#to; }
    get srcElement() { return this.#to; }
    get currentTarget() { return delivering === this ? this.#to : null; }
    get eventPhase() { return delivering === this ? AT_TARGET : 0; }
    composedPath() { return delivering === this ? [this.#to] : []; }
  }
  // report reports an exception a handler threw, as a dispatch would.
  function report(e) {
    try {
      if (typeof realReportError === 'function') apply(realReportError, g, [e]);
      else setTimeout(function () { throw e; }, 0);
    } catch (e2) { /* out of stack: reportError itself failed */ }
  }

  // act applies the actions the core decided, in their fixed order. The
  // events stop as soon as a handler calls open() or abort() on the object
  // (state.generation changes): an onprogress handler that aborts prevents
  // onload. While the last onprogress of an ended request runs
  // (state.inLastProgress), abort()
  // clears the response as it does for a request in flight.
  // The console lines of the call are written first: a hook that calls
  // open() on the object stops these events too.
  function act(state, id, bits) {
    if (typeof bits !== 'number' || bits === 0) { writeLines(); return; }
    if (bits & A_ENDED) drop(id);
    if (bits & A_RESET) { state.responseText = ''; state.contentType = ''; state.headersSeen = null; }
    var gen = state.generation;
    writeLines();
    if (state.generation !== gen) return;
    if (bits & A_PROGRESS) {
      state.inLastProgress = (bits & A_ENDED) !== 0;
      try { fire(state, 'progress'); } finally { state.inLastProgress = false; }
    }
    if (state.generation !== gen) return;
    if (bits & A_LOAD) fire(state, 'load');
    else if (bits & A_ERROR) fire(state, 'error');
    else if (bits & A_TIMEOUT) fire(state, 'timeout');
  }

  // drop releases a request's JavaScript objects.
  function drop(id) {
    var req = requests.get(id);
    if (!req) return;
    requests.delete(id);
    if (req.state.id === id) { req.state.id = 0; req.state.headersSeen = null; }
    for (var kind = T_PROGRESS; kind <= T_FAIL; kind++) if (req.timers[kind]) clearTimeout(req.timers[kind]);
    if (req.controller && !req.fetchEnded) { try { req.controller.abort(); } catch (e) { /* already settled */ } }
  }

  // body sets contentType and the decoder of a 2xx response (named by
  // first's result), and decodes the first bytes, before the events fire.
  // A body that has ended is decoded in one call, which starts afresh
  // (not in stream mode): the decoder kept for its encoding serves.
  function body(req, packed) {
    var decode = (packed >>> FIRST_DECODE_SHIFT) & FIRST_INDEX_MASK;
    req.state.contentType = names[(packed >>> FIRST_TYPE_SHIFT) & FIRST_INDEX_MASK];
    if (!req.bodyDone) req.decoder = newDecoder(names[decode]);
    else if (!KEEP) req.decoder = newDecoder(names[decode]);
    else req.decoder = wholeDecoders[decode] || (wholeDecoders[decode] = newDecoder(names[decode]));
    var bytes = req.firstBytes;
    req.firstBytes = null;
    return append(req, bytes, req.bodyDone);
  }

  function newDecoder(label) {
    try { return new RealTextDecoder(label); } catch (e) { return new RealTextDecoder('utf-8'); }
  }

  var STREAM = Object.freeze({ stream: true }), FLUSH = Object.freeze({ stream: false });

  // append decodes a chunk into responseText; false when the text would be
  // longer than the engine's longest string (the request then fails).
  function append(req, bytes, end) {
    try {
      var text = bytes ? req.decoder.decode(bytes, end ? FLUSH : STREAM) : end ? req.decoder.decode() : '';
      if (text) req.state.responseText += text;
      return true;
    } catch (e) {
      return false;
    }
  }

  // newState is the state of an XDomainRequest object:
  //   xdr             the object
  //   id              its request in Go, from send() to the end (0: none)
  //   method          the method code open() accepted, until send() (0: none)
  //   generation      counts open() and abort() calls: events stop when it changes
  //   inLastProgress  true while the last onprogress of an ended request runs
  //   url             what open() resolved
  //   responseText, contentType   what the page reads
  //   headersSeen     {status, type, mediaType}: headers seen, not yet reported to Go
  //   timeout         the accepted timeout; heldTimeout one assigned before ready
  //   failTimer       the timer of an onerror decided without Go (failLater)
  //   listening       the types it dispatches (eventBit), fire() calls the
  //                   handler itself for the others
  function newState(xdr) {
    return {
      xdr: xdr, id: 0, method: 0, generation: 0, inLastProgress: false, url: '',
      responseText: '', contentType: '', headersSeen: null, timeout: -1, heldTimeout: undefined, failTimer: 0,
      listening: 0
    };
  }

  // newRequest is the record of a request in flight, under its id in
  // requests: the id, its object's state, whether the core has heard of it
  // (coreId), the URL, the AbortController, the timers by kind, the
  // TextDecoder (set when the core has heard of the response), the first
  // bytes until the decoder exists, whether the body ended, and whether
  // fetch has nothing more to abort.
  function newRequest(id, state) {
    return {
      id: id, state: state, known: true, url: state.url, controller: null, timers: {}, decoder: null,
      firstBytes: null, bodyDone: false, fetchEnded: false
    };
  }

  // coreId is the id by which an entry names a request to the core: -id
  // the first time for a deferred request (SendDefer), which the core then
  // creates, id after that.
  function coreId(req) {
    if (req.known) return req.id;
    req.known = true;
    return -req.id;
  }

  // info packs what first() reports with the headers into one number
  // (FirstInfo in xdr_wire.go): done, data, the status and the first three
  // bytes of the body, each byte + 1 (0: missing).
  function info(status, bytes, done) {
    var n = bytes ? bytes.length : 0;
    return (done ? INFO_DONE : 0) + (n ? INFO_DATA : 0) + INFO_STATUS_FACTOR * (status & INFO_STATUS_MAX) +
      INFO_HEAD_FACTOR * ((n > 0 ? bytes[0] + 1 : 0) + INFO_BYTE_FACTOR * ((n > 1 ? bytes[1] + 1 : 0) + INFO_BYTE_FACTOR * (n > 2 ? bytes[2] + 1 : 0)));
  }

  // read reads the body. The headers are reported to the core together
  // with the first bytes (at least three: a byte order mark chooses the
  // decoder) or with the end of an empty body: one crossing for both. As
  // long as each next read is settled at once (the bytes are there
  // already), the reader reads on before it reports: a small body's
  // headers, bytes and end then cross once (reportFirst), and not at all
  // for a kind of response the core has answered before. When a read must
  // wait for the network, what has come is reported (onprogress) and the
  // rest is read as a stream. Whether the body is whole is what the
  // browser reports (its end, or a failed read), never its Content-Length,
  // which counts the bytes on the wire (compressed, or ignored beside
  // chunked transfer): the length only chooses how long to wait.
  function read(id, req, res) {
    var status = res.status, type = res.headers.get('content-type') || '';
    // Headers seen, not yet reported: contentType asks the core if read now.
    req.state.headersSeen = { status: status, type: type, mediaType: null };
    // A failed status (not the Fetch standard's ok, 200-299: StatusOK in
    // the core) is reported at once, without its body: the core ends the
    // request with onerror and the error page is never read.
    if (!res.ok) { reportFirst(id, req, status, type, null, false); return; }
    var stream = apply(responseBody, res, []);
    if (stream === null) { reportFirst(id, req, status, type, null, true); return; }
    var length = res.headers.get('content-length');
    var announced = length !== null && /^[0-9]{1,15}$/.test(length) && +length <= SMALL_BODY_MAX ? +length : -1;
    readBody(id, req, stream.getReader(), status, type, announced);
  }

  function tooLarge(id, req) {
    if (requests.get(id) === req) act(req.state, id, cFail(coreId(req), C_TOO_LARGE));
  }
  function cut(id, req) {
    if (requests.get(id) === req) act(req.state, id, cFail(coreId(req), C_CUT));
  }

  // reportFirst tells the core the headers with the first bytes (done: and
  // the end), then decodes the bytes and fires the events it decided.
  function reportFirst(id, req, status, type, bytes, done) {
    req.state.headersSeen = null;
    req.firstBytes = bytes;
    req.bodyDone = req.fetchEnded = done;
    var reported = info(status, bytes, done), packed;
    // A request new to the core whose body has ended: the core's answer
    // for the same headers and info may be here already (FirstRepeat).
    var repeatable = KEEP && !req.known && done;
    if (repeatable) packed = answerOf(firstAnswers, type, reported);
    if (packed === undefined) {
      packed = cFirst(coreId(req), KEEP && type === lastType ? undefined : (lastType = type), reported);
      if (repeatable && (packed & FIRST_REPEAT)) keepAnswer(firstAnswers, type, reported, packed);
    }
    if ((packed & FIRST_READ) && !body(req, packed)) { tooLarge(id, req); return; }
    act(req.state, id, packed & FIRST_ACTIONS);
  }

  function concatenated(chunks, length) {
    if (chunks.length <= 1) return chunks.length ? chunks[0] : null;
    var all = new RealUint8Array(length);
    for (var i = 0, at = 0; i < chunks.length; at += chunks[i].length, i++) all.set(chunks[i], at);
    return all;
  }

  // readBody reads a body chunk by chunk. Until the core has heard of the
  // response, the chunks gather (joined once, when reported: a compressed
  // body can decode to a thousand times its length, in many chunks); after
  // that each chunk is decoded in stream mode and appended to responseText
  // here, in JavaScript, and the core only hears that data arrived.
  function readBody(id, req, reader, status, type, announced) {
    var gathered = [], size = 0, reported = false;
    function current() { return requests.get(id) === req; }
    function reportGathered(done) {
      reported = true;
      var bytes = concatenated(gathered, size);
      gathered = null;
      reportFirst(id, req, status, type, bytes, done);
    }
    function next() {
      var settled = false, timer = 0;
      reader.read().then(function (result) {
        settled = true;
        if (timer) clearTimeout(timer);
        if (!current()) return;
        try { chunk(result); } catch (e) { failed(id, req); }
      }, function () {
        settled = true;
        if (timer) clearTimeout(timer);
        cut(id, req);  // the browser reports the transfer failed
      });
      // Bytes are waiting to be reported: if this read is not settled at
      // once, the network is slow, and they are reported now (onprogress).
      // A small body's wait needs a timer only when the read is not
      // settled within the microtasks either (most are: no timer is set).
      if (!reported && size >= 3) {
        var waited = function () {
          timer = 0;
          if (settled || reported || !current()) return;
          try { reportGathered(false); } catch (e) { failed(id, req); }
        };
        afterMicrotasks(LOOK_AHEAD_MICROTASKS, function () {
          if (settled || reported || !current()) return;
          if (announced < 0) waited();
          else if (size !== announced) timer = setTimeout(waited, SMALL_BODY_WAIT);
        });
      }
    }
    function chunk(result) {
      if (!reported) {
        if (result.done) { reportGathered(true); return; }
        if (result.value.length) { gathered.push(result.value); size += result.value.length; }
        next();
        return;
      }
      if (result.done) {
        req.fetchEnded = true;
        var before = req.state.responseText.length;
        if (!append(req, null, true)) { tooLarge(id, req); return; }
        if (req.state.responseText.length !== before && !req.timers[T_PROGRESS]) act(req.state, id, cData(id));
        if (current()) act(req.state, id, cEnd(id));
        return;
      }
      if (!append(req, result.value, false)) { tooLarge(id, req); return; }
      // While the core's progress timer runs, it knows data is pending
      // and more data changes nothing (Progress.Data): no crossing.
      if (!req.timers[T_PROGRESS]) act(req.state, id, cData(id));
      if (current()) next();
    }
    next();
  }

  // failed ends a request whose response handling threw (a bug, or the
  // engine out of memory): it still gets its one terminal event.
  function failed(id, req) {
    if (requests.get(id) !== req) return;
    try { act(req.state, id, cFail(coreId(req), C_INTERNAL)); } catch (e) {
      drop(id);
      req.state.responseText = ''; req.state.contentType = '';
      fire(req.state, 'error');
    }
  }

  // start fetches what send() was given: the URL and the body (a string,
  // or null for none) never cross into Go; method is the core's code.
  function start(id, req, method, body) {
    var controller = new RealAbortController();
    req.controller = controller;
    var init = { method: METHODS[method], mode: 'cors', credentials: 'omit', redirect: 'follow', signal: controller.signal };
    if (body !== null) init.body = body;
    var response;
    try { response = fetch(req.url, init); } catch (e) { response = Promise.reject(e); }
    response.then(function (res) {
      if (requests.get(id) !== req) return;
      try {
        if (apply(responseRedirected, res, []) && !redirectAllowed(id, req, apply(responseURL, res, []))) return;
        read(id, req, res);
      } catch (e) { failed(id, req); }
    }, function () {
      if (requests.get(id) === req) act(req.state, id, cFail(coreId(req), C_NETWORK));
    });
  }

  // redirectAllowed asks the core about the URL a redirected response came
  // from (the browser followed the redirects; rules 1, 6 and 7 hold there
  // too). A refused one ends the request before its body is read.
  function redirectAllowed(id, req, url) {
    var u = null;
    try { u = target(new RealURL(url)); } catch (e) { u = null; }
    var bits = cRedirect(coreId(req), u ? u.href : null, u ? u.protocol : '', u ? u.hostname : '', u ? u.cred : false);
    if (!bits) return true;
    act(req.state, id, bits);
    return false;
  }

  // The host: primitives the Go binding calls. None of them runs page code
  // synchronously; events reach the page only through act().
  var host = Object.assign(Object.create(null), {
    later: function (id, kind, ms) {
      var req = requests.get(id);
      if (!req) return;
      clearTimeout(req.timers[kind]);
      req.timers[kind] = setTimeout(function () {
        req.timers[kind] = 0;
        if (requests.get(id) === req) act(req.state, id, cTick(id, kind));
      }, ms);
    },
    // name keeps a string the core will name by index i.
    // A reused index (the core's table is full and starts again) makes the
    // kept first() answers, which name by index, stale.
    name: function (i, str) {
      if (names[i] !== undefined && names[i] !== str) { clearAnswers(firstAnswers); wholeDecoders[i] = undefined; }
      names[i] = str;
    },
    // url is the URL of a request, for the core's console messages.
    url: function (id) {
      var req = requests.get(id);
      return req ? req.url : '';
    },
    // log queues a console line; writeLines writes it once Go has returned.
    log: function (level, text) { lines.push([level, text]); },
    // collectSoon: the binding wants a garbage collection, after this call
    // and its events, from a fresh stack: a microtask, so that it still
    // comes before the next response's callbacks (a timer let 200
    // concurrent requests pile up garbage in between).
    collectSoon: function () {
      afterThisTask(function () { if (core) { probeStack(); cCollect(); } });
    }
  });

  // The core's verdicts on open(): a pure function of the method, scheme,
  // host and credentials (the page and its configuration are fixed at
  // start), so accepted ones are remembered and the next open() of the same
  // kind does not cross into Go. Denials are not remembered: each one
  // crosses, so that each writes its console warning.
  var verdicts = new Map();
  // The core's answers to send() that defer the request (SendDefer), by
  // method, body kind and time-out: pure as well, so the next send() of the
  // same kind does not cross.
  var sendAnswers = newAnswers(64);  // by time-out, then method * 4 + body kind
  // The core's answers to first() for a request new to it whose body has
  // ended (FirstRepeat), by Content-Type and FirstInfo: the same headers
  // and first bytes get the same answer without crossing. With the two maps
  // above, a page that repeats a kind of request (an API that answers
  // alike) crosses into Go only for the first of them.
  var firstAnswers = newAnswers(256);  // by Content-Type, then FirstInfo

  // A table of answers by two keys, Maps in a Map: no key string is built
  // per request. It starts again when it holds limit answers.
  function newAnswers(limit) { return { tables: new Map(), size: 0, limit: limit }; }
  function answerOf(answers, a, b) {
    var table = answers.tables.get(a);
    return table === undefined ? undefined : table.get(b);
  }
  function keepAnswer(answers, a, b, value) {
    if (answers.size >= answers.limit) clearAnswers(answers);
    var table = answers.tables.get(a);
    if (table === undefined) answers.tables.set(a, table = new Map());
    table.set(b, value);
    answers.size++;
  }
  function clearAnswers(answers) { answers.tables.clear(); answers.size = 0; }

  // The operations of the class, once the Go side is ready. Each throws the
  // Error whose message the core returns.
  function opTimeout(state, v) {
    probeStack();
    var accepted = cTimeout(v);
    writeLines();
    if (typeof accepted === 'string') throw new RealError(accepted);
    state.timeout = accepted;
  }
  function opOpen(state, n, method, u) {
    var key = null, v, inFlight = state.id ? requests.get(state.id) : null;
    var prevId = inFlight && inFlight.known ? inFlight.id : 0;  // what the core must cancel
    if (KEEP && n >= 2 && u && !prevId) {
      key = method + '\n' + u.protocol + '\n' + u.hostname + '\n' + u.cred;
      v = verdicts.get(key);
    }
    if (v === undefined) {
      probeStack();
      v = cOpen(prevId, n, method, u ? u.href : null, u ? u.protocol : '', u ? u.hostname : '', u ? u.cred : false);
      if (typeof v === 'string') { writeLines(); throw new RealError(v); }
      if (key !== null) {
        if (verdicts.size >= 256) verdicts.clear();
        verdicts.set(key, v);
      }
    }
    if (state.id) drop(state.id);  // cancelled without an event (by the core too, if it held it)
    state.generation++;
    state.method = v;
    state.url = u.href;
    state.responseText = '';
    state.contentType = '';
    state.headersSeen = null;
    writeLines();
  }
  // opSend converts the body to a string here (it never crosses into Go)
  // and tells the core only what kind it is (BodyKind in xdr_wire.go).
  // The object counts as sent while its body converts: a send() from the
  // body's toString() finds no opened request (Invalid state.), and an
  // open() or abort() from it takes this send() back.
  function opSend(state, body) {
    var kind = BODY_NONE, text = null, method = state.method, generation = state.generation;
    state.method = 0;
    if (body !== undefined && body !== null) {
      try {
        text = typeof body === 'string' ? body : String(body);
        kind = text === '' ? BODY_EMPTY : BODY_TEXT;
      } catch (e) { kind = BODY_INVALID; }
    }
    if (state.generation !== generation) return;
    state.method = method;
    var id = nextId, req = newRequest(id, state), kindOfSend = method * 4 + kind;
    var plan = KEEP ? answerOf(sendAnswers, state.timeout, kindOfSend) : undefined;
    if (plan === undefined) {
      probeStack();
      // The record exists before the call: Go arms the timers of the
      // request while send() runs (host call later).
      requests.set(id, req);
      try { plan = cSend(id, method, kind, state.timeout); } catch (e) { requests.delete(id); throw e; }
      if (typeof plan === 'string') { requests.delete(id); writeLines(); throw new RealError(plan); }
      if (plan & SEND_DEFER) keepAnswer(sendAnswers, state.timeout, kindOfSend, plan);
    } else requests.set(id, req);
    req.known = !(plan & SEND_DEFER);
    nextId = id >= 1073741824 ? 1 : id + 1;  // 2^30: ids stay small integers
    state.id = id;
    state.method = 0;
    if (plan & SEND_START) start(id, req, method, plan & SEND_BODY ? text : null);
    writeLines();
  }
  function opAbort(state) {
    var req = state.id ? requests.get(state.id) : null;
    if (req) probeStack();
    state.generation++;
    if (req) act(state, state.id, cAbort(coreId(req)));  // none: the core holds nothing of this object
    else if (state.inLastProgress) act(state, 0, A_RESET);
  }

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
  bridge.native = false;
  bridge.keep = KEEP;  // false: the core defers no send() (the test build)
  bridge.core = Object.create(null);  // the Go side puts its functions here
  bridge.install = function () {
    var c = bridge.core;
    cOpen = c.open; cSend = c.send; cAbort = c.abort; cTimeout = c.timeout; cFirst = c.first;
    cData = c.data; cEnd = c.end; cFail = c.fail; cTick = c.tick; cPeek = c.peek; cStats = c.stats;
    cRedirect = c.redirect; cCollect = c.collect;
    core = bridge.core;  // run() replays the held calls once Go has returned
  };

  // This script's own URL: document.currentScript in a page; in a worker
  // (importScripts), the script URL on the stack of an Error.
  function ownURL() {
    try {
      var script = doc && currentScriptOf ? apply(currentScriptOf, doc, []) : null, src = script && apply(scriptSrcOf, script, []);
      if (src) return src;
    } catch (e) { /* not an HTML script element (SVG) */ }
    // The first frame of the stack is this function: its URL, a query
    // (xdomainrequest.js?v=3) included, then the line and column.
    try { throw new RealError(); } catch (e) {
      var match = /((?:https?|file|blob):\/\/[^\s()@]+?)(?::\d+){1,2}\)?\s*$/m.exec(String(e.stack || ''));
      if (match) return match[1];
    }
    return (g.location && g.location.href) || '';
  }

  // checkImports throws when wasm_exec.js lacks an import the module needs
  // (a wasm_exec.js from another Go version).
  function checkImports(mod) {
    var missing = WebAssembly.Module.imports(mod).filter(function (imp) {
      var provided = go.importObject[imp.module];
      return !provided || typeof provided[imp.name] === 'undefined';
    }).map(function (imp) { return imp.module + '.' + imp.name; });
    if (missing.length) {
      throw new Error('wasm_exec.js does not match the Go that built xdomainrequest.wasm (' + GO_VERSION +
        '): it lacks ' + missing.slice(0, 3).join(', ') + (missing.length > 3 ? ', ...' : '') +
        '. Use the wasm_exec.js shipped beside it in dist/.');
    }
  }

  // The start of the Go side. Two routes, one outcome (run):
  // - asynchronous, always begun when this script runs (startAsync): fetch,
  //   compile while the bytes stream in (compileStreaming when the server
  //   sends application/wasm; the browser may reuse code it compiled on an
  //   earlier visit), instantiate, run. A page that makes no call before
  //   it has finished pays nothing else.
  // - synchronous, only when a call needs the core's verdict before that
  //   (startNow): from the module the asynchronous route has compiled if it
  //   has, or from the bytes it has downloaded where it compiles from an
  //   array buffer (no compileStreaming, or no application/wasm), otherwise
  //   from bytes fetched with a synchronous request; then
  //   new WebAssembly.Instance and go.run, which runs Go's main until it has
  //   installed the core: the call is answered as after readiness. Tried
  //   once per page; where a synchronous request is refused (a
  //   Permissions-Policy without sync-xhr, for one) calls are held until
  //   the asynchronous route has finished, and replayed then.
  var go = null, mem = null, wasmURL = '';
  var started = false;      // run() has been called, by either route
  var syncTried = false;    // startNow has been tried
  var syncRefused = '';     // why the synchronous request gave no bytes
  var compiled = null;      // the module the asynchronous route compiled, until it runs
  var fetchedBytes = null;  // the module's bytes, once the asynchronous route has them all as an array buffer, until it runs
  var asyncAbort = null;    // aborts the asynchronous route's fetch (null: none running)
  var startRoute = '';      // for stats(): 'async' or 'script', or startNow's 'module', 'bytes', 'fetched' or 'script'
  var startBlocked = 0;     // for stats(): ms the synchronous start blocked its caller
  var startRun = 0;         // for stats(): ms go.run took (Go's runtime and main, until installed)

  // httpError is the load failure of an HTTP error status for the wasm,
  // from either route.
  function httpError(status) {
    return new Error('HTTP ' + status + ' fetching ' + wasmURL + ' (xdomainrequest.wasm must sit next to xdomainrequest.js).');
  }

  function startAsync() {
    var controller = RealAbortController ? new RealAbortController() : null;
    asyncAbort = controller;
    var init = Object.create(null);  // fetch's defaults; nothing read from Object.prototype
    if (controller) init.signal = controller.signal;
    var viaScript = false;  // the bytes came from xdomainrequest.wasm.js
    function current() { return asyncAbort === controller && !started && !failure; }
    fetch(wasmURL, init).then(function (res) {
      if (!res.ok) throw httpError(res.status);
      return compileResponse(res);
    }, function (e) {
      // The read was refused (an opaque origin, a sandboxed frame, reads
      // nothing without CORS headers) or the network failed: the same bytes
      // from a classic script, which needs no CORS; its failure reports e.
      if (!current() || !(e instanceof RealTypeError)) throw e;
      return scriptBytes().then(function (bytes) {
        viaScript = true;
        if (current()) fetchedBytes = bytes;
        return WebAssembly.compile(bytes);
      }, function () { throw e; });
    }).then(function (mod) {
      if (!current()) return null;
      checkImports(mod);
      compiled = mod;
      return WebAssembly.instantiate(mod, go.importObject);
    }).then(function (instance) {
      if (instance && current()) { startRoute = viaScript ? 'script' : 'async'; run(instance); }
    }).catch(function (e) {
      if (current()) startFailed(e);
    });
    function compileResponse(res) {
      var type = res.headers.get('content-type') || '', wasmType = /^application\/wasm\s*(;|$)/i.test(type);
      // Compiled as the bytes stream in, and no copy of them kept: teeing
      // the response for a synchronous start in the moment between the
      // last byte and the end of the compile cost every page's start more
      // than that moment (5-50 ms until ready, measured in all three
      // engines); a call then makes a synchronous request instead.
      if (typeof WebAssembly.compileStreaming === 'function' && wasmType) return WebAssembly.compileStreaming(res);
      if (!wasmType) {
        console.warn(TAG + wasmURL + ' was served as "' + type + '", not application/wasm: ' +
          'compiling from an array buffer (slower); configure the server to send application/wasm.');
      }
      return res.arrayBuffer().then(function (buf) {
        if (current()) fetchedBytes = buf;
        return WebAssembly.compile(buf);
      });
    }
  }

  // The module's bytes as a classic script (xdomainrequest.wasm.js, beside
  // the wasm, made by `make dist`): base64 handed to a function the loader
  // lends the global object under WASM_CALLBACK while the script runs. Used
  // only when the wasm cannot be read with fetch or XMLHttpRequest.
  var WASM_SCRIPT = 'xdomainrequest.wasm.js', WASM_CALLBACK = '__xdomainrequest_wasm__';
  function wasmScriptURL() { return new RealURL(WASM_SCRIPT, wasmURL).href; }
  // scriptBytes loads the script, in a document with a script element (a
  // worker: importScripts), and resolves with the bytes.
  function scriptBytes() {
    return new Promise(function (resolve, reject) {
      if (!doc) {
        var bytes = scriptBytesSync();
        if (bytes) resolve(bytes); else reject(new RealError(syncRefused));
        return;
      }
      var given = null, script = apply(createElementIn, doc, ['script']);
      var giveBack = lendGlobals(single(WASM_CALLBACK, function (b64) { given = b64; }));
      function settle() {
        giveBack();
        try { apply(removeChildFrom, script.parentNode, [script]); } catch (e) { /* already gone */ }
        var bytes = given === null ? null : decodeBase64(given);
        if (bytes) resolve(bytes); else reject(new RealError('no bytes from ' + script.src));
      }
      apply(listen, script, ['load', settle]);
      apply(listen, script, ['error', settle]);
      script.src = wasmScriptURL();
      apply(appendChildTo, apply(documentElementOf, doc, []), [script]);
    });
  }
  // scriptBytesSync loads the script with importScripts (a worker), or
  // gives null, with the reason in syncRefused.
  function scriptBytesSync() {
    if (typeof realImportScripts !== 'function') return null;
    var given = null;
    try {
      withGoGlobals(single(WASM_CALLBACK, function (b64) { given = b64; }), function () { apply(realImportScripts, g, [wasmScriptURL()]); });
    } catch (e) {
      syncRefused = String(e && e.message || e);
      return null;
    }
    return given === null ? null : decodeBase64(given);
  }
  function single(name, value) { var o = Object.create(null); o[name] = value; return o; }
  function decodeBase64(b64) {
    if (typeof b64 !== 'string') return null;
    var text = apply(realAtob, g, [b64]), n = text.length, bytes = new RealUint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // startNow starts the Go side synchronously (see above). The module, by
  // what is at hand: compiled by the asynchronous route ('module'), its
  // bytes downloaded by it ('bytes'), or bytes from a synchronous request
  // ('fetched'), which replaces the asynchronous route's download.
  function startNow() {
    if (started || failure || syncTried || !go) return;
    probeStack();  // out of stack: the engine's error, and a later call tries again
    syncTried = true;
    var t0 = now(), mod = compiled, bytes = fetchedBytes, route = mod ? 'module' : bytes ? 'bytes' : 'fetched', instance;
    try {
      if (!mod && !bytes) {
        var running = asyncAbort;
        asyncAbort = null;
        if (running) running.abort();
        bytes = fetchSync();
        if (bytes === null && !doc) {  // a worker may still read the script form (importScripts needs no CORS)
          bytes = scriptBytesSync();
          if (bytes) route = 'script';
        }
        if (bytes === null) {  // refused: calls are held, the asynchronous route begins again
          console.warn(TAG + 'a call came before the wasm was ready, and it could not be started at once (' +
            syncRefused + '): calls are held until it is, and cannot throw until then.');
          startAsync();
          return;
        }
      }
      if (!mod) {
        mod = new WebAssembly.Module(bytes);
        checkImports(mod);
      }
      instance = new WebAssembly.Instance(mod, go.importObject);
    } catch (e) {
      startFailed(e);
      return;
    }
    startRoute = route;
    run(instance);
    startBlocked = now() - t0;
  }

  // fetchSync fetches the module's bytes with a synchronous request. It
  // gives null, with the reason in syncRefused, when this page may not make
  // one (a Permissions-Policy without sync-xhr) or it fails on the way;
  // the asynchronous route, begun again, then reports any failure of its
  // own. An HTTP error is the module's failure to load, as it would be for
  // the asynchronous route. A document's synchronous request cannot ask
  // for an ArrayBuffer: the bytes come as x-user-defined text, one
  // character per byte (0x80-0xFF as U+F780-U+F7FF: the low byte).
  function fetchSync() {
    var req, inDocument = !!g.document, bytes, text, n, i, status;
    try {
      req = new RealXMLHttpRequest();
      // Its own URL (?sync): a second request for the URL the loader's
      // request is still loading may wait for it in the browser's HTTP
      // cache; and the server can tell the two apart.
      apply(xhrOpen, req, ['GET', wasmURL + '?sync', false]);
      if (inDocument) apply(xhrOverrideMimeType, req, ['text/plain; charset=x-user-defined']);
      else apply(xhrResponseType.set, req, ['arraybuffer']);
      apply(xhrSend, req, []);
    } catch (e) {
      syncRefused = String(e && e.message || e);
      return null;
    }
    // A page that wrapped XMLHttpRequest.prototype.open before this script
    // may have dropped its third argument: the request then still runs.
    if (apply(xhrReadyState, req, []) !== XHR_DONE) {
      try { apply(xhrAbort, req, []); } catch (e) { /* nothing to abort */ }
      syncRefused = 'the page\'s XMLHttpRequest did not make a synchronous request';
      return null;
    }
    status = apply(xhrStatus, req, []);
    if (status !== 0 && (status < 200 || status > 299)) {
      throw httpError(status);
    }
    // No bytes: the read was refused (Firefox's worker reports a CORS
    // refusal as status 0 with nothing, where a file: URL gives status 0
    // and the bytes).
    if (!inDocument) {
      bytes = apply(xhrResponse, req, []);
      if (bytes && bytes.byteLength) return bytes;
      syncRefused = 'the synchronous request for ' + wasmURL + ' gave no bytes';
      return null;
    }
    text = apply(xhrResponseText, req, []);
    n = text.length;
    if (!n) {
      syncRefused = 'the synchronous request for ' + wasmURL + ' gave no bytes';
      return null;
    }
    bytes = new Uint8Array(n);
    for (i = 0; i < n; i++) bytes[i] = text.charCodeAt(i);  // the store keeps the low byte
    return bytes;
  }

  // -------------------------------------------------------------------------
  // What Go's runtime reads of the page, given by the loader instead.
  //
  // wasm_exec.js puts stand-ins for Node's fs, process and path on the
  // page's global object, where they change the page: libraries take a
  // global process for Node (faye reads process.env.REQUEST_METHOD). It
  // also makes Go read them, and the clock, timers and random numbers, from
  // the page's globals when Go needs them: an element <div id="fs"> is then
  // Go's file system, and a page that replaces performance.now moves Go's
  // clock. So the loader removes wasm_exec.js's stand-ins from the page
  // (removeStandIns: only its own, recognized by their shape; a page's own
  // fs or process stays), lends Go its own for the moment go.run reads them
  // (Go's syscall package keeps them from its start: withGoGlobals), and
  // gives Go's runtime the functions taken when this script ran (goImports).
  var STAND_IN_NAMES = ['fs', 'process', 'path'];
  function removeStandIns() {
    STAND_IN_NAMES.forEach(function (name) {
      var d = ownProperty(g, name);
      if (d && d.configurable && 'value' in d && isStandIn(name, d.value)) delete g[name];
    });
  }
  // isStandIn tells wasm_exec.js's stand-ins by their shape (Go 1.21 to 1.26).
  function isStandIn(name, v) {
    if (!v || typeof v !== 'object') return false;
    if (name === 'fs') {
      var c = ownValue(v, 'constants');
      return ownValue(c, 'O_WRONLY') === -1 && ownValue(c, 'O_CREAT') === -1 && typeof ownValue(v, 'writeSync') === 'function' &&
        typeof ownValue(v, 'utimes') === 'function';
    }
    if (name === 'process') {
      return ownValue(v, 'pid') === -1 && ownValue(v, 'ppid') === -1 && typeof ownValue(v, 'getuid') === 'function' &&
        typeof ownValue(v, 'chdir') === 'function';
    }
    var keys = Object.keys(v);
    return keys.length === 1 && keys[0] === 'resolve' && typeof ownValue(v, 'resolve') === 'function';
  }

  // goStandIns are the fs, process and path that Go's syscall package reads
  // when it starts, as wasm_exec.js defines them: nothing but writing to
  // the console works (goWrite).
  function goStandIns() {
    function enosys() { var e = new RealError('not implemented'); e.code = 'ENOSYS'; return e; }
    function refuse() { arguments[arguments.length - 1](enosys()); }
    function thrower() { throw enosys(); }
    function minusOne() { return -1; }
    var fs = {
      constants: { O_WRONLY: -1, O_RDWR: -1, O_CREAT: -1, O_TRUNC: -1, O_APPEND: -1, O_EXCL: -1, O_DIRECTORY: -1 },
      writeSync: function (fd, buf) { goWrite(buf); return buf.length; },
      write: function (fd, buf, offset, length, position, callback) {
        if (offset !== 0 || length !== buf.length || position !== null) { callback(enosys()); return; }
        goWrite(buf);
        callback(null, buf.length);
      },
      fsync: function (fd, callback) { callback(null); }
    };
    ['chmod', 'chown', 'close', 'fchmod', 'fchown', 'fstat', 'ftruncate', 'lchown', 'link', 'lstat', 'mkdir', 'open', 'read',
      'readdir', 'readlink', 'rename', 'rmdir', 'stat', 'symlink', 'truncate', 'unlink', 'utimes'].forEach(function (name) { fs[name] = refuse; });
    var process = {
      getuid: minusOne, getgid: minusOne, geteuid: minusOne, getegid: minusOne, pid: -1, ppid: -1,
      getgroups: thrower, umask: thrower, cwd: thrower, chdir: thrower
    };
    var path = { resolve: function () { return [].slice.call(arguments).join('/'); } };
    return { fs: fs, process: process, path: path };
  }

  // goWrite writes what Go's runtime prints (a crash, print()) to the
  // console, a line at a time, after Go has returned (writeLines).
  var goOutput = '';
  function goWrite(bytes) {
    goOutput += new RealTextDecoder('utf-8').decode(bytes);
    var nl = goOutput.lastIndexOf('\n');
    if (nl < 0) return;
    lines.push([LOG_ERROR, goOutput.slice(0, nl)]);
    goOutput = goOutput.slice(nl + 1);
    afterThisTask(writeLines);
  }

  // withGoGlobals runs f with values under names of the global object, and
  // then gives the page back what it had under them.
  function withGoGlobals(values, f) {
    var giveBack = lendGlobals(values);
    try { return f(); } finally { giveBack(); }
  }
  // lendGlobals puts values under names of the global object; the function
  // it returns gives the page back what it had under them.
  function lendGlobals(values) {
    var names = Object.keys(values), saved = names.map(function (name) { return ownProperty(g, name); });
    names.forEach(function (name, i) {
      if (saved[i] && !saved[i].configurable) g[name] = values[name];  // a page's var: set, not redefined
      else Object.defineProperty(g, name, { value: values[name], writable: true, configurable: true });
    });
    return function () {
      names.forEach(function (name, i) {
        var d = saved[i];
        if (!d) delete g[name];
        else if (!d.configurable) g[name] = d.value;
        else Object.defineProperty(g, name, d);
      });
    };
  }

  // goImports replaces the imports of wasm_exec.js that read the page's
  // globals when Go calls them (performance.now, Date, setTimeout,
  // clearTimeout, crypto, fs) with the same work done by the functions
  // taken when this script ran. Each does what wasm_exec.js's does.
  function goImports(go) {
    var imports = go.importObject.gojs;
    if (!imports) return;
    var timeOrigin = apply(dateNow, RealDate, []) - now();
    function setInt64(addr, v) {
      go.mem.setUint32(addr, v, true);
      go.mem.setUint32(addr + 4, floor(v / 4294967296), true);
    }
    function getInt64(addr) { return go.mem.getUint32(addr, true) + go.mem.getInt32(addr + 4, true) * 4294967296; }
    function memory() { return go._inst.exports.mem.buffer; }
    imports['runtime.wasmWrite'] = function (sp) {
      sp >>>= 0;
      goWrite(new RealUint8Array(memory(), getInt64(sp + 16), go.mem.getInt32(sp + 24, true)));
    };
    imports['runtime.nanotime1'] = function (sp) {
      sp >>>= 0;
      setInt64(sp + 8, (timeOrigin + now()) * 1000000);
    };
    imports['runtime.walltime'] = function (sp) {
      sp >>>= 0;
      var msec = apply(dateNow, RealDate, []);
      setInt64(sp + 8, msec / 1000);
      go.mem.setInt32(sp + 16, (msec % 1000) * 1000000, true);
    };
    imports['runtime.scheduleTimeoutEvent'] = function (sp) {
      sp >>>= 0;
      var id = go._nextCallbackTimeoutID++;
      go._scheduledTimeouts.set(id, apply(realSetTimeout, g, [function () {
        go._resume();
        // wasm_exec.js's workaround for go.dev/issue/28975: Go missed the event.
        while (go._scheduledTimeouts.has(id)) go._resume();
      }, getInt64(sp + 8)]));
      go.mem.setInt32(sp + 16, id, true);
    };
    imports['runtime.clearTimeoutEvent'] = function (sp) {
      sp >>>= 0;
      var id = go.mem.getInt32(sp + 8, true);
      apply(realClearTimeout, g, [go._scheduledTimeouts.get(id)]);
      go._scheduledTimeouts.delete(id);
    };
    imports['runtime.getRandomData'] = function (sp) {
      sp >>>= 0;
      apply(getRandomValues, realCrypto, [new RealUint8Array(memory(), getInt64(sp + 8), getInt64(sp + 16))]);
    };
  }

  // run runs Go's main until it blocks: it installs the core (bridge.install)
  // before go.run returns. The held calls are replayed after that, from
  // this stack, not while Go is on it.
  function run(instance) {
    started = true;
    compiled = null;
    fetchedBytes = null;
    mem = instance.exports.mem || null;
    var t0 = now(), lent = goStandIns();
    lent.__xdomainrequest_bridge__ = bridge;
    try {
      withGoGlobals(lent, function () { go.run(instance); });
      startRun = now() - t0;
    } catch (e) {
      core = null;
      startFailed(e);
      return;
    }
    if (!core) {
      loadFailed('the Go side did not start (see the errors above).');
      return;
    }
    replay();
    writeLines();
    settleReady[0](true);
  }

  function startFailed(e) {
    var msg = String(e && e.message || e);
    if (/Content Security Policy|blocked by CSP|unsafe-eval/i.test(msg) || (e && e.name === 'CompileError' && /CSP|disallowed|policy/i.test(msg))) {
      msg += ' (a Content-Security-Policy must allow \'wasm-unsafe-eval\')';
    }
    loadFailed('could not load ' + wasmURL + ': ' + msg);
  }

  removeStandIns();
  var existing = ownValue(g, 'XDomainRequest');
  if (existing && !(config & CONFIG_REPLACE_NATIVE)) return;  // a native XDomainRequest stays
  bridge.native = !!existing;
  // A page's `var XDomainRequest;` before this script (a feature test of
  // the era) made the name a property that cannot be redefined, only set.
  var declared = ownProperty(g, 'XDomainRequest');
  Object.defineProperty(g, 'XDomainRequest', declared && !declared.configurable ? { value: define() } : {
    value: define(), writable: true, configurable: true, enumerable: false
  });

  try { wasmURL = new RealURL('xdomainrequest.wasm', ownURL()).href; } catch (e) { wasmURL = 'xdomainrequest.wasm'; }
  if (typeof g.Go !== 'function') {
    loadFailed('wasm_exec.js must be included before xdomainrequest.js.');
    return;
  }
  if (typeof WebAssembly !== 'object') {
    loadFailed('this browser has no WebAssembly.');
    return;
  }
  go = new g.Go();
  goImports(go);
  startAsync();
})();
