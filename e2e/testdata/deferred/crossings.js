// TestDeferredRequests: the crossings into Go of deferred requests, kept
// answers after the table of names starts again, and deferred requests
// aborted or cancelled by open() before the core has heard of them.
async function (small, other, slow, plain) {
  function calls() { return XDomainRequest.stats().goCalls; }
  function get(url, withType, timeout) {
    return new Promise(function (resolve) {
      var x = new XDomainRequest();
      if (timeout) x.timeout = timeout;
      x.onload = function () { resolve(withType ? x.contentType + " " + x.responseText : x.responseText); };
      x.onerror = function () { resolve("error"); };
      x.open("GET", url);
      x.send();
    });
  }
  function pause(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  var out = { calls: [], texts: [], aborted: [], reopened: [] };
  for (var i = 0; i < 4; i++) {
    var before = calls();
    out.texts.push(await get(small + "&i=" + i));
    out.calls.push(calls() - before - 1);  // stats() is a call itself
  }
  before = calls();
  out.texts.push(await get(other));  // other first bytes: first() crosses
  out.calls.push(calls() - before - 1);
  // Aborted before its response: no event, nothing held.
  var a = new XDomainRequest();
  ["load", "error", "timeout", "progress"].forEach(function (type) { a["on" + type] = function () { out.aborted.push(type); }; });
  a.open("GET", slow);
  a.send();
  await pause(50);
  a.abort();
  // Cancelled by open() before its response: only the second request's events.
  var b = new XDomainRequest();
  ["load", "error", "timeout"].forEach(function (type) { b["on" + type] = function () { out.reopened.push(type + ":" + b.responseText); }; });
  b.open("GET", slow);
  b.send();
  await pause(50);
  b.open("GET", other);
  b.send();
  await pause(900);
  // 300 media types fill the core's table of names, which starts again: a
  // kept answer must not name the media type by a reused index. (With a
  // time-out these requests are not deferred, so their answers are not
  // kept and do not push the kept one out.)
  for (i = 0; i < 300; i++) await get(plain + "&ct=text/x-k" + i, false, 10000);
  out.afterWrap = await get(small + "&again", true);
  var s = XDomainRequest.stats();
  out.goRequests = s.goRequests;
  out.jsRequests = s.jsRequests;
  return out;
}
