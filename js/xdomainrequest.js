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

  // Keep in step with xdr_logic.go (xdr_logic_test.go checks it).
  var A_RESET = 1, A_PROGRESS = 2, A_LOAD = 4, A_ERROR = 8, A_TIMEOUT = 16, A_CONTINUE = 32;
  var C_NETWORK = 1, C_CUT = 3;

  // Configuration: a global set before this script, read once, now.
  //   XDomainRequestConfig = { allowCrossScheme: false, allowAnyZone: false, replaceNative: false }
  var given = g.XDomainRequestConfig, config = {};
  if (given && typeof given === 'object') {
    ['allowCrossScheme', 'allowAnyZone', 'replaceNative'].forEach(function (k) { config[k] = given[k] === true; });
  }

  var core = null;        // the Go functions, set by install()
  var slots = new Map();  // request id -> {q, c, res, t}
  var sending = null;     // the record whose send() is in progress

  function baseURL() {
    return (g.document && g.document.baseURI) || (g.location && g.location.href) || undefined;
  }

  function report(e) {
    if (typeof g.reportError === 'function') g.reportError(e);
    else setTimeout(function () { throw e; });
  }

  function fire(x, type) {
    var ev = new Event(type);
    var h = x['on' + type];
    if (typeof h === 'function') {
      try { h.call(x, ev); } catch (e) { report(e); }
    }
    x.dispatchEvent(ev);
  }

  // act applies the actions the core decided, in their fixed order.
  function act(q, id, bits) {
    if (typeof bits !== 'number' || bits === 0) return;
    if (bits & A_RESET) { q.text = ''; q.ct = ''; }
    if (bits & A_PROGRESS) {
      fire(q.x, 'progress');
      if (bits & A_CONTINUE) bits = core.cont(id);
    }
    if (bits & A_LOAD) fire(q.x, 'load');
    if (bits & A_ERROR) fire(q.x, 'error');
    if (bits & A_TIMEOUT) fire(q.x, 'timeout');
  }

  function slotFor(id) {
    var s = slots.get(id);
    if (!s && sending) {
      s = { q: sending, c: null, res: null, t: {} };
      slots.set(id, s);
    }
    return s;
  }

  // pump reads the body: the first bytes choose the decoder (a byte order
  // mark overrides the charset, as the core decides), then each chunk is
  // decoded in stream mode and appended to responseText in JavaScript.
  function pump(id, s, rd) {
    var d = null, head = null;
    function decoder(bytes) {
      var label = core.bom(bytes.length > 0 ? bytes[0] : -1, bytes.length > 1 ? bytes[1] : -1,
        bytes.length > 2 ? bytes[2] : -1) || s.cs || 'utf-8';
      try { return new TextDecoder(label); } catch (e) { return new TextDecoder('utf-8'); }
    }
    function append(t) {
      if (t) { s.q.text += t; act(s.q, id, core.data(id)); }
    }
    function next() {
      rd.read().then(function (r) {
        if (slots.get(id) !== s) return;
        if (r.done) {
          if (!d && head) { d = decoder(head); append(d.decode(head, { stream: true })); }
          if (d && slots.get(id) === s) append(d.decode());
          if (slots.get(id) === s) act(s.q, id, core.end(id));
          return;
        }
        var v = r.value;
        if (!d) {
          if (head) { var joined = new Uint8Array(head.length + v.length); joined.set(head); joined.set(v, head.length); v = joined; }
          if (v.length < 3) { head = v; next(); return; }
          head = null;
          d = decoder(v);
        }
        s.q.text += d.decode(v, { stream: true });
        act(s.q, id, core.data(id));
        if (slots.get(id) === s) next();
      }, function () {
        if (slots.get(id) === s) act(s.q, id, core.fail(id, C_CUT));
      });
    }
    next();
  }

  // The host: primitives the Go binding calls. None of them runs page code
  // synchronously; events reach the page only through act().
  var host = {
    start: function (id, method, url, body) {
      var s = slotFor(id);
      var c = new AbortController();
      s.c = c;
      var init = { method: method, mode: 'cors', credentials: 'omit', signal: c.signal };
      if (body !== null && body !== undefined) init.body = body;
      var p;
      try { p = fetch(url, init); } catch (e) { p = Promise.reject(e); }
      p.then(function (res) {
        if (slots.get(id) !== s) return;
        s.res = res;
        act(s.q, id, core.head(id, res.status, res.headers.get('content-type') || ''));
      }, function () {
        if (slots.get(id) === s) act(s.q, id, core.fail(id, C_NETWORK));
      });
    },
    body: function (id, mediaType, charset) {
      var s = slots.get(id);
      if (!s) return;
      s.q.ct = mediaType;
      s.cs = charset;
      if (s.res.body) {
        pump(id, s, s.res.body.getReader());
      } else {
        Promise.resolve().then(function () {
          if (slots.get(id) === s) act(s.q, id, core.end(id));
        });
      }
    },
    later: function (id, kind, ms) {
      var s = slotFor(id);
      if (!s) return;
      clearTimeout(s.t[kind]);
      s.t[kind] = setTimeout(function () {
        if (slots.get(id) === s) act(s.q, id, core.tick(id, kind));
      }, ms);
    },
    drop: function (id) {
      var s = slots.get(id);
      if (!s) return;
      slots.delete(id);
      for (var k in s.t) clearTimeout(s.t[k]);
      if (s.c) { try { s.c.abort(); } catch (e) { /* already settled */ } }
    }
  };

  var registry = typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry(function (h) { if (core && h.id) core.free(h.id); })
    : null;

  // The operations of the class, once the Go side is ready. Each throws the
  // Error whose message the core returns.
  function opTimeout(q, v) {
    var r = core.timeout(v);
    if (typeof r === 'string') throw new Error(r);
    q.timeout = r;
  }
  function opOpen(q, n, method, u) {
    var r = core.open(q.id, n, method, u ? u.href : null, u ? u.protocol : '', u ? u.hostname : '',
      u ? (u.username !== '' || u.password !== '') : false);
    if (typeof r === 'string') throw new Error(r);
    q.id = r;
    q.text = '';
    q.ct = '';
    if (registry) {
      if (!q.h) { q.h = { id: 0 }; registry.register(q.x, q.h); }
      q.h.id = r;
    }
  }
  function opSend(q, body) {
    var r;
    sending = q;
    try { r = core.send(q.id, body, q.timeout); } finally { sending = null; }
    if (typeof r === 'string') throw new Error(r);
  }
  function opAbort(q) {
    act(q, q.id, core.abort(q.id));
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
    for (var i = 0; i < list.length; i++) {
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
        this.#q = { x: this, id: 0, text: '', ct: '', timeout: -1, h: null, fail: 0 };
        this.onerror = null;
        this.onload = null;
        this.onprogress = null;
        this.ontimeout = null;
      }
      get responseText() { return this.#q.text; }
      get contentType() { return this.#q.ct; }
      get timeout() { return this.#q.timeout; }
      set timeout(v) {
        var q = this.#q;
        if (!core && !failure) q.timeout = typeof v === 'number' ? v : Number(v);
        call(q, opTimeout, [v]);
      }
      open(method, url) {
        var q = this.#q, n = arguments.length, u = null;
        if (n >= 2) {
          method = String(method);
          try { u = new URL(url, baseURL()); } catch (e) { u = null; }
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
        var r = core ? core.stats() : [0, 0];
        return {
          goRequests: r[0], goHeap: r[1], jsRequests: slots.size, held: held.length,
          wasmMemory: mem ? mem.buffer.byteLength : 0
        };
      }
    });
    return XDomainRequest;
  }

  // The bridge the Go side looks for while it starts (main.go, xdr_js.go).
  var bridge = {
    host: host,
    config: config,
    native: false,
    install: function (c) {
      core = c;
      replay();
      settleReady[0](true);
    }
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

  var existing = g.XDomainRequest;
  if (existing && !config.replaceNative) return;  // a native XDomainRequest stays
  bridge.native = !!existing;
  Object.defineProperty(g, 'XDomainRequest', {
    value: define(), writable: true, configurable: true, enumerable: false
  });

  var wasmURL;
  try { wasmURL = new URL('xdomainrequest.wasm', ownURL()).href; } catch (e) { wasmURL = 'xdomainrequest.wasm'; }
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
    if (/Content Security Policy|CompileError.*(unsafe-eval|CSP)|wasm-unsafe-eval/i.test(msg) || (e && e.name === 'CompileError' && /disallowed|policy/i.test(msg))) {
      msg += ' (a Content-Security-Policy must allow \'wasm-unsafe-eval\')';
    }
    loadFailed('could not load ' + wasmURL + ': ' + msg);
  });
})();
