  // js/90-install.js: the loader: the install, when the script runs.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  removeStandIns();
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

  try { wasmURL = new RealURL('xdomainrequest.wasm', ownURL()).href; } catch (e) { wasmURL = 'xdomainrequest.wasm'; }
  if (typeof g.Go !== 'function') {
    loadFailed('wasm_exec.js must be included before xdomainrequest.js.');
    return;
  }
  if (typeof WebAssembly !== 'object') {
    loadFailed('this browser has no WebAssembly.');
    return;
  }
  go = new g.Go();
  goImports(go);
  startAsync();
})();
