// A sandboxed frame (allow-scripts) of src: the first message it posts.
function (src) {
  return new Promise(function (resolve) {
    window.addEventListener('message', function (ev) { resolve(ev.data); }, { once: true });
    var f = document.createElement('iframe');
    f.sandbox = 'allow-scripts';
    f.src = src;
    document.body.appendChild(f);
    setTimeout(function () { resolve(['no answer']); }, 10000);
  });
}
