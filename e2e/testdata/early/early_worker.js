onmessage = function (e) {
  var result = { probes: probeCalls(e.data) };
  var x = new XDomainRequest();
  x.onload = function () { result.text = x.responseText; result.route = XDomainRequest.stats().startRoute; postMessage(result); };
  x.onerror = function () { result.text = "error"; postMessage(result); };
  x.open("GET", e.data + "/xdr.txt?gap=0");
  x.send();
};