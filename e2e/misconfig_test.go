//go:build !(js && wasm)

package e2e

// A user's mistakes in putting the polyfill into a page fail loudly and
// helpfully: XDomainRequest still exists, every request ends with onerror
// (none after abort), XDomainRequest.ready rejects, and exactly one
// console.error from the polyfill says what is wrong and what to do.
// TestMisconfigNoEventAfterAbort checks that abort() and a second open()
// still silence a request when the wasm failed to load.
//
// Not here: a .wasm served with the wrong MIME type still works and warns
// (TestLoaderWrongWasmMIMEType); no wasm_exec.js at all, a missing .wasm at
// the right place, a CSP without 'wasm-unsafe-eval' (TestFailedLoad*). The
// .wasm fetched without the loader is no use case.

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loudFailure loads a misconfigured page whose earlyScript sends requests
// at once, then checks what the user sees, and returns the polyfill's one
// console.error for its wording.
func loudFailure(t *testing.T, e *engine, s *site) string {
	t.Helper()
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, e)
	tb.navigate(pageURL + "/?" + apiURL)
	assert.Equal(t, "function", eval[string](tb, "typeof XDomainRequest"), "XDomainRequest exists")
	reason := eval[string](tb, `XDomainRequest.ready.then(function () { return "resolved"; }, function (e) { return "rejected: " + e.message; })`)
	require.True(t, strings.HasPrefix(reason, "rejected: XDomainRequest polyfill: "), "XDomainRequest.ready rejects with the reason: %q", reason)
	waitFor(tb, `log.some(function (l) { return l.indexOf("early:") === 0; })`, 10*time.Second)
	assert.Equal(t, "error", roundTrip(tb, apiURL+"/xdr.txt?gap=0"), "a request made after the failure ends with onerror")
	time.Sleep(300 * time.Millisecond) // time for a second event or message to show
	log := eval[[]string](tb, "log")
	assert.Contains(t, log, "early:error:0", "a request made before the failure ends with onerror")
	assert.Equal(t, 1, count(log, "early:"), "one event per request: %v", log)
	assert.Equal(t, 1, count(log, "denied:"), "one event per request: %v", log)

	var errs []string
	for _, l := range tb.logs() {
		assert.False(t, strings.HasPrefix(l, "exception:"), "no uncaught exception or unhandled rejection: %s", l)
		if strings.Contains(l, "XDomainRequest polyfill") {
			assert.True(t, strings.HasPrefix(l, "error: "), "the polyfill's message is a console.error: %s", l)
			errs = append(errs, l)
		}
	}
	require.Len(t, errs, 1, "exactly one console.error from the polyfill: %v", tb.logs())
	assert.Contains(t, errs[0], strings.TrimPrefix(reason, "rejected: "), "the console says what ready rejects with")
	assert.Contains(t, errs[0], "will end with onerror", "the console says what happens to requests")
	return errs[0]
}

// goVersion is the Go that `make dist` builds with (the Makefile's
// `$(GO) env GOVERSION`).
func goVersion(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	require.NoError(t, err, "go env GOVERSION")
	v := strings.TrimSpace(string(out))
	require.True(t, strings.HasPrefix(v, "go"), "go env GOVERSION: %q", v)
	return v
}

// alteredWasmExec serves, as /dist/wasm_exec.js, the real one with old
// replaced by new: a wasm_exec.js from another Go version.
func alteredWasmExec(t *testing.T, old, new string) func(http.ResponseWriter, *http.Request) bool {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, "dist", "wasm_exec.js"))
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(src), old), "dist/wasm_exec.js holds %q once", old)
	body := []byte(strings.Replace(string(src), old, new, 1))
	return func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/dist/wasm_exec.js" {
			return false
		}
		w.Header().Set("Content-Type", "text/javascript")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(body)
		return true
	}
}

func TestMisconfigWasmExecFromAnotherGo(t *testing.T) {
	forEachEngine(t, testMisconfigWasmExecFromAnotherGo)
}

