'use strict';
// The protocol between the languages at run time (docs/testing.md): the
// edge (dist/ and the test build with nothing kept) on the real Go core,
// in the differential test's realm (harness.js), with every function Go
// puts on bridge.core and every host function of bridge.host watched.
// Each name must be one of xdr_wire.go's table, each call must pass the
// table's number of arguments, and the requests here must reach every
// entry and every host call. The table is test/node/build/wire.json,
// written from xdr_wire.go by the generator (make node-test; go run
// ./internal/wiregen -table ...), as js/20-wire.js is.
//
// The number the edge packs for first() (FirstInfo: status, first bytes,
// data, done) is read back here from what first() receives, for
// responses whose status and bytes are known, and the core's reading of
// it shows in what the page sees (onerror for a failed status, the
// decoder a byte order mark chooses).

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { runCase } = require('./harness.js');
const { generateCase } = require('./gen.js');

const TABLE = JSON.parse(fs.readFileSync(path.join(__dirname, 'build', 'wire.json'), 'utf8'));
const C = TABLE.constants;
const FIXED = path.join(__dirname, 'fixed');
const GENERATED = 20;  // generated cases (10 scripts each) watched besides
const BUILDS = ['shipped', 'off'];

// watch puts a watcher of the bridge on a realm's global object before
// the edge runs. The loader lends Go the bridge under
// __xdomainrequest_bridge__ while go.run runs, by assignment when the
// page has that name as a property it cannot redefine: this accessor then
// receives the bridge, before Go reads it.
function watch(g, seen) {
  let bridge;
  Object.defineProperty(g, '__xdomainrequest_bridge__', {
    get() { return bridge; },
    set(b) {
      bridge = b;
      if (b && !seen.bridge) instrument(b, seen);
    },
    enumerable: false, configurable: false,
  });
}

// instrument wraps the host's functions now, and the entries once Go has
// put them on bridge.core (it then calls bridge.install, which takes them).
function instrument(b, seen) {
  seen.bridge = b;
  seen.hostNames = Object.keys(b.host).sort();
  for (const name of seen.hostNames) {
    const f = b.host[name];
    b.host[name] = function () {
      count(seen, 'host', name, arguments.length);
      return Reflect.apply(f, this, arguments);
    };
  }
  const install = b.install;
  b.install = function () {
    seen.coreNames = Object.keys(b.core).sort();
    for (const name of seen.coreNames) {
      const f = b.core[name];
      b.core[name] = function () {
        count(seen, 'entry', name, arguments.length);
        if (name === 'first') seen.firsts.push(arguments[2]);
        return Reflect.apply(f, this, arguments);
      };
    }
    return Reflect.apply(install, this, arguments);
  };
}

function count(seen, kind, name, argc) {
  const table = kind === 'entry' ? TABLE.entries : TABLE.hostCalls;
  const calls = kind === 'entry' ? seen.entries : seen.host;
  calls.set(name, (calls.get(name) || 0) + 1);
  if (table[name] !== argc) {
    seen.wrong.add(kind + ' ' + name + ' called with ' + argc + ' argument(s); xdr_wire.go\'s table: ' + table[name]);
  }
}

function newSeen() {
  return { bridge: null, hostNames: null, coreNames: null, entries: new Map(), host: new Map(), wrong: new Set(), firsts: [] };
}

// run runs a case in one build, watched (the counts add up in seen), and
// checks what it saw.
async function run(kase, build, seen) {
  seen.bridge = null;  // this realm's, when the loader lends it
  const got = await runCase(kase, build, undefined, { realm: (g) => watch(g, seen) });
  assert.ok(seen.bridge, 'the loader lent Go the bridge');
  assert.deepStrictEqual(seen.coreNames, Object.keys(TABLE.entries).sort(), 'Go puts exactly the entries of xdr_wire.go\'s table on bridge.core');
  assert.deepStrictEqual(seen.hostNames, Object.keys(TABLE.hostCalls).sort(), 'the edge\'s bridge.host has exactly the host calls of the table');
  assert.deepStrictEqual([...seen.wrong], [], 'every call passes the table\'s number of arguments');
  return got;
}

function unreached(seen) {
  return Object.keys(TABLE.entries).filter((n) => !seen.entries.has(n)).map((n) => 'entry ' + n)
    .concat(Object.keys(TABLE.hostCalls).filter((n) => !seen.host.has(n)).map((n) => 'host call ' + n));
}

