//go:build !(js && wasm)

package e2e

// The page is not our friend: tests of the polyfill inside pages that
// recurse to the edge of the stack, hook console.warn, wrap fetch, pollute
// Object.prototype, redirect, frame it, or send more than a string can hold.
// After each abuse the polyfill must still work (the Go runtime alive).

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileHelpers: xdrExhaust(f) calls f at every depth near the end of the
// JavaScript stack (the deepest first), counting the calls that returned and
// the RangeErrors; any other exception is listed.
var hostileHelpers = script("hostile/exhaust_helpers.js")

type exhaustRec struct {
	OK          int      `json:"ok"`
	StackErrors int      `json:"stackErrors"`
	Other       []string `json:"other"`
	Depth       int      `json:"depth"`
}

// stillWorks checks that a plain GET (to an Internet host: any page may
// call one) still ends with onload.
func stillWorks(t *testing.T, c *conf, body string) {
	t.Helper()
	c.get(t, c.api.at(internetAPIHost, pathQuery("/x/text", "body", body))).loaded(t, body, "text/plain")
}

// TestHostileStackExhaustion: a page calls the polyfill at every depth near
// the end of the JavaScript stack, at each entry that reaches Go (the
// issue's case: a recursion that sets timeout until it gets a RangeError,
// and catches it). Each call either works or fails with the engine's own
// stack error; afterwards the polyfill still works.
func TestHostileStackExhaustion(t *testing.T) { forEachEngine(t, testHostileStackExhaustion) }

func testHostileStackExhaustion(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	evalT[bool](t, c.tb, hostileHelpers+"; true")
	ok := jsStr(c.api.u("/x/text", "body", "fine"))
	slow := jsStr(c.api.u("/x/text", "body", "slow", "delay", "2000"))
	cases := []struct {
		name  string
		setup string // run once, before; x is a new XDomainRequest
		f     string // called at every depth
		want  string // the message f throws when the stack suffices, "" for none
	}{
		{"timeout", ``, `x.timeout = 5`, ""},
		{"timeout invalid", ``, `x.timeout = "abc"`, "Invalid argument."},
		{"open", ``, `x.open("GET", ` + ok + `)`, ""},
		{"open denied", ``, `x.open("GET", "ftp://example.com/")`, "Access is denied."},
		{"open cancels a request in flight", ``, `x.open("GET", ` + slow + `); x.send(); x.open("GET", ` + ok + `)`, ""},
		{"send", ``, `x.open("POST", ` + slow + `); x.send("body")`, ""},
		{"send twice", `x.open("GET", ` + slow + `); x.send();`, `x.send()`, "Invalid state."},
		{"abort", ``, `x.open("GET", ` + slow + `); x.send(); x.abort()`, ""},
		{"stats (a garbage collection)", ``, `XDomainRequest.stats()`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := evalT[exhaustRec](t, c.tb, `(function () { var x = new XDomainRequest(); `+tc.setup+`
  var rec = xdrExhaust(function () { `+tc.f+`; });
  try { x.abort(); } catch (e) {}
  return rec; })()`)
			t.Logf("%+v", r)
			assert.Positive(t, r.StackErrors, "the stack ran out inside the calls")
			if tc.want == "" {
				assert.Positive(t, r.OK, "calls with enough stack work")
				assert.Empty(t, r.Other, "nothing but the engine's stack error is thrown")
			} else {
				require.NotEmpty(t, r.Other)
				for _, m := range r.Other {
					assert.Equal(t, tc.want, m)
				}
			}
			stillWorks(t, c, "after "+tc.name)
		})
	}
	// The fetch callbacks: the page's handlers, called from them, recurse to
	// the end of the stack and call back at every depth. reaches is false
	// for a call that need not reach Go: contentType in onprogress, once the
	// core has reported the headers, is a field of the edge, a read that may
	// fit in whatever stack is left (Firefox, now and then: no stack error),
	// so only "it works, or fails with the stack error" is asked of it.
	for _, tc := range []struct {
		name, handler, f string
		reaches          bool
	}{
		{"onprogress aborts", "onprogress", `x.abort()`, true},
		{"onload reopens and sends", "onload", `x.open("GET", ` + ok + `); x.send()`, true},
		{"onprogress reads contentType", "onprogress", `void x.contentType`, false},
		{"onerror sets timeout", "onerror", `x.timeout = 7`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := c.api.u("/x/chunks")
			if tc.handler == "onerror" {
				url = c.api.u("/x/text", "status", "500")
			}
			r := evalT[exhaustRec](t, c.tb, `new Promise(function (resolve) {
  var x = new XDomainRequest(), done = false;
  x.`+tc.handler+` = function () {
    if (done) return;
    done = true;
    var rec = xdrExhaust(function () { `+tc.f+`; });
    setTimeout(function () { try { x.abort(); } catch (e) {} resolve(rec); }, 50);
  };
  x.open("GET", `+jsStr(url)+`);
  x.send();
  setTimeout(function () { resolve({ ok: -1 }); }, 5000);
})`)
			t.Logf("%+v", r)
			require.NotEqual(t, -1, r.OK, "the handler ran")
			require.Positive(t, r.Depth, "the recursion reached the end of the stack")
			if tc.reaches {
				assert.Positive(t, r.StackErrors)
			}
			assert.Positive(t, r.OK)
			assert.Empty(t, r.Other)
			stillWorks(t, c, "after "+tc.name)
		})
	}
}

