// TestConformanceAbort, "harmless before open and before send".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
    o.thrown = xdrErr(function () { x.abort(); });
    if (o.thrown) { resolve(o); return; }
    xdrWatch(x, rec, performance.now(), function () { setTimeout(function () { resolve(o); }, 200); });
    x.open('GET', url);
    o.thrown = xdrErr(function () { x.abort(); });
    if (o.thrown) { resolve(o); return; }
    x.send();
    setTimeout(function () { rec.stuck = true; resolve(o); }, 3000);
  });
}
