'use strict';
// The page of the unit tests of the edge (test/node/unit/*.test.js,
// docs/testing.md): a fresh node:vm realm per test with the globals a page
// has and the edge takes when its script runs (js/30-globals.js), Go's own
// wasm_exec.js and the real core (dist/xdomainrequest.wasm), and the edge
// built from js/*.js as `make dist` builds it (the files in name order,
// stamped). Time is virtual: the edge's timers and Go's runtime share one
// clock, which a test moves on with page.run(ms).
//
// Fakes only where a failure must be produced: the wasm's HTTP status,
// a refused compile, a go.run that throws, a synchronous request the page
// may not make. Everything a test checks is what a page sees (events,
// exceptions, console lines, fetch calls, XDomainRequest.ready) and the
// crossings into Go, counted by wrapping the entries the Go side puts on
// the loader's bridge (and the host calls it makes), never the source.
//
//   XDR_JS   another directory of js/ files to build the edge from (a
//            scratch copy with something broken on purpose must fail)

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const JS_DIR = process.env.XDR_JS || path.join(ROOT, 'js');
const WASM_EXEC = path.join(ROOT, 'dist', 'wasm_exec.js');
const WASM = path.join(ROOT, 'dist', 'xdomainrequest.wasm');
const PAGE_URL = 'http://www.page.example/app/page.html';
const SCRIPT_URL = 'https://cdn.example.net/xdr/xdomainrequest.js';
const WASM_URL = 'https://cdn.example.net/xdr/xdomainrequest.wasm';

