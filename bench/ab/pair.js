// Two builds of the polyfill in one page, taking turns with fetch request
// by request: the build the page loaded (a) and BENCH_DIST's
// xdomainrequest-b.js (b), a copy of another build's xdomainrequest.js
// whose global is renamed XDomainRequestB (sed "s/'XDomainRequest')/
// 'XDomainRequestB')/; s/(g, 'XDomainRequest', {/(g, 'XDomainRequestB', {/").
// Both load the same xdomainrequest.wasm, each its own Go. The machine's
// drift from run to run falls on both alike, which separate runs of
// turns.js cannot give: b × a is the median of the rounds' own ratios.
(function () {
  var WAYS = ['fetch', 'a', 'b'], ROUNDS = 61, PER_ROUND = 40, api = location.search.slice(1), serial = 0;
  function url() { return api + '/small?p=' + (++serial); }
  function viaXDR(C) {
    return new Promise(function (resolve, reject) {
      var x = new C();
      x.onload = function () { resolve(x.responseText.length); };
      x.onerror = x.ontimeout = function () { reject(new Error('request failed')); };
      x.open('GET', url());
      x.send();
    });
  }
  var ways = {
    fetch: function () { return fetch(url(), { method: 'GET', mode: 'cors', credentials: 'omit' }).then(function (r) { return r.text(); }); },
    a: function () { return viaXDR(XDomainRequest); },
    b: function () { return viaXDR(XDomainRequestB); }
  };
  function round() {
    var spent = WAYS.map(function () { return 0; }), order = WAYS.map(function (_, w) { return w; }), i = 0, k = WAYS.length;
    function next() {
      if (k === WAYS.length) { k = 0; i++; order.sort(function () { return Math.random() - 0.5; }); }
      if (i > PER_ROUND) return Promise.resolve(spent.map(function (ms) { return ms / PER_ROUND; }));
      var w = order[k++], t0 = performance.now();
      return ways[WAYS[w]]().then(function () { spent[w] += performance.now() - t0; return next(); });
    }
    return next();
  }
  var per = { fetch: [], a: [], b: [] }, p = loadB();
  WAYS.forEach(function (w) { p = p.then(function () { var q = Promise.resolve(); for (var j = 0; j < 100; j++) q = q.then(ways[w]); return q; }); });
  for (var r = 0; r < ROUNDS; r++) {
    p = p.then(round).then(function (ms) { ms.forEach(function (v, k) { per[WAYS[k]].push(v); }); });
  }
  function median(a) { a = a.slice().sort(function (x, y) { return x - y; }); return a[a.length >> 1]; }
  function ratio(x, y) {
    var rs = per[x].map(function (v, i) { return v / per[y][i]; });
    return median(rs).toFixed(3) + ' [' + Math.min.apply(null, rs).toFixed(2) + '–' + Math.max.apply(null, rs).toFixed(2) + ']';
  }
  return p.then(function () {
    return 'fetch ' + (median(per.fetch) * 1000).toFixed(0) + ' µs, a ' + (median(per.a) * 1000).toFixed(0) +
      ' µs, b ' + (median(per.b) * 1000).toFixed(0) + ' µs; a × fetch ' + ratio('a', 'fetch') +
      ', b × fetch ' + ratio('b', 'fetch') + ', b × a ' + ratio('b', 'a');
  });
})()
