'use strict';
// The generator of the differential test: a case is a page (scheme, zone,
// configuration) and the scripts run one after another in one fresh realm
// of each build (the kept answers of one script serve the next, as on a
// page). A script: new XDomainRequest objects (on* handlers or listeners),
// operations at virtual times (open with methods and URLs whose hosts
// differ in case, port, trailing dot, IDN form, zone or scheme; timeout;
// send with each kind of body; abort; reads of responseText and
// contentType), reactions run from inside handlers, console lines and
// body conversions (re-entry), and the scripted responses of its fetch
// calls (status, Content-Type, Content-Length exact, wrong or absent, body
// bytes in chunks with timings, byte order marks, a cut, a network
// failure, a redirect, no body). Each case comes from its own seed.

const { prng } = require('./harness.js');

const PAGE_HOSTS = ['www.page.example', 'www.page.example', 'localhost', '127.0.0.1', 'intranet', '10.1.2.3', '192.168.1.20', '[::1]', 'app.localhost'];
const CONFIGS = [null, null, null, {}, { allowCrossScheme: true }, { allowAnyZone: true }, { allowCrossScheme: true, allowAnyZone: true },
  { allowCrossScheme: 'true', allowAnyZone: 1 }];
const BASE_HOSTS = ['api.example.com', 'bücher.example', 'localhost', '127.0.0.1', '10.0.0.5', 'intranet', '[::1]', 'www.page.example', '192.168.1.20'];
const PORTS = ['', '', '', ':80', ':443', ':8080'];
const PATHS = ['/', '/data', '/data?x=1', '/a/b#frag'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'get', 'Post', 'PUT', 'HEAD', '', 'GET '];
const TIMEOUTS = [0, -1, 10, 30, 80, 200, 1000, '100', 'abc', { num: 'NaN' }, { num: 'Infinity' }, 2.5, '0x20', ' 50 ', 1e12, null, 50, 50, 100];
const TYPES = ['text/plain', 'text/plain', 'text/plain; charset=utf-8', 'application/json', 'text/html;charset=ISO-8859-1',
  'TEXT/PLAIN', '', null, 'bogus', 'text/plain; charset=utf-16le', 'text/plain; charset=unknown-x', 'application/xml; charset="UTF-8"'];
const STATUSES = [200, 200, 200, 200, 201, 204, 299, 300, 304, 404, 500, 503];
const DELAYS = [0, 0, 0, 1, 2, 5, 20, 49, 51, 100, 300];
const HEAD_DELAYS = [0, 0, 1, 5, 20, 100, 250, 2000];
const STEP_TIMES = [0, 0, 0, 1, 2, 5, 10, 30, 55, 100, 150, 500, 1500, 3000];

function utf8(s) { return Array.from(new TextEncoder().encode(s)); }
const BODIES = [
  [], utf8('ok'), utf8('hello world'), utf8('héllo ünïcode ✓'), [0xEF, 0xBB, 0xBF].concat(utf8('bom text')),
  [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00], [0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69], [0xEF, 0xBB], [0xC3], utf8('{"a":1}'),
  [0xE9, 0x74, 0xE9],
];

function generator(seed) {
  const r = prng(seed);
  const int = (n) => Math.floor(r() * n);
  const pick = (a) => a[int(a.length)];
  const chance = (p) => r() < p;
  return { r, int, pick, chance };
}

// hostForms are forms of one host that a URL parser may or may not fold
// together: case, a trailing dot, IDN and punycode, other spellings of an
// IP address.
function hostForms(h) {
  const forms = [h];
  if (/[a-z]/.test(h)) forms.push(h.toUpperCase(), h[0].toUpperCase() + h.slice(1));
  if (!h.startsWith('[')) forms.push(h + '.');
  if (h === 'bücher.example') forms.push('xn--bcher-kva.example', 'BÜCHER.example.', 'XN--BCHER-KVA.EXAMPLE');
  if (h === '127.0.0.1') forms.push('0x7f.1', '2130706433', '127.1');
  if (h === '[::1]') forms.push('[0:0::1]');
  if (h === 'localhost') forms.push('LOCALHOST.', 'sub.localhost');
  return forms;
}

