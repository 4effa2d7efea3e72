// TestConformanceResponse, "contentType is empty until the headers, then
// set before data": the state before and after the headers, and the events.
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
    xdrWatch(x, rec, performance.now(), function () { setTimeout(function () { xdrSnap(x, rec); resolve(o); }, 200); });
    x.open('GET', url); x.send();
    setTimeout(function () { o.early = {text: x.responseText, ct: x.contentType}; }, 200);
    setTimeout(function () { o.headers = {text: x.responseText, ct: x.contentType}; }, 800);
    setTimeout(function () { rec.stuck = true; resolve(o); }, 4000);
  });
}
