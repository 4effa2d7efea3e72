// failedLoad (early_test.go): a GET of url after the wasm failed to start:
// "load" or "error".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest();
    x.onload = function () { resolve("load"); };
    x.onerror = function () { resolve("error"); };
    x.open("GET", url);
    x.send();
  });
}
