//go:build js && wasm

package main

// The binding: it carries values between the core (xdr_logic.go and its
// siblings) and the browser, through github.com/hack-pad/safejs. The
// JavaScript side of the binding is the edge in js/ (dist/xdomainrequest.js); the
// protocol between them (each entry and host call, each packed number) is
// written down once, in xdr_wire.go.
//
// Crossings from JavaScript into Go (each costs tens of microseconds) per
// request: first (the headers with the first bytes, and with the end of the
// body when it is there: a small response needs no other crossing); then
// one per further body chunk while no progress timer runs, and end. send
// crosses only for a request with a time-out, or the first time a page
// sends a given kind (method, body kind, time-out: the core's answer is a
// pure function of those, and a request without a time-out needs nothing
// of Go until the browser reports on it: SendDefer). open crosses only the
// first time a page opens a given method, scheme and host (the edge
// memoizes the core's verdict, a pure function of those) or when it must
// cancel a request the core holds. What crosses is a number
// where it can be (a string or object costs a JavaScript value and a Go
// finalizer). The entry functions are created once and never released, so
// no js.Func lives per request; Go holds a request only from its first crossing to its
// end. Go never calls page code: its host calls are the edge's own
// functions, and its console lines are written by the edge after Go has
// returned.

import (
	"fmt"
	"runtime"
	"time"

	"github.com/hack-pad/safejs"
)

type binding struct {
	host        safejs.Value
	page        Page
	policy      Policy
	epoch       time.Time
	reqs        map[int]*Request
	names       Names
	collector   Collector
	funcs       []safejs.Func // kept for the life of the page
	contentType string        // the Content-Type first() was given last
	noDefer     bool          // bridge.keep is false (the test build): send() defers nothing
	counts      counts
}

// counts are what stats() reports of the crossings, for benchmarks.
type counts struct {
	calls       int // from JavaScript into Go
	hostCalls   int // from Go into JavaScript
	collections int // garbage collections asked for by the edge
}

// install registers the polyfill through the loader's bridge. It returns
// without error, and without installing, when the page already has an
// XDomainRequest.
func install() error {
	g := safejs.Global()
	bridge, err := g.Get("__xdomainrequest_bridge__")
	if err != nil {
		return err
	}
	if bridge.IsUndefined() || bridge.IsNull() {
		return fmt.Errorf("the loader's bridge is missing: include xdomainrequest.js, not the .wasm directly")
	}
	b := &binding{epoch: time.Now(), reqs: make(map[int]*Request)}
	if b.host, err = bridge.Get("host"); err != nil {
		return err
	}
	// The page's origin and configuration, as the loader read them when
	// its script ran (the document's origin, not location; own properties
	// of XDomainRequestConfig only, as ConfigAllowAnyZone etc. bits).
	scheme, err := stringProp(bridge, "pageScheme")
	if err != nil {
		return err
	}
	hostname, err := stringProp(bridge, "pageHost")
	if err != nil {
		return err
	}
	b.page = NewPage(scheme, hostname, boolProp(bridge, "pageOpaque"))
	config := 0
	if v, err := bridge.Get("config"); err == nil {
		config, _ = v.Int()
	}
	b.policy = PolicyFromConfig(config)
	b.noDefer = boolFalse(bridge, "keep")

	// The loader has defined the XDomainRequest class already (so that it
	// exists from the first line of the page), or left a page's own
	// XDomainRequest alone and not loaded this (ConfigReplaceNative).
	core, err := bridge.Get("core")
	if err != nil {
		return err
	}
	if err := b.exports(core); err != nil {
		return err
	}
	_, err = bridge.Call("install", FetchMode, FetchCredentials, FetchRedirect)
	return err
}

// boolFalse is true only for the boolean false.
func boolFalse(v safejs.Value, name string) bool {
	p, err := v.Get(name)
	if err != nil || p.Type() != safejs.TypeBoolean {
		return false
	}
	t, err := p.Bool()
	return err == nil && !t
}

func stringProp(v safejs.Value, name string) (string, error) {
	p, err := v.Get(name)
	if err != nil {
		return "", err
	}
	return p.String()
}

// boolProp is true only for the boolean true.
func boolProp(v safejs.Value, name string) bool {
	p, err := v.Get(name)
	if err != nil || p.Type() != safejs.TypeBoolean {
		return false
	}
	t, err := p.Bool()
	return err == nil && t
}