func testMisconfigWasmExecFromAnotherGo(t *testing.T, e *engine) {
	gov := goVersion(t)
	t.Run("one import missing", func(t *testing.T) {
		s := &site{pages: map[string]string{"/": tags + earlyScript},
			hook: alteredWasmExec(t, `"syscall/js.valueCall":`, `"syscall/js.valueCallRenamed":`)}
		msg := loudFailure(t, e, s)
		assert.Contains(t, msg, "wasm_exec.js does not match")
		assert.Contains(t, msg, gov, "names the Go that built the wasm")
		assert.Contains(t, msg, "syscall/js.valueCall", "names the missing import")
		assert.Contains(t, msg, "Use the wasm_exec.js shipped beside it", "says what to do")
	})
	// Before Go 1.21, wasm_exec.js offered the imports under "go", not "gojs".
	t.Run("pre-1.21 module name", func(t *testing.T) {
		s := &site{pages: map[string]string{"/": tags + earlyScript},
			hook: alteredWasmExec(t, "\tgojs: {", "\tgo: {")}
		msg := loudFailure(t, e, s)
		assert.Contains(t, msg, "wasm_exec.js does not match")
		assert.Contains(t, msg, gov)
		assert.Contains(t, msg, "gojs.", "names a missing import")
		assert.Contains(t, msg, ", ...", "says there are more")
	})
}

// wrongPathSite: the two scripts were copied to /js/, the .wasm stayed in
// /dist/.
func wrongPathSite() *site {
	s := &site{pages: map[string]string{"/": `<script src="/js/wasm_exec.js"></script><script src="/js/xdomainrequest.js"></script>` + earlyScript}}
	dist := http.StripPrefix("/js/", http.FileServer(http.Dir(filepath.Join(root, "dist"))))
	s.hook = func(w http.ResponseWriter, r *http.Request) bool {
		switch r.URL.Path {
		case "/js/wasm_exec.js", "/js/xdomainrequest.js":
			w.Header().Set("Cache-Control", "no-store")
			dist.ServeHTTP(w, r)
			return true
		}
		return false // everything else, /js/xdomainrequest.wasm included, is a 404
	}
	return s
}

func TestMisconfigWrongPath(t *testing.T) { forEachEngine(t, testMisconfigWrongPath) }

func testMisconfigWrongPath(t *testing.T, e *engine) {
	s := wrongPathSite()
	msg := loudFailure(t, e, s)
	assert.True(t, s.requested("/js/xdomainrequest.wasm"), "the loader looks beside its own URL")
	assert.Regexp(t, `http://127\.0\.0\.1:\d+/js/xdomainrequest\.wasm`, msg, "names the URL it tried")
	assert.Contains(t, msg, "HTTP 404")
	assert.Contains(t, msg, "xdomainrequest.wasm must sit next to xdomainrequest.js", "says what to do")
}

// afterLoaderSite includes wasm_exec.js after the loader.
func afterLoaderSite() *site {
	return &site{pages: map[string]string{"/": `<script src="/dist/xdomainrequest.js"></script><script src="/dist/wasm_exec.js"></script>` + earlyScript}}
}

func TestMisconfigWasmExecAfterLoader(t *testing.T) {
	forEachEngine(t, testMisconfigWasmExecAfterLoader)
}

func testMisconfigWasmExecAfterLoader(t *testing.T, e *engine) {
	s := afterLoaderSite()
	msg := loudFailure(t, e, s)
	assert.Contains(t, msg, "wasm_exec.js must be included before xdomainrequest.js")
	assert.False(t, s.requested("/dist/xdomainrequest.wasm"), "nothing more is fetched")
}

// TestMisconfigNoEventAfterAbort: with a wasm that failed to load, a
// request ended by abort(), or cancelled by a second open(), gets no event,
// as after readiness (docs/xdr-reference.md: "no event fires afterwards").
// Two routes: the failure comes after the calls were held (the .wasm 404s)
// or before them (wasm_exec.js after the loader); and calls made after it.
func TestMisconfigNoEventAfterAbort(t *testing.T) { forEachEngine(t, testMisconfigNoEventAfterAbort) }

func testMisconfigNoEventAfterAbort(t *testing.T, e *engine) {
	for name, s := range map[string]*site{"failure after held calls": wrongPathSite(), "failure before the calls": afterLoaderSite()} {
		t.Run(name, func(t *testing.T) {
			pageURL, apiURL := origins(t, s)
			tb := newTab(t, e)
			tb.navigate(pageURL + "/?" + apiURL)
			assert.Equal(t, "rejected", eval[string](tb, `XDomainRequest.ready.then(function () { return "resolved"; }, function () { return "rejected"; })`))
			log := call[[]string](tb, "misconfig/late_calls.js")
			assert.Contains(t, log, "early:error:0")
			assert.Contains(t, log, "lateSent:error:0")
			assert.Equal(t, 0, count(log, "aborted:"), "no event for a request aborted before the failure: %v", log)
			assert.Equal(t, 0, count(log, "lateAborted:"), "no event for a request aborted after the failure: %v", log)
			assert.Equal(t, 0, count(log, "lateReopened:"), "no event for a request cancelled by open(): %v", log)
		})
	}
}