function urlPool(g, page) {
  const pool = [];
  const n = 2 + g.int(4);
  for (let i = 0; i < n; i++) {
    const base = g.chance(0.3) ? page.host : g.pick(BASE_HOSTS);
    const forms = hostForms(base);
    const scheme = g.chance(0.7) ? page.scheme : g.pick(['http:', 'https:', 'HTTP:', 'ftp:']);
    for (let k = 0; k < 2; k++) {
      const host = g.pick(forms);
      const cred = g.chance(0.05) ? 'user:pw@' : '';
      pool.push(scheme + '//' + cred + host + g.pick(PORTS) + g.pick(PATHS));
    }
  }
  if (g.chance(0.3)) pool.push(g.pick(['/relative', '//api.example.com/x', 'data', 'http://exa mple.com/', 'javascript:1', '', 'http://[::1/', 'https://api.example.com:99999/']));
  return pool;
}

// responseShape makes a scripted response; with like, one with the same
// status and Content-Type as like's and another body (the first bytes are
// what a kept first() answer must tell apart).
function responseShape(g, pool, like) {
  if (!like && g.chance(0.08)) return { fail: 'network', at: g.pick(HEAD_DELAYS) };
  const bytes = g.chance(0.04) ? utf8('x'.repeat(200 + g.int(70000))) : g.pick(BODIES);
  const text = bytes.length > 1000 ? { repeat: 'x', n: bytes.length } : null;
  const shape = { at: g.pick(HEAD_DELAYS), status: like ? like.status : g.pick(STATUSES), type: like ? like.type : g.pick(TYPES) };
  const lengthKind = g.int(3);
  if (lengthKind === 1) shape.length = bytes.length;
  else if (lengthKind === 2 && g.chance(0.5)) shape.length = Math.max(0, bytes.length + g.pick([-1, 2, 3]));
  if (g.chance(0.04)) shape.nobody = true;
  if (g.chance(0.12)) shape.redirect = g.pick(pool).replace(/ /g, '');
  // The body in chunks: split points and the time before each.
  const parts = g.int(4), cuts = [];
  for (let i = 0; i < parts; i++) cuts.push(g.int(bytes.length + 1));
  cuts.sort((a, b) => a - b);
  const chunks = [];
  let from = 0;
  for (const c of cuts.concat([bytes.length])) {
    if (c < from) continue;
    chunks.push({ at: g.pick(DELAYS), data: text ? { repeat: 'x', n: c - from } : bytes.slice(from, c) });
    from = c;
  }
  shape.chunks = chunks;
  shape.end = { at: g.pick(DELAYS) };
  if (g.chance(0.07)) shape.end.cut = true;
  return shape;
}

function bodyOf(g, nObjects) {
  const k = g.int(12);
  if (k < 3) return undefined;
  if (k === 3) return null;
  if (k === 4) return '';
  if (k === 5) return 'a=1&b=2';
  if (k === 6) return 'héllo';
  if (k === 7) return 42;
  if (k === 8) return { kind: 'object', text: 'obj' };
  if (k === 9) return { kind: 'throws' };
  if (k === 10) return { kind: 'object', text: '' };
  return { kind: 'reenter', text: 'x', ops: [simpleOp(g, nObjects, null)] };
}

// simpleOp is one operation without a body that re-enters.
function simpleOp(g, nObjects, pool) {
  const x = g.int(nObjects);
  const k = g.int(pool ? 6 : 4);
  if (k === 0) return { x, op: 'abort' };
  if (k === 1) return { x, op: 'read' };
  if (k === 2) return { x, op: 'send' };
  if (k === 3) return { x, op: 'timeout', value: g.pick(TIMEOUTS) };
  return { x, op: 'open', method: g.pick(METHODS), url: g.pick(pool) };
}

