// The benchmark page (e2e/bench_test.go drives it): the same request made
// by the polyfill, by the plain-JavaScript stand-in (standin.js), by fetch
// and by XMLHttpRequest. Every request has its own URL (a query parameter
// that counts), as polling transports, cache busters and searches make.
(function () {
  'use strict';
  var api = location.search.slice(1), serial = 0;
  function url(path) { return api + path + (path.indexOf('?') < 0 ? '?' : '&') + 'i=' + (++serial); }
  var POST_BODY = 'q=benchmark&page=1&lang=en';

  function viaXDR(Class, method, path) {
    return new Promise(function (resolve, reject) {
      var x = new Class();
      x.onload = function () { resolve(x.responseText.length); };
      x.onerror = x.ontimeout = function () { reject(new Error(method + ' ' + path + ' failed')); };
      x.open(method, url(path));
      if (method === 'POST') x.send(POST_BODY); else x.send();
    });
  }
  function viaFetch(method, path) {
    var init = { method: method, mode: 'cors', credentials: 'omit' };
    if (method === 'POST') init.body = POST_BODY;
    return fetch(url(path), init).then(function (r) { return r.text(); }).then(function (t) { return t.length; });
  }
  function viaXHR(method, path) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.onload = function () { resolve(x.responseText.length); };
      x.onerror = function () { reject(new Error('xhr failed')); };
      x.open(method, url(path));
      x.send(method === 'POST' ? POST_BODY : null);
    });
  }
  // The ladder (make profile, in engines whose profiler the bench cannot
  // drive): fetch + text(), then at each step one more piece of the work
  // any XDomainRequest on fetch does for a small GET, so that the
  // difference between two steps is what that piece costs in an engine.
  //   bytes   arrayBuffer() decoded by one TextDecoder kept for the page,
  //           instead of text()
  //   decoder + a new TextDecoder per request, for the response's charset
  //   signal  + an AbortController's signal in the fetch (abort, timeout)
  //   url     + the URL parsed against the document's base, as open() does
  //   object  + an EventTarget object with its four on* listeners, and
  //           progress and load dispatched to handlers
  var CHARSET = /;\s*charset\s*=\s*"?([^;"\s]+)/i;
  function ladder(step) {
    var perRequest = step >= 2, signal = step >= 3, parse = step >= 4, object = step >= 5, kept = new TextDecoder();
    function handler(ev) { var h = this['on' + ev.type]; if (typeof h === 'function') h.call(this, ev); }
    return function (method, path) {
      var u = url(path), target = null, ctl = signal ? new AbortController() : null;
      if (parse) u = new URL(u, document.baseURI).href;
      var init = { method: method, mode: 'cors', credentials: 'omit' };
      if (ctl) init.signal = ctl.signal;
      if (method === 'POST') init.body = POST_BODY;
      return new Promise(function (resolve) {
        if (object) {
          target = new EventTarget();
          for (var t of ['progress', 'load', 'error', 'timeout']) target.addEventListener(t, handler);
          target.onprogress = function () {};
          target.onload = function () { resolve(target.text.length); };
        }
        fetch(u, init).then(function (r) {
          var dec = kept;
          if (perRequest) { var m = CHARSET.exec(r.headers.get('content-type') || ''); dec = new TextDecoder(m ? m[1] : 'utf-8'); }
          return r.arrayBuffer().then(function (b) {
            var text = dec.decode(new Uint8Array(b));
            if (!target) { resolve(text.length); return; }
            target.text = text;
            target.dispatchEvent(new Event('progress'));
            target.dispatchEvent(new Event('load'));
          });
        });
      });
    };
  }
  var ways = {
    xdr: function (m, p) { return viaXDR(window.XDomainRequest, m, p); },
    standin: function (m, p) { return viaXDR(window.StandInXDomainRequest, m, p); },
    fetch: viaFetch,
    xhr: viaXHR,
    bytes: ladder(1),
    decoder: ladder(2),
    signal: ladder(3),
    url: ladder(4),
    object: ladder(5)
  };

  // sequential makes n requests one after the other; it resolves to the
  // milliseconds per request.
  // path is the endpoint, '/small' unless given: '/chunked' and '/gzip'
  // answer the same without a Content-Length (e2e/bench_test.go).
  window.sequential = function (way, method, n, path) {
    var f = ways[way], t0 = performance.now(), i = 0;
    path = path || '/small';
    function next() { return i++ < n ? f(method, path).then(next) : Promise.resolve(); }
    return next().then(function () { return (performance.now() - t0) / n; });
  };
  // interleaved makes n requests of each way, one request at a time, the
  // ways taking turns in groups of one request each, in an order shuffled
  // per group: a slower moment of the machine falls on every way alike,
  // and no way always follows the same other way (a request can leave work
  // behind for the next, a connection to reuse or garbage). The shuffle's
  // generator is seeded: every run takes the same orders. It resolves to
  // each way's milliseconds per request, in the order of names.
  window.interleaved = function (names, method, n, path) {
    path = path || '/small';
    var spent = names.map(function () { return 0; }), order = names.map(function (_, w) { return w; }), i = 0, k = names.length;
    function next() {
      if (k === names.length) { k = 0; i++; shuffle(order); }
      if (i > n) return Promise.resolve();
      var w = order[k++], t0 = performance.now();
      return ways[names[w]](method, path).then(function () { spent[w] += performance.now() - t0; return next(); });
    }
    return next().then(function () { return spent.map(function (ms) { return ms / n; }); });
  };
  var seed = 20261203;
  function shuffle(a) {  // Fisher-Yates, with a linear congruential generator
    for (var j = a.length - 1; j > 0; j--) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 2147483647;
      var r = Math.floor(seed / 2147483648 * (j + 1)), t = a[j];
      a[j] = a[r]; a[r] = t;
    }
  }
  // concurrent makes n requests at once; it resolves to the milliseconds
  // until all are done.
  window.concurrent = function (way, n, path) {
    var f = ways[way], t0 = performance.now(), all = [];
    for (var i = 0; i < n; i++) all.push(f('GET', path || '/small'));
    return Promise.all(all).then(function () { return performance.now() - t0; });
  };
  // stream reads /big (64 MiB) through onprogress, or through fetch's
  // reader and a TextDecoder. Where the page can collect garbage (gc(),
  // Chromium), it does first: the 64 MiB strings of the last transfer are
  // then not collected during the next, whichever way that is.
  window.stream = function (way) {
    if (typeof gc === 'function') gc();
    var t0 = performance.now();
    if (way === 'fetch') {
      var dec = new TextDecoder(), text = '';
      return fetch(url('/big'), { mode: 'cors', credentials: 'omit' }).then(function (r) {
        var rd = r.body.getReader();
        function pump() {
          return rd.read().then(function (c) {
            if (c.done) { text += dec.decode(); return { ms: performance.now() - t0, length: text.length, events: 0 }; }
            text += dec.decode(c.value, { stream: true });
            return pump();
          });
        }
        return pump();
      });
    }
    return new Promise(function (resolve, reject) {
      var x = new (way === 'xdr' ? XDomainRequest : StandInXDomainRequest)(), events = 0;
      x.onprogress = function () { events++; };
      x.onload = function () { resolve({ ms: performance.now() - t0, length: x.responseText.length, events: events }); };
      x.onerror = x.ontimeout = function () { reject(new Error('stream failed')); };
      x.open('GET', url('/big'));
      x.send();
    });
  };
  // loadB loads a second build of the polyfill, as XDomainRequestB, from
  // the bench's dist directory (xdomainrequest-b.js: bench/ab/pair.js says
  // how to make it), and resolves when it is ready.
  window.loadB = function () {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = '/dist/xdomainrequest-b.js';
      s.onload = function () { XDomainRequestB.ready.then(resolve, reject); };
      s.onerror = function () { reject(new Error('no xdomainrequest-b.js in BENCH_DIST')); };
      document.head.appendChild(s);
    });
  };
  // clock is the step of performance.now() in this page (the smallest
  // change seen), in µs, and whether the page is cross-origin isolated (the
  // engines give isolated pages a finer clock).
  window.clock = function () {
    var step = Infinity, t = performance.now(), seen = 0;
    for (var i = 0; i < 5000000 && seen < 50; i++) {
      var u = performance.now();
      if (u !== t) { step = Math.min(step, u - t); t = u; seen++; }
    }
    return { step: Math.round(step * 1000), isolated: self.crossOriginIsolated === true };
  };
  // memory is what the page holds after collections: the JavaScript heap
  // (Chromium only: performance.memory and gc()), wasm linear memory and
  // Go's heap.
  window.memory = function () {
    function pause() { return new Promise(function (r) { setTimeout(r, 50); }); }
    function collect() { if (typeof gc === 'function') gc(); }
    XDomainRequest.stats();  // a Go collection first: its finalizers release JavaScript values
    collect();
    return pause().then(function () { collect(); return pause(); }).then(function () {
      collect();
      var s = XDomainRequest.stats();
      return { jsHeap: performance.memory ? performance.memory.usedJSHeapSize : -1, wasm: s.wasmMemory, goHeap: s.goHeap };
    });
  };
})();
