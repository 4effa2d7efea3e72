// A worker's script: it imports the polyfill, makes a request at once and
// one after XDomainRequest.ready, and posts what happened.
function (wasmExec, polyfill, api) {
  importScripts(wasmExec, polyfill);
  var out = {};
  function one(name, done) {
    try {
      var x = new XDomainRequest();
      x.onload = function () { out[name] = 'load:' + x.responseText; done(); };
      x.onerror = function () { out[name] = 'error'; done(); };
      x.ontimeout = function () { out[name] = 'timeout'; done(); };
      x.open('GET', api + 'worker-' + name);
      x.send();
    } catch (e) { out[name] = 'threw:' + e.message; done(); }
  }
  one('early', function () {
    XDomainRequest.ready.then(function () { out.ready = 'ready'; }, function (e) { out.ready = 'rejected: ' + e.message; })
      .then(function () { one('late', function () { postMessage(out); }); });
  });
}
