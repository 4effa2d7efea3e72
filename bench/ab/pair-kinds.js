// pair.js for the three kinds of the small answer (e2e/bench_test.go's
// responseKinds: /small with a Content-Length, /chunked, /gzip compressed
// on the fly and chunked): fetch, the stand-in and two builds of the
// polyfill in one page, taking turns request by request, for each kind in
// each round. a is the page's build, b BENCH_DIST's xdomainrequest-b.js
// (pair.js says how to make it). Each ratio is the median of the rounds'
// own ratios, [min–max].
(function () {
  var WAYS = ['fetch', 'standin', 'a', 'b'], PATHS = ['/small', '/chunked', '/gzip'], ROUNDS = 15, PER_ROUND = 40;
  var api = location.search.slice(1), serial = 0;
  function url(path) { return api + path + '?p=' + (++serial); }
  function viaXDR(C, path) {
    return new Promise(function (resolve, reject) {
      var x = new C();
      x.onload = function () { resolve(x.responseText.length); };
      x.onerror = x.ontimeout = function () { reject(new Error('request failed')); };
      x.open('GET', url(path));
      x.send();
    });
  }
  var ways = {
    fetch: function (path) { return fetch(url(path), { method: 'GET', mode: 'cors', credentials: 'omit' }).then(function (r) { return r.text(); }); },
    standin: function (path) { return viaXDR(StandInXDomainRequest, path); },
    a: function (path) { return viaXDR(XDomainRequest, path); },
    b: function (path) { return viaXDR(XDomainRequestB, path); }
  };
  function round(path) {
    var spent = WAYS.map(function () { return 0; }), order = WAYS.map(function (_, w) { return w; }), i = 0, k = WAYS.length;
    function next() {
      if (k === WAYS.length) { k = 0; i++; order.sort(function () { return Math.random() - 0.5; }); }
      if (i > PER_ROUND) return Promise.resolve(spent.map(function (ms) { return ms / PER_ROUND; }));
      var w = order[k++], t0 = performance.now();
      return ways[WAYS[w]](path).then(function () { spent[w] += performance.now() - t0; return next(); });
    }
    return next();
  }
  var per = {}, p = loadB();
  PATHS.forEach(function (path) {
    per[path] = {};
    WAYS.forEach(function (w) {
      per[path][w] = [];
      p = p.then(function () { var q = Promise.resolve(); for (var j = 0; j < 50; j++) q = q.then(function () { return ways[w](path); }); return q; });
    });
  });
  for (var r = 0; r < ROUNDS; r++) {
    PATHS.forEach(function (path) {
      p = p.then(function () { return round(path); }).then(function (ms) { ms.forEach(function (v, k) { per[path][WAYS[k]].push(v); }); });
    });
  }
  function median(a) { a = a.slice().sort(function (x, y) { return x - y; }); return a[a.length >> 1]; }
  function ratio(path, x, y) {
    var rs = per[path][x].map(function (v, i) { return v / per[path][y][i]; });
    return median(rs).toFixed(3) + ' [' + Math.min.apply(null, rs).toFixed(2) + '–' + Math.max.apply(null, rs).toFixed(2) + ']';
  }
  return p.then(function () {
    return PATHS.map(function (path) {
      return path + ': fetch ' + (median(per[path].fetch) * 1000).toFixed(0) + ' µs; a × fetch ' + ratio(path, 'a', 'fetch') +
        ', b × fetch ' + ratio(path, 'b', 'fetch') + ', stand-in × fetch ' + ratio(path, 'standin', 'fetch') + ', b × a ' + ratio(path, 'b', 'a');
    }).join('\n');
  });
})()
