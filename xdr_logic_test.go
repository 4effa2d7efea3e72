package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMethod(t *testing.T) {
	for in, want := range map[string]Method{
		"GET": MethodGET, "get": MethodGET, "GeT": MethodGET,
		"POST": MethodPOST, "post": MethodPOST, "PoST": MethodPOST,
		"": MethodNone, "PUT": MethodNone, "HEAD": MethodNone, "GET ": MethodNone, "undefined": MethodNone,
	} {
		assert.Equal(t, want, ParseMethod(in), in)
	}
	assert.Equal(t, "GET", MethodGET.String())
	assert.Equal(t, "POST", MethodPOST.String())
}

func TestStatusOK(t *testing.T) {
	for _, s := range []int{200, 201, 204, 299} {
		assert.True(t, StatusOK(s), s)
	}
	for _, s := range []int{0, 100, 199, 300, 304, 404, 500} {
		assert.False(t, StatusOK(s), s)
	}
}

const ms = time.Millisecond

func sentRequest(t *testing.T, m Method) *Request {
	r := NewRequest(m)
	plan, msg := r.Send(BodyNone)
	require.Empty(t, msg)
	require.True(t, plan.Start)
	return r
}

func TestRequestSend(t *testing.T) {
	var none *Request
	_, msg := none.Send(BodyNone)
	assert.Equal(t, MsgInvalidState, msg, "send before open")
	_, msg = NewRequest(MethodNone).Send(BodyNone)
	assert.Equal(t, MsgInvalidState, msg, "send without an accepted method (before open, or a second send)")

	r := NewRequest(MethodGET)
	plan, msg := r.Send(BodyNone)
	assert.Empty(t, msg)
	assert.Equal(t, SendPlan{Start: true}, plan)
	_, msg = r.Send(BodyNone)
	assert.Equal(t, MsgInvalidState, msg, "a second send")

	r = NewRequest(MethodGET)
	plan, msg = r.Send(BodyEmpty)
	assert.Empty(t, msg)
	assert.Equal(t, SendPlan{Start: true}, plan, "GET with \"\": no body, no error")

	r = NewRequest(MethodGET)
	plan, _ = r.Send(BodyText)
	assert.Equal(t, SendPlan{FailDue: true}, plan, "GET with a body fails")
	act, _ := r.Tick(TickFail, 0)
	assert.Equal(t, ActReset|ActError, act, "... with onerror, later")
	assert.Equal(t, CauseGetBody, r.Cause)
	assert.True(t, r.Ended())

	r = NewRequest(MethodGET)
	r.Send(BodyText)
	act, ok := r.Abort()
	assert.True(t, ok)
	assert.Equal(t, ActReset, act)
	act, _ = r.Tick(TickFail, 0)
	assert.Zero(t, act, "abort before the failure: no event")

	r = NewRequest(MethodPOST)
	plan, _ = r.Send(BodyText)
	assert.Equal(t, SendPlan{Start: true, Body: true}, plan)
	r = NewRequest(MethodPOST)
	plan, _ = r.Send(BodyEmpty)
	assert.Equal(t, SendPlan{Start: true, Body: true}, plan, "POST \"\" sends an empty body")
	r = NewRequest(MethodPOST)
	plan, _ = r.Send(BodyNone)
	assert.Equal(t, SendPlan{Start: true}, plan)
}

func TestRequestLoad(t *testing.T) {
	r := sentRequest(t, MethodGET)
	act, read, mt, cs := r.Head(200, "text/plain; charset=windows-1252")
	assert.Zero(t, act)
	assert.True(t, read)
	assert.Equal(t, "text/plain", mt)
	assert.Equal(t, "windows-1252", cs)
	act, _ = r.Data(0)
	assert.Equal(t, ActProgress, act)
	act, arm := r.Data(10 * ms)
	assert.Zero(t, act)
	assert.Equal(t, 40*ms, arm)
	act, arm = r.End(20 * ms)
	assert.Zero(t, act, "the owed onprogress waits for the interval since the last one")
	assert.Equal(t, 30*ms, arm)
	assert.False(t, r.Ended())
	act, arm = r.Data(25 * ms)
	assert.Zero(t, act, "no data after the end")
	assert.Zero(t, arm)
	act, arm = r.Tick(TickProgress, 50*ms)
	assert.Equal(t, ActProgress|ActLoad, act, "the owed onprogress, then onload")
	assert.Zero(t, arm)
	assert.True(t, r.Ended())
	assert.Equal(t, ActProgress|ActLoad|ActEnded, r.Settled(act))
	assert.Zero(t, endAct(r, 0), "one terminal event")
	act, _ = r.Tick(TickTimeout, 0)
	assert.Zero(t, act, "no time-out after load")
	assert.Zero(t, r.Fail(CauseNetwork), "no error after load")
	act, ok := r.Abort()
	assert.False(t, ok, "abort after completion is harmless")
	assert.Zero(t, act)
}

