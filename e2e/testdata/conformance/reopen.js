// TestConformanceReopen: one XDomainRequest opened and sent twice as the
// case (how, the subtest's name) says, first with url1, then with url2.
async function (how, url1, url2) {
  var x = new XDomainRequest(), rec = {events: []}, o = {rec: rec};
  xdrWatch(x, rec, performance.now());
  function when(type) { return new Promise(function (r) { var h = x['on' + type]; x['on' + type] = function () { h.apply(this, arguments); x['on' + type] = h; r(); }; }); }
  var a, b, p;
  switch (how) {
  case 'after completion':
    a = when('load'); x.open('GET', url1); x.send(); await a;
    b = when('load'); x.open('GET', url2);
    o.after = {text: x.responseText, ct: x.contentType};
    x.send(); await b; await xdrSleep(200);
    break;
  case 'after abort':
    x.open('GET', url1); x.send(); await xdrSleep(50); x.abort();
    b = when('load'); x.open('GET', url2); x.send(); await b; await xdrSleep(700);
    break;
  case 'while in flight before the response':
    x.open('GET', url1); x.send(); await xdrSleep(50);
    b = when('load'); x.open('GET', url2); x.send(); await b; await xdrSleep(800);
    break;
  case 'while in flight during the body':
    p = when('progress'); x.open('GET', url1); x.send(); await p;
    b = when('load'); x.open('GET', url2);
    o.after = {text: x.responseText, ct: x.contentType};
    x.send(); await b; await xdrSleep(1000);
    break;
  case 'after onerror':
    a = when('error'); x.open('GET', url1); x.send(); await a;
    b = when('load'); x.open('POST', url2); x.send('p'); await b; await xdrSleep(200);
    break;
  case 'after ontimeout':
    x.timeout = 100;
    a = when('timeout'); x.open('GET', url1); x.send(); await a;
    x.timeout = 0;
    b = when('load'); x.open('GET', url2); x.send(); await b; await xdrSleep(900);
    break;
  default:
    throw new Error('no case ' + how);
  }
  rec.text = x.responseText; rec.ct = x.contentType;
  return o;
}
