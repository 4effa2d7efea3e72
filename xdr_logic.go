package main

// The pure core of the polyfill: every decision that can be made without a
// browser. Nothing in this file imports syscall/js; xdr_js.go carries values
// between these functions and the browser, and xdr_logic_test.go tests them
// with plain `go test`.

import (
	"math"
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

func (m Method) String() string {
	switch m {
	case MethodGET:
		return "GET"
	case MethodPOST:
		return "POST"
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

// lowerASCII lower-cases ASCII letters only: what HTTP tokens, host names
// from URL.hostname and charset labels need (strings.ToLower would bring
// Unicode tables into the wasm). A string without upper-case letters is
// returned as is, without allocating.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + ('a' - 'A')
				}
			}
			return string(b)
		}
	}
	return s
}

// trimASCIISpace trims space, tab, CR, LF, FF and VT from both ends.
func trimASCIISpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// Page is what the core knows of the document that uses the polyfill.
type Page struct {
	Scheme string // "http:" or "https:" (as location.protocol gives it)
	Zone   Zone
}

// Policy relaxes IE's page-level rules for sites that need it. The zero value
// is Internet Explorer's behaviour.
type Policy struct {
	AllowCrossScheme bool // an http: page may call https: URLs and back
	AllowAnyZone     bool // an Internet page may call intranet URLs
}

// Target is a URL as the browser parsed it against the document's base URL.
type Target struct {
	Parsed         bool   // false when the browser could not parse it
	Scheme         string // URL.protocol, e.g. "https:"
	Host           string // URL.hostname
	HasCredentials bool   // URL.username or URL.password not empty
}

// Rule names a restriction of the security model; diagnostics use it.
type Rule uint8

const (
	RuleNone Rule = iota
	RuleArguments
	RuleMethod
	RuleURL
	RuleScheme
	RuleCredentials
	RuleSameScheme
	RuleZone
	RuleState   // send() before open(), or twice
	RuleTimeout // a timeout value that is not a number, or negative
)

// Denial is a refused open(): the message thrown and the rule broken.
type Denial struct {
	Msg  string
	Rule Rule
}

// CheckOpen decides open(method, url). argc is the number of arguments the
// caller passed. It returns the method, or the denial to throw.
func CheckOpen(argc int, method string, t Target, page Page, pol Policy) (Method, *Denial) {
	if argc < 2 {
		return MethodNone, &Denial{MsgArgumentNotOptional, RuleArguments}
	}
	m := ParseMethod(method)
	if m == MethodNone {
		return MethodNone, &Denial{MsgInvalidArgument, RuleMethod}
	}
	if d := checkTarget(t, page, pol); d != nil {
		return MethodNone, d
	}
	return m, nil
}

// ValueKind is the JavaScript type of a value handed to the core.
type ValueKind uint8

const (
	KindOther ValueKind = iota // object, boolean, symbol, bigint, function
	KindUndefined
	KindNull
	KindNumber
	KindString
)

// MaxTimeout is where timeout values are capped (2^31-1 ms).
const MaxTimeout = 1<<31 - 1

// CoerceTimeout decides an assignment to timeout. Numbers and numeric
// strings are accepted; -1 and 0 mean no time-out; fractions are truncated;
// values above MaxTimeout are capped. NaN, non-numbers and negative values
// other than -1 are refused with MsgInvalidArgument.
func CoerceTimeout(kind ValueKind, num float64, str string) (int64, string) {
	switch kind {
	case KindNumber:
	case KindString:
		f, ok := parseNumericString(str)
		if !ok {
			return 0, MsgInvalidArgument
		}
		num = f
	default:
		return 0, MsgInvalidArgument
	}
	if num != num { // NaN
		return 0, MsgInvalidArgument
	}
	if num == -1 {
		return -1, ""
	}
	if num < 0 {
		return 0, MsgInvalidArgument
	}
	if num >= MaxTimeout {
		return MaxTimeout, ""
	}
	return int64(num), ""
}

