// TestConformanceTimeout, "set after open, before send".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), rec = {events: []};
    xdrWatch(x, rec, performance.now(), function () { setTimeout(function () { resolve(rec); }, 200); });
    x.open('GET', url); x.timeout = 150; x.send();
    setTimeout(function () { rec.stuck = true; resolve(rec); }, 3000);
  });
}
