
(function () {
  var open = XDomainRequest.prototype.open;
  XDomainRequest.prototype.open = function (method, url) { xdrOpened.push(String(method).toUpperCase() + " " + url); return open.apply(this, arguments); };
})();
