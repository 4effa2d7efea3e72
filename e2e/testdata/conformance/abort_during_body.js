// TestConformanceAbort, "during the body: no event afterwards, responseText
// and contentType reset".
async function (url) {
  var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
  xdrWatch(x, rec, performance.now());
  var first = new Promise(function (r) { var h = x.onprogress; x.onprogress = function () { h.apply(this, arguments); r(); }; });
  x.open('GET', url); x.send();
  await first;
  o.thrown = xdrErr(function () { x.abort(); x.abort(); });
  o.after = {text: x.responseText, ct: x.contentType};
  await xdrSleep(1100);
  rec.text = x.responseText; rec.ct = x.contentType;
  return o;
}
