  // js/40-edge.js: the edge's state and open()'s URLs.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // -------------------------------------------------------------------------
  // The edge.

  var core = null;        // the Go functions, set by install()
  // The same functions, called unbound: a call with a `this` object costs
  // the Go side one more JavaScript value (and finalizer) per crossing.
  var cOpen, cSend, cAbort, cTimeout, cFirst, cData, cEnd, cFail, cTick, cPeek, cStats, cRedirect, cCollect;
  // The options of every fetch, given by the core at install (FetchMode...).
  var fetchMode, fetchCredentials, fetchRedirect;
  var names = [''];       // strings the core named by index (Names in xdr_wire.go)
  var wholeDecoders = []; // TextDecoders for whole bodies, by the index of their encoding's name
  var requests = new Map();  // request id -> its record (newRequest): the JavaScript side of a request in flight
  var nextId = 1;         // the next request's id
  var lastType = null;    // the Content-Type the core was given last
  var lines = [];         // console lines the core asked for: [level, text]

  // writeLines writes the console lines of the last calls into Go. It runs
  // after Go has returned: a console.warn hook may call XDomainRequest again
  // (even without end), but never while Go is on the stack. A hook that
  // throws breaks nothing.
  function writeLines() {
    while (lines.length) {
      var line = lines.shift();
      try {
        var console = g.console;
        if (line[0] === LOG_ERROR) console.error(line[1]); else console.warn(line[1]);
      } catch (e) { /* the page's console hook failed */ }
    }
  }

  function baseURL() {
    return (doc && baseURIOf && apply(baseURIOf, doc, [])) || (g.location && g.location.href) || undefined;
  }

  // parse resolves open()'s URL against the document's base URL, into what
  // the core needs, or null when the browser cannot parse it. The last
  // result is remembered: a page that polls opens the same URL again and
  // again. Only the last: pages whose URLs change per request (a counter, a
  // cache buster) would otherwise keep every URL alive past the engine's
  // young-generation collections, which then cost every later request.
  var lastURL = { base: undefined, str: undefined, u: null };
  function parse(url) {
    var base = baseURL(), str, u;
    if (typeof url === 'symbol') return null;  // new URL() would throw
    try { str = String(url); } catch (e) {
      if (e instanceof RealRangeError || (e && e.name === 'InternalError')) throw e;  // out of stack
      return null;
    }
    if (KEEP && str === lastURL.str && base === lastURL.base) return lastURL.u;
    try {
      u = target(new RealURL(str, base));
    } catch (e) {
      if (!(e instanceof RealTypeError)) throw e;  // out of stack: not a verdict on the URL
      u = null;
    }
    lastURL.base = base; lastURL.str = str; lastURL.u = u;
    return u;
  }

  // target is what the core needs of a parsed URL.
  function target(p) {
    return { href: p.href, protocol: p.protocol, hostname: p.hostname, cred: p.username !== '' || p.password !== '' };
  }

