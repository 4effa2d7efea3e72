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
  var ways = {
    xdr: function (m, p) { return viaXDR(window.XDomainRequest, m, p); },
    standin: function (m, p) { return viaXDR(window.StandInXDomainRequest, m, p); },
    fetch: viaFetch,
    xhr: viaXHR
  };

  // sequential makes n requests one after the other; it resolves to the
  // milliseconds per request.
  window.sequential = function (way, method, n) {
    var f = ways[way], t0 = performance.now(), i = 0;
    function next() { return i++ < n ? f(method, '/small').then(next) : Promise.resolve(); }
    return next().then(function () { return (performance.now() - t0) / n; });
  };
  // concurrent makes n requests at once; it resolves to the milliseconds
  // until all are done.
  window.concurrent = function (way, n) {
    var f = ways[way], t0 = performance.now(), all = [];
    for (var i = 0; i < n; i++) all.push(f('GET', '/small'));
    return Promise.all(all).then(function () { return performance.now() - t0; });
  };
  // stream reads /big (64 MiB) through onprogress, or through fetch's
  // reader and a TextDecoder.
  window.stream = function (way) {
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
