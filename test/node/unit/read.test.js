'use strict';
// js/55-read.js: fetch and the reading of a body. Each read strategy, told
// by what the page sees (its events, with responseText, contentType and the
// virtual time) and by the crossings into Go the response costs.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

const API = 'http://api.example';

// pageWith makes a page whose fetches of API + path get routes[path].
function pageWith(routes, opts = {}) {
  return newPage(Object.assign({ serve: (url) => routes[new URL(url).pathname] }, opts));
}

test('a small body whose end comes with its bytes: onprogress, onload, one crossing (first, done)', async () => {
  const page = await pageWith({ '/small': { at: 5, status: 200, type: 'text/plain', chunks: [[0, 'hello']], end: 0 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/small');
  const sent = page.mark();
  await page.run(100);
  assert.deepStrictEqual(page.events(), ['x progress "hello" "text/plain" @5', 'x load "hello" "text/plain" @5']);
  assert.deepStrictEqual(page.calls(sent), { first: 1 });
  const first = page.crossings[sent];
  assert.ok(first.args[0] < 0, 'a deferred request is named -id the first time: ' + first.args);
});

test('a small body in pieces within the look-ahead of its Content-Length: one crossing', async () => {
  // 9 bytes announced, in three pieces 3 ms apart (< SMALL_BODY_WAIT, 8 ms).
  const page = await pageWith({ '/pieces': { at: 1, status: 200, type: 'text/plain', length: 9, chunks: [[0, 'aaa'], [3, 'bbb'], [6, 'ccc']], end: 6 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/pieces');
  const sent = page.mark();
  await page.run(100);
  assert.deepStrictEqual(page.events(), ['x progress "aaabbbccc" "text/plain" @7', 'x load "aaabbbccc" "text/plain" @7']);
  assert.deepStrictEqual(page.calls(sent), { first: 1 });
});

test('a body of announced length whose bytes are all there waits for its end, however late', async () => {
  // All 6 bytes at once, the end 30 ms later: nothing can follow them.
  const page = await pageWith({ '/late-end': { at: 1, status: 200, type: 'text/plain', length: 6, chunks: [[0, 'abcdef']], end: 30 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/late-end');
  const sent = page.mark();
  await page.run(100);
  assert.deepStrictEqual(page.events(), ['x progress "abcdef" "text/plain" @31', 'x load "abcdef" "text/plain" @31']);
  assert.deepStrictEqual(page.calls(sent), { first: 1 });
});

test('a body of announced length slower than SMALL_BODY_WAIT: onprogress after the wait, then as it comes', async () => {
  const page = await pageWith({ '/slower': { at: 1, status: 200, type: 'text/plain', length: 6, chunks: [[0, 'abc'], [40, 'def']], end: 40 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/slower');
  await page.run(100);
  assert.deepStrictEqual(page.events(), [
    'x progress "abc" "text/plain" @9',  // 1 + SMALL_BODY_WAIT
    // the core's progress timer: at most one onprogress each 50 ms
    'x progress "abcdef" "text/plain" @59',
    'x load "abcdef" "text/plain" @59',
  ]);
});

test('a chunked body (no length) arriving slowly: onprogress as data arrives, then onload', async () => {
  const page = await pageWith({ '/slow': { at: 1, status: 200, type: 'text/plain', chunks: [[0, 'aaa'], [50, 'bbb'], [100, 'ccc']], end: 150 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/slow');
  const sent = page.mark();
  await page.run(75);
  // the core's progress timer: at most one onprogress each 50 ms
  assert.deepStrictEqual(page.events(), ['x progress "aaa" "text/plain" @9', 'x progress "aaabbb" "text/plain" @59']);
  await page.run(100);
  assert.deepStrictEqual(page.events().slice(2), ['x progress "aaabbbccc" "text/plain" @109', 'x load "aaabbbccc" "text/plain" @151']);
  const calls = page.calls(sent);
  assert.strictEqual(calls.first, 1);
  assert.strictEqual(calls.end, 1);
  assert.ok(calls.data >= 1, 'the core hears that data arrived: ' + JSON.stringify(calls));
});

test('an empty body: onload with responseText "", no onprogress, one crossing', async () => {
  const page = await pageWith({ '/empty': { at: 3, status: 200, type: 'application/json', end: 0 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/empty');
  const sent = page.mark();
  await page.run(50);
  assert.deepStrictEqual(page.events(), ['x load "" "application/json" @3']);
  assert.deepStrictEqual(page.calls(sent), { first: 1 });
});

test('a failed status is reported with the headers: onerror, the body never read, the console says why', async () => {
  const page = await pageWith({ '/missing': { at: 2, status: 404, type: 'text/html', chunks: [[0, '<h1>Not found</h1>']], end: 0 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/missing');
  const sent = page.mark();
  await page.run(50);
  assert.deepStrictEqual(page.events(), ['x error "" "" @2']);
  assert.deepStrictEqual(page.calls(sent), { first: 1 });
  assert.strictEqual(page.consoleLines().length, 1);
  assert.match(page.consoleLines()[0], /^console\.warn XDomainRequest: request to http:\/\/api\.example\/missing failed: HTTP status 404\b/);
  assert.strictEqual(page.responses[0].body.locked, false, 'no reader took the error page');
});

test('a read that fails (the connection cut): the text so far, then onerror with the response cleared', async () => {
  const page = await pageWith({ '/cut': { at: 1, status: 200, type: 'text/plain', chunks: [[0, 'aaa'], [50, 'bbb']], end: { at: 60, cut: true } } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/cut');
  const sent = page.mark();
  await page.run(100);
  assert.deepStrictEqual(page.events(), ['x progress "aaa" "text/plain" @9', 'x progress "aaabbb" "text/plain" @59', 'x error "" "" @61']);
  assert.deepStrictEqual(page.crossings.slice(sent).filter((c) => c.name === 'fail').map((c) => c.args[1]), [3], 'fail(id, C_CUT)');
  assert.match(page.consoleLines().join('\n'), /failed: the connection was cut before the body was complete/);
});

test('a small body cut before its end: onerror, never onload', async () => {
  const page = await pageWith({ '/cut-small': { at: 1, status: 200, type: 'text/plain', length: 10, chunks: [[0, 'abc']], end: { at: 0, cut: true } } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/cut-small');
  await page.run(100);
  assert.deepStrictEqual(page.events().filter((e) => !e.includes(' progress ')), ['x error "" "" @1']);
});

test('a network failure (or a CORS refusal): onerror and the console says which', async () => {
  const page = await pageWith({ '/refused': { at: 4, fail: 'network' } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/refused');
  const sent = page.mark();
  await page.run(50);
  assert.deepStrictEqual(page.events(), ['x error "" "" @4']);
  assert.deepStrictEqual(page.crossings.slice(sent).map((c) => c.name + ' ' + c.args[1]), ['fail 1']);
  assert.match(page.consoleLines().join('\n'), /a network error or a CORS refusal/);
});

test('a body too long for a JavaScript string: onerror, the console says why, the response cleared', async () => {
  // The page's TextDecoder turns each chunk "BIG" into a string of 2^28
  // characters (a rope: no memory to speak of); two of them pass V8's
  // longest string, so appending the second throws as a huge body would.
  const page = await pageWith({ '/huge': { at: 1, status: 200, type: 'text/plain', chunks: [[0, 'BIG'], [20, 'BIG'], [40, 'BIG']], end: 60 } }, {
    before(g) {
      const Real = g.TextDecoder;
      let big = 'x'.repeat(1 << 16);
      for (let i = 0; i < 12; i++) big += big;  // 2^28
      g.TextDecoder = class extends Real {
        decode(bytes, opts) {
          const text = super.decode(bytes, opts);
          return text === 'BIG' ? big : text;
        }
      };
    },
  });
  const x = new page.XDR();
  const lengths = [];
  for (const type of ['progress', 'load', 'error']) x['on' + type] = () => lengths.push(type + ' ' + x.responseText.length);
  request(x, 'GET', API + '/huge');
  const sent = page.mark();
  await page.run(100);
  assert.deepStrictEqual(lengths, ['progress ' + (1 << 28), 'error 0']);
  assert.deepStrictEqual(page.crossings.slice(sent).filter((c) => c.name === 'fail').map((c) => c.args[1]), [7], 'fail(id, C_TOO_LARGE)');
  assert.match(page.consoleLines().join('\n'), /too large for a JavaScript string/);
});

test('fetch is called with the URL, the method, the body and fixed options; a GET with a body is not fetched', async () => {
  const page = await pageWith({ '/post': { at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 } });
  request(page.watch(new page.XDR(), 'x'), 'POST', API + '/post?q=1', 'a=1&b=2');
  request(page.watch(new page.XDR(), 'y'), 'GET', API + '/post', 'a body');
  request(page.watch(new page.XDR(), 'z'), 'GET', API + '/post');
  await page.run(20);
  const seen = page.fetches.map((f) => [f.url, f.init.method, f.init.body, f.init.mode, f.init.credentials, f.init.redirect, typeof f.init.signal]);
  assert.deepStrictEqual(seen, [
    [API + '/post?q=1', 'POST', 'a=1&b=2', 'cors', 'omit', 'follow', 'object'],
    [API + '/post', 'GET', undefined, 'cors', 'omit', 'follow', 'object'],
  ]);
  assert.deepStrictEqual(page.events(), [
    'y error "" "" @0',
    'x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1',
    'z progress "ok" "text/plain" @1', 'z load "ok" "text/plain" @1',
  ]);
  assert.match(page.consoleLines().join('\n'), /a GET request cannot carry a body/);
});

test('the decoder follows the charset, a byte order mark, and UTF-8 split across chunks', async () => {
  const page = await pageWith({
    '/latin1': { at: 1, status: 200, type: 'text/plain; charset=windows-1252', chunks: [[0, [0x63, 0x61, 0x66, 0xe9]]], end: 0 },
    '/bom': { at: 1, status: 200, type: 'text/plain', chunks: [[0, [0xff, 0xfe, 0x68, 0, 0x69, 0]]], end: 0 },
    '/split': { at: 1, status: 200, type: 'text/plain', chunks: [[0, [0x61, 0x62, 0xc3]], [30, [0xa9, 0x21]]], end: 40 },
  });
  for (const p of ['/latin1', '/bom', '/split']) request(page.watch(new page.XDR(), p), 'GET', API + p);
  await page.run(100);
  assert.deepStrictEqual(page.events().filter((e) => e.includes(' load ')), [
    '/latin1 load "café" "text/plain" @1',
    '/bom load "hi" "text/plain" @1',
    '/split load "abé!" "text/plain" @59',  // its owed onprogress, 50 ms after the first (which waited SMALL_BODY_WAIT, 8 ms, for an end)
  ]);
});

test('a redirect to a URL open() would refuse ends the request before its body is read', async () => {
  const page = await pageWith({ '/moved': { at: 1, status: 200, type: 'text/plain', redirect: 'https://api.example/there', chunks: [[0, 'secret']], end: 0 } });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', API + '/moved');
  await page.run(50);
  assert.deepStrictEqual(page.events(), ['x error "" "" @1']);
  assert.deepStrictEqual(page.crossings.filter((c) => c.name === 'redirect').map((c) => c.args[1]), ['https://api.example/there']);
});
