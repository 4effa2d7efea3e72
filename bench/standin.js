// The benchmark's second reference: XDomainRequest written in plain
// JavaScript on fetch, doing what the polyfill does in a request's life
// without Go: open() parses the URL and checks the method and scheme, send()
// fetches with an AbortController, the body is read as a stream and decoded
// with a TextDecoder into responseText, onprogress is coalesced to one per
// 50 ms, and the events go to an EventTarget's on* handlers as the
// polyfill delivers them: called directly, with an event whose target is
// the object, until a listener of the type is added through the object,
// then dispatched with the handler as the first listener. It is not
// shipped (dist/ has only the polyfill) and decides none of the security
// rules: it is the cost of the work every XDomainRequest on fetch must
// do, the floor the Go core is compared with.
(function () {
  'use strict';
  function callHandler(ev) {
    var h = this['on' + ev.type];
    if (typeof h === 'function') h.call(this, ev);
  }
  class HandlerEvent extends Event {
    constructor(type, to) { super(type); this._to = to; }
    get target() { return this._to; }
    get currentTarget() { return this._to; }
  }
  class StandInXDomainRequest extends EventTarget {
    constructor() {
      super();
      this.responseText = '';
      this.contentType = '';
      this.timeout = -1;
      this.onload = this.onerror = this.onprogress = this.ontimeout = null;
      this._listening = {};
      this._gen = 0;
    }
    addEventListener(type, listener, options) {
      if (!this._listening[type]) { this._listening[type] = true; super.addEventListener(type, callHandler); }
      super.addEventListener(type, listener, options);
    }
    _fire(type) {
      if (this._listening[type]) { this.dispatchEvent(new Event(type)); return; }
      var h = this['on' + type];
      if (typeof h !== 'function') return;
      try { h.call(this, new HandlerEvent(type, this)); } catch (e) { reportError(e); }
    }
    open(method, url) {
      var m = String(method).toUpperCase();
      if (m !== 'GET' && m !== 'POST') throw new Error('Invalid argument.');
      var u = new URL(String(url), document.baseURI);
      if (u.protocol !== location.protocol) throw new Error('Access is denied.');
      this._method = m;
      this._url = u.href;
      this._gen++;
      this.responseText = '';
      this.contentType = '';
    }
    send(body) {
      if (!this._method) throw new Error('Invalid state');
      var self = this, gen = this._gen, ctl = new AbortController(), timer = 0, lastProgress = 0;
      var init = { method: this._method, mode: 'cors', credentials: 'omit', redirect: 'follow', signal: ctl.signal };
      if (body !== undefined && body !== null) init.body = String(body);
      this._method = '';
      this._ctl = ctl;
      function fire(type) { if (self._gen === gen) self._fire(type); }
      function done(type) {
        if (timer) clearTimeout(timer);
        if (type !== 'load') { self.responseText = ''; self.contentType = ''; }
        fire(type);
      }
      if (this.timeout > 0) timer = setTimeout(function () { ctl.abort(); done('timeout'); }, this.timeout);
      fetch(this._url, init).then(function (res) {
        if (self._gen !== gen) return;
        if (!res.ok) { done('error'); return; }
        var type = res.headers.get('content-type') || '';
        var match = /^\s*([^;\s]+)(?:.*;\s*charset\s*=\s*"?([^;"\s]+))?/i.exec(type);
        var dec;
        try { dec = new TextDecoder(match && match[2] || 'utf-8'); } catch (e) { dec = new TextDecoder('utf-8'); }
        self.contentType = match ? match[1] : '';
        var reader = res.body.getReader();
        function pump() {
          return reader.read().then(function (r) {
            if (self._gen !== gen) return;
            if (r.done) {
              self.responseText += dec.decode();
              fire('progress');
              done('load');
              return;
            }
            self.responseText += dec.decode(r.value, { stream: true });
            var now = performance.now();
            if (now - lastProgress >= 50) { lastProgress = now; fire('progress'); }
            return pump();
          });
        }
        return pump();
      }).catch(function () { if (self._gen === gen) done('error'); });
    }
    abort() {
      this._gen++;
      if (this._ctl) this._ctl.abort();
    }
  }
  window.StandInXDomainRequest = StandInXDomainRequest;
})();
