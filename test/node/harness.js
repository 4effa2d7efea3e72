'use strict';
// The page of the differential test: one fresh node:vm realm per run, with
// the globals the edge takes when its script runs (js/30-globals.js,
// "What the polyfill uses of the page's globals"), a virtual clock shared
// by the edge and Go's runtime (the loader lends Go the page's timers and
// clock: goImports), and a scripted fetch. runScript runs one generated
// script (gen.js) in one build and returns its trace: every event with
// the object's responseText and contentType then, every exception, console
// line, reported error and fetch call, each with the virtual time.

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const ROOT = path.resolve(__dirname, '..', '..');
const WASM_EXEC = path.join(ROOT, 'dist', 'wasm_exec.js');
const WASM = path.join(ROOT, 'dist', 'xdomainrequest.wasm');
const BUILDS = {
  // XDR_SHIPPED: another edge in its place (a scratch copy with a kept
  // answer broken on purpose shows that the test fails).
  shipped: process.env.XDR_SHIPPED || path.join(ROOT, 'dist', 'xdomainrequest.js'),
  off: path.join(ROOT, 'test', 'node', 'build', 'xdomainrequest.js'),
};
const SCRIPT_URL = 'https://cdn.example.net/xdr/xdomainrequest.js';
const WASM_URL = 'https://cdn.example.net/xdr/xdomainrequest.wasm';

let loaded = null;
function load(builds) {
  if (loaded) return loaded;
  const module = new WebAssembly.Module(fs.readFileSync(WASM));
  const wasmExec = new vm.Script(fs.readFileSync(WASM_EXEC, 'utf8'), { filename: 'wasm_exec.js' });
  const edges = {};
  for (const [name, file] of Object.entries(builds || BUILDS)) {
    edges[name] = new vm.Script(fs.readFileSync(file, 'utf8'), { filename: SCRIPT_URL });
  }
  loaded = { module, wasmExec, edges };
  return loaded;
}

