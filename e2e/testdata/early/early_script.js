
window.seen = { type: typeof XDomainRequest, fetchSame: window.fetch === window.origFetch, xhrSame: window.XMLHttpRequest === window.origXHR };
window.log = [];
function track(name, x) {
  ["load", "error", "timeout", "progress"].forEach(function (ev) {
    x["on" + ev] = function () { log.push(name + ":" + ev + ":" + x.responseText.length); };
  });
  return x;
}
var api = location.search.slice(1);
window.early = track("early", new XDomainRequest());
early.timeout = "5000";
early.open("get", api + "/xdr.txt?gap=0");
early.send();
window.denied = track("denied", new XDomainRequest());
try {
  denied.open("GET", "ftp://files.example/x");
  denied.send();
} catch (e) { window.deniedThrew = e.message; }
window.aborted = track("aborted", new XDomainRequest());
aborted.open("GET", api + "/xdr.txt?gap=0");
aborted.send();
aborted.abort();
window.madeEarly = new XDomainRequest();