// TestHostileRedirect: rules 1, 6 and 7 hold for the URL a redirect
// reaches. An Internet page's request that a server redirects to an
// intranet host ends with onerror and shows nothing of that response.
func TestHostileRedirect(t *testing.T) { forEachEngine(t, testHostileRedirect) }

func testHostileRedirect(t *testing.T, e *engine) {
	c := confSetup(t, e, &pageOpts{host: internetPageHost})
	via := func(code, to string) string {
		return c.api.at(internetAPIHost, pathQuery("/x/redirect", "code", code, "to", to))
	}
	intranet := []struct{ name, code, to string }{
		{"302 to 127.0.0.1", "302", c.api.u("/x/text", "body", "SECRET", "id", "r302")},
		{"301 to localhost", "301", "http://localhost:" + c.api.Port + "/x/text?body=SECRET&id=r301"},
		{"303 to [::ffff:127.0.0.1]", "303", "http://[::ffff:127.0.0.1]:" + c.api.Port + "/x/text?body=SECRET&id=r303"},
	}
	for _, tc := range intranet {
		t.Run(tc.name, func(t *testing.T) {
			rec := c.get(t, via(tc.code, tc.to))
			rec.terminal(t, "error")
			rec.cleared(t)
			assert.Empty(t, rec.progress(), "no onprogress: no byte of the response")
			c.warned(t, "redirected to", "intranet")
		})
	}
	t.Run("307 POST to 127.0.0.1", func(t *testing.T) {
		rec := c.runT(t, `{method: "POST", body: "posted", url: `+jsStr(via("307", c.api.u("/x/echo", "id", "r307")))+`}`)
		rec.terminal(t, "error")
		rec.cleared(t)
		assert.Empty(t, rec.progress())
		// What the polyfill cannot prevent: the browser follows the redirect
		// before the page can see where it goes (README, "Redirects").
		t.Logf("requests that reached the intranet target: %d", len(c.api.tagged("r307")))
	})
	t.Run("redirect within the Internet works", func(t *testing.T) {
		rec := c.get(t, via("302", c.api.at(internetAPIHost, "/x/text?body=moved")))
		rec.loaded(t, "moved", "text/plain")
	})
	t.Run("307 POST within the Internet works", func(t *testing.T) {
		rec := c.runT(t, `{method: "POST", body: "kept", url: `+jsStr(via("307", c.api.at(internetAPIHost, "/x/echo")))+`}`)
		rec.loaded(t, "kept", "text/plain")
	})
	stillWorks(t, c, "after redirects")
}

