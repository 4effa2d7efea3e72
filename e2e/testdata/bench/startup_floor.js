
(function () {
  var go = new Go();
  WebAssembly.instantiateStreaming(fetch("/floor/floor.wasm"), go.importObject).then(function (r) {
    var t = performance.now();
    go.run(r.instance);  // runs main until it blocks
    window.ran = performance.now();
    window.run = window.ran - t;
    return fetch(location.search.slice(1), { mode: "cors", credentials: "omit" });
  }).then(function (r) { return r.text(); }).then(function () { window.done = performance.now(); });
})();
