//go:build !(js && wasm)

package e2e

// XDomainRequest from the first line of the page; requests made before the
// wasm is ready; a wasm that cannot load; workers; the page's own objects
// left alone.

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

// site serves HTML pages by path, and dist/ under /dist/ (with the hook
// able to refuse or alter a file), and records the paths asked for.
type site struct {
	pages   map[string]string
	headers map[string]string // extra headers on pages
	hook    func(w http.ResponseWriter, r *http.Request) bool
	mu      sync.Mutex
	asked   []string
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.asked = append(s.asked, r.URL.Path)
	s.mu.Unlock()
	if s.hook != nil && s.hook(w, r) {
		return
	}
	if strings.HasPrefix(r.URL.Path, "/dist/") {
		w.Header().Set("Cache-Control", "no-store")
		http.StripPrefix("/dist/", http.FileServer(http.Dir(filepath.Join(root, "dist")))).ServeHTTP(w, r)
		return
	}
	p, ok := s.pages[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	for k, v := range s.headers {
		w.Header().Set(k, v)
	}
	ct := "text/html; charset=utf-8"
	if strings.HasSuffix(r.URL.Path, ".js") {
		ct = "text/javascript"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte(p))
}

// count is how many times path was asked for.
func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, p := range s.asked {
		if p == path {
			n++
		}
	}
	return n
}

func (s *site) requested(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.asked {
		if p == path {
			return true
		}
	}
	return false
}

const tags = `<script src="/dist/wasm_exec.js"></script><script src="/dist/xdomainrequest.js"></script>`

// earlyScript runs right after the tags: it records what it sees and sends
// requests at once, before the wasm can be ready.
var earlyScript = `<script>` + script("early/early_script.js") + `</script>`

const savedGlobals = `<script>window.origFetch = window.fetch; window.origXHR = window.XMLHttpRequest;</script>`

func TestEarlyRequests(t *testing.T) { forEachEngine(t, testEarlyRequests) }

func testEarlyRequests(t *testing.T, e *engine) {
	s := &site{pages: map[string]string{"/": savedGlobals + tags + earlyScript}}
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.open(pageURL + "/?" + apiURL)
	assert.Equal(t, map[string]any{"type": "function", "fetchSame": true, "xhrSame": true}, eval[map[string]any](tb, "seen"),
		"XDomainRequest exists from the first line; fetch and XMLHttpRequest untouched")
	assert.True(t, eval[bool](tb, "XDomainRequest.ready.then(function (v) { return v === true; })"))
	waitFor(tb, `log.some(function (l) { return l.indexOf("early:load") === 0; })`, 10*time.Second)
	time.Sleep(200 * time.Millisecond)
	log := eval[[]string](tb, "log")
	n := len(devserver.Body())
	assert.Contains(t, log, "early:load:"+itoa(n), "the early request completes")
	assert.Equal(t, "Access is denied.", eval[string](tb, "window.deniedThrew"), "an early open throws as after readiness")
	for _, l := range log {
		assert.False(t, strings.HasPrefix(l, "aborted:"), "no event for an early request aborted early: %v", log)
	}
	assert.Equal(t, 0, count(log, "denied:"), "no event for the denied request: %v", log)
	assert.Equal(t, 1, count(log, "early:load")+count(log, "early:error")+count(log, "early:timeout"))
	assert.Equal(t, 5000.0, eval[float64](tb, "early.timeout"))
	assert.Equal(t, true, eval[bool](tb, "madeEarly instanceof XDomainRequest && new XDomainRequest() instanceof XDomainRequest"))
	assert.Equal(t, "function", eval[string](tb, "typeof XDomainRequest"))
	assert.True(t, eval[bool](tb, "window.fetch === window.origFetch && window.XMLHttpRequest === window.origXHR"))
	warned := false
	for _, l := range tb.logs() {
		if strings.Contains(l, "only http: and https:") {
			warned = true
		}
	}
	assert.True(t, warned, "the denied early open is explained in the console: %v", tb.logs())
	assert.Equal(t, "fetched", eval[string](tb, "XDomainRequest.stats().startRoute"), "the first call started the Go side synchronously")
}

