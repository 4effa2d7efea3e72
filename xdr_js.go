//go:build js && wasm

package main

// The binding: it carries values between the core (xdr_logic.go) and the
// browser, through github.com/hack-pad/safejs. The JavaScript side of the
// binding lives in the loader (js/xdomainrequest.js): the XDomainRequest
// class, which throws the errors the core returns, and the "host", which
// keeps each request's JavaScript objects (AbortController, response,
// reader, TextDecoder, timers, responseText) under a small integer id.
//
// Crossings from JavaScript into Go (each costs tens of microseconds) per
// request: send, first (the headers with the first bytes, or with the end
// of the body), one per further body chunk, end. open crosses only the first
// time a page opens a given method, scheme and host (the edge memoizes the
// core's verdict, a pure function of those) or when it must cancel a
// request in flight. Go calls the host once per request, to start it, with
// numbers only; the URL and the body stay in JavaScript. What crosses back
// is a number where it can be (a string or object costs a JavaScript value
// and a Go finalizer): the actions, and for first the indices of the media
// type and decoder label in a table of names sent once each (Names). The
// edge releases a request's objects when the actions say it ended. The core
// functions are created once and never released, so no js.Func lives per
// request; Go holds a request only from send to its end.

import (
	"fmt"
	"runtime"
	"time"

	"github.com/hack-pad/safejs"
)

