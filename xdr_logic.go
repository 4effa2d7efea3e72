package main

// The pure core of the polyfill: every decision that can be made without a
// browser, tested with plain `go test`. No file of the core imports
// syscall/js; xdr_js.go carries values between it and the browser.
//
// This file is the request state machine, its methods in the order a
// request lives: NewRequest (open), Send, Redirected, First (the headers
// with the first bytes), Data, End or Fail or Tick, and Abort at any time.
// Its siblings, one concern each:
//
//	xdr_policy.go      the page, the configuration, the rules of open()
//	xdr_zone.go        which hosts are intranet (IP literals and ranges)
//	xdr_timeout.go     the timeout property
//	xdr_mediatype.go   Content-Type: media type, charset, byte order marks
//	xdr_progress.go    onprogress coalescing
//	xdr_diagnostic.go  the console lines
//	xdr_wire.go        the protocol with the JavaScript edge: every entry,
//	                   host call and packed number
//	xdr_ascii.go       ASCII helpers

import (
	"time"
)

// The exception messages of Internet Explorer's XDomainRequest, thrown to the
// caller as Error objects by the JavaScript edge.
const (
	MsgArgumentNotOptional = "Argument not optional."
	MsgInvalidArgument     = "Invalid argument."
	MsgAccessDenied        = "Access is denied."
	MsgInvalidState        = "Invalid state." // decision: send() before open() or twice
)

// Method is one of the two methods XDomainRequest allows.
type Method uint8

const (
	MethodNone Method = iota
	MethodGET
	MethodPOST
)

// String is the method's name: MethodNames (xdr_wire.go), the names the
// edge hands to fetch; "" for MethodNone and for codes past them.
func (m Method) String() string {
	if int(m) < len(MethodNames) {
		return MethodNames[m]
	}
	return ""
}

// ParseMethod accepts GET and POST in any letter case.
func ParseMethod(s string) Method {
	switch lowerASCII(s) {
	case "get":
		return MethodGET
	case "post":
		return MethodPOST
	}
	return MethodNone
}

// StatusOK tells whether a response status lets XDomainRequest show the
// body: only 2xx does; anything else is onerror.
func StatusOK(status int) bool { return status >= 200 && status <= 299 }

// Phase is where a request is in its life.
type Phase uint8

const (
	PhaseOpened    Phase = iota // open() succeeded; send() not yet called
	PhaseSent                   // waiting for the response headers
	PhaseReceiving              // reading the body
	PhaseDone                   // a terminal event was decided, or aborted
)

// Cause says why a request failed; diagnostics use it.
type Cause uint8

const (
	CauseNone Cause = iota
	CauseNetwork
	CauseStatus
	CauseCut
	CauseGetBody
	CauseTimeout
	CauseInternal
	CauseTooLarge // the body does not fit in a JavaScript string
	CauseRedirect // redirected to a URL that open() would refuse
)

// Request is the state machine of one open()/send() cycle.
type Request struct {
	Phase    Phase
	Method   Method
	Progress Progress
	Cause    Cause         // why it ended, when it ended in error or time-out
	Status   int           // the response status, when one arrived
	failSoon bool          // send() decided onerror; delivered on the next tick
	ending   bool          // the body ended; its owed onprogress and onload wait for the progress timer
	Deadline time.Duration // when the time-out falls due; 0: none
}

// SendPlan is what send() decided.
type SendPlan struct {
	Start   bool // start the fetch
	FailDue bool // no fetch: onerror is delivered asynchronously via Tick
	Body    bool // the fetch carries the body
}

// FirstPlan is what the core decided when the response headers arrived
// together with the first bytes of the body, or with its end.
type FirstPlan struct {
	Act       Action
	Read      bool          // a 2xx response: decode the body
	MediaType string        // the value of contentType
	Encoding  string        // the TextDecoder label
	Arm       time.Duration // > 0: start a progress timer
}

// NewRequest is a request that open() accepted.
func NewRequest(m Method) *Request {
	return &Request{Phase: PhaseOpened, Method: m}
}

// SentRequest is a request whose send() was deferred (SendPlan.Deferrable):
// the core creates it when the edge first reports on it, in the state that
// send() left it in. Its method is not needed any more.
func SentRequest() *Request {
	return &Request{Phase: PhaseSent}
}

