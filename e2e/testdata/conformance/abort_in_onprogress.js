// TestConformanceAbort, "... inside onprogress prevents onload": abort() or,
// when reopen, open('GET', url) inside the first onprogress.
async function (url, reopen) {
  var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
  xdrWatch(x, rec, performance.now());
  var h = x.onprogress; x.onprogress = function () { h.apply(this, arguments); if (reopen) this.open('GET', url); else this.abort(); };
  x.open('GET', url); x.send();
  await xdrSleep(800);
  rec.text = x.responseText; rec.ct = x.contentType;
  return o;
}
