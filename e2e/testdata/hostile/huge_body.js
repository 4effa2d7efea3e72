// TestHostileHugeBody: starts a GET of the huge body url; window.huge
// records how it goes.
function (url) {
  var x = new XDomainRequest(), r = window.huge = { events: [], progress: 0, longest: 0, done: false };
  x.onprogress = function () { r.progress++; r.longest = Math.max(r.longest, x.responseText.length); };
  ['load', 'error', 'timeout'].forEach(function (type) {
    x['on' + type] = function () {
      r.events.push(type + ':' + x.responseText.length + ':' + x.contentType);
      setTimeout(function () { r.done = true; }, 300);
    };
  });
  x.open('GET', url);
  x.send();
  return true;
}