// TestHostileRedirectIntranetPage: an intranet page may be redirected
// anywhere of its scheme; allowAnyZone lets an Internet page follow a
// redirect to the intranet, as it lets it open one.
func TestHostileRedirectIntranetPage(t *testing.T) { forEachEngine(t, testHostileRedirectIntranetPage) }

func testHostileRedirectIntranetPage(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	rec := c.get(t, c.api.u("/x/redirect", "to", c.page.u("/x/text", "body", "local")))
	rec.loaded(t, "local", "text/plain")

	c2 := confSetup(t, e, &pageOpts{host: internetPageHost, cfg: `{"allowAnyZone": true}`})
	rec = c2.get(t, c2.api.at(internetAPIHost, pathQuery("/x/redirect", "to", c2.api.u("/x/text", "body", "anyzone"))))
	rec.loaded(t, "anyzone", "text/plain")
}

// pollution is what a ?__proto__[allowAnyZone]=1 query parser (and worse)
// leaves behind before the polyfill's script runs.
const pollution = `Object.prototype.allowAnyZone = "1"; Object.prototype.allowCrossScheme = true;
Object.prototype.replaceNative = true; Object.prototype.XDomainRequestConfig = { allowAnyZone: true, allowCrossScheme: true };`

// TestHostileConfigPollution: only the page's own XDomainRequestConfig, its
// own properties, and only the value true turn a rule off.
func TestHostileConfigPollution(t *testing.T) { forEachEngine(t, testHostileConfigPollution) }

func testHostileConfigPollution(t *testing.T, e *engine) {
	for _, tc := range []struct{ name, pre string }{
		{"Object.prototype polluted, no config", pollution},
		{"inherited settings", `window.XDomainRequestConfig = Object.create({ allowAnyZone: true, allowCrossScheme: true });`},
		{"strings and numbers are not true", `window.XDomainRequestConfig = { allowAnyZone: "false", allowCrossScheme: 1 };`},
		{"polluted, with an own config", pollution + ` window.XDomainRequestConfig = {};`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := confSetup(t, e, &pageOpts{host: internetPageHost, pre: tc.pre})
			c.get(t, c.api.u("/x/text", "body", "intranet")).threw(t, "Access is denied.")
			c.get(t, "https://"+internetAPIHost+":"+c.api.Port+"/x/text").threw(t, "Access is denied.")
			assert.Empty(t, c.api.requests("/x/"))
			c.get(t, c.api.at(internetAPIHost, "/x/text?body=inet")).loaded(t, "inet", "text/plain")
		})
	}
	t.Run("an own true still works", func(t *testing.T) {
		c := confSetup(t, e, &pageOpts{host: internetPageHost, pre: `window.XDomainRequestConfig = { allowAnyZone: true };`})
		c.get(t, c.api.u("/x/text", "body", "allowed")).loaded(t, "allowed", "text/plain")
	})
}

// fetchWrapper replaces the page's fetch (and timers, URL, TextDecoder,
// AbortController) after the polyfill's script has run, as monitoring and
// error-reporting scripts do: it records every call, adds cookies and a
// tracing header.
var fetchWrapper = script("hostile/fetch_wrapper.js")

// TestHostileFetchWrapped: the polyfill uses the fetch, timers, URL,
// TextDecoder and AbortController of the moment its script ran: a wrapper
// installed later sees none of its traffic and cannot add credentials or
// headers to it.
func TestHostileFetchWrapped(t *testing.T) { forEachEngine(t, testHostileFetchWrapped) }

