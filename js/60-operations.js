  // js/60-operations.js: the host calls of Go, the kept answers, the class's operations.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // The host: primitives the Go binding calls. None of them runs page code
  // synchronously; events reach the page only through act().
  var host = Object.assign(Object.create(null), {
    later: function (id, kind, ms) {
      var req = requests.get(id);
      if (!req) return;
      clearTimeout(req.timers[kind]);
      req.timers[kind] = setTimeout(function () {
        req.timers[kind] = 0;
        if (requests.get(id) !== req) return;
        var bits = cTick(id, kind);
        req.quiet = (bits & A_QUIET) !== 0;
        act(req.state, id, bits);
      }, ms);
    },
    // name keeps a string the core will name by index i.
    // A reused index (the core's table is full and starts again) makes the
    // kept first() answers, which name by index, stale.
    name: function (i, str) {
      if (names[i] !== undefined && names[i] !== str) { clearAnswers(firstAnswers); wholeDecoders[i] = undefined; }
      names[i] = str;
    },
    // log queues a console line; writeLines writes it once Go has returned.
    // A line about a request comes in two parts, with its URL between them
    // (the URL never crosses into Go).
    log: function (level, text, id, rest) {
      if (id) { var req = requests.get(id); text += (req ? req.url : '') + rest; }
      lines.push([level, text]);
    },
    // collectSoon: the binding wants a garbage collection, after this call
    // and its events, from a fresh stack: a microtask, so that it still
    // comes before the next response's callbacks (a timer let 200
    // concurrent requests pile up garbage in between).
    collectSoon: function () {
      afterThisTask(function () { if (core) { probeStack(); cCollect(); } });
    }
  });

  // The core's verdicts on open() that it marks OPEN_KEEP (a pure function
  // of the method, scheme, host and credentials: PackOpen), so that the
  // next open() of the same kind does not cross into Go. Denials are never
  // marked: each one crosses, so that each writes its console warning.
  var verdicts = new Map();
  // The core's answers to send() that it marks SEND_KEEP (those that defer
  // the request), by method, body kind and time-out, so that the next
  // send() of the same kind does not cross.
  var sendAnswers = newAnswers(64);  // by time-out, then method * 4 + body kind
  // The core's answers to first() for a request new to it whose body has
  // ended (FirstRepeat), by Content-Type and FirstInfo: the same headers
  // and first bytes get the same answer without crossing. With the two maps
  // above, a page that repeats a kind of request (an API that answers
  // alike) crosses into Go only for the first of them.
  var firstAnswers = newAnswers(256);  // by Content-Type, then FirstInfo

  // A table of answers by two keys, Maps in a Map: no key string is built
  // per request. It starts again when it holds limit answers.
  function newAnswers(limit) { return { tables: new Map(), size: 0, limit: limit }; }
  function answerOf(answers, a, b) {
    var table = answers.tables.get(a);
    return table === undefined ? undefined : table.get(b);
  }
  function keepAnswer(answers, a, b, value) {
    if (answers.size >= answers.limit) clearAnswers(answers);
    var table = answers.tables.get(a);
    if (table === undefined) answers.tables.set(a, table = new Map());
    table.set(b, value);
    answers.size++;
  }
  function clearAnswers(answers) { answers.tables.clear(); answers.size = 0; }

  // The operations of the class, once the Go side is ready. Each throws the
  // Error whose message the core returns.
  function opTimeout(state, v) {
    probeStack();
    var accepted = cTimeout(v);
    writeLines();
    if (typeof accepted === 'string') throw new RealError(accepted);
    state.timeout = accepted;
  }
  function opOpen(state, n, method, u) {
    var key = null, v, inFlight = state.id ? requests.get(state.id) : null;
    var prevId = inFlight && inFlight.known ? inFlight.id : 0;  // what the core must cancel
    if (KEEP && n >= 2 && u && !prevId) {
      key = method + '\n' + u.protocol + '\n' + u.hostname + '\n' + u.cred;
      v = verdicts.get(key);
    }
    if (v === undefined) {
      probeStack();
      v = cOpen(prevId, n, method, u ? u.href : null, u ? u.protocol : '', u ? u.hostname : '', u ? u.cred : false);
      if (typeof v === 'string') { writeLines(); throw new RealError(v); }
      if (key !== null && (v & OPEN_KEEP)) {
        if (verdicts.size >= 256) verdicts.clear();
        verdicts.set(key, v);
      }
    }
    if (state.id) drop(state.id);  // cancelled without an event (by the core too, if it held it)
    state.generation++;
    state.method = v & OPEN_METHOD;
    state.url = u.href;
    state.responseText = '';
    state.contentType = '';
    state.headersSeen = null;
    writeLines();
  }
  // opSend converts the body to a string here (it never crosses into Go)
  // and tells the core only what kind it is (BodyKind in xdr_wire.go).
  // The object counts as sent while its body converts: a send() from the
  // body's toString() finds no opened request (Invalid state.), and an
  // open() or abort() from it takes this send() back.
  function opSend(state, body) {
    var kind = BODY_NONE, text = null, method = state.method, generation = state.generation;
    state.method = 0;
    if (body !== undefined && body !== null) {
      try {
        text = typeof body === 'string' ? body : String(body);
        kind = text === '' ? BODY_EMPTY : BODY_TEXT;
      } catch (e) { kind = BODY_INVALID; }
    }
    if (state.generation !== generation) return;
    state.method = method;
    var id = nextId, req = newRequest(id, state), kindOfSend = method * 4 + kind;
    var plan = KEEP ? answerOf(sendAnswers, state.timeout, kindOfSend) : undefined;
    if (plan === undefined) {
      probeStack();
      // The record exists before the call: Go arms the timers of the
      // request while send() runs (host call later).
      requests.set(id, req);
      try { plan = cSend(id, method, kind, state.timeout); } catch (e) { requests.delete(id); throw e; }
      if (typeof plan === 'string') { requests.delete(id); writeLines(); throw new RealError(plan); }
      if (plan & SEND_KEEP) keepAnswer(sendAnswers, state.timeout, kindOfSend, plan);
    } else requests.set(id, req);
    req.known = !(plan & SEND_DEFER);
    nextId = id >= 1073741824 ? 1 : id + 1;  // 2^30: ids stay small integers
    state.id = id;
    state.method = 0;
    if (plan & SEND_START) start(id, req, method, plan & SEND_BODY ? text : null);
    writeLines();
  }
  function opAbort(state) {
    var req = state.id ? requests.get(state.id) : null;
    if (req) probeStack();
    state.generation++;
    if (req) act(state, state.id, cAbort(coreId(req)));  // none: the core holds nothing of this object
    else if (state.inLastProgress) act(state, 0, A_RESET);
  }

