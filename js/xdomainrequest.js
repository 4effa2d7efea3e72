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

  // Keep in step with xdr_logic.go (xdr_logic_test.go checks it).
  var A_RESET = 1, A_PROGRESS = 2, A_LOAD = 4, A_ERROR = 8, A_TIMEOUT = 16, A_CONTINUE = 32;
  var C_NETWORK = 1, C_CUT = 3;

  var script = g.document && g.document.currentScript;
  var selfURL = (script && script.src) || (g.location && g.location.href) || '';
  var wasmURL = new URL('xdomainrequest.wasm', selfURL).href;

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

  function define() {
    class XDomainRequest extends EventTarget {
      #q;
      constructor() {
        super();
        this.#q = { x: this, id: 0, text: '', ct: '', timeout: -1, h: null };
        this.onerror = null;
        this.onload = null;
        this.onprogress = null;
        this.ontimeout = null;
      }
      get responseText() { return this.#q.text; }
      get contentType() { return this.#q.ct; }
      get timeout() { return this.#q.timeout; }
      set timeout(v) {
        var r = core.timeout(v);
        if (typeof r === 'string') throw new Error(r);
        this.#q.timeout = r;
      }
      open(method, url) {
        var q = this.#q, n = arguments.length, u = null;
        if (n >= 2) {
          method = String(method);
          try { u = new URL(url, baseURL()); } catch (e) { u = null; }
        }
        var r = core.open(q.id, n, n >= 2 ? method : '', u ? u.href : null,
          u ? u.protocol : '', u ? u.hostname : '', u ? (u.username !== '' || u.password !== '') : false);
        if (typeof r === 'string') throw new Error(r);
        q.id = r;
        q.text = '';
        q.ct = '';
        if (registry) {
          if (!q.h) { q.h = { id: 0 }; registry.register(this, q.h); }
          q.h.id = r;
        }
      }
      send(body) {
        var q = this.#q, r;
        sending = q;
        try { r = core.send(q.id, body, q.timeout); } finally { sending = null; }
        if (typeof r === 'string') throw new Error(r);
      }
      abort() {
        var q = this.#q;
        act(q, q.id, core.abort(q.id));
      }
    }
    Object.defineProperty(XDomainRequest.prototype, Symbol.toStringTag, {
      value: 'XDomainRequest', configurable: true
    });
    return XDomainRequest;
  }

  // The bridge the Go side looks for while it starts (main.go, xdr_js.go).
  var bridge = {
    host: host,
    config: config,
    install: function (c) {
      core = c;
      Object.defineProperty(g, 'XDomainRequest', {
        value: define(), writable: true, configurable: true, enumerable: false
      });
    }
  };

  function instantiate(go) {
    return fetch(wasmURL).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status + ' fetching ' + wasmURL);
      var type = res.headers.get('content-type') || '';
      if (typeof WebAssembly.instantiateStreaming === 'function' && /^application\/wasm\s*(;|$)/i.test(type)) {
        return WebAssembly.instantiateStreaming(res, go.importObject);
      }
      console.warn(TAG + wasmURL + ' was served as "' + type + '", not application/wasm: ' +
        'compiling from an array buffer (slower); configure the server to send application/wasm.');
      return res.arrayBuffer().then(function (buf) {
        return WebAssembly.instantiate(buf, go.importObject);
      });
    });
  }

  if (typeof g.Go !== 'function') {
    console.error(TAG + 'wasm_exec.js must be included before xdomainrequest.js.');
    return;
  }
  var go = new g.Go();
  instantiate(go).then(function (r) {
    g.__xdomainrequest_bridge__ = bridge;
    try {
      go.run(r.instance);
    } finally {
      delete g.__xdomainrequest_bridge__;
    }
  }).catch(function (e) {
    console.error(TAG + 'could not load ' + wasmURL + ': ' + (e && e.message || e));
  });
})();
