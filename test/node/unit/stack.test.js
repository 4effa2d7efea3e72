'use strict';
// The stack probe (js/30-globals.js probeStack): each call into Go first
// checks that enough JavaScript stack is left, so that a call made near
// the end of the stack throws the engine's RangeError in JavaScript and
// never runs out of stack inside the wasm, which would stop the Go runtime
// for good. (Without the probe, every later call fails: "memory access out
// of bounds".) The first test must stay first in this file: its page is
// the process's first, as a page's first calls are.

const test = require('node:test');
const assert = require('node:assert');
const { newPage, request } = require('./page.js');

const ok = () => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 });

// nearTheEnd recurses until the stack runs out, then, on the way back up,
// makes calls that cross into Go at each of the 4000 depths nearest the
// end (the probe, before it is optimized, keeps about 2700 of them free),
// and counts how each ended.
const nearTheEnd = `(function () {
  var x = new XDomainRequest(), n = 0, deepest = 0, done = 0, overflows = 0, others = [];
  function down(depth) {
    try { down(depth + 1); } catch (e) { if (!(e instanceof RangeError)) throw e; deepest = Math.max(deepest, depth); }
    if (depth < deepest - 4000) return;
    try {
      x.timeout = 10;
      x.open('GET', 'http://api.example/' + (n++ % 3));
      x.send();
      x.abort();
      XDomainRequest.stats();
      done++;
    } catch (e) {
      if (e instanceof RangeError) overflows++; else others.push(e.name + ': ' + e.message);
    }
  }
  down(0);
  return JSON.stringify({ done: done, overflows: overflows, others: others });
})()`;

// alive: a request from a fresh stack, with a time-out (Go arms a timer).
async function alive(page) {
  const x = new page.XDR(), seen = [];
  x.onload = () => seen.push('load ' + x.responseText);
  x.onerror = () => seen.push('error');
  x.timeout = 1000;
  request(x, 'GET', 'http://api.example/after');
  await page.run(10);
  assert.deepStrictEqual(seen, ['load ok']);
  assert.strictEqual(typeof page.XDR.stats().goHeap, 'number');
}

test('calls made near the end of the stack throw the engine\'s RangeError; the Go runtime stays alive', async () => {
  const page = await newPage({ serve: ok });
  const got = JSON.parse(page.script(nearTheEnd));
  assert.deepStrictEqual(got.others, [], page.consoleLines().slice(0, 3).join('\n'));
  assert.ok(got.overflows > 0, 'some calls were made too deep: ' + JSON.stringify(got));
  assert.ok(got.done > 500, 'the others went through: ' + JSON.stringify(got));
  await alive(page);
  assert.deepStrictEqual(page.consoleLines(), []);
});

// Once V8 has compiled the probe with its optimizing tier (after a few
// thousand calls; compiled wasm is shared by every page of the process),
// its frames are a quarter of the size they were: at PROBE_DEPTH 400 a
// send() with a time-out from a page whose own code is not optimized yet
// ran out of stack in the host call Go makes (later), and the page got the
// core's internal error instead of a RangeError. The probe is sized for
// its optimized frames (js/30-globals.js); this holds it there.
test('with the probe optimized: calls near the end of the stack still throw RangeError, never an internal error', async (t) => {
  const warm = await newPage();
  const w = new warm.XDR();
  for (let i = 0; i < 3000; i++) w.timeout = 10;
  const page = await newPage({ serve: ok });
  const got = JSON.parse(page.script(nearTheEnd));
  t.diagnostic('near the end: ' + got.done + ' calls went through, ' + got.overflows + ' RangeError');
  assert.deepStrictEqual(got.others, [], page.consoleLines().slice(0, 3).join('\n'));
  assert.ok(got.overflows > 0 && got.done > 500, JSON.stringify(got));
  await alive(page);
  assert.deepStrictEqual(page.consoleLines(), []);
});

test('contentType read near the end of the stack while it asks the core (peek)', async () => {
  const page = await newPage({ serve: () => ({ at: 1, status: 200, type: 'text/csv', chunks: [[50, 'a,b']], end: 50 }) });
  const x = page.watch(new page.XDR(), 'x');
  request(x, 'GET', 'http://api.example/');
  await page.run(10);
  page.g.x = x;
  const got = JSON.parse(page.script(`(function () {
    var read = 0, overflows = 0, wrong = [], deepest = 0;
    function down(depth) {
      try { down(depth + 1); } catch (e) { if (!(e instanceof RangeError)) throw e; deepest = Math.max(deepest, depth); }
      if (depth < deepest - 1500) return;
      try { var t = x.contentType; if (t === 'text/csv') read++; else wrong.push(t); } catch (e) { if (e instanceof RangeError) overflows++; else wrong.push(String(e)); }
    }
    down(0);
    return JSON.stringify({ read: read, overflows: overflows, wrong: wrong });
  })()`));
  delete page.g.x;
  assert.deepStrictEqual(got.wrong, []);
  assert.ok(got.read > 0);
  await page.run(100);
  assert.deepStrictEqual(page.events(), ['x progress "a,b" "text/csv" @51', 'x load "a,b" "text/csv" @51']);
});