// CanSend tells whether send() is allowed now.
// A request made without an accepted method (send() before open(), or a
// second send()) cannot be sent.
func (r *Request) CanSend() bool {
	return r != nil && r.Phase == PhaseOpened && (r.Method == MethodGET || r.Method == MethodPOST)
}

// Send decides send(body), given what kind of body it is.
func (r *Request) Send(body BodyKind) (SendPlan, string) {
	if !r.CanSend() {
		return SendPlan{}, MsgInvalidState
	}
	if body == BodyInvalid {
		return SendPlan{}, MsgInvalidArgument
	}
	r.Phase = PhaseSent
	if r.Method == MethodGET && body == BodyText {
		r.failSoon = true
		return SendPlan{FailDue: true}, ""
	}
	return SendPlan{Start: true, Body: r.Method == MethodPOST && body != BodyNone}, ""
}

// Deferrable tells whether a request sent with this plan and this time-out
// needs nothing of the core until the browser reports on it: it starts a
// fetch, has no onerror due and no deadline. Such a request need not
// cross into Go at send(), and since Send is a pure function of the method,
// the body kind and the time-out, the edge may keep this answer and skip
// the crossing for the next send() of the same kind (SendDefer).
func (p SendPlan) Deferrable(timeout time.Duration) bool {
	return p.Start && !p.FailDue && timeout <= 0
}

// Arm is the timer send() arms, at now, for a request it sent with plan
// and timeout (TimeoutDelay): an onerror that send() decided without a
// fetch is delivered by a TickFail timer of 0 ms (asynchronously, as in
// IE), and a time-out sets the request's deadline and a TickTimeout timer
// for it. kind is 0 when there is no timer to arm.
func (r *Request) Arm(plan SendPlan, timeout, now time.Duration) (kind int, delay time.Duration) {
	switch {
	case plan.FailDue:
		return TickFail, 0
	case timeout > 0:
		r.Deadline = now + timeout
		return TickTimeout, timeout
	}
	return 0, 0
}

// Redirected decides a response that arrived after the browser followed
// redirects: final is the URL it came from. A URL that open() would refuse
// ends the request with onerror before a byte of the response is read; the
// denial says which rule, for the diagnostic.
func (r *Request) Redirected(final Target, page Page, pol Policy) (Action, *Denial) {
	if !r.inFlight() {
		return 0, nil
	}
	d := checkTarget(final, page, pol)
	if d == nil {
		return 0, nil
	}
	r.Phase, r.Cause = PhaseDone, CauseRedirect
	return ActReset | ActError, d
}

// Head decides the arrival of the response headers. When the body is to be
// read it also returns the media type and charset of contentType.
func (r *Request) Head(status int, contentType string) (act Action, read bool, mediaType, charset string) {
	if r == nil || r.Phase != PhaseSent {
		return 0, false, "", ""
	}
	r.Status = status
	if !StatusOK(status) {
		return r.fail(CauseStatus), false, "", ""
	}
	r.Phase = PhaseReceiving
	mediaType, charset = ParseContentType(contentType)
	return 0, true, mediaType, charset
}

// First decides the response headers (status, Content-Type) together with
// the first bytes of the body: head holds up to its first three bytes (for
// a byte order mark), data says that body data arrived, done that the body
// has ended. Reporting the headers with the first data saves a crossing
// per request; no event can observe the difference.
func (r *Request) First(status int, contentType string, head []byte, data, done bool, now time.Duration) FirstPlan {
	if act := r.Expired(now); act != 0 {
		return FirstPlan{Act: act}
	}
	act, read, mt, cs := r.Head(status, contentType)
	if !read {
		return FirstPlan{Act: act}
	}
	p := FirstPlan{Read: true, MediaType: mt, Encoding: DecoderLabel(head, cs)}
	if data {
		p.Act, p.Arm = r.Data(now)
	}
	if done {
		// The first data fired onprogress (nothing is pending): onload
		// after it, unless its handler aborts.
		act, _ := r.end(now)
		p.Act |= act
		p.Arm = 0
	}
	return p
}

// Repeatable tells whether the edge may keep this answer of First and give
// it again itself, without crossing, to the next request that is new to the
// core (fresh: deferred, created by SentRequest for this call) and reports
// the same status, Content-Type and head with the body ended: First is then
// a pure function of those, since a fresh request has no deadline and no
// progress history (its first data fires onprogress whatever the time).
// Only a 2xx body qualifies: a failure writes a console line naming the URL.
func (p FirstPlan) Repeatable(fresh, done bool) bool {
	return fresh && done && p.Read
}

