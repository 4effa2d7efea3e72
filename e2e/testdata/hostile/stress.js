// TestHostileStress: the abuse together, then 1,000 ordinary requests;
// window.stress tells how they ended.
function (apiURL, withHuge, mb) {
  var S = window.stress = { started: 0, ended: 0, bad: [], exhausted: [], huge: '' };
  function watch(x, name) {
    S.started++;
    var terminals = 0;
    ['load', 'error', 'timeout'].forEach(function (type) {
      x['on' + type] = function (ev) {
        if (ev.target !== x || ev.currentTarget !== x || this !== x) S.bad.push(name + ': on' + type + ' target');
        if (++terminals > 1) S.bad.push(name + ': a second terminal event ' + type);
        else S.ended++;
        if (name === 'huge') S.huge = type + ':' + x.responseText.length;
      };
      x.addEventListener(type, function (ev) {
        if (ev.target !== x) S.bad.push(name + ': listener target');
      });
    });
    return x;
  }
  var api = apiURL;
  if (withHuge) {
    var huge = watch(new XDomainRequest(), 'huge');
    huge.open('GET', api + '/x/huge?mb=' + mb);
    huge.send();
  }
  // A request whose handler exhausts the stack, calling back at every depth.
  var h = watch(new XDomainRequest(), 'handler');
  var y = new XDomainRequest();
  h.onprogress = function () {
    h.onprogress = null;
    S.exhausted.push(xdrExhaust(function () { y.timeout = 9; y.open('GET', api + '/x/text?delay=5000'); y.send(); y.abort(); }));
  };
  h.open('GET', api + '/x/chunks');
  h.send();
  // The page itself at the end of the stack, and a denied open that the
  // logger forwards (and forwards...).
  S.exhausted.push(xdrExhaust(function () { var z = new XDomainRequest(); z.timeout = 'abc'; }));
  try { new XDomainRequest().open('GET', 'ftp://start.example/'); } catch (e) {}
  // Then 1,000 ordinary requests, 50 at a time.
  var round = 0;
  function next() {
    if (round === 20) return;
    var left = 50, r = round++;
    for (var i = 0; i < 50; i++) {
      var x = watch(new XDomainRequest(), 'r' + r + '.' + i);
      var end = x.onload;
      x.onload = (function (x, end) { return function (ev) { end.call(this, ev); if (--left === 0) next(); }; })(x, end);
      x.onerror = (function (x, end) { return function (ev) { end.call(this, ev); S.bad.push('ordinary request failed'); if (--left === 0) next(); }; })(x, x.onerror);
      if (i % 2) { x.open('POST', api + '/x/echo'); x.send('body ' + i); }
      else { x.open('GET', api + '/x/text?body=' + r + '.' + i); x.send(); }
    }
  }
  next();
  return true;
}
