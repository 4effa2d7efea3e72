
window.soak = function (api, n, parallel) {
  var kinds = ["load", "404", "timeout", "abortNow", "cut", "load", "abortBody", "404", "load", "cut"];
  var expect = { load: "load", "404": "error", timeout: "timeout", cut: "error", abortNow: "", abortBody: "" };
  var path = { load: "/ok", "404": "/404", timeout: "/slow", cut: "/cut", abortNow: "/stream", abortBody: "/stream" };
  var all = [], next = 0, done = 0;
  // A cut body ends as the browser reports it (never judged by its
  // Content-Length): onerror where its fetch fails the read, onload with
  // the part where it reads the body as whole (WebKitGTK, with
  // Connection: close).
  var cutEnds = fetch(api + path.cut).then(function (r) { return r.text(); }).then(
    function (text) { return text === "partial body" ? "load" : "text " + text; }, function () { return "error"; });
  function one(i) {
    return new Promise(function (resolve) {
      var kind = kinds[i % kinds.length], x = new XDomainRequest(), rec = { kind: kind, ends: [] };
      all.push(rec);
      function end(ev) {
        return function () {
          rec.ends.push(ev);
          if (ev === "load" && x.responseText !== "ok" && x.responseText.indexOf("part") !== 0) rec.bad = "text " + x.responseText;
          if (ev === "load" && kind === "cut" && x.responseText !== "partial body") rec.bad = "text " + x.responseText;
          if (ev !== "load" && (x.responseText !== "" || x.contentType !== "")) rec.bad = "not reset after " + ev;
          resolve();
        };
      }
      x.onload = end("load"); x.onerror = end("error"); x.ontimeout = end("timeout");
      x.onprogress = function () { if (kind === "abortBody") { x.abort(); resolve(); } };
      if (kind === "timeout") x.timeout = 20;
      x.open("GET", api + path[kind]);
      x.send();
      if (kind === "abortNow") { x.abort(); resolve(); }
    });
  }
  function worker() {
    if (next >= n) return Promise.resolve();
    var i = next++;
    return one(i).then(worker);
  }
  return cutEnds.then(function (ends) {
    expect.cut = ends;
    var workers = [];
    for (var w = 0; w < parallel; w++) workers.push(worker());
    return Promise.all(workers);
  }).then(function () {
    // Late events would show up now.
    return new Promise(function (r) { setTimeout(r, 600); });
  }).then(function () {
    var bad = [], counts = {};
    all.forEach(function (rec) {
      counts[rec.kind] = (counts[rec.kind] || 0) + 1;
      var want = expect[rec.kind];
      var ok = want === "" ? rec.ends.length === 0 : rec.ends.length === 1 && rec.ends[0] === want;
      if (!ok || rec.bad) bad.push(rec.kind + ": " + rec.ends.join(",") + (rec.bad ? " " + rec.bad : ""));
    });
    return { n: all.length, bad: bad.slice(0, 10), nbad: bad.length, counts: counts, cutEnds: expect.cut };
  });
};
// memory collects garbage, lets FinalizationRegistry callbacks run (they
// free the Go state of dropped objects), and reports.
window.memory = function () {
  function pause() { return new Promise(function (r) { setTimeout(r, 50); }); }
  XDomainRequest.stats();  // a Go collection first: its finalizers release JavaScript values
  if (window.gc) gc();
  return pause().then(function () {
    if (window.gc) gc();
    return pause();
  }).then(function () {
    if (window.gc) gc();
    var s = XDomainRequest.stats();
    s.jsHeap = performance.memory ? performance.memory.usedJSHeapSize : 0;
    return s;
  });
};
