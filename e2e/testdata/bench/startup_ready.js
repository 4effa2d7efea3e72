
XDomainRequest.ready.then(function () {
  window.ran = performance.now();
  window.run = XDomainRequest.stats().startRun;
  var x = new XDomainRequest();
  x.onload = function () { window.done = performance.now(); };
  x.open("GET", location.search.slice(1));
  x.send();
});
