// The first script of every page: api is the endpoints' origin.
function (API) {
  window.__t = (function () {
    var perf = window.performance, pnow = perf.now.bind(perf), st = window.setTimeout, ct = window.clearTimeout;
    var names = Object.getOwnPropertyNames, t = { api: API, res: {}, errors: [] };
    window.addEventListener('error', function (e) { t.errors.push(String(e.message)); });
    t.now = pnow;
    t.rec = function (name) {
      return (t.res[name] = { events: [], thrown: null, text: '', done: false, t0: pnow() });
    };
    // watch records the events of x in rec, with on* handlers or listeners.
    t.watch = function (x, rec, listen) {
      ['progress', 'load', 'error', 'timeout'].forEach(function (type) {
        function h() {
          rec.events.push({ type: type, t: pnow() - rec.t0, text: String(x.responseText) });
          if (type !== 'progress' && !rec.done) { rec.done = true; rec.text = String(x.responseText); }
        }
        if (listen) x.addEventListener(type, h); else x['on' + type] = h;
      });
    };
    // req: o.url, o.method, o.body, o.timeout, o.listen, o.after (called
    // right after send()). A call that throws ends the record.
    t.req = function (name, o) {
      var rec = t.rec(name), x;
      try {
        x = new XDomainRequest();
        t.watch(x, rec, o.listen);
        if ('timeout' in o) x.timeout = o.timeout;
        x.open(o.method || 'GET', o.url);
        rec.t0 = pnow();
        if ('body' in o) x.send(o.body); else x.send();
        if (o.after) o.after(x);
      } catch (e) { rec.thrown = String(e && e.message); rec.done = true; }
      return true;
    };
    // diff: the window's own property names added and removed since __t.before.
    t.diff = function () {
      var now = names(window), before = t.before;
      return {
        added: now.filter(function (n) { return before.indexOf(n) < 0; }).sort(),
        removed: before.filter(function (n) { return now.indexOf(n) < 0; }).sort()
      };
    };
    t.typeofs = function () {
      var faye;  // how faye (and many libraries) tell Node
      try { faye = 'ok:' + String(typeof process !== 'undefined' && process.env.NODE_ENV); } catch (e) { faye = 'threw: ' + e.message; }
      return { process: typeof process, fs: typeof fs, path: typeof path, faye: faye };
    };
    // ready: 'ready' once XDomainRequest.ready has resolved, or what else.
    t.ready = function () {
      return new Promise(function (resolve) {
        if (typeof XDomainRequest !== 'function' || !XDomainRequest.ready) {
          resolve('no XDomainRequest.ready (typeof XDomainRequest: ' + typeof XDomainRequest + ')');
          return;
        }
        var timer = st(function () { resolve('XDomainRequest.ready not settled within 15 s'); }, 15000);
        XDomainRequest.ready.then(function () { ct(timer); resolve('ready'); },
          function (e) { ct(timer); resolve('XDomainRequest.ready rejected: ' + String(e && e.message)); });
      });
    };
    return t;
  })();
  __t.before = Object.getOwnPropertyNames(window);
}
