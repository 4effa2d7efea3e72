package main

// The protocol between the JavaScript edge (js/, joined into
// dist/xdomainrequest.js) and the Go binding (xdr_js.go), written down
// once. Every number that crosses is defined in this file, with its
// packing and unpacking. The edge's copy, js/20-wire.js, is generated from
// it by `make dist` (go run ./internal/wiregen, which reads this file with
// go/types: internal/protocol): every exported constant of a declaration
// marked //xdr:wire, under its name in upper snake case after the prefix
// the mark gives (ActReset is A_RESET). TestWireGenerated (xdr_wire_test.go)
// fails when the checked-in file is not the generator's output; the
// entries and host calls of the table below are checked at run time, with
// the real wasm, by test/node/wire.test.js, and the binding's side by
// TestBindingMatchesTable.
//
// At start the loader sets globalThis.__xdomainrequest_bridge__, an object
// without a prototype:
//
//	host        the host calls below
//	config      Config* bits (own boolean true properties of XDomainRequestConfig)
//	pageScheme  the scheme of the page's origin ("http:"), pageHost its host name
//	pageOpaque  true for an opaque origin ("null": a sandboxed frame)
//	keep        true; false only in the test build of `make node-test`,
//	            whose edge keeps no answer: send() then defers nothing
//	core        an empty object: the binding puts the entries on it
//	install(fetchMode, fetchCredentials, fetchRedirect)
//	            called by the binding once the entries are there, with
//	            the options of every request's fetch (FetchMode...)
//
// Entries, JavaScript into Go (bridge.core.<name>, called unbound; every
// one guarded: a panic becomes the result in brackets):
//
//	open(prevID, argc, method, href, protocol, hostname, hasCredentials)
//	    -> PackOpen, or the message to throw          [internal error]
//	    href is null when the browser could not parse the URL; prevID is
//	    the object's request still in flight (0: none), cancelled silently.
//	send(id, method, bodyKind, timeout) -> PackSend, or the message to throw
//	    id is the edge's number for the request (1 to 2^30, then again);
//	    with SendDefer in the result, the core holds nothing of it yet.
//	abort(id)                       -> Action
//	timeout(value)                  -> the coerced number, or the message
//	first(id, contentType|undefined, FirstInfo) -> PackFirst   [error]
//	    contentType is undefined when it equals the previous call's.
//	data(id)                        -> Action                  [error]
//	end(id)                         -> Action                  [error]
//	fail(id, Cause)                 -> Action                  [error]
//	tick(id, timer kind)            -> Action                  [error]
//	redirect(id, href, protocol, hostname, hasCredentials) -> Action [error]
//	    the URL a redirected response came from (href null: unparsable).
//	peek(status, contentType)       -> contentType's media type  [""]
//	stats()                         -> [goRequests, heapBytes, calls,
//	                                    hostCalls, collections]: calls are
//	                                    the crossings into Go so far
//	collect()                       -> undefined (a garbage collection)
//
// The id of abort, first, data, end, fail, tick and redirect is -id the
// first time the edge names a request whose send() answered SendDefer (or
// did not cross, the edge having that answer for the same method, body
// kind and timeout): the core then creates it, sent, before it handles the
// call. Such a request costs no crossing of its own until the browser
// reports on it: a small response is then one crossing, first() with done,
// and none at all when the edge has a FirstRepeat answer for its headers.
//
// Host calls, Go into JavaScript (bridge.host.<name>; none runs page code):
//
//	later(id, timer kind, ms)  arm the request's timer of that kind; when it
//	                           runs, the edge calls tick(id, kind)
//	name(index, text)          the edge's names[index] = text (Names)
//	log(level, text, id, rest) queue a console line (LogWarn, LogError); the
//	                           edge writes it after Go has returned. With an
//	                           id (0: none), the line is text + the URL of
//	                           request id (which never crosses) + rest
//	collectSoon()              call collect() from a microtask, after this call
//
// Numbers:
//
//	Method      0 none, 1 GET, 2 POST (xdr_logic.go)
//	BodyKind    0 none, 1 "", 2 text, 3 its conversion threw
//	PackOpen    bits 0-1 Method, bit 2 OpenKeep: the edge may give this
//	            verdict again, without crossing, to an open() with the same
//	            method, URL scheme, host name and credentials flag
//	PackSend    SendStart(1) + SendBody(2) + SendDefer(4) + SendKeep(8):
//	            the edge may give this answer again, without crossing, to a
//	            send() with the same method, body kind and timeout
//	FirstInfo   bit 0 done, bit 1 data, bits 2-11 status, then from bit 12
//	            three 9-bit fields: each of the first three body bytes + 1
//	            (0: missing). At most 2^39: exact in a JavaScript number.
//	PackFirst   bits 0-6 Action, bit 7 FirstRead, bits 8-15 the media
//	            type's index in Names, bits 16-23 the decoder label's,
//	            bit 24 FirstRepeat: the edge may keep this answer for the
//	            next request new to the core that reports the same
//	            contentType and FirstInfo (done), and not cross then
//	Action      1 reset, 2 progress, 4 load, 8 error, 16 timeout, 32 ended,
//	            64 quiet (the answer of first, data and tick: until the
//	            next tick, data() changes nothing and need not be called)
//	timer kind  1 progress, 2 timeout, 3 fail (TickProgress...)
//	Cause       for fail: 1 network, 3 cut, 6 internal, 7 too large
//	Config      1 allowCrossScheme, 2 allowAnyZone, 4 replaceNative
//	log level   0 warn, 1 error

