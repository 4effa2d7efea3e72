'use strict';
// js/50-request.js: a request's record (released at its end), the actions
// the core decides applied in their order (reset, progress, the terminal
// event), and the decoding of the body into responseText.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

test('a request\'s record lives from send() to its last event, on both sides', async () => {
  const page = await newPage({ serve: () => ({ at: 5, status: 200, type: 'text/plain', chunks: [[0, 'aaa'], [60, 'bbb']], end: 100 }) });
  const x = new page.XDR();
  let during = null;
  x.onload = () => { during = page.XDR.stats(); };
  request(x, 'GET', 'http://api.example/');
  assert.strictEqual(page.XDR.stats().jsRequests, 1);
  await page.run(30);
  const reading = page.XDR.stats();
  assert.deepStrictEqual([reading.jsRequests, reading.goRequests], [1, 1], 'the core knows it once the response is reported');
  await page.run(100);
  assert.deepStrictEqual([during.jsRequests, during.goRequests], [0, 0], 'released before onload runs');
  assert.strictEqual(x.responseText, 'aaabbb');
});

test('open() while a request is in flight cancels it without an event; the new one\'s events only', async () => {
  const page = await newPage({ serve: (url) => ({ at: 10, status: 200, type: 'text/plain', chunks: [[0, new URL(url).pathname]], end: 0 }) });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/first');
  await page.run(5);
  request(x, 'GET', 'http://api.example/second');
  await page.run(20);
  assert.deepStrictEqual(page.fetches.map((f) => f.url + ' aborted=' + f.init.signal.aborted),
    ['http://api.example/first aborted=true', 'http://api.example/second aborted=false']);
  assert.deepStrictEqual(page.events(), ['x progress "/second" "text/plain" @15', 'x load "/second" "text/plain" @15']);
  assert.strictEqual(page.XDR.stats().jsRequests, 0);
});

test('each object hears only its own request\'s events', async () => {
  const page = await newPage({ serve: (url) => ({ at: +new URL(url).searchParams.get('at'), status: 200, type: 'text/plain', chunks: [[0, new URL(url).search]], end: 0 }) });
  const xs = [30, 10, 20].map((at, i) => request(page.watch(new page.XDR(), 'x' + i), 'GET', 'http://api.example/?at=' + at));
  assert.strictEqual(xs.length, 3);
  await page.run(40);
  assert.deepStrictEqual(page.events().filter((e) => e.includes(' load ')), [
    'x1 load "?at=10" "text/plain" @10', 'x2 load "?at=20" "text/plain" @20', 'x0 load "?at=30" "text/plain" @30']);
});

test('a failure after progress resets responseText and contentType before onerror', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/html', chunks: [[0, '<p>partial']], end: { at: 70, cut: true } }) });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(100);
  assert.deepStrictEqual(page.events(), ['x progress "<p>partial" "text/html" @9', 'x error "" "" @71']);
});

test('abort() in the last onprogress of an ended request clears the response and stops onload', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'whole']], end: 0 }) });
  const x = new page.XDR(), seen = [];
  x.onprogress = () => { seen.push('progress ' + x.responseText); x.abort(); seen.push('after abort ' + JSON.stringify(x.responseText) + ' ' + JSON.stringify(x.contentType)); };
  x.onload = () => seen.push('load');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(seen, ['progress whole', 'after abort "" ""']);
});

test('the response after onload stays until the next open()', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'application/json', chunks: [[0, '{"a":1}']], end: 0 }) });
  const x = new page.XDR();
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  x.abort();
  assert.deepStrictEqual([x.responseText, x.contentType], ['{"a":1}', 'application/json'], 'abort() after the end changes nothing');
  x.open('GET', 'http://api.example/');
  assert.deepStrictEqual([x.responseText, x.contentType], ['', '']);
});

test('a byte order mark split across chunks still chooses the decoder (the first report waits for three bytes)', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, [0xfe]], [40, [0xff, 0, 0x68]], [80, [0, 0x69]]], end: 120 }) });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(200);
  assert.deepStrictEqual(page.events(), ['x progress "h" "text/plain" @49', 'x progress "hi" "text/plain" @99', 'x load "hi" "text/plain" @121']);
});

test('a request whose body\'s toString() calls send() again: that send() finds nothing opened', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 }) });
  const x = page.watch(new page.XDR(), 'x');
  let inner = null;
  x.open('POST', 'http://api.example/');
  x.send({ toString() { try { x.send('inner'); inner = 'sent'; } catch (e) { inner = e.message; } return 'outer'; } });
  await page.run(10);
  assert.strictEqual(inner, 'Invalid state.');
  assert.deepStrictEqual(page.fetches.map((f) => f.init.body), ['outer']);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
});

test('a body whose toString() calls abort(): nothing is sent', async () => {
  const page = await newPage();
  const x = page.watch(new page.XDR(), 'x');
  x.open('POST', 'http://api.example/');
  x.send({ toString() { x.abort(); return 'body'; } });
  await page.run(10);
  assert.deepStrictEqual(page.fetches, []);
  assert.deepStrictEqual(page.events(), []);
  assert.throws(() => x.send(), { message: 'Invalid state.' });
});
