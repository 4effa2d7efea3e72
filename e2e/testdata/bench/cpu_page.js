
(function () {
  var n = 0, encoder = new TextEncoder(), real = window.fetch, api = location.search.slice(1);
  window.fetch = function (url) {
    if (String(url).indexOf(api) !== 0) return real.apply(this, arguments);  // the wasm
    var body = encoder.encode('{"ok":true,"i":"' + (++n) + '"}\n');
    return Promise.resolve(new Response(body, { headers: {
      'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length)
    } }));
  };
})();
