'use strict';
// js/60-operations.js: the class's operations once the core is ready,
// deferred sends, the host calls of Go, and the kept answers: the core's
// answers the edge remembers so that a repeated request does not cross
// into Go, each table filling up and starting again with the answers
// still right.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

const ok = (text = 'ok', type = 'text/plain') => ({ at: 1, status: 200, type, chunks: [[0, text]], end: 0 });

test('a send() with no time-out is deferred: the core first hears of it as -id, with its response', async () => {
  const page = await newPage({ serve: () => ok() });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/1');
  await page.run(10);
  // The same kind of send() again: the kept answer, no crossing at send().
  const before = page.mark();
  x.open('GET', 'http://api.example/2');
  x.send();
  assert.deepStrictEqual(page.calls(before), {}, 'open() and send() of a kind seen before do not cross');
  assert.strictEqual(page.fetches.length, 2, 'the fetch starts at once');
  await page.run(10);
  const named = page.crossings.slice(before).map((c) => c.name + ' ' + c.args[0]);
  assert.strictEqual(named.length, 0, 'a small body of a kind seen before: no crossing at all: ' + named);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1',
    'x progress "ok" "text/plain" @11', 'x load "ok" "text/plain" @11']);
});

test('a deferred request is named -id to the core the first time, id after that', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'aaa'], [60, 'bbb']], end: 120 }) });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  const sent = page.mark();
  await page.run(200);
  const named = page.crossings.slice(sent).map((c) => c.name + ' ' + c.args[0]);
  const id = -page.crossings[sent].args[0];
  assert.ok(id > 0, 'the first report names -id: ' + named);
  assert.deepStrictEqual(named.filter((c) => !c.startsWith('tick')), ['first ' + -id, 'data ' + id, 'end ' + id]);
  assert.deepStrictEqual(page.events().map((e) => e.split(' @')[0]), ['x progress "aaa" "text/plain"', 'x progress "aaabbb" "text/plain"', 'x load "aaabbb" "text/plain"']);
});

test('a send() with a time-out crosses at send(); the core arms the timer, ontimeout when it runs', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'aaa']], end: 500 }) });
  const x = page.watch(new page.XDR(), 'x');
  x.timeout = 30;
  x.open('GET', 'http://api.example/slow');
  const before = page.mark();
  x.send();
  assert.deepStrictEqual(page.crossings.slice(before).map((c) => c.name), ['send']);
  const id = page.crossings[before].args[0];
  assert.deepStrictEqual(page.crossings[before].args.slice(3), [30], 'the time-out crosses with send()');
  assert.deepStrictEqual(page.hostCalls.filter((c) => c.name === 'later').map((c) => c.args), [[id, 2, 30]], 'later(id, T_TIMEOUT, 30)');
  await page.run(100);
  assert.deepStrictEqual(page.events(), ['x progress "aaa" "text/plain" @9', 'x timeout "" "" @30']);
  assert.deepStrictEqual(page.crossings.slice(before + 1).map((c) => c.name + ' ' + c.args[0]).filter((c) => c.startsWith('first') || c.startsWith('tick')),
    ['first ' + id, 'tick ' + id], 'a request the core knows is named by its id from the start');
  assert.match(page.consoleLines().join('\n'), /timed out; raise the timeout property/);
  assert.strictEqual(page.fetches[0].init.signal.aborted, true, 'the fetch is aborted at the time-out');
});

test('abort() of a deferred request: no event, the fetch aborted', async () => {
  const page = await newPage({ serve: () => ({ at: 20, status: 200, type: 'text/plain', chunks: [[0, 'late']], end: 0 }) });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  x.abort();
  await page.run(50);
  assert.deepStrictEqual(page.events(), []);
  assert.strictEqual(page.fetches[0].init.signal.aborted, true);
  assert.strictEqual(page.XDR.stats().jsRequests, 0, 'the record released');
});

test('open() verdicts are kept: the same method, scheme and host cross once; denials cross (and warn) each time', async () => {
  const page = await newPage({ serve: () => ok() });
  const x = new page.XDR();
  const opens = () => page.crossings.filter((c) => c.name === 'open').length;
  x.open('GET', 'http://api.example/a');
  x.open('GET', 'http://api.example/b?x=1');
  x.open('GET', 'http://API.example/c');  // the URL parser lowercases the host
  assert.strictEqual(opens(), 1);
  x.open('POST', 'http://api.example/a');
  x.open('GET', 'http://other.example/a');
  assert.strictEqual(opens(), 3);
  for (let i = 0; i < 2; i++) assert.throws(() => x.open('GET', 'https://api.example/'), { message: 'Access is denied.' });
  assert.strictEqual(opens(), 5);
  assert.strictEqual(page.consoleLines().filter((l) => l.includes("the URL must use the page's scheme")).length, 2);
});

test('the verdicts fill up at 256 kinds and start again; a verdict after that is still right', async () => {
  const page = await newPage({ serve: () => ok() });
  const x = new page.XDR();
  const opens = () => page.crossings.filter((c) => c.name === 'open').length;
  for (let i = 0; i < 256; i++) x.open('GET', 'http://h' + i + '.example/');
  assert.strictEqual(opens(), 256);
  x.open('GET', 'http://h0.example/');
  assert.strictEqual(opens(), 256, 'all 256 kept');
  x.open('GET', 'http://h256.example/');
  assert.strictEqual(opens(), 257);
  x.open('GET', 'http://h0.example/');
  assert.strictEqual(opens(), 258, 'the table started again');
  x.open('GET', 'http://h0.example/again');
  assert.strictEqual(opens(), 258);
  page.watch(x, 'x');
  x.send();
  assert.throws(() => x.open('GET', 'https://h0.example/'), { message: 'Access is denied.' });
  request(x, 'GET', 'http://h1.example/');
  await page.run(10);
  assert.deepStrictEqual(page.events(), ['x progress "ok" "text/plain" @1', 'x load "ok" "text/plain" @1']);
});