func count(list []string, prefix string) int {
	n := 0
	for _, l := range list {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

// TestEarlyCallsHeldWhenSyncRefused: where the synchronous request for the
// wasm fails (here the server drops its connection), the early calls are
// held and replayed once the asynchronous start has finished, as before the
// synchronous start existed: the request completes, an open that would
// have thrown ends with onerror, and the console says why once.
func TestEarlyCallsHeldWhenSyncRefused(t *testing.T) {
	forEachEngine(t, testEarlyCallsHeldWhenSyncRefused)
}

func testEarlyCallsHeldWhenSyncRefused(t *testing.T, e *engine) {
	s := &site{pages: map[string]string{"/": savedGlobals + tags + earlyScript}}
	s.hook = func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, ".wasm") && r.URL.RawQuery == "sync" {
			if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
				conn.Close() // a network error
			}
			return true
		}
		return false
	}
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.open(pageURL + "/?" + apiURL)
	waitFor(tb, `log.some(function (l) { return l.indexOf("early:load") === 0; })`, 10*time.Second)
	time.Sleep(200 * time.Millisecond)
	log := eval[[]string](tb, "log")
	assert.Contains(t, log, "early:load:"+itoa(len(devserver.Body())), "the held request completes")
	assert.Contains(t, log, "denied:error:0", "a held open that would have thrown ends with onerror")
	assert.Nil(t, eval[any](tb, "window.deniedThrew"))
	assert.Equal(t, 0, count(log, "aborted:"))
	assert.Equal(t, 5000.0, eval[float64](tb, "early.timeout"))
	assert.Equal(t, "async", eval[string](tb, "XDomainRequest.stats().startRoute"))
	warned := 0
	for _, l := range tb.logs() {
		if strings.Contains(l, "could not be started at once (") {
			warned++
		}
	}
	assert.Equal(t, 1, warned, "one console line says why calls are held: %v", tb.logs())
	// After readiness the same mistake throws, as documented.
	assert.Equal(t, "Access is denied.", eval[string](tb, `(function () { try { new XDomainRequest().open("GET", "ftp://files.example/x"); return "no throw"; } catch (e) { return e.message; } })()`))
}

// probeCalls makes each call IE answers synchronously on a new object and
// gives what it threw ("no throw" when nothing).
var probeCalls = script("early/probe_calls.js")

var probeWant = map[string]any{
	"noArguments": "Error: Argument not optional.",
	"oneArgument": "Error: Argument not optional.",
	"put":         "Error: Invalid argument.",
	"ftp":         "Error: Access is denied.",
	"badURL":      "Error: Invalid argument.",
	"timeout":     "Error: Invalid argument.",
	"sendFirst":   "Error: Invalid state.",
	"sendTwice":   "Error: Invalid state.",
	"good":        "no throw",
}

// TestEarlyCallsThrow: the calls IE answers synchronously throw the
// documented Error in the first inline script after the tags, on
// DOMContentLoaded and on load, before XDomainRequest.ready has resolved.
func TestEarlyCallsThrow(t *testing.T) { forEachEngine(t, testEarlyCallsThrow) }

func testEarlyCallsThrow(t *testing.T, e *engine) {
	page := tags + `<script>` + probeCalls + `
var api = location.search.slice(1), readyYet = false;
XDomainRequest.ready.then(function () { readyYet = true; });
window.probes = { inline: probeCalls(api), inlineBeforeReady: !readyYet };
document.addEventListener("DOMContentLoaded", function () { probes.domContentLoaded = probeCalls(api); });
window.addEventListener("load", function () { probes.load = probeCalls(api); probes.loadBeforeReady = !readyYet; });
</script><p>early calls</p>`
	s := &site{pages: map[string]string{"/": page}}
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.navigate(pageURL + "/?" + apiURL)
	waitFor(tb, "window.probes && probes.load", 15*time.Second)
	got := eval[map[string]any](tb, "probes")
	assert.Equal(t, true, got["inlineBeforeReady"])
	for _, when := range []string{"inline", "domContentLoaded", "load"} {
		assert.Equal(t, probeWant, got[when], "calls in the %s script", when)
	}
	// The same as after readiness.
	assert.Equal(t, probeWant, eval[map[string]any](tb, "XDomainRequest.ready.then(function () { return probeCalls(location.search.slice(1)); })"))
	assert.Equal(t, "fetched", eval[string](tb, "XDomainRequest.stats().startRoute"))
}

