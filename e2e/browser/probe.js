(function () {
  if (window.__xdrProbe) return;
  var stringify = JSON.stringify, setT = setTimeout, clearT = clearTimeout, sl = Array.prototype.slice;
  var parent = null;
  try { if (window.parent !== window && window.parent.__xdrProbe) parent = window.parent.__xdrProbe; } catch (e) {}
  var q = [], waiter = null;
  function take() { return q.splice(0, q.length); }
  function add(kind, text) {
    if (parent) { parent.add(kind, text); return; }
    q.push([kind, text]);
    if (waiter) { var w = waiter; waiter = null; clearT(w.timer); w.done(take()); }
  }
  function describe(v) {
    if (typeof v === "string") return v;
    if (v instanceof Error) return v.name + ": " + v.message;
    if (v === undefined || typeof v === "function" || typeof v === "symbol") return String(v);
    try { var s = stringify(v); if (s !== undefined) return s; } catch (e) {}
    return String(v);
  }
  function text(args) {
    args = sl.call(args);
    var out = [];
    if (typeof args[0] === "string" && args[0].indexOf("%") >= 0) {
      var rest = args.slice(1);
      out.push(args.shift().replace(/%([sdifoOc%])/g, function (m, c) {
        if (c === "%") return "%";
        if (!rest.length) return m;
        args.shift();
        var v = rest.shift();
        if (c === "c") return "";
        if (c === "d" || c === "i") return String(parseInt(v, 10));
        if (c === "f") return String(parseFloat(v));
        return describe(v);
      }));
    }
    for (var i = 0; i < args.length; i++) out.push(describe(args[i]));
    return out.join(" ");
  }
  var types = { log: "log", info: "info", warn: "warning", error: "error", debug: "debug", trace: "trace", dir: "dir", assert: "assert" };
  Object.keys(types).forEach(function (m) {
    var orig = console[m];
    if (typeof orig !== "function") return;
    console[m] = function () {
      if (m === "assert") { if (arguments[0]) return orig.apply(this, arguments); add("assert", "Assertion failed: " + text(sl.call(arguments, 1))); }
      else add(types[m], text(arguments));
      return orig.apply(this, arguments);
    };
  });
  window.addEventListener("error", function (e) {
    if (!(e instanceof ErrorEvent)) return;
    add("exception", "Uncaught " + (e.error !== undefined && e.error !== null ? describe(e.error) : String(e.message)));
  });
  window.addEventListener("unhandledrejection", function (e) {
    add("exception", "Uncaught (in promise) " + describe(e.reason));
  });
  window.alert = function alert(m) { add("dialog", arguments.length ? String(m) : ""); };
  window.__xdrProbe = {
    add: add, take: take, stringify: stringify,
    release: function () {
      var got = take();
      if (!waiter) return got;
      var w = waiter; waiter = null; clearT(w.timer); w.done(got); return [];
    },
    wait: function (done, ms) {
      if (q.length) { done(take()); return; }
      if (waiter) { clearT(waiter.timer); waiter.done([]); }
      var w = { done: done };
      w.timer = setT(function () { if (waiter === w) waiter = null; done([]); }, ms);
      waiter = w;
    }
  };
  Object.defineProperty(window, "__xdrProbe", { enumerable: false });
  if (document.currentScript) document.currentScript.remove();
})();
