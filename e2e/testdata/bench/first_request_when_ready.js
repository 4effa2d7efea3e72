// Start-up with the browser extension (bench_test.go, extensionStartup):
// when XDomainRequest.ready resolves, the time since window.t0 (set by
// the page's first script) and a first request, whose onload notes its
// time since t0 too. ?<endpoint origin>.
XDomainRequest.ready.then(function () {
  window.ready = performance.now() - t0;
  var x = new XDomainRequest();
  x.onload = function () { window.done = performance.now() - t0; };
  x.open('GET', location.search.slice(1) + '/small');
  x.send();
});
