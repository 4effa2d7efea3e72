// TestConformanceEvents, "the on* handler is each type's first listener".
function (url) {
  return new Promise(function (resolve) {
    var x = new XDomainRequest(), got = [];
    x.addEventListener('load', function (ev) { got.push('listener ' + (ev.currentTarget === x)); });
    x.onload = function (ev) { got.push('onload ' + (ev.currentTarget === x)); setTimeout(function () { resolve(got); }, 0); };
    x.onprogress = function () { got.push('onprogress'); };
    x.addEventListener('progress', function () { got.push('progress listener'); });
    x.open('GET', url);
    x.send();
    setTimeout(function () { resolve(got); }, 4000);
  });
}
