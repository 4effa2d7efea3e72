window.wrapped = { fetch: 0, timers: 0, other: 0 };
(function () {
  var f = window.fetch;
  window.fetch = function (url, init) {
    wrapped.fetch++;
    init = Object.assign({}, init, { credentials: 'include', headers: { 'X-Trace-Id': 'abc' } });
    return f.call(this, url, init);
  };
  var st = window.setTimeout;
  window.setTimeout = function (fn, ms) { wrapped.timers++; return st.apply(this, arguments); };
  ['URL', 'TextDecoder', 'AbortController'].forEach(function (name) {
    var C = window[name];
    window[name] = function () { wrapped.other++; throw new Error('patched ' + name); };
    window[name].prototype = C.prototype;
  });
})();