// TestEarlyRequestLeavesAtOnce: a request sent in the first inline script
// reaches the server while the loader's asynchronous download of the wasm
// is still held back by the server: it did not wait for an asynchronous
// start.
func TestEarlyRequestLeavesAtOnce(t *testing.T) { forEachEngine(t, testEarlyRequestLeavesAtOnce) }

func testEarlyRequestLeavesAtOnce(t *testing.T, e *engine) {
	const hold = 3 * time.Second
	var mu sync.Mutex
	var pageServed, arrived time.Time
	page := tags + `<script>` + script("early/leaves_at_once.js") + `</script>`
	s := &site{pages: map[string]string{"/": page}}
	s.hook = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/" {
			mu.Lock()
			pageServed = time.Now()
			mu.Unlock()
		}
		if !strings.HasSuffix(r.URL.Path, ".wasm") || r.URL.RawQuery != "" {
			return false // the synchronous request (?sync) is served at once
		}
		select { // the loader's own download: held back, if it gets here
		case <-time.After(hold):
		case <-r.Context().Done():
			return true
		}
		return false
	}
	ps := newPageServer(s)
	t.Cleanup(ps.Close)
	as := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrived = time.Now()
		mu.Unlock()
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("early"))
	}))
	t.Cleanup(as.Close)
	tb := newTab(t, e)
	tb.navigate(ps.URL + "/?" + as.URL)
	waitFor(tb, "window.events && events.length", 15*time.Second)
	assert.Equal(t, []string{"load:early"}, eval[[]string](tb, "events"))
	mu.Lock()
	defer mu.Unlock()
	require.False(t, arrived.IsZero())
	// Started asynchronously, the polyfill could not have sent it before
	// the page was served and then the wasm held back for hold.
	assert.Less(t, arrived.Sub(pageServed), hold, "the request reached the server before the held-back wasm could have been ready")
	t.Logf("%s: the request arrived %v after the page was served; send() blocked %.0f ms", e.Name, arrived.Sub(pageServed).Round(time.Millisecond), eval[float64](tb, "XDomainRequest.stats().startBlocked"))
}

// TestNoEarlyCallPaysNothing: a page that makes its calls only after
// readiness downloads the wasm once, asynchronously, and the console
// stays empty.
func TestNoEarlyCallPaysNothing(t *testing.T) { forEachEngine(t, testNoEarlyCallPaysNothing) }

func testNoEarlyCallPaysNothing(t *testing.T, e *engine) {
	page := tags + `<script>` + script("early/no_early_call.js") + `</script><p>no early call</p>`
	s := &site{pages: map[string]string{"/": page, "/favicon.ico": ""}}
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.open(pageURL + "/?" + apiURL)
	assert.Equal(t, "load:"+devserver.Body(), roundTrip(tb, apiURL+"/xdr.txt?gap=0"))
	assert.Equal(t, "async", eval[string](tb, "XDomainRequest.stats().startRoute"))
	assert.Equal(t, 0.0, eval[float64](tb, "XDomainRequest.stats().startBlocked"))
	t.Logf("%s: go.run took %.1f ms", e.Name, eval[float64](tb, "XDomainRequest.stats().startRun"))
	assert.Equal(t, 1, s.count("/dist/xdomainrequest.wasm"), "one request for the wasm: no synchronous one")
	assert.Empty(t, tb.logs(), "nothing in the console")
}

