// A blob: worker of code: the first message it posts.
function (code) {
  return new Promise(function (resolve) {
    var w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    w.onmessage = function (ev) { resolve(ev.data); };
    w.onerror = function (ev) { resolve(['worker error: ' + ev.message]); };
    setTimeout(function () { resolve(['no answer']); }, 10000);
  });
}
