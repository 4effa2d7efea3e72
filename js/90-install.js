  // js/90-install.js: the loader: the install, when the script runs.
  // One part of dist/xdomainrequest.js (make dist joins js/*.js in name
  // order, inside one function); a request's life and the words used
  // here: docs/internals.md.

  removeStandIns();
  var existing = ownValue(g, 'XDomainRequest');
  if (existing && !(config & CONFIG_REPLACE_NATIVE)) return;  // a native XDomainRequest stays
  bridge.native = !!existing;
  // A page's `var XDomainRequest;` before this script (a feature test of
  // the era) made the name a property that cannot be redefined, only set.
  var declared = ownProperty(g, 'XDomainRequest');
  Object.defineProperty(g, 'XDomainRequest', declared && !declared.configurable ? { value: define() } : {
    value: define(), writable: true, configurable: true, enumerable: false
  });

  try { wasmURL = new RealURL('xdomainrequest.wasm', ownURL()).href; } catch (e) { wasmURL = 'xdomainrequest.wasm'; }
  fromExtension = /^(?:chrome|moz)-extension:/.test(wasmURL);
  if (typeof g.Go !== 'function') {
    loadFailed('wasm_exec.js must be included before xdomainrequest.js.');
    return;
  }
  if (typeof WebAssembly !== 'object') {
    loadFailed('this browser has no WebAssembly.');
    return;
  }
  go = new g.Go();
  // The extension's wasm_exec.js ran just before this script, before the
  // page's first: its Go class is the extension's, and leaves the page (a
  // page that includes wasm_exec.js itself defines its own later).
  if (fromExtension) delete g.Go;
  goImports(go);
  startAsync();
})();
