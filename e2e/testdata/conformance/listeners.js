// TestConformanceInterface, "addEventListener and removeEventListener": what
// the listeners heard (a removed one must hear nothing).
function (timeout, url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), got = [];
    ['load', 'error', 'timeout', 'progress'].forEach(function (type) {
      x.addEventListener(type, function (e) {
        got.push({type: type, evType: e.type, text: x.responseText, self: this === x});
        if (type !== 'progress') setTimeout(function () { resolve(got); }, 250);
      });
      var removed = function () { got.push({type: 'removed ' + type}); };
      x.addEventListener(type, removed);
      x.removeEventListener(type, removed);
    });
    if (timeout) x.timeout = timeout;
    x.open('GET', url);
    x.send();
    setTimeout(function () { resolve(got); }, 4000);
  });
}
