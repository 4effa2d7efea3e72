//go:build bench && !(js && wasm)

package e2e

// `make bench`: the polyfill against native fetch and XMLHttpRequest and
// against Go's own floor, in one headless Chromium, against local servers.
// Every time figure is a median over interleaved rounds. The targets are
// reported, not asserted. Output: a table on stdout, and bench/out/bench.json
// and bench/out/bench.md.

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/require"
)

const bigBody = 64 << 20

func benchEndpoints() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/small", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte("ok"))
	})
	chunk := bytes.Repeat([]byte("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n"), 1024) // 64 KiB
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", fmt.Sprint(bigBody))
		w.Header().Set("Cache-Control", "no-store")
		for n := 0; n < bigBody; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	return mux
}

const benchJS = `
window.api = location.search.slice(1);
function viaXDR(url) {
  return new Promise(function (resolve, reject) {
    var x = new XDomainRequest();
    x.onload = function () { resolve(x.responseText.length); };
    x.onerror = x.ontimeout = function () { reject(new Error("xdr failed")); };
    x.open("GET", url);
    x.send();
  });
}
function viaFetch(url) {
  return fetch(url, { mode: "cors", credentials: "omit" }).then(function (r) { return r.text(); }).then(function (t) { return t.length; });
}
function viaXHR(url) {
  return new Promise(function (resolve, reject) {
    var x = new XMLHttpRequest();
    x.onload = function () { resolve(x.responseText.length); };
    x.onerror = function () { reject(new Error("xhr failed")); };
    x.open("GET", url);
    x.send();
  });
}
var ways = { xdr: viaXDR, fetch: viaFetch, xhr: viaXHR };
window.sequential = function (way, n) {
  var f = ways[way], url = api + "/small", t0 = performance.now(), i = 0;
  function next() { return i++ < n ? f(url).then(next) : Promise.resolve(); }
  return next().then(function () { return performance.now() - t0; });
};
window.concurrent = function (way, n) {
  var f = ways[way], url = api + "/small", t0 = performance.now(), all = [];
  for (var i = 0; i < n; i++) all.push(f(url));
  return Promise.all(all).then(function () { return performance.now() - t0; });
};
window.streamXDR = function () {
  return new Promise(function (resolve, reject) {
    var x = new XDomainRequest(), t0 = performance.now(), seen = 0, events = 0;
    x.onprogress = function () { seen = x.responseText.length; events++; };
    x.onload = function () { resolve({ ms: performance.now() - t0, length: x.responseText.length, events: events }); };
    x.onerror = x.ontimeout = function () { reject(new Error("xdr stream failed")); };
    x.open("GET", api + "/big");
    x.send();
  });
};
window.streamFetch = function () {
  var t0 = performance.now(), dec = new TextDecoder(), text = "";
  return fetch(api + "/big", { mode: "cors", credentials: "omit" }).then(function (r) {
    var rd = r.body.getReader();
    function pump() {
      return rd.read().then(function (c) {
        if (c.done) { text += dec.decode(); return { ms: performance.now() - t0, length: text.length }; }
        text += dec.decode(c.value, { stream: true });
        return pump();
      });
    }
    return pump();
  });
};
window.memory = function () {
  function pause() { return new Promise(function (r) { setTimeout(r, 50); }); }
  XDomainRequest.stats();  // a Go collection first: its finalizers release JavaScript values
  gc();
  return pause().then(function () { gc(); return pause(); }).then(function () {
    gc();
    var s = XDomainRequest.stats();
    return { jsHeap: performance.memory.usedJSHeapSize, wasm: s.wasmMemory, goHeap: s.goHeap };
  });
};
`

const startupXDR = tags + `<script>
var x = new XDomainRequest();
x.onload = function () { window.done = performance.now(); };
x.open("GET", location.search.slice(1) + "/small");
x.send();
</script>`

const startupFloor = `<script src="/dist/wasm_exec.js"></script><script>
(function () {
  var go = new Go();
  WebAssembly.instantiateStreaming(fetch("/floor/floor.wasm"), go.importObject).then(function (r) {
    go.run(r.instance);
    return fetch(location.search.slice(1) + "/small", { mode: "cors", credentials: "omit" });
  }).then(function (r) { return r.text(); }).then(function () { window.done = performance.now(); });
})();
</script>`

type row struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Ref    float64 `json:"reference,omitempty"`
	RefFor string  `json:"reference_is,omitempty"`
	Ratio  float64 `json:"ratio,omitempty"`
	Target string  `json:"target,omitempty"`
	Met    *bool   `json:"met,omitempty"`
}

func compressed(b []byte) (gz, br int) {
	var g bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	_, _ = zw.Write(b)
	_ = zw.Close()
	var r bytes.Buffer
	bw := brotli.NewWriterLevel(&r, brotli.BestCompression)
	_, _ = bw.Write(b)
	_ = bw.Close()
	return g.Len(), r.Len()
}