// unpack reads first()'s number with the table's constants (the edge's
// info() packs it; UnpackFirstInfo in xdr_wire.go reads it in the core).
function unpack(n) {
  const bit = (v) => Math.floor(n / v) % 2 === 1;
  const head = [];
  let rest = Math.floor(n / C.INFO_HEAD_FACTOR);
  for (let i = 0; i < 3; i++, rest = Math.floor(rest / C.INFO_BYTE_FACTOR)) {
    const b = rest % C.INFO_BYTE_FACTOR;
    if (b === 0) break;
    head.push(b - 1);
  }
  return { done: bit(C.INFO_DONE), data: bit(C.INFO_DATA), status: Math.floor(n / C.INFO_STATUS_FACTOR) % (C.INFO_STATUS_MAX + 1), head, rest };
}

const bytes = (s) => Array.from(Buffer.from(s, 'latin1'));
const utf8 = (s) => Array.from(Buffer.from(s, 'utf8'));

// everyCrossing is a page whose requests reach every entry and host call:
// each step's comment names what it is there for.
function everyCrossing() {
  const steps = [], responses = [];
  const objects = [{}, {}, {}, {}, {}, {}, {}, { listen: true }];
  const at = (t, ...ops) => steps.push({ at: t, ops });
  const get = (x, url) => [{ x, op: 'open', method: 'GET', url: 'http://api.example.com/' + url }, { x, op: 'send' }];
  // timeout, then a streamed body: first, data (a chunk after it, while
  // no progress timer runs), later and tick (the progress timer), end;
  // peek (contentType read between the headers and the first bytes);
  // name (the media type and decoder named by index).
  at(0, { x: 0, op: 'timeout', value: 5000 }, ...get(0, 'stream'));
  responses.push({ at: 10, status: 200, type: 'text/plain; charset=utf-8', chunks: [{ at: 90, data: utf8('hél') }, { at: 100, data: utf8('lo') }, { at: 200, data: utf8(' more') }], end: { at: 100 } });
  at(50, { x: 0, op: 'read' });
  // fail (a network failure) on a POST; log (its console line, which the
  // edge completes with the request's URL).
  at(1000, { x: 1, op: 'open', method: 'POST', url: 'http://api.example.com/post' }, { x: 1, op: 'send', body: 'a=1' });
  responses.push({ fail: 'network', at: 5 });
  // redirect: the response came from another URL.
  at(2000, ...get(2, 'moved'));
  responses.push({ at: 5, status: 200, type: 'text/plain', redirect: 'http://other.example.com/here', chunks: [{ at: 0, data: bytes('ok') }], end: { at: 0 } });
  // fail (a cut body).
  at(3000, ...get(3, 'cut'));
  responses.push({ at: 5, status: 200, type: 'text/plain', chunks: [{ at: 0, data: bytes('par') }, { at: 50, data: bytes('tial') }], end: { at: 50, cut: true } });
  // tick (a time-out that expires).
  at(4000, { x: 4, op: 'timeout', value: 50 }, ...get(4, 'slow'));
  responses.push({ at: 2000, status: 200, type: 'text/plain', chunks: [{ at: 0, data: bytes('late') }], end: { at: 0 } });
  // abort, of a request the core knows (its first bytes were reported).
  at(7000, ...get(5, 'abort'));
  responses.push({ at: 5, status: 200, type: 'text/plain', chunks: [{ at: 0, data: bytes('abc') }, { at: 500, data: bytes('def') }], end: { at: 500 } });
  at(7100, { x: 5, op: 'abort' });
  // A failed status: first without bytes, onerror, a console line.
  at(8000, ...get(6, 'missing'));
  responses.push({ at: 5, status: 404, type: 'text/html', chunks: [{ at: 0, data: bytes('<h1>404</h1>') }], end: { at: 0 } });
  // collect and collectSoon: CollectEvery (256) calls into Go, from small
  // requests one after another, each to a host and with a media type of
  // its own (so that the shipped edge has no kept answer for them).
  for (let i = 0; i < 150; i++) {
    at(9000 + 10 * i, { x: 7, op: 'open', method: 'GET', url: 'http://h' + i + '.example.com/' }, { x: 7, op: 'send' });
    responses.push({ at: 1, status: 200, type: 'text/x-' + i, chunks: [{ at: 0, data: bytes('n' + i) }], end: { at: 0 } });
  }
  return {
    page: { scheme: 'http:', host: 'www.page.example' },
    scripts: [{ objects, steps, responses, horizon: 20000 }],
  };
}