// failedLoad checks that a page whose wasm cannot start still has
// XDomainRequest, that requests end with onerror, and that the console says
// why, once.
func failedLoad(t *testing.T, e *engine, s *site, why string) {
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.navigate(pageURL + "/?" + apiURL)
	waitFor(tb, `log.some(function (l) { return l.indexOf("early:") === 0; })`, 10*time.Second)
	log := eval[[]string](tb, "log")
	assert.Contains(t, log, "early:error:0")
	// A request made after the failure ends the same way, and nothing hangs.
	assert.Equal(t, "error", call[string](tb, "early/load_or_error.js", apiURL+"/xdr.txt?gap=0"))
	assert.Equal(t, "rejected", eval[string](tb, `XDomainRequest.ready.then(function () { return "resolved"; }, function () { return "rejected"; })`))
	errors := 0
	for _, l := range tb.logs() {
		if strings.HasPrefix(l, "error") && strings.Contains(l, "XDomainRequest polyfill") {
			errors++
			assert.Contains(t, l, why)
		}
	}
	assert.Equal(t, 1, errors, "one console.error explains it: %v", tb.logs())
}

func TestFailedLoadMissingWasm(t *testing.T) { forEachEngine(t, testFailedLoadMissingWasm) }

func testFailedLoadMissingWasm(t *testing.T, e *engine) {
	s := &site{pages: map[string]string{"/": tags + earlyScript}}
	s.hook = func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			http.NotFound(w, r)
			return true
		}
		return false
	}
	failedLoad(t, e, s, "404")
}

func TestFailedLoadCSPWithoutWasmUnsafeEval(t *testing.T) {
	forEachEngine(t, testFailedLoadCSPWithoutWasmUnsafeEval)
}

func testFailedLoadCSPWithoutWasmUnsafeEval(t *testing.T, e *engine) {
	s := &site{
		pages:   map[string]string{"/": tags + earlyScript},
		headers: map[string]string{"Content-Security-Policy": "script-src 'self' 'unsafe-inline'"},
	}
	failedLoad(t, e, s, "wasm-unsafe-eval")
}

func TestFailedLoadWithoutWasmExec(t *testing.T) { forEachEngine(t, testFailedLoadWithoutWasmExec) }

func testFailedLoadWithoutWasmExec(t *testing.T, e *engine) {
	s := &site{pages: map[string]string{"/": `<script src="/dist/xdomainrequest.js"></script>` + earlyScript}}
	failedLoad(t, e, s, "wasm_exec.js must be included")
}

func TestNativeXDomainRequestKept(t *testing.T) { forEachEngine(t, testNativeXDomainRequestKept) }

func testNativeXDomainRequestKept(t *testing.T, e *engine) {
	s := &site{pages: map[string]string{"/": `<script>function Native() {} window.XDomainRequest = Native;</script>` + tags}}
	pageURL, _ := origins(t, s)
	tb := newTab(t, e)
	tb.navigate(pageURL + "/")
	time.Sleep(500 * time.Millisecond)
	assert.Equal(t, "Native", eval[string](tb, "XDomainRequest.name"))
	assert.False(t, s.requested("/dist/xdomainrequest.wasm"), "nothing loaded when the page has its own")
}

func TestReplaceNativeWhenConfigured(t *testing.T) { forEachEngine(t, testReplaceNativeWhenConfigured) }

func testReplaceNativeWhenConfigured(t *testing.T, e *engine) {
	s := &site{pages: map[string]string{"/": `<script>function Native() {} window.XDomainRequest = Native; XDomainRequestConfig = { replaceNative: true };</script>` + tags}}
	pageURL, _ := origins(t, s)
	tb := newTab(t, e)
	tb.navigate(pageURL + "/")
	assert.True(t, eval[bool](tb, "XDomainRequest.ready"))
	assert.Equal(t, "XDomainRequest", eval[string](tb, "XDomainRequest.name"))
}

var workerScript = script("early/worker.js")

func TestWorker(t *testing.T) { forEachEngine(t, testWorker) }

func testWorker(t *testing.T, e *engine) {
	got := runWorker(t, e, workerScript)
	assert.Equal(t, map[string]any{"where": "undefined", "global": true, "text": devserver.Body()}, got)
}