func testHostileFetchWrapped(t *testing.T, e *engine) {
	c := confSetup(t, e, &pageOpts{post: fetchWrapper})
	// Control: the wrapper is really there for the page's own fetch.
	evalT[string](t, c.tb, `window.fetch(`+jsStr(c.page.u("/x/echo", "id", "control"))+`).then(function (r) { return r.text(); })`)
	require.Contains(t, c.page.one(t, "control", 2*time.Second).Cookie, pageCookie, "control: the wrapper adds credentials")

	get := c.runT(t, `{timeout: 5000, url: `+jsStr(c.api.u("/x/chunks", "id", "wget"))+`}`)
	get.loaded(t, strings.Join(chunkedBody, ""), "text/plain")
	post := c.runT(t, `{method: "POST", body: "b", url: `+jsStr(c.page.u("/x/echo", "id", "wpost"))+`}`)
	post.loaded(t, "b", "text/plain")
	for _, tag := range []string{"wget", "wpost"} {
		var got seenReq
		if tag == "wget" {
			got = c.api.one(t, tag, 2*time.Second)
		} else {
			got = c.page.one(t, tag, 2*time.Second)
		}
		assert.Empty(t, got.Cookie, "%s: no cookie", tag)
	}
	assert.Empty(t, c.api.preflights(), "no preflight: no header was added")
	assert.Empty(t, c.page.preflights())
	w := evalT[map[string]int](t, c.tb, `(function () { var w = wrapped; return { fetch: w.fetch, other: w.other }; })()`)
	assert.Equal(t, map[string]int{"fetch": 1, "other": 0}, w, "the wrappers saw only the page's own call")
}

// consoleLogger is an IE-era logger: it forwards console.warn over
// XDomainRequest to an endpoint the rules refuse, and swallows what that
// throws. Every forward writes a warning, which it forwards...
var consoleLogger = script("hostile/console_logger.js")

// TestHostileConsoleHook: a console.warn hook that calls XDomainRequest
// recurses through the polyfill's own warnings until the stack ends; the
// polyfill keeps working. A hook that reopens an object whose request is
// failing gets no stale event.
func TestHostileConsoleHook(t *testing.T) { forEachEngine(t, testHostileConsoleHook) }

func testHostileConsoleHook(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	n := evalT[int](t, c.tb, consoleLogger+`; (function () {
  try { new XDomainRequest().open('GET', 'ftp://start.example/'); } catch (e) {}
  return forwarded; })()`)
	t.Logf("nested forwards until the stack ran out: %d", n)
	assert.Greater(t, n, 50, "the hook recursed")
	stillWorks(t, c, "after the logger")

	t.Run("a hook that reopens the failing object", func(t *testing.T) {
		ok := c.api.u("/x/text", "body", "second")
		rec := callT[[]string](t, c.tb, "hostile/hook_reopens.js", ok, c.api.u("/x/text", "status", "500"))
		assert.Equal(t, []string{"load:second"}, rec, "only the new request's event")
	})
}

// TestHostileHugeBody: a body longer than the engine's longest string
// (V8: 2^29-24 characters; SpiderMonkey: 2^30-2) ends with onerror and a
// console line that says so; nothing stays held, and the polyfill works on.
func TestHostileHugeBody(t *testing.T) { forEachEngine(t, testHostileHugeBody) }

