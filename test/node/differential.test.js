'use strict';
// The differential test of the kept answers (docs/testing.md): each case
// (gen.js) runs in a fresh realm of the shipped edge (dist/) and of the
// test build with every kept answer and deferral off
// (test/node/build/xdomainrequest.js), both on the real Go core (the
// built wasm, under Go's own wasm_exec.js), and every script's trace must
// be the same: events in the same order at the same virtual times,
// responseText and contentType, exceptions, console lines, fetch calls.
//
//   XDR_SCRIPTS  how many generated scripts (default 10000, 10 per case)
//   XDR_SEED     the first case's seed (default 1); case i has seed + i
// A case that differs is written to test/node/failures/ and named with its
// seed; a case that once differed is kept in fixed/ and runs every time.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { runCase } = require('./harness.js');
const { generateCase } = require('./gen.js');

const PER_CASE = 10;
const SCRIPTS = +(process.env.XDR_SCRIPTS || 10000);
const SEED = +(process.env.XDR_SEED || 1);
const FIXED = path.join(__dirname, 'fixed');
const FAILURES = path.join(__dirname, 'failures');

// compare runs a case in both builds and returns null, or a description
// of the first script whose traces differ (and writes the case out).
async function compare(kase, label) {
  const shipped = await runCase(kase, 'shipped');
  const off = await runCase(kase, 'off');
  for (let i = 0; i < kase.scripts.length; i++) {
    const a = shipped.traces[i], b = off.traces[i];
    if (a.join('\n') === b.join('\n')) continue;
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    fs.mkdirSync(FAILURES, { recursive: true });
    const file = path.join(FAILURES, label.replace(/[^a-z0-9-]+/gi, '-') + '.json');
    const written = Object.assign({}, kase, { scripts: kase.scripts.slice(0, i + 1), failingScript: i });
    fs.writeFileSync(file, JSON.stringify(written, null, 1) + '\n');
    return label + ': script ' + i + ' differs at trace line ' + k + ' (case written to ' + path.relative(process.cwd(), file) + ')\n' +
      '  common before:\n' + a.slice(Math.max(0, k - 8), k).map((l) => '      ' + l).join('\n') + '\n' +
      '  shipped:\n' + a.slice(k, k + 8).map((l) => '    < ' + l).join('\n') + '\n' +
      '  off:\n' + b.slice(k, k + 8).map((l) => '    > ' + l).join('\n');
  }
  return { calls: [shipped.goCalls, off.goCalls] };
}

// fixed/*.json are cases as written out; fixed/*.js make theirs (too
// long to write out).
const fixed = fs.existsSync(FIXED) ? fs.readdirSync(FIXED).filter((f) => /\.(json|js)$/.test(f)).sort() : [];
for (const name of fixed) {
  const file = path.join(FIXED, name);
  const kase = name.endsWith('.js') ? require(file) : JSON.parse(fs.readFileSync(file, 'utf8'));
  test('fixed case ' + name + (kase.known ? ' (KNOWN DIFFERENCE: ' + kase.known + ')' : ''), async () => {
    const got = await compare(kase, 'fixed-' + name.replace(/\.js(on)?$/, ''));
    if (typeof got === 'string') {
      if (kase.known) console.error('KNOWN DIFFERENCE still there: ' + kase.known + '\n' + got);
      assert.fail(got);
    }
  });
}

test(SCRIPTS + ' generated scripts, seeds from ' + SEED, async () => {
  const cases = Math.ceil(SCRIPTS / PER_CASE), t0 = Date.now();
  let shippedCalls = 0, offCalls = 0, failures = [], run = 0;
  for (let i = 0; i < cases; i++, run++) {
    const seed = SEED + i;
    const kase = generateCase(seed, PER_CASE);
    let got;
    try {
      got = await compare(kase, 'seed-' + seed);
    } catch (e) {
      got = 'seed ' + seed + ': ' + (e && e.stack || e);
    }
    if (typeof got === 'string') {
      failures.push(got);
      if (failures.length >= 5) { run++; break; }
      continue;
    }
    shippedCalls += got.calls[0];
    offCalls += got.calls[1];
  }
  console.log('# ' + run * PER_CASE + ' scripts in ' + run + ' cases (seeds ' + SEED + '-' + (SEED + run - 1) + ') in ' +
    ((Date.now() - t0) / 1000).toFixed(1) + ' s; crossings into Go: ' + shippedCalls + ' shipped, ' + offCalls + ' with nothing kept');
  if (failures.length) assert.fail(failures.length + ' case(s) differ (reproduce: XDR_SEED=<seed> XDR_SCRIPTS=' + PER_CASE + ')\n' + failures.join('\n\n'));
  assert.ok(shippedCalls < offCalls, 'the kept answers were used');
});
