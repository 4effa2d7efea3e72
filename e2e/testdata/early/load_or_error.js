function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest();
    x.onload = function () { resolve("load"); };
    x.onerror = function () { resolve("error"); };
    x.open("GET", url);
    x.send();
  });
}