// exports puts the core functions the JavaScript edge calls on the
// bridge's object core, under the names of xdr_wire.go's table.
func (b *binding) exports(core safejs.Value) error {
	internalError := func(args) any { return "XDomainRequest: internal error (see console)" }
	requestError := func(a args) any {
		if id, r, _ := b.request(a); r != nil {
			r.Phase, r.Cause = PhaseDone, CauseInternal
			return b.settle(id, r, ActReset|ActError)
		}
		return 0
	}
	nothing := func(args) any { return nil }
	entries := []struct {
		name    string
		fn      func(args) any
		onPanic func(args) any
	}{
		{"open", b.open, internalError},
		{"send", b.send, internalError},
		{"abort", b.abort, internalError},
		{"timeout", b.timeout, internalError},
		{"first", b.first, requestError},
		{"data", b.data, requestError},
		{"end", b.end, requestError},
		{"fail", b.fail, requestError},
		{"tick", b.tick, requestError},
		{"redirect", b.redirect, requestError},
		{"peek", b.peek, func(args) any { return "" }},
		{"stats", b.stats, nothing},
		{"collect", b.collect, nothing},
	}
	for _, e := range entries {
		f, err := safejs.FuncOf(guard(b, e.name, e.fn, e.onPanic))
		if err != nil {
			return err
		}
		b.funcs = append(b.funcs, f)
		if err := core.Set(e.name, f.Value()); err != nil {
			return err
		}
	}
	return nil
}

// guard makes an entry from JavaScript survive any panic: the failure is
// written to the console and turned into the entry's documented result.
// The panic barrier of the binding, written once.
func guard(b *binding, name string, fn, onPanic func(args) any) func(safejs.Value, []safejs.Value) any {
	return func(_ safejs.Value, a []safejs.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				b.log(LogError, fmt.Sprintf("XDomainRequest: internal error in %s: %v", name, p))
				result = safeCall(onPanic, a)
			}
		}()
		b.counts.calls++
		result = fn(a)
		if b.collector.Tick() {
			// Not now: the events of this call come first. The edge calls
			// collect from a microtask, on a fresh stack.
			_, _ = b.hostCall("collectSoon")
		}
		return result
	}
}

func safeCall(fn func(args) any, a args) (result any) {
	defer func() {
		if recover() != nil {
			result = nil
		}
	}()
	return fn(a)
}

// args are the arguments of an entry, read by position (xdr_wire.go gives
// each entry's); a missing or mistyped one reads as the zero value.
type args []safejs.Value

func (a args) at(i int) safejs.Value {
	if i < len(a) {
		return a[i]
	}
	return safejs.Undefined()
}

func (a args) int(i int) int {
	n, err := a.at(i).Int()
	if err != nil {
		return 0
	}
	return n
}

func (a args) float(i int) float64 {
	f, err := a.at(i).Float()
	if err != nil {
		return 0
	}
	return f
}

func (a args) string(i int) string {
	if a.at(i).Type() != safejs.TypeString {
		return ""
	}
	s, _ := a.at(i).String()
	return s
}

func (a args) isString(i int) bool { return a.at(i).Type() == safejs.TypeString }

func (a args) truthy(i int) bool {
	t, err := a.at(i).Truthy()
	return err == nil && t
}

// target reads a URL the edge parsed, from argument i on: href (null when
// the browser could not parse it), protocol, hostname, hasCredentials.
func (a args) target(i int) Target {
	return Target{Parsed: a.isString(i), Scheme: a.string(i + 1), Host: a.string(i + 2), HasCredentials: a.truthy(i + 3)}
}

// request is the request named by the entry's first argument: id, or -id
// for a deferred request the core has not heard of yet, which it creates
// now (SentRequest; fresh is then true). nil when Go holds none under that
// id (it ended, or was cancelled).
func (b *binding) request(a args) (id int, r *Request, fresh bool) {
	id = a.int(0)
	if id < 0 {
		id = -id
		if b.reqs[id] == nil {
			b.reqs[id], fresh = SentRequest(), true
		}
	}
	return id, b.reqs[id], fresh
}

// hostCall calls a host primitive of the edge (xdr_wire.go lists them).
func (b *binding) hostCall(name string, params ...any) (safejs.Value, error) {
	b.counts.hostCalls++
	return b.host.Call(name, params...)
}

