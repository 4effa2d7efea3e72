  // js/90-install.js: the loader: the install, when the script runs.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  removeStandIns();
  try { wasmURL = new RealURL('xdomainrequest.wasm', ownURL()).href; } catch (e) { wasmURL = 'xdomainrequest.wasm'; }
  // The extension's copy in Firefox: its URL is not on the stack, and the
  // extension's wasm_url.js has left it here; read once and removed.
  var handed = ownValue(g, WASM_URL_NAME);
  if (typeof handed === 'string' && EXTENSION_URL.test(handed)) {
    delete g[WASM_URL_NAME];
    wasmURL = handed;
  }
  fromExtension = EXTENSION_URL.test(wasmURL);
  // The extension's wasm_exec.js ran just before this script, before the
  // page's first: its Go class is the extension's, taken and removed from
  // the page (a page that includes wasm_exec.js itself defines its own).
  var GoClass = g.Go;
  if (fromExtension) delete g.Go;

  var existing = ownValue(g, 'XDomainRequest');
  // Whether to define XDomainRequest is decided here, once, when the script
  // runs (the core does not exist yet): a page's own XDomainRequest (IE's,
  // or another polyfill's) stays unless the page set replaceNative.
  if (existing && !(config & CONFIG_REPLACE_NATIVE)) return;
  // A page's `var XDomainRequest;` before this script (a feature test of
  // the era) made the name a property that cannot be redefined, only set.
  var declared = ownProperty(g, 'XDomainRequest');
  Object.defineProperty(g, 'XDomainRequest', declared && !declared.configurable ? { value: define() } : {
    value: define(), writable: true, configurable: true, enumerable: false
  });

  if (typeof GoClass !== 'function') {
    loadFailed('wasm_exec.js must be included before xdomainrequest.js.');
    return;
  }
  if (typeof WebAssembly !== 'object') {
    loadFailed('this browser has no WebAssembly.');
    return;
  }
  go = new GoClass();
  goImports(go);
  startAsync();
})();