func ratioRow(name, unit string, value, ref float64, refFor string, limit float64, atMost bool) row {
	r := row{Name: name, Value: value, Unit: unit, Ref: ref, RefFor: refFor}
	if ref > 0 {
		r.Ratio = value / ref
		met := r.Ratio <= limit
		r.Target = fmt.Sprintf("<= %.2f x", limit)
		if !atMost {
			met = r.Ratio >= limit
			r.Target = fmt.Sprintf(">= %.2f x", limit)
		}
		r.Met = &met
	}
	return r
}

func medianOf(f func() float64, rounds int) float64 {
	v := make([]float64, rounds)
	for i := range v {
		v[i] = f()
	}
	return median(v)
}

func TestBenchSuite(t *testing.T) {
	began := time.Now()
	tmp := t.TempDir()
	floor := filepath.Join(tmp, "floor.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w -buildid=", "-o", floor, "./bench/floor")
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "building the floor: %s", out)

	var rows []row
	sizes := map[string][3]int{}
	for _, f := range []string{"xdomainrequest.wasm", "xdomainrequest.js", "wasm_exec.js"} {
		b, err := os.ReadFile(filepath.Join(root, "dist", f))
		require.NoError(t, err)
		gz, br := compressed(b)
		sizes[f] = [3]int{len(b), gz, br}
	}
	fb, err := os.ReadFile(floor)
	require.NoError(t, err)
	fgz, fbr := compressed(fb)
	sizes["floor.wasm"] = [3]int{len(fb), fgz, fbr}
	for _, f := range []string{"xdomainrequest.wasm", "xdomainrequest.js", "wasm_exec.js", "floor.wasm"} {
		s := sizes[f]
		rows = append(rows, row{Name: "size " + f + " raw / gzip -9", Value: float64(s[0]), Unit: "bytes", Ref: float64(s[1]), RefFor: "gzip -9"})
	}
	rows = append(rows, ratioRow("size xdomainrequest.wasm brotli", "bytes", float64(sizes["xdomainrequest.wasm"][2]), float64(fbr), "floor brotli", 1.08, true))

	s := &site{pages: map[string]string{
		"/bench.html":         tags + "<script>" + benchJS + "</script>",
		"/startup-xdr.html":   startupXDR,
		"/startup-floor.html": startupFloor,
	}}
	s.hook = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/floor/floor.wasm" {
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Set("Cache-Control", "no-store")
			http.ServeFile(w, r, floor)
			return true
		}
		return false
	}
	pages := httptest.NewServer(s)
	defer pages.Close()
	api := httptest.NewServer(benchEndpoints())
	defer api.Close()
	tb := newTab(t, chromium) // the figures are Chromium's

	// Start-up: navigation start until a first request has completed.
	var xs, fs []float64
	for i := 0; i < 15; i++ {
		for _, p := range []string{"/startup-floor.html", "/startup-xdr.html"} {
			tb.navigate(pages.URL + p + "?" + api.URL)
			waitFor(tb, "window.done", 20*time.Second)
			v := eval[float64](tb, "done")
			if strings.Contains(p, "xdr") {
				xs = append(xs, v)
			} else {
				fs = append(fs, v)
			}
		}
	}
	t.Logf("start-up done at %v", time.Since(began).Round(time.Second))
	rows = append(rows, ratioRow("start-up: first XDomainRequest done", "ms", median(xs), median(fs), "empty Go program + fetch", 1.15, true))

	tb.navigate(pages.URL + "/bench.html?" + api.URL)
	eval[bool](tb, "XDomainRequest.ready")
	// Warm the connections and the JIT.
	eval[float64](tb, `sequential("xdr", 200).then(function () { return sequential("fetch", 200); }).then(function () { return sequential("xhr", 200); })`)

	latency := map[string][]float64{}
	conc := map[string][]float64{}
	order := [][]string{{"xdr", "fetch", "xhr"}, {"fetch", "xhr", "xdr"}, {"xhr", "xdr", "fetch"}}
	for i := 0; i < 6; i++ {
		for _, way := range order[i%3] {
			latency[way] = append(latency[way], eval[float64](tb, fmt.Sprintf("sequential(%q, 1000)", way))/1000)
		}
	}
	for i := 0; i < 15; i++ {
		for _, way := range order[i%3] {
			conc[way] = append(conc[way], eval[float64](tb, fmt.Sprintf("concurrent(%q, 200)", way)))
		}
	}
	t.Logf("latency and concurrency done at %v", time.Since(began).Round(time.Second))
	lx, lf, lh := median(latency["xdr"]), median(latency["fetch"]), median(latency["xhr"])
	rows = append(rows, ratioRow("latency: 1,000 sequential GETs, per request, XDomainRequest", "ms", lx, lf, "fetch", 1.10, true))
	rows = append(rows, row{Name: "latency: per request, fetch / XMLHttpRequest", Unit: "ms", Value: lf, Ref: lh, RefFor: "XMLHttpRequest"})
	cx, cf, ch := median(conc["xdr"]), median(conc["fetch"]), median(conc["xhr"])
	rows = append(rows, ratioRow("concurrency: 200 GETs at once, all done, XDomainRequest", "ms", cx, cf, "fetch", 1.10, true))
	rows = append(rows, row{Name: "concurrency: 200 at once, fetch / XMLHttpRequest", Unit: "ms", Value: cf, Ref: ch, RefFor: "XMLHttpRequest"})

	type stream struct {
		Ms     float64 `json:"ms"`
		Length int     `json:"length"`
		Events int     `json:"events"`
	}
	var sx, sf []float64
	events := 0
	for i := 0; i < 7; i++ {
		a := eval[stream](tb, "streamFetch()")
		b := eval[stream](tb, "streamXDR()")
		require.Equal(t, bigBody, a.Length)
		require.Equal(t, bigBody, b.Length)
		sf = append(sf, float64(bigBody)/1e6/(a.Ms/1000))
		sx = append(sx, float64(bigBody)/1e6/(b.Ms/1000))
		events = b.Events
	}
	rows = append(rows, ratioRow(fmt.Sprintf("streaming: 64 MiB through onprogress (%d events), XDomainRequest", events), "MB/s", median(sx), median(sf), "fetch + reader + TextDecoder", 0.95, false))

	t.Logf("streaming done at %v", time.Since(began).Round(time.Second))
	// Memory: a fresh page, after 100 and after 5,000 requests.
	type mem struct {
		JSHeap float64 `json:"jsHeap"`
		Wasm   float64 `json:"wasm"`
		GoHeap float64 `json:"goHeap"`
	}
	tb.navigate(pages.URL + "/bench.html?" + api.URL)
	eval[bool](tb, "XDomainRequest.ready")
	eval[float64](tb, `sequential("xdr", 100)`)
	m100 := eval[mem](tb, "memory()")
	for i := 0; i < 5; i++ { // 2,450 sequential, then 2,450 fifty at a time
		eval[float64](tb, `sequential("xdr", 490)`)
	}
	for i := 0; i < 7; i++ {
		eval[float64](tb, `(function () { var p = Promise.resolve(0); for (var i = 0; i < 7; i++) p = p.then(function () { return concurrent("xdr", 50); }); return p; })()`)
	}
	m5000 := eval[mem](tb, "memory()")
	growth := (m5000.JSHeap + m5000.Wasm) - (m100.JSHeap + m100.Wasm)
	met := growth <= 1<<20
	rows = append(rows,
		row{Name: "memory after 100: JS heap / wasm linear memory", Unit: "bytes", Value: m100.JSHeap, Ref: m100.Wasm, RefFor: "wasm"},
		row{Name: "memory after 5,000: JS heap / wasm linear memory", Unit: "bytes", Value: m5000.JSHeap, Ref: m5000.Wasm, RefFor: "wasm"},
		row{Name: "memory growth 100 -> 5,000 (JS heap + wasm)", Unit: "bytes", Value: growth, Target: "<= 1 MiB", Met: &met},
	)

	var md strings.Builder
	fmt.Fprintf(&md, "| figure | value | reference | ratio | target | met |\n| --- | ---: | ---: | ---: | --- | --- |\n")
	for _, r := range rows {
		ratio, ref, m := "", "", ""
		if r.Ratio > 0 {
			ratio = fmt.Sprintf("%.3f", r.Ratio)
		}
		if r.Ref != 0 {
			ref = fmt.Sprintf("%s (%s)", num(r.Ref), r.RefFor)
		}
		if r.Met != nil {
			m = map[bool]string{true: "yes", false: "NO"}[*r.Met]
		}
		fmt.Fprintf(&md, "| %s | %s %s | %s | %s | %s | %s |\n", r.Name, num(r.Value), r.Unit, ref, ratio, r.Target, m)
	}
	var version string
	eval[bool](tb, "true")
	version = eval[string](tb, "navigator.userAgent")
	header := fmt.Sprintf("Headless %s; %s %s/%s, %d CPUs; %s\n\n", chromeVersion(version), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format("2006-01-02"))
	fmt.Println("\n" + header + md.String())
	outDir := filepath.Join(root, "bench", "out")
	require.NoError(t, os.MkdirAll(outDir, 0o755))
	js, _ := json.MarshalIndent(map[string]any{"environment": strings.TrimSpace(header), "rows": rows}, "", "  ")
	require.NoError(t, os.WriteFile(filepath.Join(outDir, "bench.json"), js, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outDir, "bench.md"), []byte(header+md.String()), 0o644))
}

func num(v float64) string {
	if v >= 1000 || v <= -1000 {
		s := fmt.Sprintf("%.0f", v)
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimPrefix(s, "-")
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		if neg {
			return "-" + b.String()
		}
		return b.String()
	}
	return fmt.Sprintf("%.3g", v)
}

func chromeVersion(ua string) string {
	if i := strings.Index(ua, "Chrome/"); i >= 0 {
		v := ua[i+len("Chrome/"):]
		if j := strings.IndexByte(v, ' '); j >= 0 {
			v = v[:j]
		}
		return "Chromium " + v
	}
	return ua
}