// Action is what the JavaScript edge must do after a call into the core, as
// bits applied in this order: forget the request (Ended), reset
// responseText and contentType, fire progress, then the terminal event.
// Events are fired in that order until a handler calls open() or abort() on
// the object: then the rest are not fired (an onprogress handler that aborts
// prevents the onload after it).
type Action uint32

//xdr:wire Act=A
const (
	ActReset Action = 1 << iota
	ActProgress
	ActLoad
	ActError
	ActTimeout
	ActEnded // the request needs nothing more: the edge releases its objects
	// ActQuiet: the core's progress timer runs (Progress.Armed); until it
	// does, more data changes nothing, and the edge does not report it.
	ActQuiet
)

// BodyKind is what the edge tells of send()'s argument, which it converts
// to a string itself (the body never crosses into Go).
type BodyKind int

//xdr:wire
const (
	BodyNone    BodyKind = iota // undefined or null
	BodyEmpty                   // converts to ""
	BodyText                    // converts to a non-empty string
	BodyInvalid                 // its conversion to a string threw
)

// PackOpen is open()'s result for an accepted call: the method's code, and
// OpenKeep: CheckOpen's verdict depends on nothing else of the call than
// the method, the URL's scheme and host name and whether it has
// credentials (the page and its policy are fixed at start), so the edge
// may give it again for those without crossing.
func PackOpen(m Method) int { return int(m) | OpenKeep }

// The bits of PackOpen.
//
//xdr:wire
const (
	OpenMethod = 3 // the Method
	OpenKeep   = 4 // the verdict holds for the same method, scheme, host and credentials
)

// PackSend is send()'s result for the edge, one number: 1 when the edge is
// to start the fetch, 2 when the fetch carries the body, 4 when the core
// defers the request (deferred: SendPlan.Deferrable), and then 8: the
// answer is a pure function of the method, body kind and timeout, which
// the edge may give again for those without crossing.
func PackSend(p SendPlan, deferred bool) int {
	n := 0
	if p.Start {
		n |= SendStart
	}
	if p.Body {
		n |= SendBody
	}
	if deferred {
		n |= SendDefer | SendKeep
	}
	return n
}

// The bits of PackSend.
//
//xdr:wire
const (
	SendStart = 1 // start the fetch
	SendBody  = 2 // the fetch carries the body
	SendDefer = 4 // the core holds nothing of the request until it is named by -id
	SendKeep  = 8 // the same method, body kind and timeout get the same answer
)

// FirstInfo is what the edge reports with the response headers, packed by
// it into one number (each argument that crosses costs the Go side an
// allocation): the status, up to three first bytes of the body (a byte
// order mark chooses the decoder), whether data arrived and whether the
// body ended. The edge computes done + 2*data + 4*status + 4096*(b0+1) +
// 4096*512*(b1+1) + 4096*512*512*(b2+1), with 0 for a missing byte: at
// most 2^39, exact in a JavaScript number.
type FirstInfo struct {
	Status     int
	Head       [3]byte
	HeadLen    int
	Data, Done bool
}