// TestRequestQuiet: while the progress timer runs, the core's answers say
// so (ActQuiet) and data changes nothing, which is what lets the edge keep
// data() to itself; the tick that fires the pending onprogress ends it.
func TestRequestQuiet(t *testing.T) {
	r := sentRequest(t, MethodGET)
	r.Head(200, "text/plain")
	act, _ := r.Data(0)
	assert.Equal(t, ActProgress, r.Quiet(act), "the first data fires at once: not quiet")
	act, arm := r.Data(10 * ms)
	require.Equal(t, 40*ms, arm)
	assert.Equal(t, ActQuiet, r.Quiet(act), "pending data, a timer armed: quiet")
	before := r.Progress
	for now := 11 * ms; now < 50*ms; now += 7 * ms {
		act, arm = r.Data(now)
		assert.Zero(t, act, "data while quiet changes nothing")
		assert.Zero(t, arm)
		assert.Equal(t, before, r.Progress, "data while quiet changes nothing")
		assert.Equal(t, ActQuiet, r.Quiet(act))
	}
	act, arm = r.Tick(TickProgress, 50*ms)
	assert.Equal(t, ActProgress, r.Quiet(act), "the tick fires the pending onprogress and ends the quiet")
	assert.Zero(t, arm)
	act, arm = r.Data(60 * ms)
	assert.Equal(t, ActQuiet, r.Quiet(act), "quiet again until the next interval")
	act, _ = r.End(70 * ms)
	assert.Zero(t, r.Quiet(act), "an ended body is never quiet: no data can follow")
	none := (*Request)(nil)
	assert.Equal(t, ActLoad, none.Quiet(ActLoad))
}

func TestRequestArm(t *testing.T) {
	r := NewRequest(MethodGET)
	plan, _ := r.Send(BodyNone)
	kind, delay := r.Arm(plan, 0, 5*ms)
	assert.Zero(t, kind, "no time-out: nothing to arm")
	assert.Zero(t, r.Deadline)

	r = NewRequest(MethodGET)
	plan, _ = r.Send(BodyNone)
	kind, delay = r.Arm(plan, 300*ms, 5*ms)
	assert.Equal(t, TickTimeout, kind)
	assert.Equal(t, 300*ms, delay)
	assert.Equal(t, 305*ms, r.Deadline, "the deadline counts from send()")
	assert.Zero(t, r.Expired(304*ms))
	assert.Equal(t, ActReset|ActTimeout, r.Expired(305*ms), "due at the deadline, whatever the timer")

	r = NewRequest(MethodGET)
	plan, _ = r.Send(BodyText)
	kind, delay = r.Arm(plan, 300*ms, 5*ms)
	assert.Equal(t, TickFail, kind, "a GET with a body: onerror on the next tick, no fetch")
	assert.Zero(t, delay)
	assert.Zero(t, r.Deadline, "no fetch: no time-out")
	act, _ := r.Tick(TickFail, 5*ms)
	assert.Equal(t, ActReset|ActError, act)
}

func TestRequestLoadWithoutOwedProgress(t *testing.T) {
	r := sentRequest(t, MethodGET)
	r.Head(204, "")
	assert.Equal(t, ActLoad, endAct(r, 0), "an empty body: onload, no onprogress")
	assert.True(t, r.Ended())
}

func TestRequestAbortInProgress(t *testing.T) {
	// An onprogress handler that aborts while data still flows ends the
	// request without an event. (One that aborts in the last onprogress,
	// fired together with onload, is stopped by the edge: events stop when a
	// handler calls open() or abort().)
	r := sentRequest(t, MethodGET)
	r.Head(200, "")
	act, _ := r.Data(0)
	require.Equal(t, ActProgress, act)
	act, ok := r.Abort() // called by the onprogress handler
	assert.True(t, ok)
	assert.Equal(t, ActReset|ActEnded, r.Settled(act))
	assert.Zero(t, endAct(r, 0), "no onload after abort")
}

func TestSettled(t *testing.T) {
	r := sentRequest(t, MethodGET)
	assert.Equal(t, ActProgress, r.Settled(ActProgress), "in flight: not ended")
	act, _ := r.Abort()
	assert.Equal(t, ActReset|ActEnded, r.Settled(act))
	var none *Request
	assert.Equal(t, ActEnded, none.Settled(0), "no request: nothing to keep")
}

