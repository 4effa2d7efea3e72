  // js/30-globals.js: what the polyfill takes of the page's globals when its script runs, the configuration, the page, the stack probe.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)


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
  // (The browser extension's copy runs before the page's first script, and
  // reads it again when its Go side starts: js/75-start.js, fromExtension.)
  var config = readConfig();
  function readConfig() {
    var given = ownValue(g, 'XDomainRequestConfig'), bits = 0;
    if (ownValue(given, 'allowCrossScheme') === true) bits |= CONFIG_ALLOW_CROSS_SCHEME;
    if (ownValue(given, 'allowAnyZone') === true) bits |= CONFIG_ALLOW_ANY_ZONE;
    if (ownValue(given, 'replaceNative') === true) bits |= CONFIG_REPLACE_NATIVE;
    return bits;
  }

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
  // started by an allocation, or a host call such as later). Its frames
  // shrink once the engine's optimizing tier compiles it (after some
  // thousands of calls): in V8 (Node 20) 400 frames then cover 172 frames
  // of a small JavaScript function instead of 688, too few for a send()
  // whose host call arms a timer (test/node/unit/stack.test.js, 1200 was
  // the least that held); 1600 covers 686 optimized and 2745 before, and
  // costs about 12 microseconds a call once optimized (3 at 400), paid only
  // by calls that cross into Go. TestHostileStackExhaustion checks it at
  // every entry in each engine (before optimization: Firefox 153 needed
  // between 20 and 60, Chromium 156 survived even 0).
  var PROBE_DEPTH = 1600;
  // How long the reader waits for a read that is settled already before it
  // reports what it has (fetch's body streams resolve a read of queued data
  // or of the end within two microtasks).
  var LOOK_AHEAD_MICROTASKS = 4;
  // A body whose Content-Length announces at most SMALL_BODY_MAX bytes, or
  // that announces none (sent chunked, compressed on the fly), is given
  // SMALL_BODY_WAIT ms (a timer) for its next reads instead, from its first
  // wait, while no more than SMALL_BODY_MAX bytes have come; once exactly
  // as many bytes as announced have come, as long as its end takes: nothing
  // but the end can follow them (a busy page may see it tasks later). The
  // headers, the bytes and the end then still cross into Go once (the end
  // of a chunked body comes a task or more after its bytes). A body that
  // arrives slower gets its first onprogress that much later, no later.
  // (The length only sets the wait, and a body that decodes to another
  // length than announced, compressed or chunked, waits SMALL_BODY_WAIT:
  // whether it is whole is what the browser reports.)
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