func testHostileHugeBody(t *testing.T, e *engine) {
	if noHugeBody(e) {
		t.Skipf("%s: no body over the longest string (2^31 - 1 characters in JavaScriptCore: 2 GiB takes minutes here)", e.Name)
	}
	c := confSetup(t, e, nil)
	start := time.Now()
	callT[bool](t, c.tb, "hostile/huge_body.js", c.api.u("/x/huge", "mb", hugeMiB(e)))
	for !evalT[bool](t, c.tb, `huge.done`) {
		require.Less(t, time.Since(start), 3*time.Minute, "the huge body ends")
		time.Sleep(500 * time.Millisecond)
	}
	type hugeRec struct {
		Events   []string `json:"events"`
		Progress int      `json:"progress"`
		Longest  int      `json:"longest"`
	}
	r := evalT[hugeRec](t, c.tb, `huge`)
	t.Logf("%s: %v after %d onprogress, the longest responseText %d characters, in %v", e.Name, r.Events, r.Progress, r.Longest, time.Since(start).Round(time.Second))
	assert.Equal(t, []string{"error:0:"}, r.Events, "one onerror, with nothing of the response")
	c.warned(t, "too large")
	st := evalT[map[string]any](t, c.tb, `XDomainRequest.stats()`)
	assert.Zero(t, st["goRequests"], "Go holds no request")
	assert.Zero(t, st["jsRequests"], "the edge holds no request")
	stillWorks(t, c, "after a huge body")
}

// hugeMiB is a body size (MiB) just over the engine's longest string.
func hugeMiB(e *engine) string {
	if e == firefox {
		return "1040" // 2^30 - 2 characters is 1024 MiB
	}
	return "520" // 2^29 - 24 characters is 512 MiB
}

// noHugeBody tells an engine whose longest string is too long to exceed
// here: JavaScriptCore's is 2^31 - 1 characters, and 2 GiB through fetch
// takes WebKit over three minutes on this machine (25 MB/s).
func noHugeBody(e *engine) bool { return e == webkit }

// TestHostileFramed: the page's scheme and zone are its document's origin.
// A srcdoc frame and a blob: worker of an http: intranet page are that page;
// a sandboxed frame (an opaque origin) is an Internet page of its scheme.
func TestHostileFramed(t *testing.T) { forEachEngine(t, testHostileFramed) }

func testHostileFramed(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	dist := c.page.URL + "/dist/"
	// probe runs in the frame or worker: it GETs each URL and posts what
	// happened to its parent.
	probe := script("hostile/probe.js")
	intranet := c.api.u("/x/text", "body", "intra")
	internet := c.api.at(internetAPIHost, "/x/text?body=inet")
	urls := `[` + jsStr(intranet) + `, ` + jsStr(internet) + `]`
	frameDoc := func(sandbox string) string {
		doc := `<script src="` + dist + `wasm_exec.js"></script><script src="` + dist + `xdomainrequest.js"></script><script>` + probe +
			`XDomainRequest.ready.then(function () { xdrProbe(` + urls + `, function (o) { parent.postMessage(o, '*'); }); });</script>`
		return callExpr("hostile/srcdoc_frame.js", sandbox, doc)
	}
	t.Run("srcdoc frame", func(t *testing.T) {
		got := evalT[[]string](t, c.tb, frameDoc(""))
		assert.Equal(t, []string{"load:intra", "load:inet"}, got, "the frame is the http: intranet page")
	})
	t.Run("sandboxed srcdoc frame", func(t *testing.T) {
		got := evalT[[]string](t, c.tb, frameDoc("allow-scripts"))
		// An opaque origin: an Internet page of its URL's scheme (about:),
		// so no http: URL may be called.
		assert.Equal(t, []string{"threw:Access is denied.", "threw:Access is denied."}, got)
	})
	t.Run("blob worker", func(t *testing.T) {
		code := `importScripts(` + jsStr(dist+"wasm_exec.js") + `, ` + jsStr(dist+"xdomainrequest.js") + `);` + probe +
			`XDomainRequest.ready.then(function () { xdrProbe(` + urls + `, function (o) { postMessage(o); }); });`
		got := callT[[]string](t, c.tb, "hostile/blob_worker.js", code)
		assert.Equal(t, []string{"load:intra", "load:inet"}, got, "the worker is the http: intranet page")
	})
}

// TestHostileSandboxedPage: a sandboxed page loaded from an intranet
// http: URL has an opaque origin: an Internet page of http:.
func TestHostileSandboxedPage(t *testing.T) { forEachEngine(t, testHostileSandboxedPage) }

