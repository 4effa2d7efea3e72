// The real SockJS server (npm package sockjs) for e2e/libs_test.go.
//
//   node e2e/libs/sockjs-server.js
//
// Listens on 127.0.0.1 on a free port and prints "listening PORT" once it
// does. One SockJS service, /echo:
//   - a message "push N" makes the server send N numbered messages
//     (pushMessage below), a few milliseconds apart, so a stream grows;
//   - any other message is echoed back as it came.
// GET /__log answers with what the server saw, as JSON:
//   requests: every HTTP request (method, path, query, and the headers that
//             tell how the browser sent it: X-Via, Content-Type, Origin,
//             Access-Control-Request-Headers, Cookie);
//   sessions: per SockJS session, the messages received, in order.
// The process ends when its standard input closes (the Go test holds it).
'use strict';

const http = require('http');
const sockjs = require('sockjs');

// pushMessage is the i-th pushed message: numbered, with non-ASCII text
// (split across chunks as it streams) and some padding so that the data
// exceed the streaming response limit and the client must reconnect.
function pushMessage(i) {
  return 'push-' + i + ' é€😀 ' + 'x'.repeat(i % 7 * 150);
}

const requests = [];
const sessions = [];

const echo = sockjs.createServer({
  prefix: '/echo',
  websocket: false,
  response_limit: 16 * 1024,
  log: function () {},
});
echo.on('connection', function (conn) {
  const rec = { id: conn.id, received: [] };
  sessions.push(rec);
  conn.on('data', function (msg) {
    rec.received.push(msg);
    const m = /^push (\d+)$/.exec(msg);
    if (!m) {
      conn.write(msg);
      return;
    }
    const n = Number(m[1]);
    let i = 0;
    (function next() {
      // A few messages at a time, then a pause: the stream grows in steps.
      for (let k = 0; k < 5 && i < n; k++, i++) conn.write(pushMessage(i));
      if (i < n) setTimeout(next, 3);
    })();
  });
});
const handler = echo.middleware();

const server = http.createServer(function (req, res) {
  const u = new URL(req.url, 'http://127.0.0.1');
  if (u.pathname === '/__log') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ requests: requests, sessions: sessions }));
    return;
  }
  const h = req.headers;
  requests.push({
    method: req.method,
    path: u.pathname,
    query: u.search,
    via: h['x-via'] || '',
    contentType: h['content-type'] || '',
    origin: h['origin'] || '',
    acrh: h['access-control-request-headers'] || '',
    cookie: h['cookie'] || '',
  });
  if (handler(req, res) !== true) {
    res.writeHead(404);
    res.end();
  }
});

server.listen(0, '127.0.0.1', function () {
  process.stdout.write('listening ' + server.address().port + '\n');
});

process.stdin.on('end', function () { process.exit(0); });
process.stdin.on('error', function () { process.exit(0); });
process.stdin.resume();
