  // js/50-request.js: a request's record, the actions the core decides (act), decoding.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // act applies the actions the core decided, in their fixed order. The
  // events stop as soon as a handler calls open() or abort() on the object
  // (state.generation changes): an onprogress handler that aborts prevents
  // onload. While the last onprogress of an ended request runs
  // (state.inLastProgress), abort()
  // clears the response as it does for a request in flight.
  // The console lines of the call are written first: a hook that calls
  // open() on the object stops these events too.
  function act(state, id, bits) {
    if (typeof bits !== 'number' || bits === 0) { writeLines(); return; }
    if (bits & A_ENDED) drop(id);
    if (bits & A_RESET) { state.responseText = ''; state.contentType = ''; state.headersSeen = null; }
    var gen = state.generation;
    writeLines();
    if (state.generation !== gen) return;
    if (bits & A_PROGRESS) {
      state.inLastProgress = (bits & A_ENDED) !== 0;
      try { fire(state, 'progress'); } finally { state.inLastProgress = false; }
    }
    if (state.generation !== gen) return;
    if (bits & A_LOAD) fire(state, 'load');
    else if (bits & A_ERROR) fire(state, 'error');
    else if (bits & A_TIMEOUT) fire(state, 'timeout');
  }

  // drop releases a request's JavaScript objects.
  function drop(id) {
    var req = requests.get(id);
    if (!req) return;
    requests.delete(id);
    if (req.state.id === id) { req.state.id = 0; req.state.headersSeen = null; }
    for (var kind = T_PROGRESS; kind <= T_FAIL; kind++) if (req.timers[kind]) clearTimeout(req.timers[kind]);
    if (req.controller && !req.fetchEnded) { try { req.controller.abort(); } catch (e) { /* already settled */ } }
  }

  // body sets contentType and the decoder of a 2xx response (named by
  // first's result), and decodes the first bytes, before the events fire.
  // A body that has ended is decoded in one call, which starts afresh
  // (not in stream mode): the decoder kept for its encoding serves.
  function body(req, packed) {
    var decode = (packed >>> FIRST_DECODE_SHIFT) & FIRST_INDEX_MASK;
    req.state.contentType = names[(packed >>> FIRST_TYPE_SHIFT) & FIRST_INDEX_MASK];
    if (!req.bodyDone) req.decoder = newDecoder(names[decode]);
    else if (!KEEP) req.decoder = newDecoder(names[decode]);
    else req.decoder = wholeDecoders[decode] || (wholeDecoders[decode] = newDecoder(names[decode]));
    var bytes = req.firstBytes;
    req.firstBytes = null;
    return append(req, bytes, req.bodyDone);
  }

  function newDecoder(label) {
    try { return new RealTextDecoder(label); } catch (e) { return new RealTextDecoder('utf-8'); }
  }

  var STREAM = Object.freeze({ stream: true }), FLUSH = Object.freeze({ stream: false });

  // append decodes a chunk into responseText; false when the text would be
  // longer than the engine's longest string (the request then fails).
  function append(req, bytes, end) {
    try {
      var text = bytes ? req.decoder.decode(bytes, end ? FLUSH : STREAM) : end ? req.decoder.decode() : '';
      if (text) req.state.responseText += text;
      return true;
    } catch (e) {
      return false;
    }
  }

  // newState is the state of an XDomainRequest object:
  //   xdr             the object
  //   id              its request in Go, from send() to the end (0: none)
  //   method          the method code open() accepted, until send() (0: none)
  //   generation      counts open() and abort() calls: events stop when it changes
  //   inLastProgress  true while the last onprogress of an ended request runs
  //   url             what open() resolved
  //   responseText, contentType   what the page reads
  //   headersSeen     {status, type, mediaType}: headers seen, not yet reported to Go
  //   timeout         the accepted timeout; heldTimeout one assigned before ready
  //   failTimer       the timer of an onerror decided without Go (failLater)
  //   listening       the types it dispatches (eventBit), fire() calls the
  //                   handler itself for the others
  function newState(xdr) {
    return {
      xdr: xdr, id: 0, method: 0, generation: 0, inLastProgress: false, url: '',
      responseText: '', contentType: '', headersSeen: null, timeout: -1, heldTimeout: undefined, failTimer: 0,
      listening: 0
    };
  }

  // newRequest is the record of a request in flight, under its id in
  // requests: the id, its object's state, whether the core has heard of it
  // (coreId), the URL, the AbortController, the timers by kind, the
  // TextDecoder (set when the core has heard of the response), the first
  // bytes until the decoder exists, whether the body ended, and whether
  // fetch has nothing more to abort, and whether the core's last answer
  // for it was quiet (A_QUIET: data need not be reported until a tick).
  function newRequest(id, state) {
    return {
      id: id, state: state, known: true, url: state.url, controller: null, timers: {}, decoder: null,
      firstBytes: null, bodyDone: false, fetchEnded: false, quiet: false
    };
  }

  // coreId is the id by which an entry names a request to the core: -id
  // the first time for a deferred request (SendDefer), which the core then
  // creates, id after that.
  function coreId(req) {
    if (req.known) return req.id;
    req.known = true;
    return -req.id;
  }

  // info packs what first() reports with the headers into one number
  // (FirstInfo in xdr_wire.go): done, data, the status and the first three
  // bytes of the body, each byte + 1 (0: missing).
  function info(status, bytes, done) {
    var n = bytes ? bytes.length : 0;
    return (done ? INFO_DONE : 0) + (n ? INFO_DATA : 0) + INFO_STATUS_FACTOR * (status & INFO_STATUS_MAX) +
      INFO_HEAD_FACTOR * ((n > 0 ? bytes[0] + 1 : 0) + INFO_BYTE_FACTOR * ((n > 1 ? bytes[1] + 1 : 0) + INFO_BYTE_FACTOR * (n > 2 ? bytes[2] + 1 : 0)));
  }

