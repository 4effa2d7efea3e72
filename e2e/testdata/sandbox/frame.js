
var api = decodeURIComponent(location.search.slice(5));
function post(m) { parent.postMessage(m, '*'); }
function get(label) {
  var x = new XDomainRequest();
  x.onload = function () { post(label + ':load:' + x.responseText); };
  x.onerror = function () { post(label + ':error'); };
  x.ontimeout = function () { post(label + ':timeout'); };
  x.open('GET', api + label);
  x.send();
}
post('origin:' + String(self.origin));
get('first');
XDomainRequest.ready.then(function () {
  get('ready');
  post('route:' + XDomainRequest.stats().startRoute);
  var dir = location.protocol + '//' + location.host + location.pathname.replace(/[^/]*$/, '');
  // A blob: worker of an opaque origin is a page of the blob: scheme: it
  // may call http: only where configured to.
  var code = "self.XDomainRequestConfig = { allowCrossScheme: true }; importScripts(" + JSON.stringify(dir + 'wasm_exec.js') + ", " + JSON.stringify(dir + 'xdomainrequest.js') + ");" +
    "var x = new XDomainRequest(); x.onload = function () { postMessage('worker:load:' + x.responseText); };" +
    "x.onerror = function () { postMessage('worker:error'); }; x.open('GET', " + JSON.stringify(api + 'worker') + "); x.send();";
  var w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  w.onmessage = function (e) { post(String(e.data)); };
  w.onerror = function (e) { post('worker:exception:' + (e.message || e)); };
}, function (e) { post('ready:rejected:' + e.message); });
