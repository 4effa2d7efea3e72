// The first inline script of a page without the polyfill's script tags,
// on a site the extension serves (extension_test.go): what it finds, a
// request that leaves at once, and open() with a scheme IE refuses, which
// throws from this first line as after readiness. ?<endpoint origin> names
// the endpoints. On a site the extension does not serve, it only notes
// that there is no XDomainRequest. In a frame, the request's end reports
// what it found to the parent page (which may be of another origin).
window.seen = { type: typeof XDomainRequest };
window.log = [];
if (typeof XDomainRequest === 'function') {
  window.early = new XDomainRequest();
  early.onload = function () { log.push('load:' + early.responseText); report(); };
  early.onerror = function () { log.push('error'); report(); };
  early.ontimeout = function () { log.push('timeout'); report(); };
  early.open('GET', decodeURIComponent(location.search.slice(1)) + '/xdr.txt?gap=0');
  early.send();
  try {
    var denied = new XDomainRequest();
    denied.open('GET', 'ftp://files.example/x');
    denied.send();
  } catch (e) { window.deniedThrew = e.message; }
  window.route = XDomainRequest.stats().startRoute;
}
function report() {
  if (window.parent === window) return;
  window.parent.postMessage({ type: seen.type, deniedThrew: window.deniedThrew, log: log, route: window.route }, '*');
}
