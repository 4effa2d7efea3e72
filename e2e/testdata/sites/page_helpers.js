
window.__errs = [];
window.addEventListener('error', function (e) { __errs.push(String(e.message)); });
document.cookie = 'xdrjscookie=fromjs; path=/';
function xdrErr(f) {
  try { f(); return null; }
  catch (e) { return { msg: String(e && e.message), isError: e instanceof Error, name: String(e && e.name) }; }
}
function xdrSnap(x, rec) { rec.text = x.responseText; rec.ct = x.contentType; }
function xdrSleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
function xdrWatch(x, rec, t0, onTerminal) {
  ['progress', 'load', 'error', 'timeout'].forEach(function (type) {
    x['on' + type] = function (ev) {
      rec.events.push({ type: type, text: x.responseText, ct: x.contentType,
        t: performance.now() - t0, self: this === x, tag: rec.tag || '',
        target: !!ev && ev.target === x && ev.currentTarget === x && ev.type === type });
      if (type !== 'progress' && onTerminal) onTerminal(type);
    };
  });
}
function xdrRun(o) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), t0 = performance.now(), done = false, fin = false;
    var rec = { events: [], thrown: null, text: '', ct: '', stuck: false, sent: null, elapsed: 0 };
    function finish() {
      if (fin) return;
      fin = true;
      rec.text = x.responseText; rec.ct = x.contentType; rec.elapsed = performance.now() - t0;
      resolve(rec);
    }
    xdrWatch(x, rec, t0, function () {
      if (!done) { done = true; setTimeout(finish, o.grace === undefined ? 150 : o.grace); }
    });
    rec.thrown = xdrErr(function () {
      if ('timeout' in o) x.timeout = o.timeout;
      x.open(o.method || 'GET', o.url);
      if ('body' in o) x.send(o.body); else x.send();
      rec.sent = { text: x.responseText, ct: x.contentType };
    });
    if (rec.thrown) { finish(); return; }
    setTimeout(function () { if (!done) { rec.stuck = true; finish(); } }, o.wait || 5000);
  });
}