// mustHostCall is hostCall for the calls a request cannot do without (its
// timers, the names table): a failure panics, and guard ends the request
// with onerror.
func (b *binding) mustHostCall(name string, params ...any) {
	if _, err := b.hostCall(name, params...); err != nil {
		panic(err)
	}
}

// log queues a console line at the edge, which writes it after this call
// into Go has returned: the page's console hooks never run while Go is on
// the stack (one that calls XDomainRequest again would nest without bound).
func (b *binding) log(level int, msg string) {
	if msg != "" {
		_, _ = b.hostCall("log", level, msg, 0, "")
	}
}

// logAbout queues a console line about request id, made with URLMarker for
// its URL: the edge writes the request's URL there (it never crosses into
// Go, and Go never waits on JavaScript for it).
func (b *binding) logAbout(level, id int, line string) {
	if before, after, ok := AroundURL(line); ok {
		_, _ = b.hostCall("log", level, before, id, after)
		return
	}
	b.log(level, line)
}

func (b *binding) now() time.Duration { return time.Since(b.epoch) }

// settle forgets the request when the core says it has ended.
func (b *binding) settle(id int, r *Request, act Action) int {
	act = r.Settled(act)
	if act&ActEnded != 0 {
		b.forget(id, r)
	}
	return int(act)
}

// forget drops a request that needs nothing more (the edge releases its
// JavaScript objects when it sees ActEnded) and says why it failed, if it
// did.
func (b *binding) forget(id int, r *Request) {
	if r.Cause != CauseNone {
		b.logAbout(LogWarn, id, Diagnostic(nil, r.Cause, URLMarker, r.Status))
	}
	delete(b.reqs, id)
}

// arm starts the request's timer of a kind, when d > 0.
func (b *binding) arm(id int, kind int, d time.Duration) {
	if d > 0 {
		b.mustHostCall("later", id, kind, float64(d)/float64(time.Millisecond))
	}
}

// name is the index of s in the edge's table of names, sent there first if
// it is new.
func (b *binding) name(s string) int {
	i, send := b.names.Index(s)
	if send {
		b.mustHostCall("name", i, s)
	}
	return i
}

// The entries, in the order a request lives.

// open(prevID, argc, method, href, protocol, hostname, hasCredentials)
// returns PackOpen, the method's code (the edge keeps it until send) and
// whether the edge may keep the verdict, or the message to throw. A request of the object still in flight is cancelled without an
// event (the edge releases it when open succeeds).
func (b *binding) open(a args) any {
	m, denial := CheckOpen(a.int(1), a.string(2), a.target(3), b.page, b.policy)
	if denial != nil {
		b.log(LogWarn, Diagnostic(denial, CauseNone, a.string(3), 0))
		return denial.Msg
	}
	if prev, r, _ := b.request(a); r != nil {
		r.Abort()
		r.Cause = CauseNone
		b.forget(prev, r)
	}
	return PackOpen(m)
}

// send(id, method, bodyKind, timeout) decides send() for the request that
// open accepted (id is the edge's; method is the code open returned, 0 when
// open was not called or its request was already sent; bodyKind is
// BodyKind: the edge converts the body to a string itself and keeps it). It
// returns PackSend, which tells the edge whether to start the fetch and
// whether the core defers the request, or the message to throw.
func (b *binding) send(a args) any {
	id := a.int(0)
	r := NewRequest(Method(a.int(1)))
	plan, msg := r.Send(BodyKind(a.int(2)))
	if msg == MsgInvalidState {
		b.log(LogWarn, Diagnostic(&Denial{MsgInvalidState, RuleState}, CauseNone, "", 0))
	}
	if msg != "" {
		return msg
	}
	timeout := TimeoutDelay(int64(a.float(3)))
	if plan.Deferrable(timeout) && !b.noDefer {
		return PackSend(plan, true) // the edge names it by -id when it reports on it
	}
	b.reqs[id] = r
	if kind, delay := r.Arm(plan, timeout, b.now()); kind != 0 {
		b.mustHostCall("later", id, kind, float64(delay)/float64(time.Millisecond))
	}
	return PackSend(plan, false)
}

// redirect(id, href, protocol, hostname, hasCredentials) reports that the
// response came from another URL than open()'s (the browser followed
// redirects); it returns the actions: onerror when open() would refuse
// that URL, before any byte of the body is read.
func (b *binding) redirect(a args) any {
	id, r, _ := b.request(a)
	if r == nil {
		return 0
	}
	act, denial := r.Redirected(a.target(1), b.page, b.policy)
	if denial != nil {
		b.logAbout(LogWarn, id, RedirectDiagnostic(denial, URLMarker, a.string(1)))
	}
	return b.settle(id, r, act)
}

