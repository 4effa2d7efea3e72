function xdrProbe(urls, post) {
  var out = [], n = 0;
  urls.forEach(function (u, i) {
    var x = new XDomainRequest();
    function done(what) { out[i] = what; if (++n === urls.length) post(out); }
    x.onload = function () { done('load:' + x.responseText); };
    x.onerror = function () { done('error'); };
    try { x.open('GET', u); x.send(); } catch (e) { done('threw:' + e.message); }
  });
}