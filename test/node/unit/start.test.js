'use strict';
// js/75-start.js and js/80-goruntime.js's run(): both start paths of the
// Go side and their failures, told by XDomainRequest.ready, the console,
// the wasm's requests and what a page's requests become.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request, WASM_URL } = require('./page.js');

const ok = () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 });
const LOAD_FAILED = 'XDomainRequest polyfill: could not load ' + WASM_URL + ': ';

test('asynchronous start: ready resolves, the wasm fetched once, no synchronous request', async () => {
  const page = await newPage({ wait: false, serve: ok });
  assert.strictEqual(await page.ready(), 'ready');
  assert.deepStrictEqual(page.wasmRequests, ['fetch ' + WASM_URL]);
  assert.strictEqual(page.XDR.stats().startRoute, 'async');
  assert.deepStrictEqual(page.consoleLines(), []);
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
});

test('synchronous start: a call in the first script, before ready, is answered as after readiness', async () => {
  const page = await newPage({ wait: false, serve: ok });
  const x = page.watch(new page.XDR(), 'x');
  // The page's first script, before any task has run: open() needs the
  // core's verdict now, and gets it (a denial throws at once).
  assert.throws(() => x.open('GET', 'https://api.example/'), { message: 'Access is denied.' });
  assert.deepStrictEqual(page.wasmRequests, ['fetch ' + WASM_URL, 'xhr ' + WASM_URL + '?sync']);
  assert.strictEqual(page.XDR.stats().startRoute, 'fetched');
  assert.strictEqual(page.XDR.stats().held, 0, 'nothing held');
  request(x, 'GET', 'http://api.example/');
  assert.strictEqual(page.fetches.length, 1, 'the request started within the first script');
  assert.strictEqual(await page.ready(), 'ready');
  await page.run(10);
  assert.deepStrictEqual(page.events().map((e) => e.split(' @')[0]), ['x progress "ok" "text/plain"', 'x load "ok" "text/plain"']);
  assert.strictEqual(page.consoleLines().length, 1);
  assert.match(page.consoleLines()[0], /^console\.warn XDomainRequest: access denied to https:\/\/api\.example\/: the URL must use the page's scheme/);
});

test('abort() before ready does not start the Go side', async () => {
  const page = await newPage({ wait: false });
  new page.XDR().abort();
  assert.deepStrictEqual(page.wasmRequests, ['fetch ' + WASM_URL]);
  assert.strictEqual(await page.ready(), 'ready');
  assert.strictEqual(page.XDR.stats().startRoute, 'async');
});

test('the wasm missing (404): ready rejects, the console says why, requests end with onerror', async () => {
  const page = await newPage({ wait: false, wasm: { status: 404 }, serve: ok });
  const why = LOAD_FAILED + 'HTTP 404 fetching ' + WASM_URL + ' (xdomainrequest.wasm must sit next to xdomainrequest.js).';
  assert.strictEqual(await page.ready(), 'rejected: ' + why);
  assert.deepStrictEqual(page.consoleLines(), ['console.error ' + why + ' XDomainRequest requests will end with onerror.']);
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');  // nothing to decide it: no exception, onerror
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x error "" "" @0']);
  assert.deepStrictEqual(page.fetches, []);
});

test('the wasm missing (404) for a call before ready: the synchronous start fails the same way', async () => {
  const page = await newPage({ wait: false, wasm: { status: 404 }, serve: ok });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  assert.deepStrictEqual(page.wasmRequests, ['fetch ' + WASM_URL, 'xhr ' + WASM_URL + '?sync']);
  assert.match(await page.ready(), /^rejected: .*HTTP 404 fetching/);
  await page.run(10);
  assert.deepStrictEqual(page.events().map((e) => e.split(' @')[0]), ['x error "" ""']);
  assert.strictEqual(page.consoleLines().length, 1);
});

test('the compile refused (a Content-Security-Policy without wasm-unsafe-eval): the console names \'wasm-unsafe-eval\'', async () => {
  const page = await newPage({ wait: false, wasm: 'csp', serve: ok });
  const state = await page.ready();
  assert.match(state, /^rejected: .*blocked by CSP/);
  assert.strictEqual(page.consoleLines().length, 1);
  assert.ok(page.consoleLines()[0].startsWith('console.error ' + LOAD_FAILED), page.consoleLines()[0]);
  assert.ok(page.consoleLines()[0].includes("a Content-Security-Policy must allow 'wasm-unsafe-eval'"), page.consoleLines()[0]);
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x error "" "" @0']);
});

for (const early of [false, true]) {
  test('go.run throws' + (early ? ' (a call before ready)' : '') + ': ready rejects with its message, requests end with onerror, never an exception', async () => {
    const page = await newPage({ wait: false, wasm: 'run-throws', serve: ok });
    const x = page.watch(new page.XDR(), 'x');
    if (early) {
      x.open('GET', 'https://api.example/');  // would be denied: no verdict to give, no exception
      request(x, 'GET', 'http://api.example/');
    }
    assert.strictEqual(await page.ready(), 'rejected: ' + LOAD_FAILED + 'Go runtime refused to run (test)');
    if (!early) request(x, 'GET', 'http://api.example/');
    await page.run(10);
    assert.deepStrictEqual(page.events().map((e) => e.split(' @')[0]), ['x error "" ""']);
    assert.deepStrictEqual(page.consoleLines(), ['console.error ' + LOAD_FAILED + 'Go runtime refused to run (test) XDomainRequest requests will end with onerror.']);
    assert.deepStrictEqual(page.fetches, []);
  });
}

test('wasm_exec.js missing: ready rejects and says to include it first', async () => {
  const page = await newPage({ wait: false, noWasmExec: true });
  assert.strictEqual(await page.ready(), 'rejected: XDomainRequest polyfill: wasm_exec.js must be included before xdomainrequest.js.');
  assert.deepStrictEqual(page.wasmRequests, []);
  assert.deepStrictEqual(page.consoleLines(), ['console.error XDomainRequest polyfill: wasm_exec.js must be included before xdomainrequest.js. XDomainRequest requests will end with onerror.']);
});
