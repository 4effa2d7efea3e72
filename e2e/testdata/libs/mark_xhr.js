
window.xhrOpened = [];
window.xdrOpened = [];
(function () {
  var P = XMLHttpRequest.prototype, open = P.open, send = P.send;
  P.open = function (method, url) { xhrOpened.push(String(method).toUpperCase() + " " + url); return open.apply(this, arguments); };
  P.send = function () { this.setRequestHeader("X-Via", "xhr"); return send.apply(this, arguments); };
})();
