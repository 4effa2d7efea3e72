window.forwarded = 0;
(function () {
  var warn = console.warn;
  console.warn = function (msg) {
    forwarded++;
    try {
      var x = new XDomainRequest();
      x.open('GET', 'ftp://logs.example/?m=' + encodeURIComponent(String(msg)).slice(0, 100));
      x.send();
    } catch (e) { /* a logger never throws */ }
    return warn.apply(console, arguments);
  };
  window.unhookLogger = function () { console.warn = warn; };
})();