func TestRequestFailures(t *testing.T) {
	for _, status := range []int{404, 500, 301, 0, 199} {
		r := sentRequest(t, MethodGET)
		act, read, _, _ := r.Head(status, "text/plain")
		assert.Equal(t, ActReset|ActError, act, status)
		assert.False(t, read)
		assert.Equal(t, CauseStatus, r.Cause)
		assert.True(t, r.Ended())
	}

	r := sentRequest(t, MethodGET)
	assert.Equal(t, ActReset|ActError, r.Fail(CauseNetwork))
	assert.Zero(t, r.Fail(CauseNetwork), "one terminal event")

	r = sentRequest(t, MethodGET)
	r.Head(200, "")
	r.Data(0)
	assert.Equal(t, ActReset|ActError, r.Fail(CauseCut), "a cut body is an error")
	assert.Zero(t, endAct(r, 0), "never onload after that")

	r = sentRequest(t, MethodGET)
	act, _ := r.Tick(TickTimeout, 0)
	assert.Equal(t, ActReset|ActTimeout, act)
	assert.Equal(t, CauseTimeout, r.Cause)
	act, _, _, _ = r.Head(200, "")
	assert.Zero(t, act, "a response after the time-out is ignored")

	r = sentRequest(t, MethodGET)
	r.Head(200, "")
	act, _ = r.Tick(TickTimeout, 0)
	assert.Equal(t, ActReset|ActTimeout, act, "time-out while reading the body")
}

func TestRequestAbortStates(t *testing.T) {
	r := NewRequest(MethodGET)
	act, ok := r.Abort()
	assert.False(t, ok, "abort before send is harmless")
	assert.Zero(t, act)
	assert.True(t, r.CanSend(), "and send still works")

	r = sentRequest(t, MethodGET)
	act, ok = r.Abort()
	assert.True(t, ok)
	assert.Equal(t, ActReset, act)
	act, _, _, _ = r.Head(200, "")
	assert.Zero(t, act, "nothing after abort")
	assert.False(t, r.CanSend(), "send after abort needs open")

	var none *Request
	_, ok = none.Abort()
	assert.False(t, ok)
	assert.True(t, none.Ended())
}

// TestOneTerminalEvent drives every order of inputs over a request and
// checks that at most one terminal event comes out, and none after abort.
func TestOneTerminalEvent(t *testing.T) {
	inputs := []func(r *Request) Action{
		func(r *Request) Action { a, _, _, _ := r.Head(200, ""); return a },
		func(r *Request) Action { a, _, _, _ := r.Head(500, ""); return a },
		func(r *Request) Action { a, _ := r.Data(0); return a },
		func(r *Request) Action { return endAct(r, 0) },
		func(r *Request) Action { return r.Fail(CauseNetwork) },
		func(r *Request) Action { a, _ := r.Tick(TickTimeout, 0); return a },
		func(r *Request) Action { a, _ := r.Tick(TickProgress, time.Hour); return a },
		func(r *Request) Action { a, _ := r.Abort(); return a | 1<<20 },
	}
	const terminal = ActLoad | ActError | ActTimeout
	var walk func(depth int, seq []int)
	walk = func(depth int, seq []int) {
		if depth == 0 {
			r := sentRequest(t, MethodGET)
			ends, aborted := 0, false
			for _, i := range seq {
				a := inputs[i](r)
				if a&(1<<20) != 0 {
					aborted = true
				}
				if a&terminal != 0 {
					assert.False(t, aborted, "no terminal event after abort: %v", seq)
					ends++
				}
			}
			assert.LessOrEqual(t, ends, 1, "sequence %v", seq)
			return
		}
		for i := range inputs {
			walk(depth-1, append(seq, i))
		}
	}
	walk(5, nil)
}

