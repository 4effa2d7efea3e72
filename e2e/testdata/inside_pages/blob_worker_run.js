// TestInsidePagesBlobWorker: runs code as a blob: worker and gives its
// first message (or what went wrong).
function (code) {
  return new Promise(function (resolve) {
    var w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    var timer = setTimeout(function () { w.terminate(); resolve({ answer: 'none within 15 s' }); }, 15000);
    w.onmessage = function (ev) { clearTimeout(timer); w.terminate(); resolve(ev.data); };
    w.onerror = function (ev) { clearTimeout(timer); w.terminate(); resolve({ workerError: String(ev.message) }); };
  });
}
