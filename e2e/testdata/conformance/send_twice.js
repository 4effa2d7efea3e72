// TestConformanceSend, "second send throws Invalid state. and the first completes".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
    xdrWatch(x, rec, performance.now(), function () { setTimeout(function () { resolve(o); }, 300); });
    x.open('GET', url); x.send();
    o.second = xdrErr(function () { x.send(); });
    setTimeout(function () { rec.stuck = true; resolve(o); }, 3000);
  });
}
