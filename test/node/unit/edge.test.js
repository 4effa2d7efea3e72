'use strict';
// js/40-edge.js: open()'s URL, resolved against the document's base URL
// (read through its prototype getter), and the console lines the core
// asks for, written once Go has returned.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

const ok = () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 });

test('a relative URL is resolved against the document\'s base URL, when open() is called', async () => {
  const page = await newPage({ serve: ok, base: 'http://www.page.example/app/api/' });
  const x = new page.XDR();
  request(x, 'GET', 'data.json?q=1');
  page.base = 'http://www.page.example/other/';  // a <base> element added later
  request(x, 'GET', 'data.json?q=1');
  request(x, 'GET', { toString() { return '/root'; } });
  assert.deepStrictEqual(page.fetches.map((f) => f.url),
    ['http://www.page.example/app/api/data.json?q=1', 'http://www.page.example/other/data.json?q=1', 'http://www.page.example/root']);
});

test('markup that clobbers document.baseURI (<img name="baseURI">) changes nothing', async () => {
  const page = await newPage({ serve: ok, before(g) { Object.defineProperty(g.document, 'baseURI', { value: { name: 'baseURI', src: 'http://evil.example/' } }); } });
  request(new page.XDR(), 'GET', 'next');
  assert.deepStrictEqual(page.fetches.map((f) => f.url), ['http://www.page.example/app/next']);
});

test('URLs the browser cannot parse, or the core refuses, throw the core\'s message and warn', async () => {
  const page = await newPage();
  const x = new page.XDR();
  const thrown = (url) => { try { x.open('GET', url); return 'accepted'; } catch (e) { return e.constructor.name + ': ' + e.message; } };
  assert.strictEqual(thrown('http://[bad'), 'Error: Invalid argument.');
  assert.strictEqual(thrown(Symbol('url')), 'Error: Invalid argument.');
  assert.strictEqual(thrown({ toString() { throw new Error('no string'); } }), 'Error: Invalid argument.');
  assert.strictEqual(thrown('file:///etc/passwd'), 'Error: Access is denied.');
  assert.strictEqual(thrown('http://user:secret@api.example/'), 'Error: Access is denied.');
  assert.strictEqual(thrown('http://localhost/'), 'Error: Access is denied.');
  assert.strictEqual(thrown('http://api.example/'), 'accepted');
  assert.ok(page.consoleLines().length >= 3);
  assert.ok(page.consoleLines().every((l) => l.startsWith('console.warn XDomainRequest: ')), page.consoleLines().join('\n'));
  assert.ok(page.consoleLines().some((l) => l.includes('only http: and https: URLs are allowed')));
});

test('open() with one argument, or none, throws', async () => {
  const page = await newPage();
  const x = new page.XDR();
  assert.throws(() => x.open('GET'));
  assert.throws(() => x.open());
  assert.throws(() => x.send(), { message: 'Invalid state.' });
});

test('the console lines are written after Go has returned: a hook may call XDomainRequest again', async () => {
  const page = await newPage({ serve: ok });
  const x = page.watch(new page.XDR(), 'x');
  let inHook = 0;
  page.g.console.warn = (text) => {
    page.log.push('hook ' + text.slice(0, 40));
    if (inHook++) return;
    request(x, 'GET', 'http://api.example/from-hook');  // re-enters the polyfill
  };
  assert.throws(() => new page.XDR().open('GET', 'https://api.example/'), { message: 'Access is denied.' });
  assert.deepStrictEqual(page.fetches.map((f) => f.url), ['http://api.example/from-hook']);
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
});

test('a console hook that throws breaks nothing', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 500, type: 'text/plain', end: 0 }) });
  page.g.console.warn = () => { throw new Error('the page\'s hook'); };
  assert.throws(() => new page.XDR().open('GET', 'https://api.example/'), { message: 'Access is denied.' });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x error "" "" @1']);
});
