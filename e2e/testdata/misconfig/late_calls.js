// TestMisconfigNoEventAfterAbort: calls after the failed start (aborted,
// reopened, sent): the page's log 500 ms later.
function () {
  return new Promise(function (resolve) {
    var a = track("lateAborted", new XDomainRequest());
    a.open("GET", api + "/xdr.txt?gap=0");
    a.send();
    a.abort();
    var b = track("lateReopened", new XDomainRequest());
    b.open("GET", api + "/xdr.txt?gap=0");
    b.send();
    b.open("GET", api + "/xdr.txt?gap=0");
    var c = track("lateSent", new XDomainRequest());
    c.open("GET", api + "/xdr.txt?gap=0");
    c.send();
    setTimeout(function () { resolve(log); }, 500);
  });
}
