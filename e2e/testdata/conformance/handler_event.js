// TestConformanceEvents, "the handler's event reads as dispatched".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), got = [], kept = [];
    function who(v) { return v === x ? 'x' : v === null ? 'null' : typeof v; }
    function handler(ev) {
      var path = ev.composedPath();
      got.push({type: ev.type, target: who(ev.target), current: who(ev.currentTarget), src: who(ev.srcElement),
        path: path.length === 1 ? who(path[0]) : 'length ' + path.length, phase: ev.eventPhase,
        isEvent: ev instanceof Event, bubbles: ev.bubbles, cancelable: ev.cancelable, trusted: ev.isTrusted});
      kept.push(ev);
    }
    x.onprogress = handler;
    x.onload = function (ev) {
      handler(ev);
      setTimeout(function () {
        got.forEach(function (g, i) { g.after = who(kept[i].currentTarget) + ' ' + who(kept[i].target); g.phaseAfter = kept[i].eventPhase; });
        resolve(got);
      }, 0);
    };
    x.open('GET', url);
    x.send();
    setTimeout(function () { resolve(got); }, 4000);
  });
}
