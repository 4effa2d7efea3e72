// TestConformanceAbort, "harmless after completion".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
    xdrWatch(x, rec, performance.now(), function () {
      o.thrown = xdrErr(function () { x.abort(); });
      setTimeout(function () { o.thrown = o.thrown || xdrErr(function () { x.abort(); }); }, 50);
      setTimeout(function () { resolve(o); }, 300);
    });
    x.open('GET', url); x.send();
    setTimeout(function () { rec.stuck = true; resolve(o); }, 3000);
  });
}