// A virtual clock: timers run in order of time, then of setting, when
// the driver advances it; microtasks run between timers, as in a page.
class Clock {
  constructor() { this.now = 0; this.seq = 0; this.timers = new Map(); }
  setTimeout(f, ms) {
    ms = Number(ms);
    if (!(ms > 0)) ms = 0;
    const id = ++this.seq;
    this.timers.set(id, { at: this.now + ms, seq: id, f });  // not truncated: real time passes
    return id;
  }
  clearTimeout(id) { this.timers.delete(id); }
  next() {
    let best = null;
    for (const t of this.timers.values()) {
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}

// A small deterministic PRNG (mulberry32), for Go's random data here and
// for the generator.
function prng(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function bytesOf(chunk) {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  if (chunk && chunk.repeat !== undefined) return new TextEncoder().encode(chunk.repeat.repeat(chunk.n));
  return Uint8Array.from(chunk);
}

function show(v) {
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? v.slice(0, 100) + '...(' + v.length + ')...' + v.slice(-60) : v);
  return String(v);
}

// value is a value of a script: JSON has no NaN or Infinity.
function value(v) { return v && typeof v === 'object' && 'num' in v ? Number(v.num) : v; }

// runCase runs the scripts of a case, one after another, in a fresh realm
// with the named build's edge, and returns the trace of each.
// options.realm(g), if given, is called with the realm's global object
// before wasm_exec.js and the edge run in it (wire.test.js watches the
// bridge there).
async function runCase(kase, build, builds, options) {
  const { module, wasmExec, edges } = load(builds);
  const clock = new Clock();
  let trace = [], start = 0, script = null;
  const rec = (s) => trace.push((clock.now - start) + ' ' + s);
  const page = kase.page;
  const pageURL = page.scheme + '//' + page.host + (page.port ? ':' + page.port : '') + '/app/page.html';
  const origin = page.opaque ? 'null' : new URL(pageURL).origin;
  const random = prng(1);

  // The DOM the loader reads through prototype getters.
  class Node { get baseURI() { return pageURL; } }
  class Document extends Node { get currentScript() { return script_; } createElement() { throw new Error('no elements here'); } }
  class HTMLScriptElement extends Node { get src() { return SCRIPT_URL; } }
  const doc = new Document(), script_ = new HTMLScriptElement();

  // The scripted fetch: the k-th call (in the order the page makes them)
  // gets script.responses[k].
  let calls = 0;  // reset per script
  const { Response: FakeResponse, respond } = responses(clock, rec);
  function fetch(url, init) {
    if (url === WASM_URL) {
      return Promise.resolve(new FakeResponse({ status: 200, type: 'application/wasm', url: WASM_URL }, null));
    }
    init = init || {};
    const k = calls++;
    rec('fetch#' + k + ' ' + init.method + ' ' + url + ' body=' + show(init.body) + ' mode=' + init.mode +
      ' credentials=' + init.credentials + ' redirect=' + init.redirect + ' signal=' + (init.signal ? 'yes' : 'no') +
      ' keys=' + Object.keys(init).sort().join(','));
    const spec = script.responses.length ? script.responses[k % script.responses.length] : { fail: 'network', at: 0 };
    return respond(k, spec, url, init.signal);
  }

  const reactions = new Map();  // 'x0 load' -> [ops lists], consumed in order
  const console_ = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    console_[level] = (...a) => {
      rec('console.' + level + ' ' + a.map(String).join(' '));
      reactTo('console', level);
    };
  }

  const sandbox = {
    console: console_,
    fetch,
    Response: FakeResponse,
    Headers,
    ReadableStream,
    AbortController,
    AbortSignal,
    TextDecoder,
    TextEncoder,
    URL,
    Event,
    EventTarget,
    DOMException,
    atob,
    Blob,
    setTimeout: (f, ms) => clock.setTimeout(f, ms),
    clearTimeout: (id) => clock.clearTimeout(id),
    queueMicrotask,
    performance: { now: () => clock.now },
    crypto: { getRandomValues: (a) => { for (let i = 0; i < a.length; i++) a[i] = Math.floor(random() * 256); return a; } },
    reportError: (e) => { rec('reportError ' + (e && e.message !== undefined ? e.name + ': ' + e.message : String(e))); },
    document: doc,
    Document,
    Node,
    HTMLScriptElement,
    location: { href: pageURL, protocol: page.scheme },
  };
  if (kase.config) sandbox.XDomainRequestConfig = Object.assign({}, kase.config);
  const ctx = vm.createContext(sandbox);
  const g = vm.runInContext('globalThis', ctx);
  Object.defineProperty(g, 'origin', { get: () => origin, configurable: true, enumerable: true });
  const wa = vm.runInContext('WebAssembly', ctx);
  wa.compileStreaming = () => Promise.resolve(module);
  vm.runInContext('Date.now = function () { return 1767225600000 + performance.now(); };', ctx);
  if (options && options.realm) options.realm(g);
  wasmExec.runInContext(ctx);
  edges[build].runInContext(ctx);
  const XDR = g.XDomainRequest;

  // The driver: microtasks, then the next timer, until nothing is due
  // before the horizon (Go's runtime may keep timers of its own).
  async function drive(horizon) {
    for (let steps = 0; ; steps++) {
      await settle();
      const t = clock.next();
      if (!t || t.at > horizon) return;
      if (steps > 20000) throw new Error('more than 20000 timers in one script (a loop?); last at ' + t.at + ': ' + String(t.f).slice(0, 200));
      clock.timers.delete(t.seq);
      clock.now = t.at;
      try { t.f(); } catch (e) { rec('timer threw ' + e); }
    }
  }

  let readyErr = null;
  XDR.ready.then(() => {}, (e) => { readyErr = e; });
  await drive(1000);
  if (readyErr) throw new Error('not ready: ' + readyErr + '\n' + trace.join('\n'));
  const traces = [];
  let xs = [];
  for (script of kase.scripts) {
    trace = [];
    start = clock.now;
    calls = 0;
    reactions.clear();
    for (const [key, list] of Object.entries(script.reactions || {})) reactions.set(key, list.slice());
    xs = [];
    rec('start');
    newObjects();
    for (const step of script.steps) {
      clock.setTimeout(() => runOps(step.ops, 'page'), step.at);
    }
    await drive(start + (script.horizon || 120000));
    traces.push(trace);
  }
  return { traces, goCalls: XDR.stats().goCalls };

  function reactTo(who, type) {
    if (!script) return;
    const list = reactions.get(who + ' ' + type);
    if (list && list.length) runOps(list.shift(), who + '.' + type);
  }
  function newObjects() {
  for (let i = 0; i < script.objects.length; i++) {
    const o = script.objects[i], x = new XDR(), name = 'x' + i;
    xs.push(x);
    for (const type of ['progress', 'load', 'error', 'timeout']) {
      const handler = function (ev) {
        rec(name + ' ' + type + ' rt=' + show(x.responseText) + ' ct=' + show(x.contentType) +
          ' this=' + (this === x) + ' target=' + (ev.target === x) + ' current=' + (ev.currentTarget === x));
        reactTo(name, type);
      };
      if (o.listen) x.addEventListener(type, handler);
      else x['on' + type] = handler;
    }
  }
  }

  function body(b, where) {
    if (!b || typeof b !== 'object') return b;
    if (b.kind === 'throws') return { toString() { throw new Error('no string'); } };
    if (b.kind === 'object') return { toString() { return b.text; } };
    if (b.kind === 'reenter') return { toString() { runOps(b.ops, where + '.toString'); return b.text; } };
    return b.text;
  }

  function runOps(ops, where) {
    for (const op of ops) {
      const x = xs[op.x], name = 'x' + op.x;
      let what = name + ' ' + op.op;
      try {
        switch (op.op) {
          case 'open':
            what += ' ' + show(op.method) + ' ' + show(op.url);
            if (op.argc === 1) x.open(op.method); else x.open(op.method, op.url);
            break;
          case 'send': what += ' ' + (op.body && typeof op.body === 'object' ? op.body.kind : show(op.body)); x.send(body(op.body, name)); break;
          case 'timeout': what += ' ' + show(value(op.value)); x.timeout = value(op.value); what += ' -> ' + show(x.timeout); break;
          case 'abort': x.abort(); break;
          case 'read': what += ' rt=' + show(x.responseText) + ' ct=' + show(x.contentType) + ' timeout=' + show(x.timeout); break;
          default: throw new Error('unknown op ' + op.op);
        }
        rec(where + ': ' + what);
      } catch (e) {
        rec(where + ': ' + what + ' threw ' + (e && e.constructor && e.constructor.name) + ': ' + (e && e.message));
      }
    }
  }

}

// responses makes the fake Response class and the scheduling of a
// scripted response: its headers after spec.at ms, then its body's chunks
// and end (or a cut) at their times; an abort of the fetch rejects or
// errors what is still to come, as a browser does.
function responses(clock, rec) {
  class Response {
    #spec; #body; #headers;
    constructor(spec, body) {
      this.#spec = spec; this.#body = body;
      this.#headers = new Headers();
      if (spec.type !== null && spec.type !== undefined) this.#headers.set('content-type', spec.type);
      if (spec.length !== undefined && spec.length !== null) this.#headers.set('content-length', String(spec.length));
    }
    get status() { return this.#spec.status; }
    get ok() { return this.#spec.status >= 200 && this.#spec.status <= 299; }
    get headers() { return this.#headers; }
    get body() { return this.#body; }
    get redirected() { return !!this.#spec.redirect; }
    get url() { return this.#spec.redirect || this.#spec.url; }
    arrayBuffer() { return Promise.reject(new TypeError('not here')); }
  }
  function abortError() { return new DOMException('The operation was aborted.', 'AbortError'); }
  function respond(k, spec, url, signal) {
    return new Promise((resolve, reject) => {
      let done = false, controller = null, bodyDone = false;
      const timers = [];
      const later = (ms, f) => timers.push(clock.setTimeout(f, ms));
      const stop = () => { timers.forEach((t) => clock.clearTimeout(t)); };
      if (signal) {
        signal.addEventListener('abort', () => {
          rec('fetch#' + k + ' aborted');
          stop();
          if (!done) { done = true; reject(abortError()); } else if (controller && !bodyDone) { bodyDone = true; try { controller.error(abortError()); } catch (e) { /* closed */ } }
        });
      }
      if (spec.fail === 'network') {
        later(spec.at, () => { done = true; reject(new TypeError('Failed to fetch')); });
        return;
      }
      later(spec.at, () => {
        done = true;
        let stream = null;
        if (!spec.nobody) {
          stream = new ReadableStream({ start(c) { controller = c; } });
          // A chunk (or the end) due 0 ms after the one before it comes
          // in the same task, as the bytes of one packet do: a small
          // body then ends within the edge's look-ahead.
          const tasks = [];
          for (const c of spec.chunks || []) {
            const f = () => { if (!bodyDone) controller.enqueue(bytesOf(c.data)); };
            if (c.at === 0 && tasks.length) tasks[tasks.length - 1].fs.push(f); else tasks.push({ at: c.at, fs: [f] });
          }
          const end = () => {
            if (bodyDone) return;
            bodyDone = true;
            if (spec.end && spec.end.cut) controller.error(new TypeError('network error')); else controller.close();
          };
          const endAt = spec.end ? spec.end.at : 0;
          if (endAt === 0 && tasks.length) tasks[tasks.length - 1].fs.push(end); else tasks.push({ at: endAt, fs: [end] });
          let at = 0;
          for (const t of tasks) {
            at += t.at;
            later(at, () => t.fs.forEach((f) => f()));
          }
        }
        resolve(new Response(Object.assign({ url }, spec), stream));
      });
    });
  }
  return { Response, respond };
}

module.exports = { runCase, prng, BUILDS, load };