test('send() answers are kept for every kind of deferred send (method, body kind, time-out 0 or -1), none evicting another', async () => {
  const page = await newPage({ serve: () => ok() });
  const kinds = [];
  for (const timeout of [-1, 0]) {
    for (const method of ['GET', 'POST']) {
      for (const body of [undefined, '', 'text', { toString() { throw new Error('no string'); } }]) kinds.push({ timeout, method, body });
    }
  }
  const x = new page.XDR();
  const sendsOf = (round) => {
    const counts = [];
    for (const k of kinds) {
      x.timeout = k.timeout;
      x.open(k.method, 'http://api.example/');
      const m = page.mark();
      try { x.send(k.body); } catch (e) { /* a GET with a body that cannot convert: the core's message */ }
      counts.push(page.crossings.slice(m).filter((c) => c.name === 'send').length);
      x.abort();
    }
    return counts;
  };
  assert.deepStrictEqual(sendsOf(1), kinds.map(() => 1), 'each kind crosses the first time');
  // The kinds the core deferred cross no more.
  const deferred = [];
  const second = sendsOf(2);
  for (let i = 0; i < kinds.length; i++) deferred.push(second[i] === 0);
  assert.ok(deferred.filter(Boolean).length >= 8, 'most kinds defer: ' + JSON.stringify(deferred));
  assert.deepStrictEqual(sendsOf(3), second, 'the same answers kept');
});

test('first() answers are kept up to 256 kinds of response, then start again; the answers stay right', async () => {
  const bodyOf = (i) => String(i).padStart(3, '0') + ' body';  // the first three bytes tell them apart
  const page = await newPage({ serve: (url) => ok(bodyOf(+new URL(url).searchParams.get('i'))) });
  const x = page.watch(new page.XDR(), 'x');
  const get = async (i) => {
    const m = page.mark();
    request(x, 'GET', 'http://api.example/?i=' + i);
    await page.run(5);
    return page.calls(m);
  };
  await get(0);
  for (let i = 1; i < 256; i++) assert.deepStrictEqual(await get(i), { first: 1 }, 'response ' + i);
  assert.deepStrictEqual(await get(0), {}, 'the 256 answers kept: no crossing');
  assert.deepStrictEqual(await get(256), { first: 1 });
  assert.deepStrictEqual(await get(0), { first: 1 }, 'the table started again');
  assert.deepStrictEqual(await get(0), {});
  const loads = page.events().filter((e) => e.includes(' load '));
  assert.strictEqual(loads.length, 260);
  assert.deepStrictEqual(loads.slice(-4).map((e) => e.split(' @')[0]),
    ['x load "000 body" "text/plain"', 'x load "256 body" "text/plain"', 'x load "000 body" "text/plain"', 'x load "000 body" "text/plain"']);
});

test('the names table starting again drops the kept first() answers that name its indices', async () => {
  // Each new media type is a name the core sends once (host call name);
  // when its table is full it reuses indices. A kept answer names the
  // media type by index: it must not be used after the index names another.
  const page = await newPage({ serve: (url) => ok('{"n":1}', new URL(url).searchParams.get('type')) });
  const x = page.watch(new page.XDR(), 'x');
  const get = async (type) => {
    const m = page.mark();
    request(x, 'GET', 'http://api.example/?type=' + encodeURIComponent(type));
    await page.run(5);
    return page.calls(m);
  };
  await get('application/first');
  assert.deepStrictEqual(await get('application/first'), {}, 'kept');
  const named = new Map(), reused = () => page.hostCalls.some((c) => c.name === 'name' && named.get(c.args[0]) !== c.args[1] && named.has(c.args[0]));
  let types = 1;
  for (; types < 300; types++) {
    for (const c of page.hostCalls) if (c.name === 'name' && !named.has(c.args[0])) named.set(c.args[0], c.args[1]);
    await get('application/t' + types);
    if (reused()) break;
  }
  assert.ok(reused(), 'the core reused an index of its names table within ' + types + ' types');
  assert.ok(types < 256, types + ' kept first() answers, fewer than their own limit (256): only the names table started again');
  assert.deepStrictEqual(await get('application/first'), { first: 1 }, 'the kept answer was dropped');
  assert.deepStrictEqual(page.events().slice(-1).map((e) => e.split(' @')[0]), ['x load "{\\"n\\":1}" "application/first"']);
  assert.deepStrictEqual(await get('application/first'), {}, 'and kept again');
  assert.deepStrictEqual(page.events().slice(-1).map((e) => e.split(' @')[0]), ['x load "{\\"n\\":1}" "application/first"']);
});

test('timeout and stats() cross every time; an invalid timeout throws the core\'s message and warns', async () => {
  const page = await newPage();
  const x = new page.XDR();
  const m = page.mark();
  x.timeout = 100;
  x.timeout = 100;
  assert.deepStrictEqual(page.calls(m), { timeout: 2 });
  assert.strictEqual(x.timeout, 100);
  assert.throws(() => { x.timeout = -5; }, { message: 'Invalid argument.' });
  assert.strictEqual(x.timeout, 100, 'a refused value changes nothing');
  assert.match(page.consoleLines().join('\n'), /timeout takes a number of milliseconds/);
  x.timeout = '250';
  assert.strictEqual(x.timeout, 250);
});
