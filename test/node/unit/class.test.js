'use strict';
// js/70-class.js: the class, and the calls held while the Go side cannot
// start at once (a synchronous request refused: a Permissions-Policy
// without sync-xhr), replayed in order once it is ready.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request, WASM_URL } = require('./page.js');

const ok = (url) => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'from ' + new URL(url).pathname]], end: 0 });

test('a synchronous request refused: calls are held, the console says so, and they are replayed in order when ready', async () => {
  const page = await newPage({ wait: false, syncXHR: 'refused', serve: ok });
  const x = page.watch(new page.XDR(), 'x'), y = page.watch(new page.XDR(), 'y');
  request(x, 'GET', 'http://api.example/x');
  request(y, 'POST', 'http://api.example/y', 'data');
  assert.strictEqual(page.XDR.stats().held, 4);
  assert.deepStrictEqual(page.fetches, [], 'nothing fetched before ready');
  assert.deepStrictEqual(page.consoleLines(), ['console.warn XDomainRequest polyfill: a call came before the wasm was ready, and it could not be started at once ' +
    "(Failed to execute 'send' on 'XMLHttpRequest': synchronous requests are disabled by permissions policy.): calls are held until it is, and cannot throw until then."]);
  assert.deepStrictEqual(page.wasmRequests, ['fetch ' + WASM_URL, 'xhr ' + WASM_URL + '?sync', 'fetch ' + WASM_URL], 'the asynchronous start begun again');
  assert.strictEqual(await page.ready(), 'ready');
  assert.strictEqual(page.XDR.stats().held, 0);
  await page.run(10);
  assert.deepStrictEqual(page.fetches.map((f) => f.method + ' ' + f.url + ' ' + f.init.body), ['GET http://api.example/x undefined', 'POST http://api.example/y data']);
  assert.deepStrictEqual(page.events().map((e) => e.split(' @')[0]), [
    'x progress "from /x" "text/plain"', 'x load "from /x" "text/plain"',
    'y progress "from /y" "text/plain"', 'y load "from /y" "text/plain"',
  ]);
});

test('a held call that would have thrown cannot: its request ends with onerror, the console says why', async () => {
  const page = await newPage({ wait: false, syncXHR: 'refused', serve: ok });
  const x = page.watch(new page.XDR(), 'x');
  x.open('GET', 'https://api.example/');  // another scheme: denied when replayed
  x.send();
  await page.ready();
  await page.run(10);
  assert.deepStrictEqual(page.events().map((e) => e.split(' @')[0]), ['x error "" ""']);
  assert.match(page.consoleLines().join('\n'), /access denied to https:\/\/api\.example\/: the URL must use the page's scheme/);
  assert.deepStrictEqual(page.fetches, []);
});

test('held: open() again or abort() after a held send() cancels it; the last open() wins', async () => {
  const page = await newPage({ wait: false, syncXHR: 'refused', serve: ok });
  const x = page.watch(new page.XDR(), 'x'), y = page.watch(new page.XDR(), 'y');
  request(x, 'GET', 'http://api.example/first');
  request(x, 'GET', 'http://api.example/second');
  request(y, 'GET', 'http://api.example/y');
  y.abort();
  await page.ready();
  await page.run(10);
  // Replayed in order: each send() starts its fetch, the open() or abort() after it cancels that.
  assert.deepStrictEqual(page.fetches.map((f) => f.url + ' aborted=' + f.init.signal.aborted),
    ['http://api.example/first aborted=true', 'http://api.example/second aborted=false', 'http://api.example/y aborted=true']);
  assert.deepStrictEqual(page.events().map((e) => e.split(' @')[0]), ['x progress "from /second" "text/plain"', 'x load "from /second" "text/plain"']);
});

test('a time-out assigned while held reads back at once; the core\'s coercion applies when replayed', async () => {
  const page = await newPage({ wait: false, syncXHR: 'refused', serve: ok });
  const x = new page.XDR(), y = new page.XDR();
  x.timeout = '250';
  y.timeout = 500;
  y.timeout = 'soon';  // refused by the core when replayed: the 500 stays
  assert.strictEqual(x.timeout, 250);
  assert.ok(Number.isNaN(y.timeout));
  await page.ready();
  assert.strictEqual(x.timeout, 250);
  assert.strictEqual(y.timeout, 500);
});

test('the class: an EventTarget named XDomainRequest, its handlers null, ready and version, stats()', async () => {
  const page = await newPage();
  const X = page.XDR, x = new X();
  assert.strictEqual(Object.prototype.toString.call(x), '[object XDomainRequest]');
  assert.ok(x instanceof page.g.EventTarget);
  assert.deepStrictEqual([x.onload, x.onerror, x.onprogress, x.ontimeout, x.responseText, x.contentType, x.timeout], [null, null, null, null, '', '', -1]);
  assert.ok(X.ready instanceof page.g.Promise || typeof X.ready.then === 'function');
  assert.match(X.version, /^\d+\.\d+\.\d+ \(go\d/);
  const stats = X.stats();
  for (const k of ['goRequests', 'goHeap', 'jsRequests', 'held', 'goCalls', 'startRoute']) assert.ok(k in stats, k);
  assert.throws(() => x.send(), { message: 'Invalid state.' });
});

test('contentType between the headers and the first report asks the core (peek), and says what onload will', async () => {
  // The headers come at 1 ms, the first bytes 40 ms later (not within the wait).
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'Application/JSON; charset=utf-8', chunks: [[40, '{}']], end: 40 }) });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), []);
  const m = page.mark();
  assert.strictEqual(x.contentType, 'application/json');
  assert.deepStrictEqual(page.calls(m), { peek: 1 });
  await page.run(50);
  assert.deepStrictEqual(page.events(), ['x progress "{}" "application/json" @41', 'x load "{}" "application/json" @41']);
});