// TestDeferredSend checks what lets the edge skip send()'s crossing: only a
// plan that starts a fetch, with no onerror due and no deadline, is
// deferrable, and the request the core creates later (SentRequest) answers
// every later input exactly as the request send() made.
func TestDeferredSend(t *testing.T) {
	for _, c := range []struct {
		m       Method
		body    BodyKind
		timeout time.Duration
		want    bool
	}{
		{MethodGET, BodyNone, 0, true},
		{MethodPOST, BodyText, 0, true},
		{MethodPOST, BodyEmpty, 0, true},
		{MethodGET, BodyText, 0, false}, // onerror due: the core arms its timer
		{MethodGET, BodyNone, time.Second, false},
	} {
		plan, msg := NewRequest(c.m).Send(c.body)
		require.Empty(t, msg)
		assert.Equal(t, c.want, plan.Deferrable(c.timeout), "%v %v %v", c.m, c.body, c.timeout)
	}
	steps := []func(r *Request) any{
		func(r *Request) any { return r.First(200, "text/plain", []byte("ab"), true, false, 0) },
		func(r *Request) any { a, arm := r.Data(10 * time.Millisecond); return []any{a, arm} },
		func(r *Request) any { a, arm := r.Tick(TickProgress, 60*time.Millisecond); return []any{a, arm} },
		func(r *Request) any { a, arm := r.End(70 * time.Millisecond); return []any{a, arm} },
		func(r *Request) any { a, ok := r.Abort(); return []any{a, ok} },
	}
	for _, m := range []Method{MethodGET, MethodPOST} {
		sent, deferred := sentRequest(t, m), SentRequest()
		for i, step := range steps {
			assert.Equal(t, step(sent), step(deferred), "step %d", i)
		}
	}
	for _, cause := range []Cause{CauseNetwork, CauseCut} {
		sent, deferred := sentRequest(t, MethodGET), SentRequest()
		assert.Equal(t, sent.Fail(cause), deferred.Fail(cause))
		assert.Equal(t, *sent, Request{Phase: sent.Phase, Method: MethodGET, Cause: deferred.Cause, Status: deferred.Status, Progress: deferred.Progress})
	}
	sent, deferred := sentRequest(t, MethodGET), SentRequest()
	assert.Equal(t, sent.First(404, "", nil, false, true, 0), deferred.First(404, "", nil, false, true, 0))
	assert.Equal(t, sent.Cause, deferred.Cause)
}

// TestFirstRepeatable: the answers the edge may keep are those First gives
// a fresh (deferred) request whose 2xx body has ended: the same whatever the
// time, for every such request.
func TestFirstRepeatable(t *testing.T) {
	a := SentRequest().First(200, "application/json", []byte(`{"o`), true, true, 0)
	b := SentRequest().First(200, "application/json", []byte(`{"o`), true, true, 90*time.Minute)
	assert.Equal(t, a, b, "the time does not matter")
	assert.True(t, a.Repeatable(true, true))
	assert.Equal(t, ActProgress|ActLoad, a.Act)
	assert.False(t, a.Repeatable(false, true), "a request the core held before: it may have a deadline or progress")
	open := SentRequest().First(200, "text/plain", []byte("abc"), true, false, 0)
	assert.False(t, open.Repeatable(true, false), "the body goes on: timers and later data follow")
	failed := SentRequest().First(500, "text/plain", nil, false, true, 0)
	assert.False(t, failed.Repeatable(true, true), "a failure writes its console line")
}

func TestSendInvalidBody(t *testing.T) {
	r := NewRequest(MethodPOST)
	_, msg := r.Send(BodyInvalid)
	assert.Equal(t, MsgInvalidArgument, msg, "a body whose conversion to a string threw")
	assert.True(t, r.CanSend(), "not sent: send() can be called again")
	_, msg = NewRequest(MethodNone).Send(BodyInvalid)
	assert.Equal(t, MsgInvalidState, msg, "the state is checked first")
}

func TestRequestFirst(t *testing.T) {
	r := sentRequest(t, MethodGET)
	p := r.First(200, "text/plain; charset=iso-8859-1", []byte("abc"), true, false, 0)
	assert.Equal(t, FirstPlan{Act: ActProgress, Read: true, MediaType: "text/plain", Encoding: "iso-8859-1"}, p)
	assert.Equal(t, ActLoad, endAct(r, 0))

	r = sentRequest(t, MethodGET)
	p = r.First(204, "", nil, false, true, 0)
	assert.Equal(t, FirstPlan{Act: ActLoad, Read: true, Encoding: "utf-8"}, p, "an empty body: onload at once")
	assert.True(t, r.Ended())

	r = sentRequest(t, MethodGET)
	p = r.First(200, "", []byte{0xEF, 0xBB, 0xBF}, true, true, 0)
	assert.Equal(t, ActProgress|ActLoad, p.Act, "data and end together: onprogress, then onload (unless its handler aborts: the edge stops)")
	assert.Equal(t, "utf-8", p.Encoding)
	assert.True(t, r.Ended())

	r = sentRequest(t, MethodGET)
	p = r.First(404, "text/html", []byte("<h1"), true, false, 0)
	assert.Equal(t, FirstPlan{Act: ActReset | ActError}, p, "non-2xx: onerror, nothing read")
	assert.Equal(t, CauseStatus, r.Cause)

	r = sentRequest(t, MethodGET)
	r.Abort()
	assert.Equal(t, FirstPlan{}, r.First(200, "", nil, true, true, 0), "nothing after abort")
}

