// A srcdoc frame (sandboxed as sandbox says, when it says) of doc: the
// first message it posts.
function (sandbox, doc) {
  return new Promise(function (resolve) {
    window.addEventListener('message', function (ev) { resolve(ev.data); }, { once: true });
    var f = document.createElement('iframe');
    if (sandbox) f.sandbox = sandbox;
    f.srcdoc = doc;
    document.body.appendChild(f);
    setTimeout(function () { resolve(['no answer']); }, 10000);
  });
}
