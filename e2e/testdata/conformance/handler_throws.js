// TestConformanceHandlerThrows: the handler on<throwIn> throws after
// recording; with listeners, a listener of each type also records.
function (throwIn, listeners, timeout, url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec, onerror: [], listened: []};
    __errs.length = 0;
    window.onerror = function (msg) { o.onerror.push(String(msg)); };
    xdrWatch(x, rec, performance.now(), function () {
      setTimeout(function () { o.errs = __errs.slice(); window.onerror = null; xdrSnap(x, rec); resolve(o); }, 300);
    });
    var h = x['on' + throwIn];
    x['on' + throwIn] = function () { h.apply(this, arguments); throw new Error('boom in on' + throwIn); };
    if (listeners) ['progress', 'load', 'error', 'timeout'].forEach(function (type) {
      x.addEventListener(type, function () { o.listened.push(type); });
    });
    if (timeout) x.timeout = timeout;
    x.open('GET', url); x.send();
    setTimeout(function () { rec.stuck = true; o.errs = __errs.slice(); resolve(o); }, 4000);
  });
}
