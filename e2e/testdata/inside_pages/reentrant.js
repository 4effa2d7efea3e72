// TestInsidePagesReentrantSend: a POST whose body's toString calls send()
// again; __t.res[when] records it.
function (when) {
  var rec = __t.rec(when), x = new XDomainRequest();
  rec.extra = { inner: null, toStringCalls: 0 };
  __t.watch(x, rec, false);
  x.open('POST', __t.api + '/echo?id=' + when);
  var body = { toString: function () {
    rec.extra.toStringCalls++;
    try { x.send('inner'); rec.extra.inner = 'no throw'; } catch (e) { rec.extra.inner = e.message; }
    return 'once';
  } };
  rec.t0 = __t.now();
  try { x.send(body); } catch (e) { rec.thrown = String(e && e.message); rec.done = true; }
}