type binding struct {
	host    safejs.Value
	page    Page
	policy  Policy
	epoch   time.Time
	nextID  int
	reqs    map[int]*Request
	names   Names
	collect Collector
	funcs   []safejs.Func // kept for the life of the page
	ctype   string        // the Content-Type first() was given last
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
	b := &binding{epoch: time.Now(), nextID: 1, reqs: make(map[int]*Request)}
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
	var replace bool
	b.policy, replace = PolicyFromConfig(config)

	// The loader has defined the XDomainRequest class already (so that it
	// exists from the first line of the page); it tells whether a native
	// one was there before.
	if !ShouldInstall(boolProp(bridge, "native"), replace) {
		return nil
	}
	core, err := bridge.Get("core")
	if err != nil {
		return err
	}
	if err := b.exports(core); err != nil {
		return err
	}
	_, err = bridge.Call("install")
	return err
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
// bridge's object core.
func (b *binding) exports(core safejs.Value) error {
	apiFail := func([]safejs.Value) any { return "XDomainRequest: internal error (see console)" }
	ioFail := func(args []safejs.Value) any {
		id := argInt(args, 0)
		if r := b.reqs[id]; r != nil {
			r.Phase, r.Cause = PhaseDone, CauseInternal
			return b.settle(id, r, ActReset|ActError)
		}
		return 0
	}
	entries := []struct {
		name string
		fn   func([]safejs.Value) any
		fail func([]safejs.Value) any
	}{
		{"open", b.open, apiFail},
		{"send", b.send, apiFail},
		{"abort", b.abort, apiFail},
		{"timeout", b.timeout, apiFail},
		{"first", b.first, ioFail},
		{"data", b.data, ioFail},
		{"end", b.endBody, ioFail},
		{"fail", b.fail, ioFail},
		{"tick", b.tick, ioFail},
		{"redirect", b.redirect, ioFail},
		{"collect", b.collectNow, func([]safejs.Value) any { return nil }},
		{"peek", b.peek, func([]safejs.Value) any { return "" }},
		{"stats", b.stats, func([]safejs.Value) any { return nil }},
	}
	for _, e := range entries {
		f, err := safejs.FuncOf(guard(b, e.name, e.fn, e.fail))
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
func guard(b *binding, name string, fn, onPanic func([]safejs.Value) any) func(safejs.Value, []safejs.Value) any {
	return func(_ safejs.Value, args []safejs.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				b.log(LogError, fmt.Sprintf("XDomainRequest: internal error in %s: %v", name, p))
				result = safeCall(onPanic, args)
			}
		}()
		result = fn(args)
		if b.collect.Tick() {
			// Not now: the events of this call come first. The edge calls
			// collect from a timer, on a fresh stack.
			_ = b.hostCall("collectSoon")
		}
		return result
	}
}

func safeCall(fn func([]safejs.Value) any, args []safejs.Value) (result any) {
	defer func() {
		if recover() != nil {
			result = nil
		}
	}()
	return fn(args)
}

// log queues a console line at the edge, which writes it after this call
// into Go has returned: the page's console hooks never run while Go is on
// the stack (one that calls XDomainRequest again would nest without bound).
func (b *binding) log(level int, msg string) {
	if msg != "" {
		_ = b.hostCall("log", level, msg)
	}
}

func (b *binding) now() time.Duration { return time.Since(b.epoch) }

func argInt(args []safejs.Value, i int) int {
	if i >= len(args) {
		return 0
	}
	n, err := args[i].Int()
	if err != nil {
		return 0
	}
	return n
}

func argString(args []safejs.Value, i int) string {
	if i >= len(args) {
		return ""
	}
	s, err := args[i].String()
	if err != nil {
		return ""
	}
	return s
}

func argBool(args []safejs.Value, i int) bool {
	if i >= len(args) {
		return false
	}
	t, err := args[i].Truthy()
	return err == nil && t
}

// hostCall calls a host primitive; a failure there is a failure of the
// request, reported by the caller.
func (b *binding) hostCall(name string, args ...any) error {
	_, err := b.host.Call(name, args...)
	return err
}

// end forgets a request that needs nothing more (the edge releases its
// JavaScript objects when it sees ActEnded) and says why it failed, if it
// did. The URL is asked of the edge only then.
func (b *binding) end(id int, r *Request) {
	if r.Cause != CauseNone {
		b.log(LogWarn, Diagnostic(nil, r.Cause, b.url(id), r.Status))
	}
	delete(b.reqs, id)
}

// url asks the edge for the URL of a request, for a console line.
func (b *binding) url(id int) string {
	v, err := b.host.Call("url", id)
	if err != nil {
		return ""
	}
	s, _ := v.String()
	return s
}

// settle ends the request when the core says it has ended.
func (b *binding) settle(id int, r *Request, act Action) int {
	act = r.Settled(act)
	if act&ActEnded != 0 {
		b.end(id, r)
	}
	return int(act)
}

// open(previousID, argc, method, href, protocol, hostname, hasCredentials)
// returns the method's code (the edge keeps it until send), or the message
// to throw. A request of the object still in flight is cancelled without an
// event (the edge releases it when open succeeds).
func (b *binding) open(args []safejs.Value) any {
	t := Target{
		Parsed:         len(args) > 3 && args[3].Type() == safejs.TypeString,
		Scheme:         argString(args, 4),
		Host:           argString(args, 5),
		HasCredentials: argBool(args, 6),
	}
	m, denial := CheckOpen(argInt(args, 1), argString(args, 2), t, b.page, b.policy)
	if denial != nil {
		b.log(LogWarn, Diagnostic(denial, CauseNone, argString(args, 3), 0))
		return denial.Msg
	}
	if prev := argInt(args, 0); prev != 0 {
		if r := b.reqs[prev]; r != nil {
			r.Abort()
			r.Cause = CauseNone
			b.end(prev, r)
		}
	}
	return int(m)
}

// send(method, bodyKind, timeout) decides send() for the request that open
// accepted (method is the code open returned, 0 when open was not called or
// its request was already sent; bodyKind is BodyKind: the edge converts the
// body to a string itself and keeps it). It returns PackSend, which tells
// the edge whether to start the fetch, or the message to throw.
func (b *binding) send(args []safejs.Value) any {
	r := NewRequest(Method(argInt(args, 0)))
	plan, msg := r.Send(BodyKind(argInt(args, 1)))
	if msg == MsgInvalidState {
		b.log(LogWarn, Diagnostic(&Denial{MsgInvalidState, RuleState}, CauseNone, "", 0))
	}
	if msg != "" {
		return msg
	}
	id := b.nextID
	b.nextID++
	if b.nextID > 1<<30 {
		b.nextID = 1
	}
	b.reqs[id] = r
	if plan.FailDue {
		if err := b.hostCall("later", id, TickFail, 0); err != nil {
			panic(err)
		}
		return PackSend(id, plan)
	}
	var timeout time.Duration
	if len(args) > 2 {
		if f, err := args[2].Float(); err == nil {
			timeout = TimeoutDelay(int64(f))
		}
	}
	if timeout > 0 {
		r.Deadline = b.now() + timeout
		if err := b.hostCall("later", id, TickTimeout, float64(timeout.Milliseconds())); err != nil {
			panic(err)
		}
	}
	return PackSend(id, plan)
}

// abort(id) returns the actions.
func (b *binding) abort(args []safejs.Value) any {
	id := argInt(args, 0)
	r := b.reqs[id]
	act, ok := r.Abort()
	if !ok {
		return 0
	}
	return b.settle(id, r, act)
}

// timeout(value) returns the coerced number, or the message to throw.
func (b *binding) timeout(args []safejs.Value) any {
	v := safejs.Undefined()
	if len(args) > 0 {
		v = args[0]
	}
	var kind ValueKind
	var num float64
	var str string
	switch v.Type() {
	case safejs.TypeNumber:
		kind = KindNumber
		num, _ = v.Float()
	case safejs.TypeString:
		kind = KindString
		str, _ = v.String()
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

// first(id, contentType, info) reports the response headers with the first
// bytes of the body, or with its end (info: FirstInfo, packed).
// contentType is undefined when it is the one the previous call was given
// (most pages talk to one endpoint: the string need not cross again). It
// returns PackFirst: the actions and, for a 2xx response, the media type
// and decoder label the edge sets before it fires the events.
func (b *binding) first(args []safejs.Value) any {
	if len(args) > 1 && args[1].Type() == safejs.TypeString {
		b.ctype = argString(args, 1)
	}
	id := argInt(args, 0)
	r := b.reqs[id]
	if r == nil {
		return 0
	}
	now := b.now()
	if act := r.Expired(now); act != 0 {
		return b.settle(id, r, act)
	}
	var info FirstInfo
	if len(args) > 2 {
		if f, err := args[2].Float(); err == nil {
			info = UnpackFirstInfo(int64(f))
		}
	}
	p := r.First(info.Status, b.ctype, info.Head[:info.HeadLen], info.Data, info.Done, now)
	b.arm(id, TickProgress, p.Arm)
	act := b.settle(id, r, p.Act)
	if !p.Read {
		return act
	}
	return PackFirst(Action(act), true, b.name(p.MediaType), b.name(p.Encoding))
}

// name is the index of s in the edge's table of names, sent there first if
// it is new.
func (b *binding) name(s string) int {
	i, send := b.names.Index(s)
	if send {
		if err := b.hostCall("name", i, s); err != nil {
			panic(err)
		}
	}
	return i
}

func (b *binding) arm(id int, kind int, d time.Duration) {
	if d > 0 {
		ms := float64(d) / float64(time.Millisecond)
		if err := b.hostCall("later", id, kind, ms); err != nil {
			panic(err)
		}
	}
}

// data(id) reports body data; it returns the actions.
func (b *binding) data(args []safejs.Value) any {
	id := argInt(args, 0)
	r := b.reqs[id]
	act, arm := r.Data(b.now())
	b.arm(id, TickProgress, arm)
	return int(act)
}

// end(id) reports the end of the body.
func (b *binding) endBody(args []safejs.Value) any {
	id := argInt(args, 0)
	r := b.reqs[id]
	if r == nil {
		return 0
	}
	if act := r.Expired(b.now()); act != 0 {
		return b.settle(id, r, act)
	}
	return b.settle(id, r, r.End())
}

// fail(id, cause) reports a failure seen by the browser.
func (b *binding) fail(args []safejs.Value) any {
	id := argInt(args, 0)
	r := b.reqs[id]
	if r == nil {
		return 0
	}
	return b.settle(id, r, r.Fail(Cause(argInt(args, 1))))
}

// tick(id, kind) reports a timer that ran out.
func (b *binding) tick(args []safejs.Value) any {
	id := argInt(args, 0)
	r := b.reqs[id]
	if r == nil {
		return 0
	}
	act, arm := r.Tick(argInt(args, 1), b.now())
	b.arm(id, TickProgress, arm)
	return b.settle(id, r, act)
}

// redirect(id, href, protocol, hostname, hasCredentials) reports that the
// response came from another URL than open()'s (the browser followed
// redirects); it returns the actions: onerror when open() would refuse
// that URL, before any byte of the body is read.
func (b *binding) redirect(args []safejs.Value) any {
	id := argInt(args, 0)
	r := b.reqs[id]
	if r == nil {
		return 0
	}
	final := Target{
		Parsed:         len(args) > 1 && args[1].Type() == safejs.TypeString,
		Scheme:         argString(args, 2),
		Host:           argString(args, 3),
		HasCredentials: argBool(args, 4),
	}
	act, denial := r.Redirected(final, b.page, b.policy)
	if denial != nil {
		b.log(LogWarn, RedirectDiagnostic(denial, b.url(id), argString(args, 1)))
	}
	return b.settle(id, r, act)
}

// collectNow collects garbage; the edge calls it from a timer when the
// binding asked (collectSoon), every CollectEvery calls.
func (b *binding) collectNow([]safejs.Value) any {
	runtime.GC()
	return nil
}

// peek(status, contentType) is contentType between the arrival of the
// headers and the first call of first: the edge asks only when a page reads
// contentType in that moment.
func (b *binding) peek(args []safejs.Value) any {
	return HeadersContentType(argInt(args, 0), argString(args, 1))
}

// stats() reports, for leak checks and benchmarks, the requests the Go side
// holds and its heap after a collection: [requests, heapBytes].
func (b *binding) stats(args []safejs.Value) any {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return []any{len(b.reqs), float64(m.HeapAlloc)}
}

type panicError struct{ v any }

func (p panicError) Error() string { return fmt.Sprint("panic: ", p.v) }
