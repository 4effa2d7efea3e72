// What a GET of each kind of answer (/small with a Content-Length,
// /chunked, /gzip compressed on the fly and chunked) costs in calls into
// Go and timers when 200 are sent at once, as the bench's "200 GETs at
// once" sends them (no onprogress handler), by XDomainRequest.stats():
// the page's build (a) and BENCH_DIST's xdomainrequest-b.js (b; pair.js
// says how to make it), 5 bursts each after one unmeasured. Counts, not
// times, but how many bodies end within SMALL_BODY_WAIT depends on how
// busy the page is, so the machine's load moves them a little.
(function () {
  var PATHS = ['/small', '/chunked', '/gzip'], N = 200, BURSTS = 5, api = location.search.slice(1), serial = 0;
  function one(C, path) {
    return new Promise(function (resolve, reject) {
      var x = new C();
      x.onload = function () { resolve(); };
      x.onerror = x.ontimeout = function () { reject(new Error('request failed')); };
      x.open('GET', api + path + '?c=' + (++serial));
      x.send();
    });
  }
  function burst(C, path) {
    var all = [];
    for (var i = 0; i < N; i++) all.push(one(C, path));
    return Promise.all(all);
  }
  function bursts(C, path, n) {
    var p = Promise.resolve();
    for (var i = 0; i < n; i++) p = p.then(function () { return burst(C, path); });
    return p;
  }
  var out = [], p = loadB();
  PATHS.forEach(function (path) {
    [['a', XDomainRequest], ['b', null]].forEach(function (build) {
      var before, t0;
      p = p.then(function () {
        var C = build[1] || XDomainRequestB;
        return bursts(C, path, 1).then(function () { before = C.stats(); t0 = performance.now(); return bursts(C, path, BURSTS); });
      }).then(function () {
        var after = (build[1] || XDomainRequestB).stats(), n = N * BURSTS;
        out.push(path + ' ' + build[0] + ': calls into Go ' + ((after.goCalls - before.goCalls) / n).toFixed(2) +
          ', timers ' + ((after.timers - before.timers) / n).toFixed(2) + ' per request; ' +
          ((performance.now() - t0) / BURSTS).toFixed(0) + ' ms a burst');
      });
    });
  });
  return p.then(function () { return out.join('\n'); });
})()
