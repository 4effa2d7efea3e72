// What a small GET of each kind of answer (/small with a Content-Length,
// /chunked, /gzip compressed on the fly and chunked) costs in calls into
// Go and timers, per request, by XDomainRequest.stats(): the page's build
// (a) and BENCH_DIST's xdomainrequest-b.js (b; pair.js says how to make
// it), 200 sequential GETs each after 50 unmeasured. Counts, not times:
// the machine's load does not move them.
(function () {
  var PATHS = ['/small', '/chunked', '/gzip'], N = 200, api = location.search.slice(1), serial = 0;
  function one(C, path) {
    return new Promise(function (resolve, reject) {
      var x = new C(), progress = 0;
      x.onprogress = function () { progress++; };
      x.onload = function () { resolve(progress); };
      x.onerror = x.ontimeout = function () { reject(new Error('request failed')); };
      x.open('GET', api + path + '?c=' + (++serial));
      x.send();
    });
  }
  function many(C, path, n) {
    var p = Promise.resolve(0);
    for (var i = 0; i < n; i++) p = p.then(function (events) { return one(C, path).then(function (e) { return events + e; }); });
    return p;
  }
  var out = [], p = loadB();
  PATHS.forEach(function (path) {
    [['a', XDomainRequest], ['b', null]].forEach(function (build) {
      var before;
      p = p.then(function () { var C = build[1] || XDomainRequestB; return many(C, path, 50).then(function () { before = C.stats(); return many(C, path, N); }); })
        .then(function (events) {
          var after = (build[1] || XDomainRequestB).stats();
          out.push(path + ' ' + build[0] + ': calls into Go ' + ((after.goCalls - before.goCalls) / N).toFixed(2) +
            ', timers ' + ((after.timers - before.timers) / N).toFixed(2) + ', onprogress ' + (events / N).toFixed(2) + ' per request');
        });
    });
  });
  return p.then(function () { return out.join('\n'); });
})()
