// The page in the sandboxed frame, after the polyfill's tags: it GETs
// each URL and posts what happened to its parent.
function (urls) {
  XDomainRequest.ready.then(function () {
    var out = [];
    urls.forEach(function (u) {
      var x = new XDomainRequest();
      x.onload = function () { out.push('load:' + x.responseText); if (out.length === 2) parent.postMessage(out, '*'); };
      x.onerror = function () { out.push('error'); if (out.length === 2) parent.postMessage(out, '*'); };
      try { x.open('GET', u); x.send(); } catch (e) { out.push('threw:' + e.message); if (out.length === 2) parent.postMessage(out, '*'); }
    });
  });
}
