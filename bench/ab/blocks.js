// Each way warm: blocks of 40 GETs of one way (page.js's sequential()),
// the ways' blocks in a new random order each round, then per way the
// trimmed mean (middle 60 %) of its blocks' time per request and of its
// difference to fetch's block of the same round, in µs. Finer than
// turns.js for pieces of 10–50 µs (the mean of many 40-request blocks
// gets below a 20 µs clock step), but every way runs with its code and
// data hot, which a page's requests seldom find.
(function () {
  var WAYS = ['fetch', 'bytes', 'object', 'standin', 'xdr'], ROUNDS = 200, BLOCK = 40;
  var per = {}, p = Promise.resolve();
  WAYS.forEach(function (w) { per[w] = []; p = p.then(function () { return sequential(w, 'GET', 100); }); });  // warm
  for (var r = 0; r < ROUNDS; r++) {
    p = p.then(function () {
      var order = WAYS.slice().sort(function () { return Math.random() - 0.5; }), q = Promise.resolve();
      order.forEach(function (w) { q = q.then(function () { return sequential(w, 'GET', BLOCK); }).then(function (ms) { per[w].push(ms * 1000); }); });
      return q;
    });
  }
  function trimmedMean(a) {
    a = a.slice().sort(function (x, y) { return x - y; });
    var k = Math.floor(a.length * 0.2), sum = 0;
    for (var i = k; i < a.length - k; i++) sum += a[i];
    return sum / (a.length - 2 * k);
  }
  return p.then(function () {
    return WAYS.map(function (w) {
      return w + ': ' + trimmedMean(per[w]).toFixed(0) + ' µs, over fetch ' +
        trimmedMean(per[w].map(function (v, i) { return v - per.fetch[i]; })).toFixed(0) + ' µs';
    }).join('\n');
  });
})()
