  // js/75-start.js: the loader: the start of the wasm (asynchronous, synchronous).
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // This script's own URL: document.currentScript in a page; in a worker
  // (importScripts), and for the browser extension's copy (a content script
  // in the page's main world has no currentScript), the script URL on the
  // stack of an Error.
  function ownURL() {
    try {
      var script = doc && currentScriptOf ? apply(currentScriptOf, doc, []) : null, src = script && apply(scriptSrcOf, script, []);
      if (src) return src;
    } catch (e) { /* not an HTML script element (SVG) */ }
    // The first frame of the stack is this function: its URL, a query
    // (xdomainrequest.js?v=3) included, then the line and column.
    try { throw new RealError(); } catch (e) {
      var match = /((?:https?|file|blob|chrome-extension|moz-extension):\/\/[^\s()@]+?)(?::\d+){1,2}\)?\s*$/m.exec(String(e.stack || ''));
      if (match) return match[1];
    }
    return (g.location && g.location.href) || '';
  }

  // checkImports throws when wasm_exec.js lacks an import the module needs
  // (a wasm_exec.js from another Go version).
  function checkImports(mod) {
    var missing = WebAssembly.Module.imports(mod).filter(function (imp) {
      var provided = go.importObject[imp.module];
      return !provided || typeof provided[imp.name] === 'undefined';
    }).map(function (imp) { return imp.module + '.' + imp.name; });
    if (missing.length) {
      throw new Error('wasm_exec.js does not match the Go that built xdomainrequest.wasm (' + GO_VERSION +
        '): it lacks ' + missing.slice(0, 3).join(', ') + (missing.length > 3 ? ', ...' : '') +
        '. Use the wasm_exec.js shipped beside it in dist/.');
    }
  }

  // The start of the Go side. Two routes, one outcome (run):
  // - asynchronous, always begun when this script runs (startAsync): fetch,
  //   compile while the bytes stream in (compileStreaming when the server
  //   sends application/wasm; the browser may reuse code it compiled on an
  //   earlier visit), instantiate, run. A page that makes no call before
  //   it has finished pays nothing else.
  // - synchronous, only when a call needs the core's verdict before that
  //   (startNow): from the module the asynchronous route has compiled if it
  //   has, or from the bytes it has downloaded where it compiles from an
  //   array buffer (no compileStreaming, or no application/wasm), otherwise
  //   from bytes fetched with a synchronous request; then
  //   new WebAssembly.Instance and go.run, which runs Go's main until it has
  //   installed the core: the call is answered as after readiness. Tried
  //   once per page; where a synchronous request is refused (a
  //   Permissions-Policy without sync-xhr, for one) calls are held until
  //   the asynchronous route has finished, and replayed then.
  var go = null, mem = null, wasmURL = '';
  // The browser extension's copy (extension/, docs/extension.md): this
  // script is a content script from the extension's own files, run in the
  // page's main world at document_start, before any script of the page.
  // Then the page's XDomainRequestConfig, which the page sets later, is
  // read when the Go side starts, and the asynchronous route starts it
  // only once the document is parsed (DOMContentLoaded): a call before that
  // starts it at once (startNow), with the configuration of that moment.
  var fromExtension = false;
  var EXTENSION_URL = /^(?:chrome|moz)-extension:\/\//, WASM_URL_NAME = '__xdomainrequest_wasm_url__';
  var started = false;      // run() has been called, by either route
  var syncTried = false;    // startNow has been tried
  var syncRefused = '';     // why the synchronous request gave no bytes
  var compiled = null;      // the module the asynchronous route compiled, until it runs
  var fetchedBytes = null;  // the module's bytes, once the asynchronous route has them all as an array buffer, until it runs
  var asyncAbort = null;    // aborts the asynchronous route's fetch (null: none running)
  var startRoute = '';      // for stats(): 'async' or 'script', or startNow's 'module', 'bytes', 'fetched' or 'script'
  var startBlocked = 0;     // for stats(): ms the synchronous start blocked its caller
  var startRun = 0;         // for stats(): ms go.run took (Go's runtime and main, until installed)

  // httpError is the load failure of an HTTP error status for the wasm,
  // from either route.
  function httpError(status) {
    return new Error('HTTP ' + status + ' fetching ' + wasmURL + ' (xdomainrequest.wasm must sit next to xdomainrequest.js).');
  }

  function startAsync() {
    var controller = RealAbortController ? new RealAbortController() : null;
    asyncAbort = controller;
    var init = Object.create(null);  // fetch's defaults; nothing read from Object.prototype
    if (controller) init.signal = controller.signal;
    var viaScript = false;  // the bytes came from xdomainrequest.wasm.js
    function current() { return asyncAbort === controller && !started && !failure; }
    fetch(wasmURL, init).then(function (res) {
      if (!res.ok) throw httpError(res.status);
      return compileResponse(res);
    }, function (e) {
      // The read was refused (an opaque origin, a sandboxed frame, reads
      // nothing without CORS headers) or the network failed: the same bytes
      // from a classic script, which needs no CORS; its failure reports e.
      if (!current() || !(e instanceof RealTypeError)) throw e;
      return scriptBytes().then(function (bytes) {
        viaScript = true;
        if (current()) fetchedBytes = bytes;
        return WebAssembly.compile(bytes);
      }, function () { throw e; });
    }).then(function (mod) {
      if (!current()) return null;
      checkImports(mod);
      compiled = mod;
      return WebAssembly.instantiate(mod, go.importObject);
    }).then(function (instance) {
      if (instance && current()) whenParsed(function () {
        if (current()) { startRoute = viaScript ? 'script' : 'async'; run(instance); }
      });
    }).catch(function (e) {
      if (current()) startFailed(e);
    });
    function compileResponse(res) {
      var type = res.headers.get('content-type') || '', wasmType = /^application\/wasm\s*(;|$)/i.test(type);
      // Compiled as the bytes stream in, and no copy of them kept: teeing
      // the response for a synchronous start in the moment between the
      // last byte and the end of the compile cost every page's start more
      // than that moment (5-50 ms until ready, measured in all three
      // engines); a call then makes a synchronous request instead.
      if (typeof WebAssembly.compileStreaming === 'function' && wasmType) return WebAssembly.compileStreaming(res);
      if (!wasmType) {
        console.warn(TAG + wasmURL + ' was served as "' + type + '", not application/wasm: ' +
          'compiling from an array buffer (slower); configure the server to send application/wasm.');
      }
      return res.arrayBuffer().then(function (buf) {
        if (current()) fetchedBytes = buf;
        return WebAssembly.compile(buf);
      });
    }
  }

  // whenParsed runs f now, or, for the extension's copy while the document
  // is still being parsed, when it has been (the page's inline scripts,
  // which may set XDomainRequestConfig, have run then).
  var readyStateOf = getter(g.Document, 'readyState');  // the prototype's getter: markup can clobber document.readyState
  function whenParsed(f) {
    if (!fromExtension || !doc || !readyStateOf || apply(readyStateOf, doc, []) !== 'loading') { f(); return; }
    apply(listen, doc, ['DOMContentLoaded', f, { once: true }]);
  }

  // The module's bytes as a classic script (xdomainrequest.wasm.js, beside
  // the wasm, made by `make dist`): base64 handed to a function the loader
  // lends the global object under WASM_CALLBACK while the script runs. Used
  // only when the wasm cannot be read with fetch or XMLHttpRequest.
  var WASM_SCRIPT = 'xdomainrequest.wasm.js', WASM_CALLBACK = '__xdomainrequest_wasm__';
  function wasmScriptURL() { return new RealURL(WASM_SCRIPT, wasmURL).href; }
  // scriptBytes loads the script, in a document with a script element (a
  // worker: importScripts), and resolves with the bytes.
  function scriptBytes() {
    return new Promise(function (resolve, reject) {
      if (!doc) {
        var bytes = scriptBytesSync();
        if (bytes) resolve(bytes); else reject(new RealError(syncRefused));
        return;
      }
      var given = null, script = apply(createElementIn, doc, ['script']);
      var giveBack = lendGlobals(single(WASM_CALLBACK, function (b64) { given = b64; }));
      function settle() {
        giveBack();
        try { apply(removeChildFrom, script.parentNode, [script]); } catch (e) { /* already gone */ }
        var bytes = given === null ? null : decodeBase64(given);
        if (bytes) resolve(bytes); else reject(new RealError('no bytes from ' + script.src));
      }
      apply(listen, script, ['load', settle]);
      apply(listen, script, ['error', settle]);
      script.src = wasmScriptURL();
      apply(appendChildTo, apply(documentElementOf, doc, []), [script]);
    });
  }
  // scriptBytesSync loads the script with importScripts (a worker), or
  // gives null, with the reason in syncRefused.
  function scriptBytesSync() {
    if (typeof realImportScripts !== 'function') return null;
    var given = null;
    try {
      withGoGlobals(single(WASM_CALLBACK, function (b64) { given = b64; }), function () { apply(realImportScripts, g, [wasmScriptURL()]); });
    } catch (e) {
      syncRefused = String(e && e.message || e);
      return null;
    }
    return given === null ? null : decodeBase64(given);
  }
  function single(name, value) { var o = Object.create(null); o[name] = value; return o; }
  function decodeBase64(b64) {
    if (typeof b64 !== 'string') return null;
    var text = apply(realAtob, g, [b64]), n = text.length, bytes = new RealUint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // startNow starts the Go side synchronously (see above). The module, by
  // what is at hand: compiled by the asynchronous route ('module'), its
  // bytes downloaded by it ('bytes'), or bytes from a synchronous request
  // ('fetched'), which replaces the asynchronous route's download.
  function startNow() {
    if (started || failure || syncTried || !go) return;
    probeStack();  // out of stack: the engine's error, and a later call tries again
    syncTried = true;
    var t0 = now(), mod = compiled, bytes = fetchedBytes, route = mod ? 'module' : bytes ? 'bytes' : 'fetched', instance;
    try {
      if (!mod && !bytes) {
        var running = asyncAbort;
        asyncAbort = null;
        if (running) running.abort();
        bytes = fetchSync();
        if (bytes === null && !doc) {  // a worker may still read the script form (importScripts needs no CORS)
          bytes = scriptBytesSync();
          if (bytes) route = 'script';
        }
        if (bytes === null) {  // refused: calls are held, the asynchronous route begins again
          console.warn(TAG + 'a call came before the wasm was ready, and it could not be started at once (' +
            syncRefused + '): calls are held until it is, and cannot throw until then.');
          startAsync();
          return;
        }
      }
      if (!mod) {
        mod = new WebAssembly.Module(bytes);
        checkImports(mod);
      }
      instance = new WebAssembly.Instance(mod, go.importObject);
    } catch (e) {
      startFailed(e);
      return;
    }
    startRoute = route;
    run(instance);
    startBlocked = now() - t0;
  }

  // fetchSync fetches the module's bytes with a synchronous request. It
  // gives null, with the reason in syncRefused, when this page may not make
  // one (a Permissions-Policy without sync-xhr) or it fails on the way;
  // the asynchronous route, begun again, then reports any failure of its
  // own. An HTTP error is the module's failure to load, as it would be for
  // the asynchronous route. A document's synchronous request cannot ask
  // for an ArrayBuffer: the bytes come as x-user-defined text, one
  // character per byte (0x80-0xFF as U+F780-U+F7FF: the low byte).
  function fetchSync() {
    var req, inDocument = !!g.document, bytes, text, n, i, status;
    try {
      req = new RealXMLHttpRequest();
      // Its own URL (?sync): a second request for the URL the loader's
      // request is still loading may wait for it in the browser's HTTP
      // cache; and the server can tell the two apart.
      apply(xhrOpen, req, ['GET', wasmURL + '?sync', false]);
      if (inDocument) apply(xhrOverrideMimeType, req, ['text/plain; charset=x-user-defined']);
      else apply(xhrResponseType.set, req, ['arraybuffer']);
      apply(xhrSend, req, []);
    } catch (e) {
      syncRefused = String(e && e.message || e);
      return null;
    }
    // A page that wrapped XMLHttpRequest.prototype.open before this script
    // may have dropped its third argument: the request then still runs.
    if (apply(xhrReadyState, req, []) !== XHR_DONE) {
      try { apply(xhrAbort, req, []); } catch (e) { /* nothing to abort */ }
      syncRefused = 'the page\'s XMLHttpRequest did not make a synchronous request';
      return null;
    }
    status = apply(xhrStatus, req, []);
    if (status !== 0 && (status < 200 || status > 299)) {
      throw httpError(status);
    }
    // No bytes: the read was refused (Firefox's worker reports a CORS
    // refusal as status 0 with nothing, where a file: URL gives status 0
    // and the bytes).
    if (!inDocument) {
      bytes = apply(xhrResponse, req, []);
      if (bytes && bytes.byteLength) return bytes;
      syncRefused = 'the synchronous request for ' + wasmURL + ' gave no bytes';
      return null;
    }
    text = apply(xhrResponseText, req, []);
    n = text.length;
    if (!n) {
      syncRefused = 'the synchronous request for ' + wasmURL + ' gave no bytes';
      return null;
    }
    bytes = new Uint8Array(n);
    for (i = 0; i < n; i++) bytes[i] = text.charCodeAt(i);  // the store keeps the low byte
    return bytes;
  }

