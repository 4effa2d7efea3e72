
function call(opts) {
  return new Promise(function (resolve) {
    $.ajax(opts).done(function (data, status, jq) {
      resolve({ ok: true, data: data, status: status, type: jq.getResponseHeader("Content-Type") || "" });
    }).fail(function (jq, status, err) {
      resolve({ ok: false, status: status, err: String(err), text: jq.responseText || "" });
    });
  });
}
// A control request through XMLHttpRequest itself.
function plainXHR(url) {
  return new Promise(function (resolve) {
    var x = new XMLHttpRequest();
    x.onload = function () { resolve(x.status + " " + x.responseText); };
    x.onerror = function () { resolve("error"); };
    x.open("GET", url);
    x.send();
  });
}
