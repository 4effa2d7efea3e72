// The bench's sequential measurement, alone and quick to repeat: rounds of
// page.js's interleaved() (40 GETs per way, request by request, in turns),
// then per way its median time per request and the median of the rounds'
// ratios to fetch, with their min–max. Ways: any of page.js's (xdr,
// standin, fetch, xhr, and the ladder's bytes … object).
(function () {
  var WAYS = ['xdr', 'standin', 'fetch', 'xhr'], ROUNDS = 31, PER_ROUND = 40;
  var per = {}, p = Promise.resolve();
  WAYS.forEach(function (w) { per[w] = []; p = p.then(function () { return sequential(w, 'GET', 100); }); });  // warm
  for (var r = 0; r < ROUNDS; r++) {
    p = p.then(function () {
      return interleaved(WAYS, 'GET', PER_ROUND).then(function (ms) { ms.forEach(function (v, k) { per[WAYS[k]].push(v); }); });
    });
  }
  function median(a) { a = a.slice().sort(function (x, y) { return x - y; }); return a[a.length >> 1]; }
  return p.then(function () {
    return WAYS.map(function (w) {
      var ratios = per[w].map(function (v, i) { return v / per.fetch[i]; });
      return w + ': ' + (median(per[w]) * 1000).toFixed(0) + ' µs, × fetch ' + median(ratios).toFixed(3) +
        ' [' + Math.min.apply(null, ratios).toFixed(2) + '–' + Math.max.apply(null, ratios).toFixed(2) + ']';
    }).join('\n');
  });
})()
