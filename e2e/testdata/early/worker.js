importScripts("/dist/wasm_exec.js", "/dist/xdomainrequest.js");
onmessage = function (e) {
  XDomainRequest.ready.then(function () {
    var x = new XDomainRequest();
    x.onload = function () { postMessage({ where: typeof window, global: self.XDomainRequest === XDomainRequest, text: x.responseText }); };
    x.onerror = function () { postMessage({ error: true }); };
    x.open("GET", e.data + "/xdr.txt?gap=0");
    x.send();
  });
};