// parseNumericString accepts what a text box holding a number gives:
// optional white space around an optional sign, decimal digits with an
// optional fraction and exponent, or Infinity.
func parseNumericString(s string) (float64, bool) {
	s = trimASCIISpace(s)
	if s == "" {
		return 0, false
	}
	body := s
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	if body == "Infinity" {
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	}
	digits, i := 0, 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(body) && body[i] == '.' {
		i++
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(body) && (body[i] == 'e' || body[i] == 'E') {
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			i++
		}
		exp := 0
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i, exp = i+1, exp+1
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(body) {
		return 0, false
	}
	return decimalValue(s), true
}

// decimalValue is the value of a string that parseNumericString accepted:
// good to far more than the millisecond a timeout needs (strconv.ParseFloat
// would be exact, at some 20 KB of wasm).
func decimalValue(s string) float64 {
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg, s = s[0] == '-', s[1:]
	}
	v, exp, i := 0.0, 0, 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		v = v*10 + float64(s[i]-'0')
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			v = v*10 + float64(s[i]-'0')
			exp--
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg, i = s[i] == '-', i+1
		}
		e := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if e < 100000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	switch {
	case v == 0:
	case exp > 400:
		v = math.Inf(1)
	case exp < -400:
		v = 0
	case exp > 0:
		v *= math.Pow10(exp)
	case exp < 0:
		v /= math.Pow10(-exp)
	}
	if neg {
		return -v
	}
	return v
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			break
		}
	}
	return string(b[i:])
}

// BOMEncoding tells the encoding that a byte order mark at the start of
// the body selects, overriding the charset of Content-Type as browsers do
// for responseText; "" when the body starts with no BOM. b holds up to the
// first three bytes of the body.
func BOMEncoding(b []byte) string {
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return "utf-8"
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return "utf-16be"
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		return "utf-16le"
	}
	return ""
}

// StatusOK tells whether a response status lets XDomainRequest show the
// body: only 2xx does; anything else is onerror.
func StatusOK(status int) bool { return status >= 200 && status <= 299 }

// ProgressInterval is the least time between two onprogress events while
// data keeps arriving.
const ProgressInterval = 50 * time.Millisecond

// Progress coalesces onprogress: at most one per ProgressInterval while data
// flows, a deferred one when the interval has passed, and one for the last
// data before onload.
type Progress struct {
	last    time.Duration // when the last onprogress fired
	fired   bool          // at least one onprogress fired
	pending bool          // data arrived that no onprogress has reported
	armed   bool          // a timer for the pending data is running
}

// Data reports that body data arrived at now. It says whether to fire
// onprogress now, or else, when arm > 0, to start a timer for arm. Until
// that timer is due, further data changes nothing (the data is already
// pending); after, it would fire what the due timer fires a moment later.
// So the edge does not report data while the timer runs: one crossing per
// progress interval instead of one per chunk.
func (p *Progress) Data(now time.Duration) (fire bool, arm time.Duration) {
	if !p.fired || now-p.last >= ProgressInterval {
		p.fired, p.last, p.pending = true, now, false
		return true, 0
	}
	p.pending = true
	if p.armed {
		return false, 0
	}
	p.armed = true
	return false, p.last + ProgressInterval - now
}

// Tick reports that the timer started by Data ran out at now.
func (p *Progress) Tick(now time.Duration) (fire bool, arm time.Duration) {
	p.armed = false
	if !p.pending {
		return false, 0
	}
	if now-p.last < ProgressInterval { // a timer that ran early
		p.armed = true
		return false, p.last + ProgressInterval - now
	}
	p.fired, p.last, p.pending = true, now, false
	return true, 0
}

// Finish reports the end of the body: whether one last onprogress is owed.
func (p *Progress) Finish() bool {
	owed := p.pending
	p.pending, p.armed = false, false
	return owed
}

// Action is what the JavaScript edge must do after a call into the core, as
// bits applied in this order: forget the request (Ended), reset
// responseText and contentType, fire progress, then the terminal event.
// Events are fired in that order until a handler calls open() or abort() on
// the object: then the rest are not fired (an onprogress handler that aborts
// prevents the onload after it).
type Action uint32

const (
	ActReset Action = 1 << iota
	ActProgress
	ActLoad
	ActError
	ActTimeout
	ActEnded // the request needs nothing more: the edge releases its objects
)

// Settled adds ActEnded to act when the request has ended.
func (r *Request) Settled(act Action) Action {
	if r.Ended() {
		return act | ActEnded
	}
	return act
}

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
	Deadline time.Duration // when the time-out falls due; 0: none
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

// NewRequest is a request that open() accepted.
func NewRequest(m Method) *Request {
	return &Request{Phase: PhaseOpened, Method: m}
}

// SendPlan is what send() decided.
type SendPlan struct {
	Start   bool // start the fetch
	FailDue bool // no fetch: onerror is delivered asynchronously via Tick
	Body    bool // the fetch carries the body
}

// CanSend tells whether send() is allowed now.
// A request made without an accepted method (send() before open(), or a
// second send()) cannot be sent.
func (r *Request) CanSend() bool {
	return r != nil && r.Phase == PhaseOpened && (r.Method == MethodGET || r.Method == MethodPOST)
}