// first(id, contentType, info) reports the response headers with the first
// bytes of the body, or with its end (info: FirstInfo, packed).
// contentType is undefined when it is the one the previous call was given
// (most pages talk to one endpoint: the string need not cross again). It
// returns PackFirst: the actions and, for a 2xx response, the media type
// and decoder label the edge sets before it fires the events.
func (b *binding) first(a args) any {
	if a.isString(1) {
		b.contentType = a.string(1)
	}
	id, r, fresh := b.request(a)
	if r == nil {
		return 0
	}
	info := UnpackFirstInfo(int64(a.float(2)))
	p := r.First(info.Status, b.contentType, info.Head[:info.HeadLen], info.Data, info.Done, b.now())
	b.arm(id, TickProgress, p.Arm)
	act := int(r.Quiet(Action(b.settle(id, r, p.Act))))
	if !p.Read {
		return act
	}
	return PackFirst(Action(act), true, b.name(p.MediaType), b.name(p.Encoding), p.Repeatable(fresh, info.Done))
}

// data(id) reports body data; it returns the actions.
func (b *binding) data(a args) any {
	id, r, _ := b.request(a)
	if r == nil {
		return 0
	}
	act, arm := r.Data(b.now())
	b.arm(id, TickProgress, arm)
	return int(r.Quiet(act))
}

// end(id) reports the end of the body; it returns the actions.
func (b *binding) end(a args) any {
	id, r, _ := b.request(a)
	if r == nil {
		return 0
	}
	act, arm := r.End(b.now())
	b.arm(id, TickProgress, arm)
	return b.settle(id, r, act)
}

// fail(id, cause) reports a failure seen by the browser.
func (b *binding) fail(a args) any {
	id, r, _ := b.request(a)
	if r == nil {
		return 0
	}
	return b.settle(id, r, r.Fail(Cause(a.int(1))))
}

// tick(id, kind) reports a timer that ran out.
func (b *binding) tick(a args) any {
	id, r, _ := b.request(a)
	if r == nil {
		return 0
	}
	act, arm := r.Tick(a.int(1), b.now())
	b.arm(id, TickProgress, arm)
	return int(r.Quiet(Action(b.settle(id, r, act))))
}

// abort(id) returns the actions.
func (b *binding) abort(a args) any {
	id, r, _ := b.request(a)
	act, ok := r.Abort()
	if !ok {
		return 0
	}
	return b.settle(id, r, act)
}

// timeout(value) returns the coerced number, or the message to throw.
func (b *binding) timeout(a args) any {
	v := a.at(0)
	var kind ValueKind
	var num float64
	var str string
	switch v.Type() {
	case safejs.TypeNumber:
		kind, num = KindNumber, a.float(0)
	case safejs.TypeString:
		kind, str = KindString, a.string(0)
	case safejs.TypeUndefined:
		kind = KindUndefined
	case safejs.TypeNull:
		kind = KindNull
	}
	t, msg := CoerceTimeout(kind, num, str)
	if msg != "" {
		b.log(LogWarn, Diagnostic(&Denial{msg, RuleTimeout}, CauseNone, "", 0))
		return msg
	}
	return float64(t)
}

// peek(status, contentType) is contentType between the arrival of the
// headers and the first call of first: the edge asks only when a page reads
// contentType in that moment.
func (b *binding) peek(a args) any {
	return HeadersContentType(a.int(0), a.string(1))
}

// stats() reports, for leak checks and benchmarks, the requests the Go side
// holds, its heap after a collection and the crossings so far:
// [requests, heapBytes, calls, hostCalls, collections].
func (b *binding) stats(args) any {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return []any{len(b.reqs), float64(m.HeapAlloc), b.counts.calls, b.counts.hostCalls, b.counts.collections}
}

// collect() collects garbage; the edge calls it from a microtask when the
// binding asked (collectSoon), every CollectEvery calls.
func (b *binding) collect(args) any {
	b.counts.collections++
	runtime.GC()
	return nil
}

type panicError struct{ v any }

func (p panicError) Error() string { return fmt.Sprint("panic: ", p.v) }

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