func testHostileSandboxedPage(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	intranet := c.api.u("/x/text", "body", "intra")
	internet := c.api.at(internetAPIHost, "/x/text?body=inet")
	frame := c.page.u("/page", "post", callExpr("hostile/sandboxed_page.js", []string{intranet, internet})+";")
	got := callT[[]string](t, c.tb, "hostile/sandboxed_frame.js", frame)
	assert.Equal(t, []string{"threw:Access is denied.", "load:inet"}, got)
}

// TestHostileEarlyTimeout: a timeout assigned before the wasm is ready
// is decided at once, as after readiness: a refused one throws and leaves
// the value it had; a Symbol is "Invalid argument." like any other
// non-number, not a TypeError.
func TestHostileEarlyTimeout(t *testing.T) { forEachEngine(t, testHostileEarlyTimeout) }

func testHostileEarlyTimeout(t *testing.T, e *engine) {
	c := confSetup(t, e, &pageOpts{post: `window.early = [];
[ 'abc', -5, Symbol('t'), '5000', 250 ].forEach(function (v, i) {
  var x = new XDomainRequest();
  try { x.timeout = v; early.push({ x: x, thrown: null }); }
  catch (e) { early.push({ x: x, thrown: String(e && e.name) + ': ' + e.message }); }
});
window.seq = new XDomainRequest(); seq.timeout = 300; try { seq.timeout = 'abc'; } catch (e) {}`})
	type res struct {
		Timeout float64 `json:"timeout"`
		Thrown  *string `json:"thrown"`
	}
	got := evalT[[]res](t, c.tb, `early.map(function (r) { return { timeout: r.x.timeout, thrown: r.thrown }; })`)
	want := []float64{-1, -1, -1, 5000, 250}
	for i, r := range got {
		if i < 3 {
			require.NotNil(t, r.Thrown, "assignment %d before ready throws", i)
			assert.Equal(t, "Error: Invalid argument.", *r.Thrown, "assignment %d", i)
		} else {
			assert.Nil(t, r.Thrown, "assignment %d before ready is accepted", i)
		}
		assert.Equal(t, want[i], r.Timeout, "timeout %d", i)
	}
	assert.Equal(t, 300.0, evalT[float64](t, c.tb, `seq.timeout`), "the last accepted value stays")
	thrown := evalT[*jsErr](t, c.tb, `xdrErr(function () { new XDomainRequest().timeout = Symbol('late'); })`)
	require.NotNil(t, thrown)
	assert.Equal(t, "Invalid argument.", thrown.Msg)
	assert.True(t, thrown.IsError)
	thrown = evalT[*jsErr](t, c.tb, `xdrErr(function () { new XDomainRequest().open(Symbol('m'), '/x'); })`)
	require.NotNil(t, thrown)
	assert.Equal(t, "Invalid argument.", thrown.Msg)
}

// TestHostileStress runs the abuse together — a console.warn logger that
// recurses through XDomainRequest, calls at the end of the stack from the
// page and from handlers, a body too large for a string, handlers checking
// event.target — then 1,000 ordinary requests. Every request sent gets
// exactly one terminal event, and the polyfill's tables end empty.
func TestHostileStress(t *testing.T) { forEachEngine(t, testHostileStress) }

