/*! XDomainRequest polyfill loader: Internet Explorer's XDomainRequest on fetch, decided in Go/WebAssembly. */
// Include after Go's wasm_exec.js:
//   <script src="wasm_exec.js"></script>
//   <script src="xdomainrequest.js"></script>
//
// Built by `make dist` from the files of js/ in name order (this one,
// js/10-head.js, first), joined inside one function; docs/internals.md
// tells a request's life with the file and function of each step, and
// the words used here. Two parts, in this order:
// - the edge (js/20-wire.js to js/60-operations.js): the XDomainRequest
//   class and the JavaScript half of each request. A Go function cannot
//   throw into its caller, so the class throws the Error whose message the
//   Go core returns; each request's JavaScript objects (AbortController,
//   response reader, TextDecoder, timers) and its responseText stay here,
//   under a small integer id, and never cross into Go.
// - the loader (js/70-class.js to js/90-install.js): it defines the class
//   at once, fetches, compiles and runs xdomainrequest.wasm from beside its
//   own URL in the background, and, when a call needs the Go side before
//   that has finished, starts it synchronously instead (startNow), so that
//   the call is answered as after readiness.
// The protocol between the two languages (every entry, host call and number
// that crosses) is written down in xdr_wire.go.
//
// The life of a request (-> a call into Go, <- a host call from Go):
//   x.open(method, url)   parse the URL here; -> open() for the core's verdict
//                         (remembered per method, scheme and host: the next
//                         open() of that kind does not cross)
//   x.send(body)          convert the body to a string here; number the
//                         request and create its record; -> send(id, method,
//                         bodyKind, timeout), which says whether to start and
//                         whether the core defers the request. A deferred one
//                         (no time-out) costs no crossing until the browser
//                         reports on it, and the next send() of the same
//                         kind does not cross at all (the answer is kept).
//                         Otherwise Go arms its timers while send() runs:
//                         <- later(id, kind, ms).
//   start()               fetch(), with the functions taken when this script ran
//   the response          (a deferred request is named -id to the core the
//                         first time: coreId) if redirected: -> redirect(id,
//                         final URL); then
//   read() -> first()     the headers (at once for a failed status) with
//                         the first bytes, and the end of the body when it
//                         is there already (readBody reads on while each
//                         read is settled at once):
//                         -> first(id, type, info), which returns the
//                         actions, the media type and the decoder (kept and
//                         reused when the core marks it FirstRepeat: then a
//                         request of a kind seen before crosses not at all)
//   act()                 applies the actions: release, reset, then the events
//                         (stopped as soon as a handler calls open() or abort())
//   each further chunk    decoded and appended here; -> data(id) unless the
//                         core's last answer was quiet (A_QUIET: its
//                         progress timer runs, more data changes nothing)
//   the end               -> end(id): onprogress (owed) and onload, or a
//                         progress timer when the owed onprogress must wait
//   timers                <- later(id, kind, ms); when one runs -> tick(id, kind)
//   failures              -> fail(id, cause): network, cut, too large, internal
// Console lines the core asks for (<- log; the edge puts in a request's
// URL, which never crosses) are written after Go has returned
// (writeLines), never while Go is on the stack.
(function () {
  'use strict';
  var g = typeof globalThis !== 'undefined' ? globalThis : self;
  var TAG = 'XDomainRequest polyfill: ';
  // Stamped by `make dist`: the package version and the Go that built the wasm.
  var VERSION = '@VERSION@', GO_VERSION = '@GOVERSION@';
  // Stamped too: 'off' only in the test build of `make node-test`
  // (test/node/build/), where the edge keeps no answer of the core (no
  // verdicts, sendAnswers, firstAnswers, decoders, last URL or type) and
  // the core defers no send() (bridge.keep): every call crosses, and the
  // differential test checks that a page sees the same as with dist/'s.
  var KEEP = '@KEEP@' !== 'off';

