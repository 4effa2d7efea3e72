// TestHostileConsoleHook, "a hook that reopens the failing object".
function (ok, failing) {
  return new Promise(function (resolve) {
    unhookLogger();
    var warn = console.warn, events = [], x = new XDomainRequest(), reopened = false, done = false;
    console.warn = function () {
      if (!reopened) { reopened = true; x.open('GET', ok); x.send(); }
      return warn.apply(console, arguments);
    };
    function finish() { if (!done) { done = true; console.warn = warn; resolve(events); } }
    ['load', 'error', 'timeout'].forEach(function (type) {
      x['on' + type] = function () {
        events.push(type + ':' + x.responseText);
        setTimeout(finish, 500);  // room for a stale event that must not come
      };
    });
    x.open('GET', failing);
    x.send();
    setTimeout(finish, 10000);
  });
}
