'use strict';
// js/30-globals.js: what the edge takes of the page's globals when its
// script runs, and the configuration (read once). The stack probe, also
// defined there: stack.test.js.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

const ok = () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 });

test('fetch and AbortController are the ones the page had when the script ran', async () => {
  const page = await newPage({ serve: ok });
  const wrapped = [];
  page.g.fetch = (url) => { wrapped.push(url); return Promise.reject(new TypeError('the page\'s wrapper')); };
  page.g.AbortController = function () { throw new Error('the page\'s AbortController'); };
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(wrapped, []);
  assert.deepStrictEqual(page.fetches.map((f) => f.url), ['http://api.example/']);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
});

test('a page that replaced Event (MooTools) before the script: the browser\'s own Event class still serves', async () => {
  const page = await newPage({ serve: ok, before(g) { g.Event = function Event(type) { this.type = 'not ' + type; }; } });
  const x = new page.XDR(), seen = [];
  x.onprogress = (ev) => seen.push('onprogress ' + ev.type + ' ' + (ev.target === x));
  x.onload = (ev) => seen.push('onload ' + ev.type + ' ' + (ev.target === x));
  x.addEventListener('load', (ev) => seen.push('listener ' + ev.type + ' ' + (ev.target === x)));
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(seen, ['onprogress progress true', 'onload load true', 'listener load true']);
});

test('the configuration is read once, when the script runs, and only an own boolean true counts', async () => {
  const crossScheme = (x) => { try { x.open('GET', 'https://api.example/'); return 'allowed'; } catch (e) { return e.message; } };
  const on = await newPage({ config: { allowCrossScheme: true } });
  assert.strictEqual(crossScheme(new on.XDR()), 'allowed');
  on.g.XDomainRequestConfig.allowCrossScheme = false;
  assert.strictEqual(crossScheme(new on.XDR()), 'allowed', 'changed later: no effect');
  for (const config of [{ allowCrossScheme: 'true' }, { allowCrossScheme: 1 }, Object.create({ allowCrossScheme: true }),
    { get allowCrossScheme() { return true; } }]) {
    const page = await newPage({ config });
    assert.strictEqual(crossScheme(new page.XDR()), 'Access is denied.', JSON.stringify(Object.getOwnPropertyDescriptors(config)));
  }
  const off = await newPage();
  off.g.XDomainRequestConfig = { allowCrossScheme: true };
  assert.strictEqual(crossScheme(new off.XDR()), 'Access is denied.', 'set after the script: no effect');
});

test('allowAnyZone lets an Internet page call an intranet host', async () => {
  const page = await newPage({ config: { allowAnyZone: true }, serve: ok });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://10.0.0.1/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
  const strict = await newPage();
  assert.throws(() => new strict.XDR().open('GET', 'http://10.0.0.1/'), { message: 'Access is denied.' });
});
