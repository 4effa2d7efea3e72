//go:build !(js && wasm)

package e2e

// XDomainRequest from the first line of the page; requests made before the
// wasm is ready; a wasm that cannot load; workers; the page's own objects
// left alone.

import (
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

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
const earlyScript = `<script>
window.seen = { type: typeof XDomainRequest, fetchSame: window.fetch === window.origFetch, xhrSame: window.XMLHttpRequest === window.origXHR };
window.log = [];
function track(name, x) {
  ["load", "error", "timeout", "progress"].forEach(function (ev) {
    x["on" + ev] = function () { log.push(name + ":" + ev + ":" + x.responseText.length); };
  });
  return x;
}
var api = location.search.slice(1);
window.early = track("early", new XDomainRequest());
early.timeout = "5000";
early.open("get", api + "/xdr.txt?gap=0");
early.send();
window.denied = track("denied", new XDomainRequest());
denied.open("GET", "ftp://files.example/x");
denied.send();
window.aborted = track("aborted", new XDomainRequest());
aborted.open("GET", api + "/xdr.txt?gap=0");
aborted.send();
aborted.abort();
window.madeEarly = new XDomainRequest();
</script>`

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
	assert.Contains(t, log, "denied:error:0", "an early open that would have thrown ends with onerror")
	for _, l := range log {
		assert.False(t, strings.HasPrefix(l, "aborted:"), "no event for an early request aborted early: %v", log)
	}
	assert.Equal(t, 1, count(log, "denied:"), "one event for the denied request: %v", log)
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
	// After readiness the same mistake throws, as documented.
	assert.Equal(t, "Access is denied.", eval[string](tb, `(function () { try { new XDomainRequest().open("GET", "ftp://files.example/x"); return "no throw"; } catch (e) { return e.message; } })()`))
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
	assert.Equal(t, "error", eval[string](tb, `new Promise(function (resolve) {
		var x = new XDomainRequest();
		x.onload = function () { resolve("load"); };
		x.onerror = function () { resolve("error"); };
		x.open("GET", "`+apiURL+`/xdr.txt?gap=0");
		x.send();
	})`))
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

const workerScript = `importScripts("/dist/wasm_exec.js", "/dist/xdomainrequest.js");
onmessage = function (e) {
  XDomainRequest.ready.then(function () {
    var x = new XDomainRequest();
    x.onload = function () { postMessage({ where: typeof window, global: self.XDomainRequest === XDomainRequest, text: x.responseText }); };
    x.onerror = function () { postMessage({ error: true }); };
    x.open("GET", e.data + "/xdr.txt?gap=0");
    x.send();
  });
};`

func TestWorker(t *testing.T) { forEachEngine(t, testWorker) }

func testWorker(t *testing.T, e *engine) {
	s := &site{pages: map[string]string{"/": "<p>worker</p>", "/worker.js": workerScript}}
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.navigate(pageURL + "/")
	got := eval[map[string]any](tb, `new Promise(function (resolve) {
		var w = new Worker("/worker.js");
		w.onmessage = function (e) { resolve(e.data); };
		w.postMessage("`+apiURL+`");
	})`)
	assert.Equal(t, map[string]any{"where": "undefined", "global": true, "text": devserver.Body()}, got)
}
