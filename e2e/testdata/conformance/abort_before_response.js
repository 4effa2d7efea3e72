// TestConformanceAbort, "before the response: no event".
async function (url) {
  var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
  xdrWatch(x, rec, performance.now());
  x.timeout = 600;
  x.open('GET', url); x.send();
  await xdrSleep(100);
  o.thrown = xdrErr(function () { x.abort(); });
  o.after = {text: x.responseText, ct: x.contentType};
  await xdrSleep(900); // past the response and the timeout
  return o;
}