function request(g, x, pool, methods, nObjects, allowReenter) {
  const ops = [];
  if (g.chance(0.3)) ops.push({ x, op: 'timeout', value: g.pick(TIMEOUTS) });
  const open = { x, op: 'open', method: g.pick(methods), url: g.pick(pool) };
  if (g.chance(0.02)) open.argc = 1;
  ops.push(open);
  if (g.chance(0.1)) ops.push({ x, op: 'read' });
  let body = g.chance(0.5) ? undefined : bodyOf(g, nObjects);
  if (!allowReenter && body && body.kind === 'reenter') body = 'plain';
  ops.push({ x, op: 'send', body });
  return ops;
}

function stepOps(g, nObjects, pool, methods, allowReenter) {
  const x = g.int(nObjects);
  const k = g.int(10);
  if (k < 6) return request(g, x, pool, methods, nObjects, allowReenter);
  if (k === 6) return [{ x, op: 'abort' }];
  if (k === 7) return [{ x, op: 'read' }];
  if (k === 8) return [{ x, op: 'send', body: g.chance(0.5) ? undefined : 'again' }];
  return [simpleOp(g, nObjects, pool)];
}

function script(g, page, pool, shapes, methods) {
  const nObjects = 1 + g.int(3);
  const objects = [];
  for (let i = 0; i < nObjects; i++) objects.push(g.chance(0.2) ? { listen: true } : {});
  const steps = [];
  const nSteps = 1 + g.int(6);
  let at = 0;
  for (let i = 0; i < nSteps; i++) {
    at += i === 0 ? 0 : g.pick(STEP_TIMES);
    steps.push({ at, ops: stepOps(g, nObjects, pool, methods, true) });
  }
  const reactions = {};
  const nReactions = g.int(4);
  for (let i = 0; i < nReactions; i++) {
    const who = g.chance(0.1) ? 'console' : 'x' + g.int(nObjects);
    const type = who === 'console' ? 'warn' : g.pick(['progress', 'load', 'error', 'timeout', 'load', 'progress']);
    const list = [];
    const n = 1 + g.int(3);
    for (let j = 0; j < n; j++) {
      const kind = g.int(6);
      if (kind === 0) list.push([]);
      else if (kind <= 2) list.push(request(g, g.int(nObjects), pool, methods, nObjects, false));
      else list.push([simpleOp(g, nObjects, pool)].concat(g.chance(0.3) ? [simpleOp(g, nObjects, pool)] : []));
    }
    reactions[who + ' ' + type] = list;
  }
  const responses = [];
  const nResponses = 1 + g.int(4);
  for (let i = 0; i < nResponses; i++) responses.push(g.pick(shapes));
  return { objects, steps, reactions, responses };
}

// generateCase makes the case of a seed, with n scripts.
function generateCase(seed, n) {
  const g = generator(seed);
  const opaque = g.chance(0.03);
  const page = { scheme: g.pick(['http:', 'https:']), host: g.pick(PAGE_HOSTS) };
  if (opaque) page.opaque = true;
  if (g.chance(0.1)) page.port = g.pick(['8080', '3000']);
  const c = g.pick(CONFIGS);
  const pool = urlPool(g, page);
  const nShapes = 1 + g.int(4), shapes = [];
  for (let i = 0; i < nShapes; i++) shapes.push(responseShape(g, pool, i && g.chance(0.5) && !shapes[0].fail ? shapes[0] : null));
  // A case favours a few methods, so that requests repeat their kind.
  const methods = g.chance(0.6) ? ['GET', 'GET', 'POST'] : METHODS;
  const scripts = [];
  for (let i = 0; i < n; i++) {
    // Now and then a new shape joins, as a page's traffic varies; often
    // one like another but for its body.
    if (g.chance(0.3)) {
      const like = g.pick(shapes);
      shapes.push(responseShape(g, pool, like.fail || g.chance(0.3) ? null : like));
    }
    scripts.push(script(g, page, pool, shapes, methods));
  }
  const out = { seed, page, scripts };
  if (c) out.config = c;
  return out;
}

module.exports = { generateCase };
