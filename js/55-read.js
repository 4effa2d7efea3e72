  // js/55-read.js: fetch and the body's reading (read, readBody), failures, redirects.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // read reads the body. The headers are reported to the core together
  // with the first bytes (at least three: a byte order mark chooses the
  // decoder) or with the end of an empty body: one crossing for both. As
  // long as each next read is settled at once (the bytes are there
  // already), the reader reads on before it reports: a small body's
  // headers, bytes and end then cross once (reportFirst), and not at all
  // for a kind of response the core has answered before. When a read must
  // wait for the network, what has come is reported (onprogress) and the
  // rest is read as a stream. Whether the body is whole is what the
  // browser reports (its end, or a failed read), never its Content-Length,
  // which counts the bytes on the wire (compressed, or ignored beside
  // chunked transfer): the length only chooses how long to wait.
  function read(id, req, res) {
    var status = res.status, type = res.headers.get('content-type') || '';
    // Headers seen, not yet reported: contentType asks the core if read now.
    req.state.headersSeen = { status: status, type: type, mediaType: null };
    // A failed status (not the Fetch standard's ok, 200-299: StatusOK in
    // the core) is reported at once, without its body: the core ends the
    // request with onerror and the error page is never read.
    if (!res.ok) { reportFirst(id, req, status, type, null, false); return; }
    var stream = apply(responseBody, res, []);
    if (stream === null) { reportFirst(id, req, status, type, null, true); return; }
    // announced: the Content-Length if it is at most SMALL_BODY_MAX, else
    // -1. A body announced larger is reported as soon as a read waits; one
    // announced smaller, or not announced at all (sent chunked, compressed
    // on the fly), waits for its end (SMALL_BODY_WAIT) while no more than
    // SMALL_BODY_MAX bytes have come.
    var length = res.headers.get('content-length');
    var announced = length !== null && /^[0-9]{1,15}$/.test(length) && +length <= SMALL_BODY_MAX ? +length : -1;
    readBody(id, req, stream.getReader(), status, type, announced, length === null || announced >= 0);
  }

  function tooLarge(id, req) {
    if (requests.get(id) === req) act(req.state, id, cFail(coreId(req), C_TOO_LARGE));
  }
  function cut(id, req) {
    if (requests.get(id) === req) act(req.state, id, cFail(coreId(req), C_CUT));
  }

  // reportFirst tells the core the headers with the first bytes (done: and
  // the end), then decodes the bytes and fires the events it decided.
  function reportFirst(id, req, status, type, bytes, done) {
    req.state.headersSeen = null;
    req.firstBytes = bytes;
    req.bodyDone = req.fetchEnded = done;
    var reported = info(status, bytes, done), packed;
    // A request new to the core whose body has ended: the core's answer
    // for the same headers and info may be here already (FirstRepeat).
    var repeatable = KEEP && !req.known && done;
    if (repeatable) packed = answerOf(firstAnswers, type, reported);
    if (packed === undefined) {
      packed = cFirst(coreId(req), KEEP && type === lastType ? undefined : (lastType = type), reported);
      if (repeatable && (packed & FIRST_REPEAT)) keepAnswer(firstAnswers, type, reported, packed);
    }
    if ((packed & FIRST_READ) && !body(req, packed)) { tooLarge(id, req); return; }
    req.quiet = (packed & A_QUIET) !== 0;
    act(req.state, id, packed & FIRST_ACTIONS);
  }

  function concatenated(chunks, length) {
    if (chunks.length <= 1) return chunks.length ? chunks[0] : null;
    var all = new RealUint8Array(length);
    for (var i = 0, at = 0; i < chunks.length; at += chunks[i].length, i++) all.set(chunks[i], at);
    return all;
  }

  // readBody reads a body chunk by chunk. Until the core has heard of the
  // response, the chunks gather (joined once, when reported: a compressed
  // body can decode to a thousand times its length, in many chunks); after
  // that each chunk is decoded in stream mode and appended to responseText
  // here, in JavaScript, and the core only hears that data arrived.
  function readBody(id, req, reader, status, type, announced, mayWait) {
    var gathered = [], size = 0, reported = false, waitEnds = 0;
    function current() { return requests.get(id) === req; }
    function reportGathered(done) {
      reported = true;
      var bytes = concatenated(gathered, size);
      gathered = null;
      reportFirst(id, req, status, type, bytes, done);
    }
    function next() {
      var settled = false, timer = 0;
      reader.read().then(function (result) {
        settled = true;
        if (timer) clearTimeout(timer);
        if (!current()) return;
        try { chunk(result); } catch (e) { failed(id, req); }
      }, function () {
        settled = true;
        if (timer) clearTimeout(timer);
        cut(id, req);  // the browser reports the transfer failed
      });
      // Bytes are waiting to be reported: if this read is not settled at
      // once, the network is slow, and they are reported now (onprogress).
      // A small body's wait needs a timer only when the read is not
      // settled within the microtasks either (most are: no timer is set).
      if (!reported && size >= 3) {
        var waited = function () {
          timer = 0;
          if (settled || reported || !current()) return;
          try { reportGathered(false); } catch (e) { failed(id, req); }
        };
        afterMicrotasks(LOOK_AHEAD_MICROTASKS, function () {
          if (settled || reported || !current()) return;
          if (!mayWait || size > SMALL_BODY_MAX) { waited(); return; }
          if (size === announced) return;  // only the end can follow: it is waited for
          // SMALL_BODY_WAIT from the first wait, however many reads follow.
          var at = now();
          if (!waitEnds) waitEnds = at + SMALL_BODY_WAIT;
          timer = setTimeout(waited, waitEnds - at);
        });
      }
    }
    function chunk(result) {
      if (!reported) {
        if (result.done) { reportGathered(true); return; }
        if (result.value.length) { gathered.push(result.value); size += result.value.length; }
        next();
        return;
      }
      if (result.done) {
        req.fetchEnded = true;
        var before = req.state.responseText.length;
        if (!append(req, null, true)) { tooLarge(id, req); return; }
        if (req.state.responseText.length !== before) reportData(id, req);
        if (current()) act(req.state, id, cEnd(id));
        return;
      }
      if (!append(req, result.value, false)) { tooLarge(id, req); return; }
      reportData(id, req);
      if (current()) next();
    }
    next();
  }

  // reportData tells the core that data arrived, unless its last answer
  // said that more data changes nothing until its progress timer runs
  // (A_QUIET): then there is no crossing.
  function reportData(id, req) {
    if (KEEP && req.quiet) return;
    var bits = cData(id);
    req.quiet = (bits & A_QUIET) !== 0;
    act(req.state, id, bits);
  }

  // failed ends a request whose response handling threw (a bug, or the
  // engine out of memory): it still gets its one terminal event.
  function failed(id, req) {
    if (requests.get(id) !== req) return;
    try { act(req.state, id, cFail(coreId(req), C_INTERNAL)); } catch (e) {
      drop(id);
      req.state.responseText = ''; req.state.contentType = '';
      fire(req.state, 'error');
    }
  }

  // start fetches what send() was given: the URL and the body (a string,
  // or null for none) never cross into Go; method is the core's code.
  function start(id, req, method, body) {
    var controller = new RealAbortController();
    req.controller = controller;
    var init = { method: METHODS[method], mode: fetchMode, credentials: fetchCredentials, redirect: fetchRedirect, signal: controller.signal };
    if (body !== null) init.body = body;
    var response;
    try { response = fetch(req.url, init); } catch (e) { response = Promise.reject(e); }
    response.then(function (res) {
      if (requests.get(id) !== req) return;
      try {
        if (apply(responseRedirected, res, []) && !redirectAllowed(id, req, apply(responseURL, res, []))) return;
        read(id, req, res);
      } catch (e) { failed(id, req); }
    }, function () {
      if (requests.get(id) === req) act(req.state, id, cFail(coreId(req), C_NETWORK));
    });
  }

  // redirectAllowed asks the core about the URL a redirected response came
  // from (the browser followed the redirects; rules 1, 6 and 7 hold there
  // too). A refused one ends the request before its body is read.
  function redirectAllowed(id, req, url) {
    var u = null;
    try { u = target(new RealURL(url)); } catch (e) { u = null; }
    var bits = cRedirect(coreId(req), u ? u.href : null, u ? u.protocol : '', u ? u.hostname : '', u ? u.cred : false);
    if (!bits) return true;
    act(req.state, id, bits);
    return false;
  }