// Data decides the arrival of body data at now; arm > 0 asks for a progress
// timer.
func (r *Request) Data(now time.Duration) (act Action, arm time.Duration) {
	if r == nil || r.Phase != PhaseReceiving || r.ending {
		return 0, 0
	}
	fire, arm := r.Progress.Data(now)
	if fire {
		return ActProgress, 0
	}
	return 0, arm
}

// Quiet adds ActQuiet to act while the request's progress timer runs:
// until it does, more data changes nothing (Progress.Data), so the edge
// does not report it: one crossing per progress interval, not per chunk.
func (r *Request) Quiet(act Action) Action {
	if r != nil && r.Phase == PhaseReceiving && !r.ending && r.Progress.Armed() {
		return act | ActQuiet
	}
	return act
}

// End decides the end of the body at now: onload, after one last
// onprogress when data arrived that no onprogress has reported yet; or
// ontimeout when the deadline passed first (a late timer must not let the
// response win). First checks the deadline the same way. When the owed
// onprogress would come less than ProgressInterval after the previous
// one, both wait: arm > 0 asks for a progress timer, whose Tick fires them.
func (r *Request) End(now time.Duration) (act Action, arm time.Duration) {
	if act := r.Expired(now); act != 0 {
		return act, 0
	}
	return r.end(now)
}

func (r *Request) end(now time.Duration) (Action, time.Duration) {
	if r == nil || r.Phase != PhaseReceiving || r.ending {
		return 0, 0
	}
	owed, wait := r.Progress.Finish(now)
	if wait > 0 {
		r.ending = true
		return 0, wait
	}
	r.Phase = PhaseDone
	if owed {
		return ActProgress | ActLoad, 0
	}
	return ActLoad, 0
}

// Fail decides a failure reported by the browser (network error, CORS
// refusal, a body cut short).
func (r *Request) Fail(c Cause) Action {
	if !r.inFlight() {
		return 0
	}
	return r.fail(c)
}

// Tick decides a timer that ran out at now. arm > 0 asks for another
// progress timer.
func (r *Request) Tick(kind int, now time.Duration) (act Action, arm time.Duration) {
	if !r.inFlight() {
		return 0, 0
	}
	switch kind {
	case TickTimeout:
		r.Phase, r.Cause = PhaseDone, CauseTimeout
		return ActReset | ActTimeout, 0
	case TickFail:
		if r.failSoon {
			return r.fail(CauseGetBody), 0
		}
	case TickProgress:
		if r.ending { // the body ended: its owed onprogress, then onload
			r.Phase = PhaseDone
			r.Progress.Fired(now)
			return ActProgress | ActLoad, 0
		}
		if r.Phase == PhaseReceiving {
			if fire, arm := r.Progress.Tick(now); fire {
				return ActProgress, 0
			} else {
				return 0, arm
			}
		}
	}
	return 0, 0
}

// Expired ends the request with ontimeout when its deadline has passed by
// now: a late timer (a busy or throttled page) must not let the response
// win over a time-out that was already due.
func (r *Request) Expired(now time.Duration) Action {
	if !r.inFlight() || r.Deadline == 0 || now < r.Deadline {
		return 0
	}
	r.Phase, r.Cause = PhaseDone, CauseTimeout
	return ActReset | ActTimeout
}

// Abort decides abort(): a request in flight ends without an event and its
// response is cleared; otherwise nothing happens.
func (r *Request) Abort() (Action, bool) {
	if !r.inFlight() {
		return 0, false
	}
	r.Phase = PhaseDone
	return ActReset, true
}

func (r *Request) fail(c Cause) Action {
	r.Phase, r.Cause = PhaseDone, c
	return ActReset | ActError
}

// inFlight tells whether the request was sent and has not ended.
func (r *Request) inFlight() bool {
	return r != nil && (r.Phase == PhaseSent || r.Phase == PhaseReceiving)
}

// Settled adds ActEnded to act when the request has ended.
func (r *Request) Settled(act Action) Action {
	if r.Ended() {
		return act | ActEnded
	}
	return act
}

// Ended tells whether the request needs nothing more from the browser.
func (r *Request) Ended() bool { return r == nil || r.Phase == PhaseDone }
