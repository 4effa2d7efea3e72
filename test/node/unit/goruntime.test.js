'use strict';
// js/80-goruntime.js: what Go's runtime reads of the page is given by the
// loader instead: wasm_exec.js's stand-ins are taken off the page (a
// page's own fs or process stays, unread), Go gets its own while go.run
// reads them, and its clock and timers are those taken when the script ran.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

test('a page\'s own process and fs stay, and Go never reads them', async () => {
  const reads = [];
  const watched = (name, target) => new Proxy(target, { get(t, k) { reads.push(name + '.' + String(k)); return t[k]; } });
  let process, fs;
  const page = await newPage({
    serve: () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 }),
    before(g, p) {
      g.process = process = watched('process', { env: { REQUEST_METHOD: 'GET' } });  // what faye reads
      p.script('var fs;');
      g.fs = fs = watched('fs', {});
    },
  });
  assert.strictEqual(page.readyState, 'ready');
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
  assert.strictEqual(page.g.process, process);
  assert.strictEqual(page.g.fs, fs);
  assert.strictEqual(page.g.path, undefined, 'wasm_exec.js\'s path removed');
  assert.deepStrictEqual(reads, []);
});

test('the stand-ins are recognized by their shape: a page\'s path with other keys stays', async () => {
  const path = { resolve() {}, join() {} };
  const page = await newPage({ before(g) { g.path = path; } });
  assert.strictEqual(page.g.path, path);
  assert.strictEqual(page.g.fs, undefined);
  assert.strictEqual(page.g.process, undefined);
});

test('a page that replaces its clock and timers later moves neither the time-outs nor Go', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'aaa'], [200, 'bbb']], end: 400 }) });
  page.g.performance.now = () => 1e12;
  page.g.setTimeout = () => { throw new Error('the page\'s setTimeout'); };
  page.g.clearTimeout = () => { throw new Error('the page\'s clearTimeout'); };
  page.g.Date.now = () => 0;
  const x = page.watch(new page.XDR(), 'x'), y = page.watch(new page.XDR(), 'y');
  x.timeout = 30;
  request(x, 'GET', 'http://api.example/x');
  request(y, 'GET', 'http://api.example/y');
  await page.run(500);
  assert.deepStrictEqual(page.events(), [
    'x progress "aaa" "text/plain" @9', 'y progress "aaa" "text/plain" @9',
    'x timeout "" "" @30',
    'y progress "aaabbb" "text/plain" @201', 'y load "aaabbb" "text/plain" @401',
  ]);
  assert.ok(!page.log.some((l) => l.startsWith('timer threw')), page.log.join('\n'));
});

test('the bridge is lent to Go only while it starts', async () => {
  const page = await newPage({ wait: false });
  assert.strictEqual('__xdomainrequest_bridge__' in page.g, false);
  new page.XDR().open('GET', 'http://api.example/');  // the synchronous start: go.run now
  assert.strictEqual('__xdomainrequest_bridge__' in page.g, false);
  assert.ok(page.crossings.length > 0, 'Go installed its entries');
});
