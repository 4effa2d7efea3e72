// The first calls into Go of a fresh page, one by one, right after ready
// (ms): the first crossing of any kind (a timeout), the same again, the
// first open() of a kind and of two more kinds, the first send() and its
// request until onload; then a whole fetch + text(). Run it on a fresh
// page: make bench-script opens one per engine.
(function () {
  var api = location.search.slice(1), out = [];
  function timed(label, f) { var t0 = performance.now(); f(); out.push(label + ': ' + (performance.now() - t0).toFixed(2)); }
  var x = new XDomainRequest();
  timed('timeout = 5 (the first call into Go)', function () { x.timeout = 5; });
  timed('timeout = 6', function () { x.timeout = 6; });
  timed('timeout = -1', function () { x.timeout = -1; });
  timed('open GET (the first open)', function () { x.open('GET', api + '/small?i=first-1'); });
  timed('open POST (a new kind)', function () { x.open('POST', api + '/small?i=first-2'); });
  timed('open get (a new kind: the method as written)', function () { x.open('get', api + '/small?i=first-3'); });
  return new Promise(function (resolve, reject) {
    var sent;
    x.onload = function () {
      out.push('send() until onload: ' + (performance.now() - sent).toFixed(2));
      var t0 = performance.now();
      fetch(api + '/small?i=first-fetch', { mode: 'cors', credentials: 'omit' }).then(function (r) { return r.text(); }).then(function () {
        out.push('then fetch + text(): ' + (performance.now() - t0).toFixed(2));
        resolve(out.join('\n'));
      }, reject);
    };
    x.onerror = x.ontimeout = function () { reject(new Error('the first request failed')); };
    sent = performance.now();
    timed('send (the first send)', function () { x.send(); });
  });
})()