// BodyKind is what the edge tells of send()'s argument, which it converts
// to a string itself (the body never crosses into Go).
type BodyKind int

const (
	BodyNone    BodyKind = iota // undefined or null
	BodyEmpty                   // converts to ""
	BodyText                    // converts to a non-empty string
	BodyInvalid                 // its conversion to a string threw
)

// PackSend is send()'s result for the edge, one number: the request id
// times 4, plus 1 when the edge is to start the fetch and 2 when the fetch
// carries the body.
func PackSend(id int, p SendPlan) int {
	n := id * 4
	if p.Start {
		n |= 1
	}
	if p.Body {
		n |= 2
	}
	return n
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

// inFlight tells whether the request was sent and has not ended.
func (r *Request) inFlight() bool {
	return r != nil && (r.Phase == PhaseSent || r.Phase == PhaseReceiving)
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

// DecoderLabel is the encoding responseText is decoded with: the one a byte
// order mark at the start of the body selects, else the charset of
// Content-Type, else UTF-8. (A label the browser does not know falls back
// to UTF-8 there.)
func DecoderLabel(head []byte, charset string) string {
	if b := BOMEncoding(head); b != "" {
		return b
	}
	if charset != "" {
		return charset
	}
	return "utf-8"
}

// HeadersContentType is contentType once the response headers have arrived
// and before the core has heard of them (the edge reports them with the
// first data): the media type of a 2xx response, "" otherwise.
func HeadersContentType(status int, contentType string) string {
	if !StatusOK(status) {
		return ""
	}
	mt, _ := ParseContentType(contentType)
	return mt
}

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

// UnpackFirstInfo reads the edge's number. A status outside 0..1023 cannot
// come from fetch; it reads as 0 (a failed response).
func UnpackFirstInfo(n int64) FirstInfo {
	var f FirstInfo
	if n < 0 {
		return f
	}
	f.Done = n&1 != 0
	f.Data = n&2 != 0
	f.Status = int(n>>2) & 1023
	n >>= 12
	for i := 0; i < 3; i++ {
		b := n & 511
		n >>= 9
		if b == 0 || b > 256 {
			break
		}
		f.Head[i] = byte(b - 1)
		f.HeadLen++
	}
	return f
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

// First decides the response headers (status, Content-Type) together with
// the first bytes of the body: head holds up to its first three bytes (for
// a byte order mark), data says that body data arrived, done that the body
// has ended. Reporting the headers with the first data saves a crossing
// per request; no event can observe the difference.
func (r *Request) First(status int, contentType string, head []byte, data, done bool, now time.Duration) FirstPlan {
	act, read, mt, cs := r.Head(status, contentType)
	if !read {
		return FirstPlan{Act: act}
	}
	p := FirstPlan{Read: true, MediaType: mt, Encoding: DecoderLabel(head, cs)}
	if data {
		p.Act, p.Arm = r.Data(now)
	}
	if done {
		if p.Act&ActProgress != 0 {
			// onprogress first; onload after it, unless its handler aborts.
			r.Progress.pending = true
		}
		p.Act = p.Act&^ActProgress | r.End()
		p.Arm = 0
	}
	return p
}

// The result of first() for the edge, as one number (a number crosses
// without allocating; a string would cost a JavaScript value and a Go
// finalizer): the actions in the low bits, FirstRead when the body is to be
// read, then the indices, in the edge's table of names (Names), of the
// media type and of the decoder label.
const (
	FirstRead     = 1 << 7
	firstMTShift  = 8
	firstEncShift = 16
)

// PackFirst packs the result of first(); mediaType and encoding are indices
// from Names.
func PackFirst(act Action, read bool, mediaType, encoding int) int {
	n := int(act)
	if read {
		n |= FirstRead | mediaType<<firstMTShift | encoding<<firstEncShift
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

// Data decides the arrival of body data at now; arm > 0 asks for a progress
// timer.
func (r *Request) Data(now time.Duration) (act Action, arm time.Duration) {
	if r == nil || r.Phase != PhaseReceiving {
		return 0, 0
	}
	fire, arm := r.Progress.Data(now)
	if fire {
		return ActProgress, 0
	}
	return 0, arm
}

// End decides the end of the body: onload, after one last onprogress when
// data arrived that no onprogress has reported yet.
func (r *Request) End() Action {
	if r == nil || r.Phase != PhaseReceiving {
		return 0
	}
	r.Phase = PhaseDone
	if r.Progress.Finish() {
		return ActProgress | ActLoad
	}
	return ActLoad
}

// Fail decides a failure reported by the browser (network error, CORS
// refusal, a body cut short).
func (r *Request) Fail(c Cause) Action {
	if !r.inFlight() {
		return 0
	}
	return r.fail(c)
}

// Timer kinds the JavaScript edge reports back.
const (
	TickProgress = 1
	TickTimeout  = 2
	TickFail     = 3
)

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

// Ended tells whether the request needs nothing more from the browser.
func (r *Request) Ended() bool { return r == nil || r.Phase == PhaseDone }

// TimeoutDelay is the timer to arm at send() for a timeout property value;
// 0 means none.
func TimeoutDelay(timeout int64) time.Duration {
	if timeout <= 0 {
		return 0
	}
	if timeout > MaxTimeout {
		timeout = MaxTimeout
	}
	return time.Duration(timeout) * time.Millisecond
}

// ShouldInstall decides whether the polyfill defines XDomainRequest: not
// when the page already has one, unless the page asked to replace it.
func ShouldInstall(existing, replace bool) bool { return !existing || replace }

// The console levels of the lines the binding hands the edge to write
// (host call log).
const (
	LogWarn  = 0
	LogError = 1
)

// Diagnostic is the console.warn line for a denial or a failure: the rule or
// cause, and what the site can do.
func Diagnostic(d *Denial, c Cause, url string, status int) string {
	p := "XDomainRequest: "
	if d != nil {
		switch d.Rule {
		case RuleArguments:
			return p + "open() needs a method and a URL."
		case RuleMethod:
			return p + "open() accepts only GET or POST."
		case RuleURL:
			return p + "open() was given a URL the browser cannot parse."
		case RuleScheme:
			return p + "access denied to " + url + ": only http: and https: URLs are allowed."
		case RuleCredentials:
			return p + "access denied to " + url + ": URLs with user name or password are not allowed (requests are anonymous)."
		case RuleSameScheme:
			return p + "access denied to " + url + ": the URL must use the page's scheme (IE rule); use the same scheme, or allow cross-scheme requests in the polyfill's configuration."
		case RuleState:
			return p + "send() needs a successful open() first, and one send() per open(); call open() again to start a new request."
		case RuleTimeout:
			return p + "timeout takes a number of milliseconds (or a numeric string): 0 or -1 for none, never a negative value or NaN."
		case RuleZone:
			return p + "access denied to " + url + ": an Internet page may not call an intranet host (IE zone rule); serve the page from the intranet, or allow it in the polyfill's configuration."
		}
		return p + d.Msg
	}
	switch c {
	case CauseNetwork:
		return p + "request to " + url + " failed: a network error or a CORS refusal (the browser does not tell which). The server must answer with Access-Control-Allow-Origin: * or the page's origin; check that it is reachable."
	case CauseStatus:
		return p + "request to " + url + " failed: HTTP status " + itoa(status) + " (XDomainRequest reports any non-2xx status as onerror)."
	case CauseCut:
		return p + "request to " + url + " failed: the connection was cut before the body was complete."
	case CauseGetBody:
		return p + "request to " + url + " failed: a GET request cannot carry a body; use POST, or send no body."
	case CauseTimeout:
		return p + "request to " + url + " timed out; raise the timeout property, or set it to 0 for none."
	case CauseInternal:
		return p + "request to " + url + " failed: internal error in the polyfill."
	case CauseTooLarge:
		return p + "request to " + url + " failed: the response is too large for a JavaScript string (responseText); it ends with onerror."
	}
	return ""
}

// CollectEvery is how many calls from JavaScript into Go pass between two
// garbage collections that the binding asks for.
//
// Why the binding collects at all: WebAssembly linear memory never shrinks,
// so the Go heap's peak is what the page keeps. Each call allocates a few
// hundred bytes that die at once (the JavaScript values syscall/js wraps,
// and their finalizers, which also keep the JavaScript side's reference
// tables full until they run), and Go's pacer lets at least 1 MiB be
// allocated between two collections whatever GOGC says (the runway it
// leaves the sweeper). Collecting every CollectEvery calls keeps the peak
// near the live heap plus some 200 KB, for well under a millisecond each
// time (figures in the README).
const CollectEvery = 256

// Collector counts the calls between two collections.
type Collector struct{ n int }

// Tick counts one call and says whether to collect now.
func (c *Collector) Tick() bool {
	c.n++
	if c.n < CollectEvery {
		return false
	}
	c.n = 0
	return true
}
