  // js/45-dispatch.js: events: fire(), the on* handlers, listeners, reported exceptions.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // fire delivers an event. The on* handler runs as the first listener of
  // each object (callHandler), so it sees the event with target and
  // currentTarget set, as addEventListener listeners do; a handler that
  // throws is reported and stops nothing else.
  //
  // Dispatching costs more than anything else a small request does in the
  // page: calling the on* handler directly instead saved 0.01-0.03 x fetch
  // per request (bench/ab/pair.js; Firefox and WebKit the most). So an
  // object dispatches a type only once it has listeners of that type: the
  // page added one through the object (addEventListener, below, adds the
  // object's own callHandler first, so the on* handler stays the first
  // listener) or dispatched one itself (dispatchEvent). Until then fire()
  // calls the handler itself, with a HandlerEvent that reads as a
  // dispatched one, and reports what it throws as the browser would
  // (reportError: window's error event and the console). A listener added
  // by calling EventTarget.prototype.addEventListener on the object
  // directly is not seen: it hears only types the object dispatches (and
  // an event dispatched with EventTarget.prototype.dispatchEvent reaches
  // the on* handler only for those types).
  function fire(state, type) {
    var x = state.xdr;
    if (state.listening & eventBit(type)) { apply(dispatch, x, [new RealEvent(type)]); return; }
    var handler = x['on' + type];
    if (typeof handler !== 'function') return;
    var ev = new HandlerEvent(type, x), outer = delivering, threw = false, error;
    delivering = ev;
    try { apply(handler, x, [ev]); } catch (e) { threw = true; error = e; }
    delivering = outer;
    if (threw) report(error);
  }
  // eventBit is type's bit in state.listening (0: not an XDomainRequest event).
  function eventBit(type) {
    return type === 'progress' ? 1 : type === 'load' ? 2 : type === 'error' ? 4 : type === 'timeout' ? 8 : 0;
  }
  function callHandler(ev) {
    var handler = this['on' + ev.type];
    if (typeof handler === 'function') apply(handler, this, [ev]);
  }
  // handlerListener makes the object dispatch events of type from now on,
  // with its on* handler as their first listener.
  function handlerListener(state, type) {
    var bit = eventBit(type);
    if (bit && !(state.listening & bit)) {
      state.listening |= bit;
      apply(listen, state.xdr, [type, callHandler]);
    }
  }
  // HandlerEvent is the event of a handler fire() calls itself: its
  // target is the object, and while the handler runs so are currentTarget
  // (eventPhase AT_TARGET, composedPath() [object]), as in a dispatch.
  var delivering = null;  // the HandlerEvent whose handler is running
  var AT_TARGET = RealEvent.AT_TARGET;  // 2 (a WebIDL constant: read-only)
  class HandlerEvent extends RealEvent {
    #to;
    constructor(type, to) { super(type); this.#to = to; }
    get target() { return this.#to; }
    get srcElement() { return this.#to; }
    get currentTarget() { return delivering === this ? this.#to : null; }
    get eventPhase() { return delivering === this ? AT_TARGET : 0; }
    composedPath() { return delivering === this ? [this.#to] : []; }
  }
  // report reports an exception a handler threw, as a dispatch would.
  function report(e) {
    try {
      if (typeof realReportError === 'function') apply(realReportError, g, [e]);
      else setTimeout(function () { throw e; }, 0);
    } catch (e2) { /* out of stack: reportError itself failed */ }
  }

