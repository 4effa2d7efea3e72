'use strict';
// js/90-install.js: what the script does to the page when it runs: the
// install decision (a native or other XDomainRequest stays unless
// replaceNative), a page's `var XDomainRequest`, and nothing left on the
// page but XDomainRequest (and Go, wasm_exec.js's).

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request, WASM_URL } = require('./page.js');

const ok = () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 });

test('no globals left behind but XDomainRequest and Go; wasm_exec.js\'s fs, process and path removed', async () => {
  const page = await newPage({ wait: false, serve: ok });
  const added = () => page.globalNames().filter((n) => !page.namesBefore.includes(n)).sort();
  assert.deepStrictEqual(added(), ['Go', 'XDomainRequest'], 'when the script has run');
  await page.ready();
  request(new page.XDR(), 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(added(), ['Go', 'XDomainRequest'], 'when ready, and after a request');
  const d = Object.getOwnPropertyDescriptor(page.g, 'XDomainRequest');
  assert.deepStrictEqual([d.writable, d.configurable, d.enumerable], [true, true, false]);
});

test('a synchronous start leaves nothing behind either', async () => {
  const page = await newPage({ wait: false, serve: ok });
  new page.XDR().open('GET', 'http://api.example/');
  assert.strictEqual(page.XDR.stats().startRoute, 'fetched');
  assert.deepStrictEqual(page.globalNames().filter((n) => !page.namesBefore.includes(n)).sort(), ['Go', 'XDomainRequest']);
});

test('a native (or another) XDomainRequest stays: no class defined, no wasm fetched', async () => {
  let native;
  const page = await newPage({
    wait: false,
    before(g) { native = g.XDomainRequest = function XDomainRequest() { this.native = true; }; },
  });
  assert.strictEqual(page.g.XDomainRequest, native);
  assert.deepStrictEqual(page.wasmRequests, []);
  assert.deepStrictEqual(page.globalNames().filter((n) => !page.namesBefore.includes(n)), ['Go']);
});

test('replaceNative: the polyfill replaces a native XDomainRequest', async () => {
  let native;
  const page = await newPage({
    config: { replaceNative: true }, serve: ok,
    before(g) { native = g.XDomainRequest = function XDomainRequest() {}; },
  });
  assert.notStrictEqual(page.XDR, native);
  assert.strictEqual(page.readyState, 'ready');
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
});

test('replaceNative must be the boolean true, in an own property', async () => {
  for (const config of [{ replaceNative: 'true' }, Object.create({ replaceNative: true })]) {
    let native;
    const page = await newPage({ wait: false, config, before(g) { native = g.XDomainRequest = function XDomainRequest() {}; } });
    assert.strictEqual(page.g.XDomainRequest, native);
  }
});

test('a page\'s `var XDomainRequest;` before the script (a feature test of the era): the class is set there', async () => {
  const page = await newPage({ serve: ok, before(g, p) { p.script('var XDomainRequest;'); } });
  assert.strictEqual(typeof page.XDR, 'function');
  assert.strictEqual(page.readyState, 'ready');
  assert.strictEqual(Object.getOwnPropertyDescriptor(page.g, 'XDomainRequest').configurable, false);
  assert.strictEqual(page.script('XDomainRequest'), page.XDR, 'the page\'s own name holds it');
  const x = page.watch(page.script('new XDomainRequest()'), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
});

test('the wasm is fetched from beside the script\'s own URL', async () => {
  const page = await newPage({ wait: false });
  assert.deepStrictEqual(page.wasmRequests, ['fetch ' + WASM_URL]);
});