// edgeSource is the edge as `make dist` builds it: js/*.js in name order,
// joined, each line's first @VERSION@, @GOVERSION@ and @KEEP@ stamped (the
// Makefile's sed, without g).
function edgeSource(keep) {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  let goVersion = 'go';
  try {
    goVersion = execFileSync(process.env.GO || 'go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  } catch (e) { /* no Go here: the stamp is only shown by XDomainRequest.version */ }
  const files = fs.readdirSync(JS_DIR).filter((f) => f.endsWith('.js')).sort();
  const joined = files.map((f) => fs.readFileSync(path.join(JS_DIR, f), 'utf8')).join('');
  return joined.split('\n').map((line) => line.replace('@VERSION@', version).replace('@GOVERSION@', goVersion)
    .replace('@KEEP@', keep)).join('\n');
}

let loaded = null;
function load() {
  if (loaded) return loaded;
  if (!fs.existsSync(WASM)) throw new Error(WASM + ' is missing: run make dist first');
  const bytes = fs.readFileSync(WASM);
  loaded = {
    bytes,
    module: new WebAssembly.Module(bytes),
    wasmExec: new vm.Script(fs.readFileSync(WASM_EXEC, 'utf8'), { filename: 'wasm_exec.js' }),
    edges: {},
    text: null,
  };
  return loaded;
}
function edgeScript(keep) {
  const l = load();
  if (!l.edges[keep]) l.edges[keep] = new vm.Script(edgeSource(keep), { filename: SCRIPT_URL });
  return l.edges[keep];
}
// xUserDefined is the wasm as a document's synchronous XMLHttpRequest
// gives it (x-user-defined: 0x80-0xFF as U+F780-U+F7FF).
function xUserDefined() {
  const l = load();
  if (l.text === null) {
    const parts = [];
    for (let i = 0; i < l.bytes.length; i += 8192) {
      const codes = Array.from(l.bytes.subarray(i, i + 8192), (b) => (b < 0x80 ? b : 0xf700 + b));
      parts.push(String.fromCharCode.apply(null, codes));
    }
    l.text = parts.join('');
  }
  return l.text;
}

// A virtual clock: timers run in order of time, then of setting; the
// microtasks due run between two timers, as in a page.
class Clock {
  constructor() { this.now = 0; this.seq = 0; this.timers = new Map(); }
  setTimeout(f, ms) {
    ms = Number(ms);
    const id = ++this.seq;
    this.timers.set(id, { at: this.now + (ms > 0 ? ms : 0), seq: id, f });
    return id;
  }
  clearTimeout(id) { this.timers.delete(id); }
  next() {
    let best = null;
    for (const t of this.timers.values()) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

const bytesOf = (data) => (typeof data === 'string' ? new TextEncoder().encode(data) : Uint8Array.from(data));

// newPage makes a page and runs wasm_exec.js and the edge in it.
//
//   serve(url, init, k)  the response to the k-th fetch of the page (its
//             requests, not the wasm's), a spec:
//               { at, status, type, length, redirect, chunks: [[ms, data], ...],
//                 end: ms | { at: ms, cut: true }, nobody: true } or { at, fail: 'network' }
//             times in ms: at after the fetch, chunks and end after the headers;
//             chunks due at the same time come in one task, and so does an
//             end due with the last of them.
//   wasm      'ok' (default), { status: 404 }, 'csp' (the compile is
//             refused as a Content-Security-Policy without
//             'wasm-unsafe-eval' refuses it), 'run-throws' (go.run throws)
//   syncXHR   'ok' (default), 'refused' (a Permissions-Policy without sync-xhr)
//   config    XDomainRequestConfig, set before the scripts
//   url, base the page's URL, and its document's base URL if another
//   before    f(g, page): runs in the page before the scripts
//   noWasmExec  true: the page forgot wasm_exec.js
//   keep      'on' (the shipped edge) or 'off' (the test build: nothing kept)
//   wait      false: return before XDomainRequest.ready has settled
async function newPage(opts = {}) {
  const { module, wasmExec } = load();
  const clock = new Clock();
  const log = [];              // what the page saw, in order: events (watch), console lines, reported errors
  const fetches = [];          // the page's fetch calls: { url, method, init }
  const crossings = [];        // calls into Go: { name, args, result }
  const hostCalls = [];        // calls from Go: { name, args }
  const wasmRequests = [];     // 'fetch <url>' and 'xhr <url>' for the wasm
  const pageURL = opts.url || PAGE_URL;
  const serve = opts.serve || (() => ({ at: 1, status: 200, type: 'text/plain', chunks: [[0, 'ok']], end: 0 }));
  const wasm = opts.wasm || 'ok';
  const rec = (s) => log.push(s);

  class Node { get baseURI() { return page.base; } }
  class Document extends Node { get currentScript() { return scriptElement; } createElement() { throw new Error('no elements here'); } }
  class HTMLScriptElement extends Node { get src() { return SCRIPT_URL; } }
  const doc = new Document(), scriptElement = new HTMLScriptElement();
  const made = [];  // the Responses of the page's fetches
  const { Response, respond } = responses(clock, made);

  function fetch(url, init) {
    url = String(url);
    if (url === WASM_URL) {
      wasmRequests.push('fetch ' + url);
      const status = typeof wasm === 'object' && wasm.status ? wasm.status : 200;
      return Promise.resolve(new Response({ status, type: 'application/wasm', url }, null));
    }
    const k = fetches.length;
    fetches.push({ url, method: init && init.method, init });
    return respond(serve(url, init, k), url, init && init.signal);
  }

  // The synchronous start's request (js/75-start.js fetchSync).
  class XMLHttpRequest {
    #url = ''; #state = 0; #status = 0; #text = '';
    open(method, url, async) { this.#url = String(url); if (async !== false) throw new Error('the test page makes synchronous requests only'); this.#state = 1; }
    overrideMimeType() {}
    send() {
      wasmRequests.push('xhr ' + this.#url);
      if (opts.syncXHR === 'refused') {
        throw new DOMException("Failed to execute 'send' on 'XMLHttpRequest': synchronous requests are disabled by permissions policy.", 'NetworkError');
      }
      this.#status = typeof wasm === 'object' && wasm.status ? wasm.status : 200;
      this.#text = this.#status === 200 ? xUserDefined() : '';
      this.#state = 4;
    }
    abort() {}
    get status() { return this.#status; }
    get readyState() { return this.#state; }
    get responseText() { return this.#text; }
    get response() { return this.#text; }
    get responseType() { return ''; }
    set responseType(v) { /* a document's synchronous request keeps '' */ }
  }

  const consoleLines = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    consoleLines[level] = (...a) => rec('console.' + level + ' ' + a.map(String).join(' '));
  }
  const sandbox = {
    console: consoleLines, fetch, Response, Headers, ReadableStream, AbortController, AbortSignal, TextDecoder, TextEncoder,
    URL, Event, CustomEvent, EventTarget, DOMException, atob, Blob, XMLHttpRequest, queueMicrotask,
    setTimeout: (f, ms) => clock.setTimeout(f, ms),
    clearTimeout: (id) => clock.clearTimeout(id),
    performance: { now: () => clock.now },
    crypto: { getRandomValues: (a) => { for (let i = 0; i < a.length; i++) a[i] = (i * 131 + 7) & 255; return a; } },
    reportError: (e) => rec('reportError ' + (e && e.message !== undefined ? e.name + ': ' + e.message : String(e))),
    document: doc, Document, Node, HTMLScriptElement,
    location: { href: pageURL, protocol: new URL(pageURL).protocol },
  };
  if (opts.config) sandbox.XDomainRequestConfig = opts.config;
  const ctx = vm.createContext(sandbox);
  const g = vm.runInContext('globalThis', ctx);
  Object.defineProperty(g, 'origin', { get: () => new URL(pageURL).origin, configurable: true, enumerable: true });
  // The page's URL class throws the page's TypeError, as a browser's does
  // (the edge tells an unparsable URL by it).
  vm.runInContext('(function (Outer) {\n' +
    '  function URL(url, base) {\n' +
    '    try { return arguments.length > 1 ? new Outer(url, base) : new Outer(url); } catch (e) { throw new TypeError(e.message); }\n' +
    '  }\n' +
    '  URL.prototype = Outer.prototype;\n' +
    '  URL.createObjectURL = function (b) { return Outer.createObjectURL(b); };\n' +
    '  URL.revokeObjectURL = function (u) { return Outer.revokeObjectURL(u); };\n' +
    '  globalThis.URL = URL;\n' +
    '})', ctx)(URL);
  const WA = vm.runInContext('WebAssembly', ctx);
  WA.compileStreaming = () => (wasm === 'csp'
    ? Promise.reject(new WA.CompileError('WebAssembly.compileStreaming(): call to WebAssembly.compile() blocked by CSP'))
    : Promise.resolve(module));
  vm.runInContext('Date.now = function () { return 1767225600000 + performance.now(); };', ctx);

  const page = {
    t0: 0,  // the time events are shown from: when ready settled
    base: opts.base || pageURL,  // the document's base URL (a test may move it, as a <base> element does)
    g, log, fetches, crossings, hostCalls, wasmRequests, clock, responses: made,
    get XDR() { return g.XDomainRequest; },
    // run moves the clock on by ms, running the microtasks and timers due.
    async run(ms = 0) {
      const horizon = clock.now + ms;
      for (let steps = 0; ; steps++) {
        await settle();
        const t = clock.next();
        if (!t || t.at > horizon) break;
        if (steps > 100000) throw new Error('more than 100000 timers (a loop?)');
        clock.timers.delete(t.seq);
        clock.now = t.at;
        try { t.f(); } catch (e) { page.log.push('timer threw ' + e); }
      }
      clock.now = horizon;
    },
    // mark is where the crossings into Go are now, for calls(since).
    mark() { return crossings.length; },
    // calls counts the crossings into Go since a mark, by entry:
    // { first: 1, ... }. (collect, the garbage collection the binding asks
    // for now and then from a microtask, is no request's: not counted.)
    calls(since = 0) {
      const counts = {};
      for (const c of crossings.slice(since)) if (c.name !== 'collect') counts[c.name] = (counts[c.name] || 0) + 1;
      return counts;
    },
    // watch records x's events (as on* handlers, or as listeners) in log,
    // with responseText and contentType then.
    watch(x, name, how = 'handlers') {
      for (const type of ['progress', 'load', 'error', 'timeout']) {
        const f = () => rec(name + ' ' + type + ' ' + JSON.stringify(x.responseText) + ' ' + JSON.stringify(x.contentType) + ' @' + Math.round(clock.now - page.t0));
        if (how === 'listeners') x.addEventListener(type, f); else x['on' + type] = f;
      }
      return x;
    },
    // events is the log's event lines (those of watch).
    events() { return log.filter((l) => / (progress|load|error|timeout) /.test(l) && !l.startsWith('console.')); },
    consoleLines() { return log.filter((l) => l.startsWith('console.')); },
    // script runs source in the page, as a classic script does.
    script(source) { return vm.runInContext(source, ctx); },
    globalNames() { return Object.getOwnPropertyNames(g); },
  };

  if (opts.before) opts.before(g, page);
  const namesBefore = page.globalNames();
  if (!opts.noWasmExec) wasmExec.runInContext(ctx);
  observeGo(g, page, wasm === 'run-throws');
  page.namesBefore = namesBefore;
  edgeScript(opts.keep || 'on').runInContext(ctx);
  page.ready = async () => {
    page.readyState = await readyOf(page);
    page.t0 = clock.now;
    return page.readyState;
  };
  if (opts.wait !== false) await page.ready();
  return page;
}

// ready runs the page until XDomainRequest.ready has settled: 'ready' or
// 'rejected: <message>'.
async function readyOf(page) {
  let state = 'pending';
  page.XDR.ready.then(() => { state = 'ready'; }, (e) => { state = 'rejected: ' + (e && e.message); });
  for (let i = 0; i < 50 && state === 'pending'; i++) await page.run(10);
  return state;
}

// observeGo puts a Go class in wasm_exec.js's place that counts what
// crosses: while go.run runs, the loader lends Go its bridge; the entries
// the Go side puts on bridge.core are wrapped when it calls
// bridge.install, and the host calls it makes through bridge.host. With
// fail, go.run throws instead (the failure a broken runtime gives).
function observeGo(g, page, fail) {
  const RealGo = g.Go;
  if (typeof RealGo !== 'function') return;
  class Go extends RealGo {
    run(instance) {
      if (fail) throw new Error('Go runtime refused to run (test)');
      const bridge = g.__xdomainrequest_bridge__;
      if (bridge) {
        const host = bridge.host, install = bridge.install, wrapped = Object.create(null);
        for (const name of Object.keys(host)) {
          wrapped[name] = function (...args) { page.hostCalls.push({ name, args }); return Reflect.apply(host[name], host, args); };
        }
        bridge.host = wrapped;
        bridge.install = function () {
          const core = bridge.core;
          for (const name of Object.keys(core)) {
            const f = core[name];
            core[name] = function (...args) {
              const call = { name, args, result: undefined };
              page.crossings.push(call);
              return (call.result = Reflect.apply(f, undefined, args));
            };
          }
          return Reflect.apply(install, this, arguments);
        };
      }
      return super.run(instance);
    }
  }
  g.Go = Go;
}

// responses makes the page's Response class and plays a spec: the headers
// after spec.at, then the body's chunks and end at their times; an abort
// of the fetch rejects it or errors its body, as a browser does.
function responses(clock, made) {
  class Response {
    #spec; #body; #headers;
    constructor(spec, body) {
      this.#spec = spec; this.#body = body;
      this.#headers = new Headers();
      if (spec.type !== undefined && spec.type !== null) this.#headers.set('content-type', spec.type);
      if (spec.length !== undefined && spec.length !== null) this.#headers.set('content-length', String(spec.length));
    }
    get status() { return this.#spec.status; }
    get ok() { return this.#spec.status >= 200 && this.#spec.status <= 299; }
    get headers() { return this.#headers; }
    get body() { return this.#body && browserStream(this.#body); }
    get redirected() { return !!this.#spec.redirect; }
    get url() { return this.#spec.redirect || this.#spec.url; }
    arrayBuffer() { return Promise.reject(new TypeError('not here')); }
  }
  // browserStream is the body as a browser's: a read of data already
  // queued (or of the end) settles within two microtasks (Node's own: one).
  const streams = new WeakMap();
  function browserStream(stream) {
    if (!streams.has(stream)) {
      streams.set(stream, {
        get locked() { return stream.locked; },
        getReader() {
          const reader = stream.getReader();
          return {
            read: () => reader.read().then((result) => result),
            cancel: (why) => reader.cancel(why),
            releaseLock: () => reader.releaseLock(),
            get closed() { return reader.closed; },
          };
        },
      });
    }
    return streams.get(stream);
  }
  const abortError = () => new DOMException('The operation was aborted.', 'AbortError');
  function respond(spec, url, signal) {
    return new Promise((resolve, reject) => {
      let headersDone = false, controller = null, bodyDone = false;
      const timers = [];
      const later = (ms, f) => timers.push(clock.setTimeout(f, ms));
      if (signal) {
        signal.addEventListener('abort', () => {
          timers.forEach((t) => clock.clearTimeout(t));
          if (!headersDone) { headersDone = true; reject(abortError()); } else if (controller && !bodyDone) { bodyDone = true; controller.error(abortError()); }
        });
      }
      if (spec.fail) { later(spec.at || 0, () => { headersDone = true; reject(new TypeError('Failed to fetch')); }); return; }
      later(spec.at || 0, () => {
        headersDone = true;
        let stream = null;
        if (!spec.nobody) {
          stream = new ReadableStream({ start(c) { controller = c; } });
          const end = typeof spec.end === 'object' ? spec.end : { at: spec.end || 0 };
          const due = new Map();  // ms -> what comes in that task
          const at = (ms, f) => { if (!due.has(ms)) due.set(ms, []); due.get(ms).push(f); };
          for (const [ms, data] of spec.chunks || []) at(ms, () => { if (!bodyDone) controller.enqueue(bytesOf(data)); });
          at(end.at, () => {
            if (bodyDone) return;
            bodyDone = true;
            if (end.cut) controller.error(new TypeError('network error')); else controller.close();
          });
          for (const [ms, fs] of [...due.entries()].sort((a, b) => a[0] - b[0])) later(ms, () => fs.forEach((f) => f()));
        }
        const res = new Response(Object.assign({ url }, spec), stream);
        made.push(res);
        resolve(res);
      });
    });
  }
  return { Response, respond };
}

// request opens and sends x in one go; a helper for the tests' first lines.
function request(x, method, url, body) {
  x.open(method, url);
  x.send(body);
  return x;
}

module.exports = { newPage, readyOf, request, PAGE_URL, SCRIPT_URL, WASM_URL };
