// runWorker (early_test.go): starts /worker.js, posts it the endpoints'
// origin and gives its first message.
function (api) {
  return new Promise(function (resolve) {
    var w = new Worker("/worker.js");
    w.onmessage = function (e) { resolve(e.data); };
    w.postMessage(api);
  });
}
