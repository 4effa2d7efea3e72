function probeCalls(api) {
  function thrown(f) {
    var x = new XDomainRequest();
    try { f(x); return "no throw"; } catch (e) { return (e instanceof Error ? "Error: " : "not an Error: ") + e.message; }
  }
  return {
    noArguments: thrown(function (x) { x.open(); }),
    oneArgument: thrown(function (x) { x.open("GET"); }),
    put: thrown(function (x) { x.open("PUT", api + "/xdr.txt"); }),
    ftp: thrown(function (x) { x.open("GET", "ftp://files.example/x"); }),
    badURL: thrown(function (x) { x.open("GET", "http://["); }),
    timeout: thrown(function (x) { x.timeout = "abc"; }),
    sendFirst: thrown(function (x) { x.send(); }),
    sendTwice: thrown(function (x) { x.open("GET", api + "/xdr.txt?gap=0"); x.send(); x.send(); }),
    good: thrown(function (x) { x.timeout = 5000; x.open("POST", api + "/xdr.txt?gap=0"); })
  };
}