func TestRequestExpired(t *testing.T) {
	r := sentRequest(t, MethodGET)
	r.Deadline = 20 * ms
	assert.Zero(t, r.Expired(10*ms))
	assert.Equal(t, ActReset|ActTimeout, r.Expired(300*ms), "a response after the deadline loses to the time-out")
	assert.Zero(t, endAct(r, 0))
	r = sentRequest(t, MethodGET)
	assert.Zero(t, r.Expired(time.Hour), "no deadline, no time-out")

	r = sentRequest(t, MethodGET)
	r.Deadline = 20 * ms
	assert.Equal(t, FirstPlan{Act: ActReset | ActTimeout}, r.First(200, "text/plain", []byte("abc"), true, true, 300*ms),
		"headers that arrive after the deadline: ontimeout, nothing read")
	r = sentRequest(t, MethodGET)
	r.Deadline = 20 * ms
	r.First(200, "text/plain", nil, false, false, 10*ms)
	assert.Equal(t, ActReset|ActTimeout, endAct(r, 300*ms), "a body that ends after the deadline: ontimeout")
	assert.Equal(t, CauseTimeout, r.Cause)
}

func TestRedirected(t *testing.T) {
	internet := NewPage("http:", "www.example.com", false)
	intranet := NewPage("http:", "intranet", false)
	url := func(scheme, host string) Target { return Target{Parsed: true, Scheme: scheme, Host: host} }
	cases := []struct {
		name  string
		page  Page
		pol   Policy
		final Target
		rule  Rule // RuleNone: allowed
	}{
		{"Internet to Internet", internet, Policy{}, url("http:", "api.example.net"), RuleNone},
		{"Internet to 127.0.0.1", internet, Policy{}, url("http:", "127.0.0.1"), RuleZone},
		{"Internet to localhost", internet, Policy{}, url("http:", "localhost"), RuleZone},
		{"Internet to an IPv4-mapped loopback", internet, Policy{}, url("http:", "[::ffff:7f00:1]"), RuleZone},
		{"Internet to intranet, allowAnyZone", internet, Policy{AllowAnyZone: true}, url("http:", "10.0.0.1"), RuleNone},
		{"intranet to intranet", intranet, Policy{}, url("http:", "10.0.0.1"), RuleNone},
		{"http page to https", intranet, Policy{}, url("https:", "10.0.0.1"), RuleSameScheme},
		{"http page to https, allowCrossScheme", intranet, Policy{AllowCrossScheme: true}, url("https:", "10.0.0.1"), RuleNone},
		{"to a data: URL", intranet, Policy{AllowCrossScheme: true}, url("data:", ""), RuleScheme},
		{"to a URL with credentials", internet, Policy{}, Target{Parsed: true, Scheme: "http:", Host: "a.example", HasCredentials: true}, RuleCredentials},
		{"to a URL the browser cannot parse", internet, Policy{}, Target{}, RuleURL},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewRequest(MethodGET)
			_, msg := r.Send(BodyNone)
			assert.Empty(t, msg)
			act, d := r.Redirected(c.final, c.page, c.pol)
			if c.rule == RuleNone {
				assert.Nil(t, d)
				assert.Zero(t, act)
				assert.False(t, r.Ended(), "the request goes on")
				return
			}
			if assert.NotNil(t, d) {
				assert.Equal(t, c.rule, d.Rule)
				assert.NotEmpty(t, RedirectDiagnostic(d, "http://a/", "http://b/"))
			}
			assert.Equal(t, ActReset|ActError, act, "onerror, nothing of the response")
			assert.True(t, r.Ended())
			assert.Equal(t, CauseRedirect, r.Cause)
			assert.Empty(t, Diagnostic(nil, r.Cause, "http://a/", 0), "the binding writes RedirectDiagnostic instead")
		})
	}
	t.Run("after the end, nothing", func(t *testing.T) {
		r := NewRequest(MethodGET)
		r.Send(BodyNone)
		r.Abort()
		act, d := r.Redirected(url("http:", "127.0.0.1"), internet, Policy{})
		assert.Zero(t, act)
		assert.Nil(t, d)
	})
}

// endAct is End's action, for a request whose owed onprogress (if any)
// need not wait.
func endAct(r *Request, now time.Duration) Action {
	a, _ := r.End(now)
	return a
}
