// pair.js for streaming: 64 MiB through onprogress by the build the page
// loaded (a) and BENCH_DIST's xdomainrequest-b.js (b, see pair.js), with
// fetch + reader + TextDecoder and the stand-in, in rounds whose order
// rotates; MB/s medians, and b × a as the median of the rounds' ratios.
(function () {
  var WAYS = ['fetch', 'a', 'b', 'standin'], ROUNDS = 31, api = location.search.slice(1), serial = 0;
  function viaXDR(C) {
    return new Promise(function (resolve, reject) {
      var x = new C(), t0 = performance.now();
      x.onprogress = function () {};
      x.onload = function () { resolve(64 * 1048576 / 1e3 / (performance.now() - t0)); };
      x.onerror = x.ontimeout = function () { reject(new Error('stream failed')); };
      x.open('GET', api + '/big?s=' + (++serial));
      x.send();
    });
  }
  var ways = {
    fetch: function () { return stream('fetch').then(function (r) { return 64 * 1048576 / 1e3 / r.ms; }); },
    a: function () { return viaXDR(XDomainRequest); },
    b: function () { return viaXDR(XDomainRequestB); },
    standin: function () { return viaXDR(StandInXDomainRequest); }
  };
  var per = { fetch: [], a: [], b: [], standin: [] }, p = loadB();
  WAYS.forEach(function (w) { p = p.then(ways[w]); });  // warm
  for (var r = 0; r < ROUNDS; r++) {
    (function (r) {
      WAYS.forEach(function (_, k) {
        var w = WAYS[(r + k) % WAYS.length];
        p = p.then(function () { if (typeof gc === 'function') gc(); return ways[w](); }).then(function (mbs) { per[w].push(mbs); });
      });
    })(r);
  }
  function median(a) { a = a.slice().sort(function (x, y) { return x - y; }); return a[a.length >> 1]; }
  function ratio(x, y) { return median(per[x].map(function (v, i) { return v / per[y][i]; })).toFixed(3); }
  return p.then(function () {
    return WAYS.map(function (w) { return w + ' ' + median(per[w]).toFixed(0) + ' MB/s'; }).join(', ') +
      '; a × fetch ' + ratio('a', 'fetch') + ', b × fetch ' + ratio('b', 'fetch') + ', standin × fetch ' + ratio('standin', 'fetch') +
      ', b × a ' + ratio('b', 'a');
  });
})()
