// Start-up with the browser extension (bench_test.go, extensionStartup):
// a first request sent at once (the call starts the Go side
// synchronously); its onload notes the time since window.t0 (set by the
// page's first script). ?<endpoint origin>.
var x = new XDomainRequest();
x.onload = function () { window.done = performance.now() - t0; };
x.open('GET', location.search.slice(1) + '/small');
x.send();
