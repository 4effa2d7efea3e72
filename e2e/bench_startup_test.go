//go:build bench && !(js && wasm)

package e2e

// Start-up: what it costs a page, and its first request, to have
// XDomainRequest from the first line. Two routes are measured:
//
//   - async (what the loader does): the class exists at once, calls are
//     held until the wasm, compiled with streaming instantiation, is ready;
//   - sync: a synchronous XMLHttpRequest for the wasm, new
//     WebAssembly.Module and Instance on the main thread, go.run — the class
//     is complete when the script tag returns, but the page is blocked.
//
// and compared with a page that makes the same first request with fetch.

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

const startupProbe = `<script>window.t0 = performance.now();</script>`

// firstRequest sends a page's first request once the polyfill's tags have
// run, and records when it loads and when the polyfill is ready.
const firstRequest = `<script>
window.tTags = performance.now();
var x = new XDomainRequest();
x.onload = function () { window.tLoad = performance.now(); };
x.open("GET", location.search.slice(1) + "/xdr.txt?gap=0");
x.send();
XDomainRequest.ready.then(function () { window.tReady = performance.now(); });
</script>`

const asyncPage = startupProbe + tags + firstRequest

// syncPage builds the polyfill the synchronous way, with the loader's own
// bridge: it loads wasm_exec.js, then fetches and compiles the module
// synchronously and runs it before its script tag returns.
const syncPage = startupProbe + `<script src="/dist/wasm_exec.js"></script><script>
(function () {
  var req = new XMLHttpRequest();
  req.open("GET", "/dist/xdomainrequest.wasm", false);
  req.overrideMimeType("text/plain; charset=x-user-defined");
  req.send();
  var s = req.responseText, b = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  window.tFetched = performance.now();
  var mod = new WebAssembly.Module(b);
  window.tCompiled = performance.now();
  window.syncModule = mod;
})();
</script><script src="/dist/xdomainrequest.js"></script>` + firstRequest

const fetchPage = startupProbe + `<script>
window.tTags = performance.now();
fetch(location.search.slice(1) + "/xdr.txt?gap=0").then(function (r) { return r.text(); }).then(function () { window.tLoad = performance.now(); window.tReady = 0; });
</script>`

type startupFigures struct {
	Tags, Ready, Load, Fetched, Compiled float64
}

func median(v []float64) float64 {
	sort.Float64s(v)
	if len(v) == 0 {
		return 0
	}
	return v[len(v)/2]
}

func TestBenchStartupRoutes(t *testing.T) {
	s := &site{pages: map[string]string{"/async": asyncPage, "/sync": syncPage, "/fetch": fetchPage}}
	pageURL, apiURL := origins(t, s)
	tb := newTab(t, chromium) // the figures are Chromium's
	const rounds = 9
	res := map[string][]startupFigures{}
	for i := 0; i < rounds; i++ {
		for _, p := range []string{"/fetch", "/async", "/sync"} {
			tb.navigate(pageURL + p + "?" + apiURL)
			waitFor(tb, "window.tLoad", 20*time.Second)
			f := eval[startupFigures](tb, `({Tags: tTags - t0, Ready: (window.tReady || 0) - t0, Load: tLoad - t0, Fetched: (window.tFetched || t0) - t0, Compiled: (window.tCompiled || t0) - t0})`)
			res[p] = append(res[p], f)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "start-up, median of %d interleaved rounds, ms from the first script:\n", rounds)
	fmt.Fprintf(&b, "  %-7s %14s %12s %16s\n", "route", "page blocked", "ready", "first response")
	for _, p := range []string{"/fetch", "/async", "/sync"} {
		var tags, ready, load []float64
		for _, f := range res[p] {
			tags, ready, load = append(tags, f.Tags), append(ready, f.Ready), append(load, f.Load)
		}
		fmt.Fprintf(&b, "  %-7s %14.1f %12.1f %16.1f\n", strings.TrimPrefix(p, "/"), median(tags), median(ready), median(load))
	}
	t.Log(b.String())
}