// TestEarlyCallFromBackgroundWork: a call that comes after the background
// download has finished starts the Go side from what it has, without a
// synchronous request: from its bytes while the compile still runs where
// the loader compiles from an array buffer (here: a browser without
// compileStreaming), from the compiled module before instantiation. The
// page slows the background step down (1.5 s) to make the moment wide; the
// slowed work is then left alone.
func TestEarlyCallFromBackgroundWork(t *testing.T) {
	forEachEngine(t, testEarlyCallFromBackgroundWork)
}

func testEarlyCallFromBackgroundWork(t *testing.T, e *engine) {
	for _, tc := range []struct{ route, hooks string }{
		// No streaming compile; the compile waits; the page knows the bytes
		// are in when the loader has read the response.
		{"bytes", `
var compile = WebAssembly.compile, read = Response.prototype.arrayBuffer;
delete WebAssembly.compileStreaming;
WebAssembly.compile = function (buf) {
  return new Promise(function (resolve) { setTimeout(resolve, 1500); }).then(function () { return compile.call(WebAssembly, buf); });
};
Response.prototype.arrayBuffer = function () {
  return read.call(this).then(function (b) { setTimeout(function () { window.background = true; }); return b; });
};`},
		// The compile is done when instantiate is called; instantiation waits.
		{"module", `
var instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = function (mod, imports) {
  window.background = true;
  return new Promise(function (resolve) { setTimeout(resolve, 1500); }).then(function () { return instantiate.call(WebAssembly, mod, imports); });
};`},
	} {
		t.Run(tc.route, func(t *testing.T) {
			page := `<script>` + tc.hooks + `</script>` + tags + `<script>` + probeCalls + `
var timer = setInterval(function () {
  if (!window.background) return;
  clearInterval(timer);
  window.probes = probeCalls(location.search.slice(1));
  window.route = XDomainRequest.stats().startRoute;
}, 5);
</script>`
			s := &site{pages: map[string]string{"/": page, "/favicon.ico": ""}}
			pageURL, apiURL := origins(t, s)
			tb := newTab(t, e)
			tb.navigate(pageURL + "/?" + apiURL)
			waitFor(tb, "window.probes", 15*time.Second)
			assert.Equal(t, probeWant, eval[map[string]any](tb, "probes"))
			assert.Equal(t, tc.route, eval[string](tb, "route"))
			assert.Equal(t, 1, s.count("/dist/xdomainrequest.wasm"), "no synchronous request")
			assert.Equal(t, "load:"+devserver.Body(), roundTrip(tb, apiURL+"/xdr.txt?gap=0"))
			time.Sleep(1600 * time.Millisecond) // the slowed step ends, and is left alone
			assert.Equal(t, "load:"+devserver.Body(), roundTrip(tb, apiURL+"/xdr.txt?gap=0"))
			for _, l := range tb.logs() { // only the probe's own warnings
				assert.True(t, strings.HasPrefix(l, "warning: XDomainRequest: "), "console: %s", l)
			}
		})
	}
}

// earlyWorkerScript makes every call at once, after importScripts, before
// the polyfill could have started asynchronously.
var earlyWorkerScript = `importScripts("/dist/wasm_exec.js", "/dist/xdomainrequest.js");
` + probeCalls + "\n" + script("early/early_worker.js")

// TestEarlyCallsInWorker: the same guarantee in a worker (importScripts),
// where the synchronous request can ask for an ArrayBuffer.
func TestEarlyCallsInWorker(t *testing.T) { forEachEngine(t, testEarlyCallsInWorker) }

func testEarlyCallsInWorker(t *testing.T, e *engine) {
	got := runWorker(t, e, earlyWorkerScript)
	assert.Equal(t, map[string]any{"probes": probeWant, "text": devserver.Body(), "route": "fetched"}, got)
}

// runWorker starts script as a worker of a page, posts it the endpoints'
// URL and gives its first message.
func runWorker(t *testing.T, e *engine, script string) map[string]any {
	s := &site{pages: map[string]string{"/": "<p>worker</p>", "/worker.js": script}}
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.navigate(pageURL + "/")
	return call[map[string]any](tb, "early/run_worker.js", apiURL)
}
