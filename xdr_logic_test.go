package main

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
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

func TestCheckOpen(t *testing.T) {
	httpIntranet := Page{Scheme: "http:", Zone: ZoneIntranet}
	httpInternet := Page{Scheme: "http:", Zone: ZoneInternet}
	httpsInternet := Page{Scheme: "https:", Zone: ZoneInternet}
	web := func(scheme, host string) Target { return Target{Parsed: true, Scheme: scheme, Host: host} }
	cases := []struct {
		name   string
		argc   int
		method string
		target Target
		page   Page
		policy Policy
		want   Method
		msg    string
		rule   Rule
	}{
		{"get", 2, "get", web("http:", "api.example.com"), httpInternet, Policy{}, MethodGET, "", RuleNone},
		{"post mixed case", 2, "PoST", web("http:", "127.0.0.1"), httpIntranet, Policy{}, MethodPOST, "", RuleNone},
		{"no arguments", 0, "", Target{}, httpInternet, Policy{}, MethodNone, MsgArgumentNotOptional, RuleArguments},
		{"one argument", 1, "GET", Target{}, httpInternet, Policy{}, MethodNone, MsgArgumentNotOptional, RuleArguments},
		{"other method", 2, "PUT", web("http:", "a.example"), httpInternet, Policy{}, MethodNone, MsgInvalidArgument, RuleMethod},
		{"method checked before url", 2, "HEAD", Target{}, httpInternet, Policy{}, MethodNone, MsgInvalidArgument, RuleMethod},
		{"unparsable url", 2, "GET", Target{}, httpInternet, Policy{}, MethodNone, MsgInvalidArgument, RuleURL},
		{"ftp", 2, "GET", web("ftp:", "a.example"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleScheme},
		{"data", 2, "GET", web("data:", ""), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleScheme},
		{"file", 2, "GET", web("file:", ""), httpIntranet, Policy{AllowCrossScheme: true}, MethodNone, MsgAccessDenied, RuleScheme},
		{"credentials", 2, "GET", Target{Parsed: true, Scheme: "http:", Host: "a.example", HasCredentials: true}, httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleCredentials},
		{"http page to https", 2, "GET", web("https:", "a.example"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleSameScheme},
		{"https page to http", 2, "GET", web("http:", "a.example"), httpsInternet, Policy{}, MethodNone, MsgAccessDenied, RuleSameScheme},
		{"cross scheme allowed", 2, "GET", web("https:", "a.example"), httpInternet, Policy{AllowCrossScheme: true}, MethodGET, "", RuleNone},
		{"internet to loopback", 2, "GET", web("http:", "127.0.0.1"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleZone},
		{"internet to plain name", 2, "GET", web("http:", "intranet"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleZone},
		{"internet to mapped loopback", 2, "GET", web("http:", "[::ffff:7f00:1]"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleZone},
		{"internet to intranet allowed", 2, "GET", web("http:", "127.0.0.1"), httpInternet, Policy{AllowAnyZone: true}, MethodGET, "", RuleNone},
		{"intranet to internet", 2, "GET", web("http:", "a.example"), httpIntranet, Policy{}, MethodGET, "", RuleNone},
		{"intranet to intranet", 2, "GET", web("http:", "localhost"), httpIntranet, Policy{}, MethodGET, "", RuleNone},
		{"internet to internet", 2, "GET", web("http:", "a.example"), httpInternet, Policy{}, MethodGET, "", RuleNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, d := CheckOpen(c.argc, c.method, c.target, c.page, c.policy)
			assert.Equal(t, c.want, m)
			if c.msg == "" {
				assert.Nil(t, d)
				return
			}
			require.NotNil(t, d)
			assert.Equal(t, c.msg, d.Msg)
			assert.Equal(t, c.rule, d.Rule)
			assert.NotEmpty(t, Diagnostic(d, CauseNone, "http://x/", 0))
		})
	}
}

func TestCoerceTimeout(t *testing.T) {
	num := func(f float64) (ValueKind, float64, string) { return KindNumber, f, "" }
	str := func(s string) (ValueKind, float64, string) { return KindString, 0, s }
	cases := []struct {
		name string
		kind ValueKind
		num  float64
		str  string
		want int64
		msg  string
	}{}
	add := func(name string, k ValueKind, n float64, s string, want int64, msg string) {
		cases = append(cases, struct {
			name string
			kind ValueKind
			num  float64
			str  string
			want int64
			msg  string
		}{name, k, n, s, want, msg})
	}
	ok := func(name string, v func() (ValueKind, float64, string), want int64) {
		k, n, s := v()
		add(name, k, n, s, want, "")
	}
	bad := func(name string, v func() (ValueKind, float64, string)) {
		k, n, s := v()
		add(name, k, n, s, 0, MsgInvalidArgument)
	}
	ok("10000", func() (ValueKind, float64, string) { return num(10000) }, 10000)
	ok("0", func() (ValueKind, float64, string) { return num(0) }, 0)
	ok("-1", func() (ValueKind, float64, string) { return num(-1) }, -1)
	ok("fraction", func() (ValueKind, float64, string) { return num(1500.9) }, 1500)
	ok("cap", func() (ValueKind, float64, string) { return num(1e12) }, MaxTimeout)
	ok("infinity", func() (ValueKind, float64, string) { return num(math.Inf(1)) }, MaxTimeout)
	ok("string", func() (ValueKind, float64, string) { return str("10000") }, 10000)
	ok("string spaces", func() (ValueKind, float64, string) { return str(" 250\n") }, 250)
	ok("string -1", func() (ValueKind, float64, string) { return str("-1") }, -1)
	ok("string +5", func() (ValueKind, float64, string) { return str("+5") }, 5)
	ok("string exponent", func() (ValueKind, float64, string) { return str("1e3") }, 1000)
	ok("string fraction", func() (ValueKind, float64, string) { return str("2.5") }, 2)
	ok("string leading dot", func() (ValueKind, float64, string) { return str(".5") }, 0)
	ok("string Infinity", func() (ValueKind, float64, string) { return str("Infinity") }, MaxTimeout)
	ok("string huge", func() (ValueKind, float64, string) { return str("1e999") }, MaxTimeout)
	bad("NaN", func() (ValueKind, float64, string) { return num(math.NaN()) })
	bad("-2", func() (ValueKind, float64, string) { return num(-2) })
	bad("-0.5", func() (ValueKind, float64, string) { return num(-0.5) })
	bad("-Infinity", func() (ValueKind, float64, string) { return num(math.Inf(-1)) })
	bad("empty string", func() (ValueKind, float64, string) { return str("") })
	bad("blank string", func() (ValueKind, float64, string) { return str("   ") })
	bad("word", func() (ValueKind, float64, string) { return str("soon") })
	bad("number and word", func() (ValueKind, float64, string) { return str("10s") })
	bad("hex", func() (ValueKind, float64, string) { return str("0x10") })
	bad("string -5", func() (ValueKind, float64, string) { return str("-5") })
	bad("string NaN", func() (ValueKind, float64, string) { return str("NaN") })
	bad("lone exponent", func() (ValueKind, float64, string) { return str("1e") })
	bad("lone dot", func() (ValueKind, float64, string) { return str(".") })
	bad("undefined", func() (ValueKind, float64, string) { return KindUndefined, 0, "" })
	bad("null", func() (ValueKind, float64, string) { return KindNull, 0, "" })
	bad("object", func() (ValueKind, float64, string) { return KindOther, 0, "" })
	for _, c := range cases {
		got, msg := CoerceTimeout(c.kind, c.num, c.str)
		assert.Equal(t, c.msg, msg, c.name)
		if c.msg == "" {
			assert.Equal(t, c.want, got, c.name)
		}
	}
}

func TestTimeoutDelay(t *testing.T) {
	assert.Equal(t, time.Duration(0), TimeoutDelay(-1))
	assert.Equal(t, time.Duration(0), TimeoutDelay(0))
	assert.Equal(t, 500*time.Millisecond, TimeoutDelay(500))
	assert.Equal(t, time.Duration(MaxTimeout)*time.Millisecond, TimeoutDelay(1<<40))
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

func TestProgressCoalescing(t *testing.T) {
	var p Progress
	fire, arm := p.Data(0)
	assert.True(t, fire, "the first data fires at once")
	assert.Zero(t, arm)
	fire, arm = p.Data(10 * ms)
	assert.False(t, fire, "within 50 ms: deferred")
	assert.Equal(t, 40*ms, arm, "a timer for the rest of the interval")
	fire, arm = p.Data(20 * ms)
	assert.False(t, fire)
	assert.Zero(t, arm, "the timer already runs")
	fire, arm = p.Tick(50 * ms)
	assert.True(t, fire, "the timer reports the deferred data")
	assert.Zero(t, arm)
	fire, _ = p.Data(120 * ms)
	assert.True(t, fire, "after the interval: at once")
	assert.False(t, p.Finish(), "nothing owed at the end")

	var q Progress
	q.Data(0)
	q.Data(5 * ms)
	assert.True(t, q.Finish(), "the last data is owed an onprogress before onload")

	var r Progress
	r.Data(0)
	_, arm = r.Data(10 * ms)
	fire, arm2 := r.Tick(30 * ms) // early timer
	assert.False(t, fire)
	assert.Equal(t, 20*ms, arm2)
	_ = arm
	fire, _ = r.Tick(50 * ms)
	assert.True(t, fire)
	fire, _ = r.Tick(200 * ms)
	assert.False(t, fire, "a tick with nothing pending fires nothing")
}

// TestProgressRate checks that a stream of data every ms gives at most one
// onprogress per 50 ms and leaves none owed at the end.
func TestProgressRate(t *testing.T) {
	var p Progress
	var fires []time.Duration
	timerAt := time.Duration(-1)
	for now := time.Duration(0); now <= 1000*ms; now += ms {
		if timerAt >= 0 && now >= timerAt {
			timerAt = -1
			if fire, arm := p.Tick(now); fire {
				fires = append(fires, now)
			} else if arm > 0 {
				timerAt = now + arm
			}
		}
		fire, arm := p.Data(now)
		if fire {
			fires = append(fires, now)
		} else if arm > 0 {
			timerAt = now + arm
		}
	}
	for i := 1; i < len(fires); i++ {
		assert.GreaterOrEqual(t, fires[i]-fires[i-1], ProgressInterval)
	}
	assert.InDelta(t, 21, len(fires), 1)
}

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
	act = r.End()
	assert.Equal(t, ActProgress|ActLoad, act, "the owed onprogress, then onload")
	assert.True(t, r.Ended())
	assert.Equal(t, ActProgress|ActLoad|ActEnded, r.Settled(act))
	assert.Zero(t, r.End(), "one terminal event")
	act, _ = r.Tick(TickTimeout, 0)
	assert.Zero(t, act, "no time-out after load")
	assert.Zero(t, r.Fail(CauseNetwork), "no error after load")
	act, ok := r.Abort()
	assert.False(t, ok, "abort after completion is harmless")
	assert.Zero(t, act)
}

func TestRequestLoadWithoutOwedProgress(t *testing.T) {
	r := sentRequest(t, MethodGET)
	r.Head(204, "")
	assert.Equal(t, ActLoad, r.End(), "an empty body: onload, no onprogress")
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
	assert.Zero(t, r.End(), "no onload after abort")
}

func TestSettled(t *testing.T) {
	r := sentRequest(t, MethodGET)
	assert.Equal(t, ActProgress, r.Settled(ActProgress), "in flight: not ended")
	act, _ := r.Abort()
	assert.Equal(t, ActReset|ActEnded, r.Settled(act))
	var none *Request
	assert.Equal(t, ActEnded, none.Settled(0), "no request: nothing to keep")
}

func TestPackFirst(t *testing.T) {
	assert.Equal(t, int(ActReset|ActError), PackFirst(ActReset|ActError, false, 3, 4), "nothing read: the actions only")
	n := PackFirst(ActProgress|ActLoad|ActEnded, true, 3, 250)
	assert.Equal(t, int(ActProgress|ActLoad|ActEnded), n&127)
	assert.NotZero(t, n&FirstRead)
	assert.Equal(t, 3, n>>8&255)
	assert.Equal(t, 250, n>>16&255)
	assert.Equal(t, FirstRead, PackFirst(0, true, 0, 0), "read, empty media type")
	assert.Less(t, int(ActEnded), FirstRead, "the actions fit below FirstRead")
}

func TestNames(t *testing.T) {
	var n Names
	i, send := n.Index("")
	assert.Equal(t, 0, i)
	assert.False(t, send, "the empty string is index 0, never sent")
	i, send = n.Index("text/plain")
	assert.Equal(t, 1, i)
	assert.True(t, send)
	i, send = n.Index("text/plain")
	assert.Equal(t, 1, i)
	assert.False(t, send, "sent once")
	i, _ = n.Index("utf-8")
	assert.Equal(t, 2, i)
	for k := 3; k <= MaxNames; k++ {
		i, send = n.Index("x" + itoa(k))
		require.Equal(t, k, i)
		require.True(t, send)
	}
	i, send = n.Index("one too many")
	assert.Equal(t, 1, i, "a full table starts again at 1")
	assert.True(t, send)
	i, send = n.Index("text/plain")
	assert.Equal(t, 2, i, "forgotten, so sent again")
	assert.True(t, send)
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
	assert.Zero(t, r.End(), "never onload after that")

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
		func(r *Request) Action { return r.End() },
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

func TestShouldInstall(t *testing.T) {
	assert.True(t, ShouldInstall(false, false))
	assert.False(t, ShouldInstall(true, false), "a native XDomainRequest stays")
	assert.True(t, ShouldInstall(true, true))
}

func TestDiagnostics(t *testing.T) {
	for c := CauseNetwork; c <= CauseInternal; c++ {
		assert.Contains(t, Diagnostic(nil, c, "http://a.example/x", 404), "http://a.example/x", c)
	}
	assert.Contains(t, Diagnostic(nil, CauseNetwork, "u", 0), "CORS")
	assert.Contains(t, Diagnostic(nil, CauseStatus, "u", 404), "404")
	assert.Empty(t, Diagnostic(nil, CauseNone, "u", 0))
}

// TestJavaScriptConstants checks that the loader's copies of the action
// bits, causes and timer kinds match the core's.
func TestJavaScriptConstants(t *testing.T) {
	src, err := os.ReadFile("js/xdomainrequest.js")
	require.NoError(t, err)
	want := map[string]int{
		"A_RESET": int(ActReset), "A_PROGRESS": int(ActProgress), "A_LOAD": int(ActLoad),
		"A_ERROR": int(ActError), "A_TIMEOUT": int(ActTimeout), "A_ENDED": int(ActEnded), "FIRST_READ": FirstRead,
		"C_NETWORK": int(CauseNetwork), "C_CUT": int(CauseCut), "T_TIMEOUT": TickTimeout, "T_PROGRESS": TickProgress,
		"C_INTERNAL": int(CauseInternal), "C_TOO_LARGE": int(CauseTooLarge), "LOG_ERROR": LogError,
		"CONFIG_ALLOW_CROSS_SCHEME": ConfigAllowCrossScheme, "CONFIG_ALLOW_ANY_ZONE": ConfigAllowAnyZone,
		"CONFIG_REPLACE_NATIVE": ConfigReplaceNative,
	}
	methods := "var METHODS = [''"
	for m := MethodGET; m.String() != ""; m++ {
		methods += ", '" + m.String() + "'"
	}
	assert.Contains(t, string(src), methods+"];", "the method names by code")
	for name, v := range want {
		m := regexp.MustCompile(`\b` + name + ` = (\d+)`).FindSubmatch(src)
		require.NotNil(t, m, name)
		n, _ := strconv.Atoi(string(m[1]))
		assert.Equal(t, v, n, name)
	}
}

// TestSeedPage checks that web/index.html is the article's example with
// exactly the documented changes: the two script tags, and the repaired
// string literal.
func TestSeedPage(t *testing.T) {
	article, err := os.ReadFile("testdata/seed-example.html")
	require.NoError(t, err)
	page, err := os.ReadFile("web/index.html")
	require.NoError(t, err)
	want := strings.Replace(string(article), "<html>\n",
		"<html>\n<script src=\"dist/wasm_exec.js\"></script>\n<script src=\"dist/xdomainrequest.js\"></script>\n", 1)
	want = strings.Replace(want, `alert('XDR doesn't exist');`, `alert('XDR doesn\'t exist');`, 1)
	assert.Equal(t, want, string(page))
}

func TestBOMEncoding(t *testing.T) {
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte{0xEF, 0xBB, 0xBF}, "utf-8"},
		{[]byte{0xEF, 0xBB, 0xBF, 'a'}, "utf-8"},
		{[]byte{0xFE, 0xFF, 0}, "utf-16be"},
		{[]byte{0xFF, 0xFE, 'a'}, "utf-16le"},
		{[]byte{0xFF, 0xFE}, "utf-16le"},
		{[]byte{0xEF, 0xBB}, ""},
		{[]byte{'a', 'b', 'c'}, ""},
		{nil, ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, BOMEncoding(c.in), "%x", c.in)
	}
}

func TestSendInvalidBody(t *testing.T) {
	r := NewRequest(MethodPOST)
	_, msg := r.Send(BodyInvalid)
	assert.Equal(t, MsgInvalidArgument, msg, "a body whose conversion to a string threw")
	assert.True(t, r.CanSend(), "not sent: send() can be called again")
	_, msg = NewRequest(MethodNone).Send(BodyInvalid)
	assert.Equal(t, MsgInvalidState, msg, "the state is checked first")
}

func TestPackSend(t *testing.T) {
	assert.Equal(t, 7*4+1, PackSend(7, SendPlan{Start: true}))
	assert.Equal(t, 7*4+3, PackSend(7, SendPlan{Start: true, Body: true}))
	assert.Equal(t, 7*4, PackSend(7, SendPlan{FailDue: true}), "no fetch")
	n := PackSend(1<<30, SendPlan{Start: true, Body: true})
	assert.Equal(t, 1<<30, n/4, "the largest id survives")
	assert.Less(t, n, 1<<53)
}

func TestDecoderLabel(t *testing.T) {
	assert.Equal(t, "utf-16le", DecoderLabel([]byte{0xFF, 0xFE, 'a'}, "utf-8"), "a BOM wins over the charset")
	assert.Equal(t, "windows-1252", DecoderLabel([]byte("abc"), "windows-1252"))
	assert.Equal(t, "utf-8", DecoderLabel([]byte("abc"), ""))
	assert.Equal(t, "utf-8", DecoderLabel(nil, ""))
}

func TestRequestFirst(t *testing.T) {
	r := sentRequest(t, MethodGET)
	p := r.First(200, "text/plain; charset=iso-8859-1", []byte("abc"), true, false, 0)
	assert.Equal(t, FirstPlan{Act: ActProgress, Read: true, MediaType: "text/plain", Encoding: "iso-8859-1"}, p)
	assert.Equal(t, ActLoad, r.End())

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

func TestHeadersContentType(t *testing.T) {
	assert.Equal(t, "application/json", HeadersContentType(200, "application/json; charset=utf-8"))
	assert.Equal(t, "", HeadersContentType(404, "text/html"))
	assert.Equal(t, "", HeadersContentType(200, ""))
}

func TestSmallHelpers(t *testing.T) {
	for _, n := range []int{0, 7, 42, 404, 1234567890, -5} {
		assert.Equal(t, strconv.Itoa(n), itoa(n))
	}
	assert.Equal(t, "text/html", lowerASCII("Text/HTML"))
	assert.Equal(t, "already", lowerASCII("already"))
	assert.Equal(t, "Äb", lowerASCII("ÄB"), "only ASCII letters change")
	assert.Equal(t, "x y", trimASCIISpace(" \t\r\nx y\f\v "))
}

func TestRequestExpired(t *testing.T) {
	r := sentRequest(t, MethodGET)
	r.Deadline = 20 * ms
	assert.Zero(t, r.Expired(10*ms))
	assert.Equal(t, ActReset|ActTimeout, r.Expired(300*ms), "a response after the deadline loses to the time-out")
	assert.Zero(t, r.End())
	r = sentRequest(t, MethodGET)
	assert.Zero(t, r.Expired(time.Hour), "no deadline, no time-out")
}

// packInfo is the edge's info() (js/xdomainrequest.js), written in Go.
func packInfo(status int, v []byte, done bool) int64 {
	n := int64(0)
	if done {
		n++
	}
	if len(v) > 0 {
		n += 2
	}
	n += 4 * int64(status&1023)
	var b [3]int64
	for i := 0; i < 3 && i < len(v); i++ {
		b[i] = int64(v[i]) + 1
	}
	return n + 4096*(b[0]+512*(b[1]+512*b[2]))
}

func TestUnpackFirstInfo(t *testing.T) {
	for _, c := range []struct {
		status int
		head   []byte
		done   bool
	}{
		{200, nil, true},
		{204, nil, true},
		{200, []byte{0xEF, 0xBB, 0xBF}, false},
		{404, []byte{0, 0, 0}, false},
		{599, []byte{0xFF, 0xFE}, true},
		{0, []byte{'o', 'k'}, true},
		{200, []byte{255, 255, 255}, true},
	} {
		n := packInfo(c.status, c.head, c.done)
		assert.Less(t, n, int64(1)<<53, "exact in a JavaScript number")
		f := UnpackFirstInfo(n)
		assert.Equal(t, c.status, f.Status)
		assert.Equal(t, len(c.head) > 0, f.Data)
		assert.Equal(t, c.done, f.Done)
		assert.Equal(t, len(c.head), f.HeadLen)
		assert.Equal(t, string(c.head), string(f.Head[:f.HeadLen]), "%v", c)
	}
	assert.Equal(t, FirstInfo{}, UnpackFirstInfo(-5), "a negative number: nothing")
	f := UnpackFirstInfo(4096 * 300)
	assert.Zero(t, f.HeadLen, "a byte above 255 is no byte")
}

func FuzzUnpackFirstInfo(f *testing.F) {
	f.Add(uint16(200), []byte("abc"), true)
	f.Fuzz(func(t *testing.T, status uint16, head []byte, done bool) {
		if len(head) > 3 {
			head = head[:3]
		}
		got := UnpackFirstInfo(packInfo(int(status), head, done))
		if got.Status != int(status)&1023 || got.Done != done || got.Data != (len(head) > 0) || string(got.Head[:got.HeadLen]) != string(head) {
			t.Fatalf("%d %v %v -> %+v", status, head, done, got)
		}
	})
}

func TestCollector(t *testing.T) {
	var c Collector
	for round := 0; round < 3; round++ {
		for i := 1; i < CollectEvery; i++ {
			require.False(t, c.Tick(), "call %d", i)
		}
		assert.True(t, c.Tick(), "every CollectEvery calls")
	}
}

// TestProgressDataWhileArmed holds the promise the edge relies on to skip
// reporting data while a progress timer runs: such data changes nothing.
func TestProgressDataWhileArmed(t *testing.T) {
	var p Progress
	p.Data(0)
	_, arm := p.Data(10 * ms)
	require.Positive(t, arm)
	before := p
	for now := 11 * ms; now < 50*ms; now += 7 * ms {
		fire, arm := p.Data(now)
		assert.False(t, fire)
		assert.Zero(t, arm)
		assert.Equal(t, before, p, "data while the timer runs changes nothing")
	}
	fire, _ := p.Tick(50 * ms)
	assert.True(t, fire, "the timer reports the pending data")
}
