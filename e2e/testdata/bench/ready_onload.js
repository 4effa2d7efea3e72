
window.addEventListener("load", function () {
  var t = performance.now(), x = new XDomainRequest();
  x.open("GET", location.search.slice(1) + "/small");
  window.blocked = performance.now() - t;
  window.route = XDomainRequest.stats().startRoute;
});