// The fields of FirstInfo, as the edge computes it:
// done*InfoDone + data*InfoData + status*InfoStatusFactor +
// InfoHeadFactor*((b0+1) + InfoByteFactor*((b1+1) + InfoByteFactor*(b2+1))).
//
//xdr:wire
const (
	InfoDone         = 1
	InfoData         = 2
	InfoStatusFactor = 4
	InfoStatusMax    = 1023
	InfoHeadFactor   = 4096
	InfoByteFactor   = 512
)

// UnpackFirstInfo reads the edge's number. A status outside 0..1023 cannot
// come from fetch; it reads as 0 (a failed response).
func UnpackFirstInfo(n int64) FirstInfo {
	var f FirstInfo
	if n < 0 {
		return f
	}
	f.Done = n&InfoDone != 0
	f.Data = n&InfoData != 0
	f.Status = int(n/InfoStatusFactor) % (InfoStatusMax + 1)
	n /= InfoHeadFactor
	for i := 0; i < 3; i++ {
		b := n % InfoByteFactor
		n /= InfoByteFactor
		if b == 0 || b > 256 {
			break
		}
		f.Head[i] = byte(b - 1)
		f.HeadLen++
	}
	return f
}

// The result of first() for the edge, as one number (a number crosses
// without allocating; a string would cost a JavaScript value and a Go
// finalizer): the actions in the low bits, FirstRead when the body is to be
// read, then the indices, in the edge's table of names (Names), of the
// media type and of the decoder label, and FirstRepeat when the edge may
// keep the answer (FirstPlan.Repeatable).
//
//xdr:wire
const (
	FirstActions     = 127 // the Action bits
	FirstRead        = 1 << 7
	FirstTypeShift   = 8   // the media type's index
	FirstDecodeShift = 16  // the decoder label's index
	FirstIndexMask   = 255 // an index, once shifted down
	FirstRepeat      = 1 << 24
)

// PackFirst packs the result of first(); mediaType and encoding are indices
// from Names; repeat marks an answer the edge may give again itself.
func PackFirst(act Action, read bool, mediaType, encoding int, repeat bool) int {
	n := int(act)
	if read {
		n |= FirstRead | mediaType<<FirstTypeShift | encoding<<FirstDecodeShift
	}
	if repeat {
		n |= FirstRepeat
	}
	return n
}

// MaxNames bounds the table of names shared with the edge.
const MaxNames = 255

// Names interns the strings the core hands to the edge often (media types,
// decoder labels): each is sent once and then named by a small index. Index
// 0 is the empty string, which is never sent. When the table is full it
// starts again from index 1, overwriting older entries: the edge reads an
// index right after the call that returned it, so reuse is safe.
type Names struct {
	index map[string]int
	next  int
}

// Index returns the index of s, and whether s must be sent to the edge
// under it first.
func (n *Names) Index(s string) (i int, send bool) {
	if s == "" {
		return 0, false
	}
	if i, ok := n.index[s]; ok {
		return i, false
	}
	if n.index == nil || n.next >= MaxNames {
		n.index, n.next = make(map[string]int), 0
	}
	n.next++
	n.index[s] = n.next
	return n.next, true
}

// Timer kinds the JavaScript edge reports back.
//
//xdr:wire Tick=T
const (
	TickProgress = 1
	TickTimeout  = 2
	TickFail     = 3
)

// The bits of the configuration number the edge hands the binding at start:
// each set only when the page's XDomainRequestConfig has, as an own
// property, the boolean true under that name.
//
//xdr:wire
const (
	ConfigAllowCrossScheme = 1
	ConfigAllowAnyZone     = 2
	ConfigReplaceNative    = 4
)

// The console levels of the lines the binding hands the edge to write
// (host call log).
//
//xdr:wire
const (
	LogWarn  = 0
	LogError = 1
)

// The causes the edge reports with fail(id, cause): those of the Cause
// values (xdr_logic.go) that only JavaScript sees.
//
//xdr:wire Fail=C
const (
	FailNetwork  = CauseNetwork  // fetch rejected: no response
	FailCut      = CauseCut      // the body's stream failed before its end
	FailInternal = CauseInternal // the edge's handling of the response threw
	FailTooLarge = CauseTooLarge // the body does not fit in a JavaScript string
)

// MethodNames are the methods' names by their codes (Method), as the edge
// hands them to fetch and Method.String returns them.
//
//xdr:wire MethodNames=METHODS
var MethodNames = [...]string{MethodNone: "", MethodGET: "GET", MethodPOST: "POST"}