func testHostileStress(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	evalT[bool](t, c.tb, hostileHelpers+consoleLogger+`; true`)
	start := time.Now()
	callT[bool](t, c.tb, "hostile/stress.js", c.api.URL, !noHugeBody(e), hugeMiB(e))
	type stressRec struct {
		Started   int          `json:"started"`
		Ended     int          `json:"ended"`
		Bad       []string     `json:"bad"`
		Exhausted []exhaustRec `json:"exhausted"`
		Huge      string       `json:"huge"`
	}
	want := 1002
	if noHugeBody(e) {
		want = 1001
		t.Logf("%s: no huge body in the stress (see noHugeBody)", e.Name)
	}
	var r stressRec
	for {
		r = evalT[stressRec](t, c.tb, `stress`)
		if r.Started == r.Ended && r.Started >= want {
			break
		}
		require.Less(t, time.Since(start), 3*time.Minute, "every request ends: %d of %d so far", r.Ended, r.Started)
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // room for an event that should not come
	r = evalT[stressRec](t, c.tb, `stress`)
	t.Logf("%s: %d requests ended once each in %v; huge body %s; logger forwards %d; exhaustion %+v",
		e.Name, r.Ended, time.Since(start).Round(time.Second), r.Huge, evalT[int](t, c.tb, `forwarded`), r.Exhausted)
	assert.Equal(t, want, r.Started, "the huge body, the handler's request and 1,000 ordinary ones")
	assert.Equal(t, r.Started, r.Ended, "each got a terminal event")
	assert.Empty(t, r.Bad)
	if !noHugeBody(e) {
		assert.Equal(t, "error:0", r.Huge)
	}
	require.Len(t, r.Exhausted, 2)
	for _, x := range r.Exhausted {
		assert.Positive(t, x.StackErrors, "the stack ran out")
		for _, m := range x.Other {
			assert.Equal(t, "Invalid argument.", m, "the only exception besides the stack's: timeout = 'abc'")
		}
	}
	evalT[bool](t, c.tb, `new Promise(function (r) { setTimeout(function () { r(true); }, 100); })`)
	st := evalT[map[string]any](t, c.tb, `XDomainRequest.stats()`)
	assert.Zero(t, st["goRequests"], "Go holds no request")
	assert.Zero(t, st["jsRequests"], "the edge holds no request")
	assert.Zero(t, st["held"])
	stillWorks(t, c, "after the stress")
}

// TestRedirectEngineFacts checks what the README's redirect table says each
// engine lets a page learn or stop: the facts the polyfill's design rests on.
func TestRedirectEngineFacts(t *testing.T) { forEachEngine(t, testRedirectEngineFacts) }

func testRedirectEngineFacts(t *testing.T, e *engine) {
	c := confSetup(t, e, &pageOpts{host: internetPageHost})
	target := func(tag string) string { return c.api.u("/x/text", "body", "SECRET", "id", tag) }
	via := func(tag string) string {
		return c.api.at(internetAPIHost, pathQuery("/x/redirect", "to", target(tag)))
	}
	type facts struct {
		Manual struct {
			Type     string  `json:"type"`
			Status   int     `json:"status"`
			URL      string  `json:"url"`
			Location *string `json:"location"`
			Headers  int     `json:"headers"`
		} `json:"manual"`
		Follow struct {
			Redirected bool   `json:"redirected"`
			URL        string `json:"url"`
		} `json:"follow"`
		Public string `json:"public"` // targetAddressSpace "public": "refused" or "answered"
	}
	f := callT[facts](t, c.tb, "hostile/redirect_facts.js", via("manual"), via("follow"), via("public"))
	assert.Equal(t, "opaqueredirect", f.Manual.Type, "manual: an opaque redirect")
	assert.Zero(t, f.Manual.Status)
	assert.Nil(t, f.Manual.Location, "manual: no Location")
	assert.Zero(t, f.Manual.Headers, "manual: no headers at all")
	assert.Empty(t, c.api.tagged("manual"), "manual: the target is not reached")
	assert.True(t, f.Follow.Redirected)
	assert.Equal(t, target("follow"), f.Follow.URL, "follow: the final URL, before the body is read")
	if e == chromium {
		assert.Equal(t, "refused", f.Public, "Chromium refuses a loopback target for targetAddressSpace public")
		assert.Empty(t, c.api.tagged("public"), "before the request is sent")
	} else {
		assert.Equal(t, "answered", f.Public, "Firefox ignores targetAddressSpace")
	}
}
