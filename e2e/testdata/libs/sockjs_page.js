window.got = [];
window.events = [];
window.times = {};
XDomainRequest.ready.then(function () { times.ready = Math.round(performance.now()); });
window.sock = new SockJS(q.get("url"), null, { transports: [q.get("transport")] });
function echo(i) { return "c-" + i + " \u00fc\u20ac"; }
sock.onopen = function () {
  events.push("open " + sock.transport);
  times.open = Math.round(performance.now());
  for (var i = 0; i < echoes; i++) sock.send(echo(i));
  sock.send("push " + pushes);
};
sock.onmessage = function (e) {
  got.push(e.data);
  if (got.length === echoes + pushes) {
    for (var i = echoes; i < echoes + more; i++) sock.send(echo(i));
  }
};
sock.onclose = function (e) { events.push("close " + e.code + " " + e.reason); };
