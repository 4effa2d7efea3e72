// TestConformanceSend, "send after completion without open throws Invalid state.".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest();
    x.onload = function () { setTimeout(function () { resolve(xdrErr(function () { x.send(); })); }, 0); };
    x.onerror = function () { resolve({msg: 'onerror'}); };
    x.open('GET', url); x.send();
  });
}