// packing is a page of requests one after another, each response with a
// known status and body, all of it there with the headers (so first() is
// given the whole head and done) or streamed (first() gets the first
// three bytes, before the end).
const PACKING = [
  { status: 200, body: [] },
  { status: 200, body: [0xEF, 0xBB, 0xBF].concat(utf8('bom text')), text: 'bom text' },
  { status: 299, body: [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00], text: 'hi' },
  { status: 201, body: [0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69], text: 'hi' },
  { status: 200, body: [0], text: '\u0000' },
  { status: 200, body: [1, 2], text: '\u0001\u0002' },
  { status: 200, body: [0x7F, 0x7F, 0x7F, 0x7F], text: '\u007f'.repeat(4) },
  { status: 404, body: utf8('not here') },
  { status: 503, body: [] },
  { status: 599, body: [0xFF, 0xFF, 0xFF] },
  { status: 200, body: utf8('streamed'), streamed: true, text: 'streamed' },
  { status: 204, body: null },
];

function packingCase() {
  const steps = [], responses = [];
  PACKING.forEach((p, i) => {
    steps.push({ at: 1000 * i, ops: [{ x: 0, op: 'open', method: 'GET', url: 'http://api.example.com/p' + i }, { x: 0, op: 'send' }] });
    const shape = { at: 5, status: p.status, type: 'text/plain; charset=windows-1252' };
    if (p.body === null) shape.nobody = true;
    else if (p.streamed) { shape.chunks = [{ at: 0, data: p.body.slice(0, 2) }, { at: 100, data: p.body.slice(2) }]; shape.end = { at: 100 }; }
    else { shape.chunks = [{ at: 0, data: p.body }]; shape.end = { at: 0 }; }
    responses.push(shape);
  });
  return { page: { scheme: 'http:', host: 'www.page.example' }, scripts: [{ objects: [{}], steps, responses, horizon: 1000 * PACKING.length }] };
}

for (const build of BUILDS) {
  test('every entry and host call, by name and argument count (' + build + ')', async () => {
    const seen = newSeen();
    await run(everyCrossing(), build, seen);
    assert.deepStrictEqual(unreached(seen), [], 'the requests reach every entry and host call');
  });

  test('first() is given the status and first bytes packed as the core reads them (' + build + ')', async () => {
    const seen = newSeen();
    const got = await run(packingCase(), build, seen);
    const ends = got.traces[0].filter((l) => / x0 (load|error|timeout) /.test(l));
    // Each request is the only one in flight, so the k-th first() is the
    // k-th response's: the shipped edge crosses for each here (no two
    // responses alike).
    assert.strictEqual(seen.firsts.length, PACKING.length, 'one first() per response');
    assert.strictEqual(ends.length, PACKING.length, 'one terminal event per request');
    PACKING.forEach((p, i) => {
      const n = seen.firsts[i], what = 'response ' + i + ' (status ' + p.status + '): first() given ' + n;
      assert.ok(Number.isSafeInteger(n) && n >= 0, what);
      const f = unpack(n);
      assert.strictEqual(f.rest, 0, what + ': nothing above the third byte');
      assert.strictEqual(f.status, p.status, what);
      const body = p.body || [];
      assert.deepStrictEqual(f.head, body.slice(0, f.head.length), what + ': the head is the body\'s first bytes');
      assert.strictEqual(f.data, f.head.length > 0, what + ': data when bytes came');
      if (f.done) assert.deepStrictEqual(f.head, body.slice(0, 3), what + ': done, so the whole head');
      if (p.status >= 200 && p.status <= 299 && !p.streamed) assert.ok(f.done, what + ': all of it came with the headers');
      // Streamed, two bytes first: the edge waits for a third (a byte
      // order mark has three) and reports before the end.
      if (p.streamed) assert.deepStrictEqual([f.done, f.head], [false, body.slice(0, 3)], what + ': three bytes, not the end');
      // What the core made of it, as the page sees it: the terminal
      // event, and responseText decoded as the byte order mark (read
      // from the head) or the charset says.
      const event = p.status >= 200 && p.status <= 299 ? 'load' : 'error';
      const want = ' x0 ' + event + ' rt=' + JSON.stringify(event === 'load' ? p.text || '' : '') + ' ';
      assert.ok(ends[i] && ends[i].includes(want), what + ': want' + want + '\n' + got.traces[0].join('\n'));
    });
  });

  test('the fixed cases and ' + GENERATED + ' generated ones call by the table (' + build + ')', async () => {
    const seen = newSeen();
    const fixed = fs.readdirSync(FIXED).filter((f) => /\.(json|js)$/.test(f)).sort();
    for (const name of fixed) {
      const file = path.join(FIXED, name);
      await run(name.endsWith('.js') ? require(file) : JSON.parse(fs.readFileSync(file, 'utf8')), build, seen);
    }
    for (let seed = 1; seed <= GENERATED; seed++) await run(generateCase(seed, 10), build, seen);
  });
}
