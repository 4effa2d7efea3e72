//go:build bench && !(js && wasm)

package e2e

// `make bench`: the polyfill against fetch and against a plain-JavaScript
// stand-in of itself (bench/standin.js), in every engine of the browser
// suite, under the same drivers and console capture as the tests, against
// local servers. Requests carry their own URLs (a counter in the query), as
// pages make them. Every time figure is the median of interleaved rounds,
// with the rounds' min-max beside it. Targets are reported ("met"), never
// asserted. Output: tables on stdout, bench/out/bench.json and bench.md.
//
// Environment: BENCH_ENGINES=chromium,firefox chooses engines;
// BENCH_DIST=/path/to/dist measures another build of the polyfill (for
// before/after comparisons; the sizes are then that build's too).

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/require"
)

const bigBody = 64 << 20

// gzipWriters are /gzip's compressors, kept from answer to answer (a new
// one allocates hundreds of KiB: the server's own time would grow).
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

func benchEndpoints() http.Handler {
	mux := http.NewServeMux()
	// The small answer in three kinds (responseKinds): /small with a
	// Content-Length (net/http sets it: the handler wrote all of a short
	// body before returning); /chunked without one, sent chunked (the
	// headers are flushed before the body, as streaming frameworks and
	// Node's res.writeHead + res.end send); /gzip compressed on the fly
	// (Content-Encoding: gzip), chunked too. Each answer differs (it names
	// the request), and begins alike, as an API's answers do.
	small := func(w http.ResponseWriter, r *http.Request) (body []byte) {
		if r.Method == http.MethodPost {
			_, _ = bytes.NewBuffer(nil).ReadFrom(r.Body)
		}
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		return fmt.Appendf(nil, "{\"ok\":true,\"i\":%q}\n", r.URL.Query().Get("i"))
	}
	mux.HandleFunc("/small", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(small(w, r))
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		body := small(w, r)
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		_, _ = w.Write(body)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		body := small(w, r)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		zw := gzipWriters.Get().(*gzip.Writer)
		defer gzipWriters.Put(zw)
		zw.Reset(w)
		_, _ = zw.Write(body)
		_ = zw.Close()
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

const benchPage = tags + `<script src="/bench/standin.js"></script><script src="/bench/page.js"></script>`

// benchCPUPage is the bench page without the network: fetch answers every
// request at once with the bench's small body, made in the page, before
// the polyfill's script captures it (the wasm still comes from the server). What a request costs there is the
// work of the page's scripts (and the engine's promise jobs), measured
// without the loopback's latency, which moves by more than the work.
var benchCPUPage = `<script>` + script("bench/cpu_page.js") + `</script>` + benchPage

// Start-up pages: navigation start until a first request has completed.
// startup-xdr sends it in the first inline script (the call starts the Go
// side synchronously, as IE's exceptions from the first line need);
// startup-ready when XDomainRequest.ready resolves (the asynchronous start).
// The page's query is the URL of that request: an endpoint
// (responseKinds) with a number that differs from visit to visit.
const startupXDR = tags + `<script>
var x = new XDomainRequest();
x.onload = function () { window.done = performance.now(); };
x.open("GET", location.search.slice(1));
x.send();
</script>`

var startupReady = tags + `<script>` + script("bench/startup_ready.js") + `</script>`

var startupFloor = `<script src="/dist/wasm_exec.js"></script><script>` + script("bench/startup_floor.js") + `</script>`

// Readiness pages, served as /c/<n>/{cold,warm}/<page> with /c/<n>/dist/
// and cacheable (unlike the rest of the bench): the first visit of a
// prefix is cold, the second warm (the HTTP cache, and code the browser may
// keep); the page URLs differ so that the second is not a reload.
// Each records when XDomainRequest.ready resolved, from the page's first
// script (navigation start would count a new tab's process start).
const readyScripts = `<script>window.t0 = performance.now();</script><script src="../dist/wasm_exec.js"></script><script src="../dist/xdomainrequest.js"></script>`
const readyWhen = `<script>XDomainRequest.ready.then(function () { window.ready = performance.now() - t0; });</script>`

var readinessPages = map[string]string{
	// No call before readiness: the asynchronous start alone.
	"ready.html": readyScripts + readyWhen,
	// The same with a preload hint for the wasm, ahead of the scripts.
	"preload.html": `<link rel="preload" href="../dist/xdomainrequest.wasm" as="fetch" crossorigin="anonymous">` + readyScripts + readyWhen,
	// An open() in the first inline script: how long it blocks the page.
	"early.html": readyScripts + `<script>
var t = performance.now(), x = new XDomainRequest();
x.open("GET", location.search.slice(1) + "/small");
window.blocked = performance.now() - t;
window.route = XDomainRequest.stats().startRoute;
</script>` + readyWhen,
	// An open() in the load handler (the background start may be under way).
	"onload.html": readyScripts + `<script>` + script("bench/ready_onload.js") + `</script>` + readyWhen,
}

// readinessHandler serves readinessPages and dist under /c/<visit>/.
func readinessHandler(dist string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/c/"), "/", 2)
		if len(parts) != 2 {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "max-age=3600")
		if page, ok := readinessPages[path.Base(parts[1])]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(page))
			return
		}
		if strings.HasPrefix(parts[1], "dist/") {
			http.StripPrefix("/c/"+parts[0]+"/dist/", http.FileServer(http.Dir(dist))).ServeHTTP(w, r)
			return
		}
		http.NotFound(w, r)
	})
}

var visits int // numbers the /c/<visit>/ prefixes of a run

// readiness measures time to ready, cold and warm, with and without the
// preload hint, and how long an early open() blocks, cold and warm. Each
// first visit is in a new tab: Chromium keeps the code it compiled for the
// same module bytes within a renderer process, so a later page in the same
// tab would start warmer than a visitor's first page.
func readiness(t *testing.T, e *engine, pagesURL, apiURL string) []row {
	by := map[string][]float64{}
	routes := map[string]int{} // how onload.html's call found the Go side
	for i := 0; i < 7; i++ {
		for _, page := range []string{"ready.html", "preload.html", "early.html", "onload.html"} {
			visits++
			t.Run(fmt.Sprintf("%s-%d", page, visits), func(t *testing.T) {
				tb := newTab(t, e) // closed when this subtest ends
				for _, visit := range []string{"cold", "warm"} {
					tb.navigate(fmt.Sprintf("%s/c/%d/%s/%s?%s", pagesURL, visits, visit, page, apiURL))
					waitFor(tb, "window.ready", 20*time.Second)
					key := page + " " + visit
					by[key] = append(by[key], eval[float64](tb, "ready"))
					by["run "+key] = append(by["run "+key], eval[float64](tb, "XDomainRequest.stats().startRun"))
					switch page {
					case "early.html":
						require.Equal(t, "fetched", eval[string](tb, "route"), "the early call started the Go side synchronously")
						by["blocked "+visit] = append(by["blocked "+visit], eval[float64](tb, "blocked"))
					case "onload.html":
						by["onload "+visit] = append(by["onload "+visit], eval[float64](tb, "blocked"))
						routes[eval[string](tb, "route")]++
					}
				}
			})
		}
	}
	var rows []row
	for _, r := range []struct{ key, name string }{
		{"ready.html cold", "ready, no early call, first visit: from the page's first script"},
		{"run ready.html cold", "… of which go.run (Go's runtime and main), first visit"},
		{"ready.html warm", "ready, no early call, second visit (cached)"},
		{"preload.html cold", "ready with <link rel=preload> for the wasm, first visit"},
		{"preload.html warm", "ready with <link rel=preload> for the wasm, second visit"},
		{"blocked cold", "first early call (open() in the first inline script) blocks, first visit"},
		{"blocked warm", "first early call blocks, second visit (cached)"},
		{"early.html cold", "ready after an early call, first visit"},
		{"onload cold", "an open() on load blocks, first visit"},
		{"onload warm", "an open() on load blocks, second visit"},
	} {
		rows = append(rows, row{Name: r.name, Unit: "ms", Value: spreadOf(by[r.key])})
	}
	t.Logf("how an open() on load found the Go side (startRoute: count): %v", routes)
	return rows
}

// spread is a median with the min and max of the rounds it came from.
type spread struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

func spreadOf(v []float64) spread {
	if len(v) == 0 {
		return spread{}
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return spread{Median: s[len(s)/2], Min: s[0], Max: s[len(s)-1]}
}

func (s spread) String() string {
	if s.Min == s.Max {
		return num(s.Median)
	}
	return fmt.Sprintf("%s [%s–%s]", num(s.Median), num(s.Min), num(s.Max))
}

// row is one figure of the table: the polyfill's value, the reference it is
// measured against (and the stand-in, where one runs), the ratio and the
// target.
type row struct {
	Name         string  `json:"name"`
	Unit         string  `json:"unit"`
	Value        spread  `json:"value"`
	Ref          *spread `json:"reference,omitempty"`
	RefIs        string  `json:"reference_is,omitempty"`
	StandIn      *spread `json:"standin,omitempty"`
	Ratio        float64 `json:"ratio,omitempty"`
	StandInRatio float64 `json:"standin_ratio,omitempty"`
	// The rounds' own ratios, where the ways ran in interleaved rounds.
	RatioSpread        *spread `json:"ratio_rounds,omitempty"`
	StandInRatioSpread *spread `json:"standin_ratio_rounds,omitempty"`
	Target             string  `json:"target,omitempty"`
	Met                *bool   `json:"met,omitempty"`
}

// target sets the ratio to the reference and whether it meets limit (at
// most, or at least); with a stand-in, also within 0.05 of the stand-in's
// own ratio where withinStandIn.
func (r row) target(limit float64, atMost, withinStandIn bool) row {
	r = r.ratio()
	if r.Ratio == 0 {
		return r
	}
	met := r.Ratio <= limit
	r.Target = fmt.Sprintf("≤ %.2f ×", limit)
	if !atMost {
		met = r.Ratio >= limit
		r.Target = fmt.Sprintf("≥ %.2f ×", limit)
	}
	if r.StandIn != nil {
		if withinStandIn {
			met = met && r.Ratio-r.StandInRatio <= 0.05
			r.Target += ", stand-in + 0.05"
		}
	}
	r.Met = &met
	return r
}

// timed is the row of a measurement made in interleaved rounds by the ways
// "xdr", "fetch" (the reference, described by refIs) and, where measured,
// "standin". Its ratios are the medians of the rounds' own ratios: a round
// measures the ways one right after the other, so the ratio of a round is
// not moved by the machine being slower in one round than in another.
func timed(name, unit string, by map[string][]float64, refIs string) row {
	r := row{Name: name, Unit: unit, Value: spreadOf(by["xdr"]), RefIs: refIs}
	ref := spreadOf(by["fetch"])
	r.Ref = &ref
	r.RatioSpread = roundRatios(by["xdr"], by["fetch"])
	if len(by["standin"]) > 0 {
		standin := spreadOf(by["standin"])
		r.StandIn = &standin
		r.StandInRatioSpread = roundRatios(by["standin"], by["fetch"])
	}
	return r
}

func roundRatios(v, ref []float64) *spread {
	var ratios []float64
	for i := range min(len(v), len(ref)) {
		if ref[i] != 0 {
			ratios = append(ratios, v[i]/ref[i])
		}
	}
	s := spreadOf(ratios)
	return &s
}

// ratio sets the ratio to the reference, without a target.
func (r row) ratio() row {
	switch {
	case r.RatioSpread != nil:
		r.Ratio = r.RatioSpread.Median
	case r.Ref != nil && r.Ref.Median != 0:
		r.Ratio = r.Value.Median / r.Ref.Median
	}
	if r.StandInRatioSpread != nil {
		r.StandInRatio = r.StandInRatioSpread.Median
	}
	return r
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

func one(v float64) spread { return spread{v, v, v} }

// benchEngines are the engines BENCH_ENGINES names (all by default).
func benchEngines(t *testing.T) []*engine {
	want := os.Getenv("BENCH_ENGINES")
	if want == "" {
		return engines
	}
	var out []*engine
	for _, e := range engines {
		if slices.Contains(strings.Split(want, ","), e.Name) {
			out = append(out, e)
		}
	}
	require.NotEmpty(t, out, "BENCH_ENGINES=%s names no engine", want)
	return out
}

// benchDist is the build the bench measures: BENCH_DIST, or dist/.
func benchDist() string {
	if d := os.Getenv("BENCH_DIST"); d != "" {
		return d
	}
	return filepath.Join(root, "dist")
}

// xdrWays are the bench's three ways of a request: the polyfill, the
// plain-JavaScript stand-in and fetch (the reference).
var xdrWays = []string{"xdr", "standin", "fetch"}

func TestBench(t *testing.T) {
	began := time.Now()
	dist := benchDist()
	floor := filepath.Join(t.TempDir(), "floor.wasm")
	buildWasm(t, "./bench/floor", floor, true)

	// Sizes: the same in every engine.
	var sizeRows []row
	sizes := map[string][3]int{}
	for _, f := range []string{"xdomainrequest.wasm", "xdomainrequest.js", "wasm_exec.js", "floor.wasm"} {
		path := filepath.Join(dist, f)
		if f == "floor.wasm" {
			path = floor
		}
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		gz, br := compressed(b)
		sizes[f] = [3]int{len(b), gz, br}
		sizeRows = append(sizeRows, row{Name: "size " + f + ": raw [gzip -9 – brotli]", Unit: "bytes", Value: spread{float64(len(b)), float64(gz), float64(br)}})
	}
	brWasm, brFloor := float64(sizes["xdomainrequest.wasm"][2]), float64(sizes["floor.wasm"][2])
	sizeRows = append(sizeRows, row{Name: "size xdomainrequest.wasm, brotli", Unit: "bytes", Value: one(brWasm), Ref: &spread{brFloor, brFloor, brFloor}, RefIs: "least Go program using safejs, brotli"}.target(1.08, true, false))

	pages, api := benchServers(t, dist, floor)

	var md strings.Builder
	report := map[string]any{"sizes": sizeRows}
	fmt.Fprintf(&md, "%s %s/%s, %d CPUs, %s; polyfill from %s\n\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format("2006-01-02"), dist)
	writeTable(&md, sizeRows)
	for _, e := range benchEngines(t) {
		t.Run(e.Name, func(t *testing.T) {
			rows, browser := benchEngine(t, e, pages.URL, api.URL, began)
			fmt.Fprintf(&md, "\n### %s\n\n", browser)
			writeTable(&md, rows)
			report[e.Name] = map[string]any{"browser": browser, "rows": rows}
		})
	}
	fmt.Println("\n" + md.String())
	outDir := filepath.Join(root, "bench", "out")
	require.NoError(t, os.MkdirAll(outDir, 0o755))
	js, _ := json.MarshalIndent(report, "", "  ")
	require.NoError(t, os.WriteFile(filepath.Join(outDir, "bench.json"), js, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outDir, "bench.md"), []byte(md.String()), 0o644))
}

// buildWasm builds a Go package for js/wasm into out, stripped of names or
// not (a profile wants the names of Go's functions).
func buildWasm(t *testing.T, pkg, out string, stripped bool) {
	flags := []string{"build", "-trimpath", "-o", out}
	if stripped {
		flags = append(flags, "-ldflags=-s -w -buildid=")
	}
	build := exec.Command("go", append(flags, pkg)...)
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	b, err := build.CombinedOutput()
	require.NoError(t, err, "building %s: %s", pkg, b)
}

// benchServers starts the bench's page origin (its pages, bench/*.js, the
// polyfill from dist and the floor program) and its endpoint origin.
func benchServers(t *testing.T, dist, floor string) (pages, api *httptest.Server) {
	s := &site{pages: map[string]string{
		"/bench.html":         benchPage,
		"/bench-cpu.html":     benchCPUPage,
		"/startup-xdr.html":   startupXDR,
		"/startup-ready.html": startupReady,
		"/startup-floor.html": startupFloor,
	}}
	s.hook = func(w http.ResponseWriter, r *http.Request) bool {
		w.Header().Set("Cache-Control", "no-store")
		if r.URL.Path == "/bench.html" || r.URL.Path == "/bench-cpu.html" {
			// Cross-origin isolated: performance.now() then steps by 5 µs
			// in Chromium and 20 µs in Firefox and WebKit, instead of
			// 100 µs and a whole millisecond, a request's own length in
			// WebKit. (The endpoint's answers are CORS requests, which the
			// embedder policy lets through.)
			w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
			w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		}
		switch {
		case r.URL.Path == "/floor/floor.wasm" && floor != "":
			w.Header().Set("Content-Type", "application/wasm")
			http.ServeFile(w, r, floor)
		case r.URL.Path == "/bench/standin.js" || r.URL.Path == "/bench/page.js":
			w.Header().Set("Content-Type", "text/javascript")
			http.ServeFile(w, r, filepath.Join(root, r.URL.Path))
		case strings.HasPrefix(r.URL.Path, "/c/"):
			readinessHandler(dist).ServeHTTP(w, r)
		case strings.HasPrefix(r.URL.Path, "/dist/"):
			http.StripPrefix("/dist/", http.FileServer(http.Dir(dist))).ServeHTTP(w, r)
		default:
			return false
		}
		return true
	}
	pages = newPageServer(s)
	t.Cleanup(pages.Close)
	api = httptest.NewServer(benchEndpoints())
	t.Cleanup(api.Close)
	return pages, api
}

// rounds runs each way's measurement once per round, the ways' order
// rotating from round to round, and returns each way's results.
func rounds(n int, ways []string, measure func(way string) float64) map[string][]float64 {
	res := map[string][]float64{}
	for i := 0; i < n; i++ {
		for k := range ways {
			way := ways[(i+k)%len(ways)]
			res[way] = append(res[way], measure(way))
		}
	}
	return res
}

// interleavedRounds measures ways in n rounds of page.js's interleaved():
// in a round, perRound requests of each way, one at a time, the ways taking
// turns. It returns each way's milliseconds per request, by round.
func interleavedRounds(tb *tab, ways []string, method, path string, n, perRound int) map[string][]float64 {
	list, err := json.Marshal(ways)
	if err != nil {
		panic(err)
	}
	res := map[string][]float64{}
	for i := 0; i < n; i++ {
		ms := eval[[]float64](tb, fmt.Sprintf("interleaved(%s, %q, %d, %q)", list, method, perRound, path))
		for k, way := range ways {
			res[way] = append(res[way], ms[k])
		}
	}
	return res
}

// responseKinds are the three kinds of the small answer (benchEndpoints):
// with a Content-Length, the fast path of the edge's reader, and the two
// without one, whose end the reader learns only from the browser.
var responseKinds = []struct{ path, name string }{
	{"/small", "with a Content-Length"},
	{"/chunked", "chunked"},
	{"/gzip", "gzip on the fly, chunked"},
}

// BENCH_ONLY=kinds measures only the figures that differ by kind of
// response (start-up, sequential GETs and 200 at once, in every kind),
// for before/after work on the reader; BENCH_ROUNDS=n runs n rounds of
// each of them instead of 11 (start-up), 61 (sequential) and 31 (at once).
var kindsOnly = os.Getenv("BENCH_ONLY") == "kinds"

var startupRounds, sequentialRounds, concurrentRounds = benchRounds(11), benchRounds(61), benchRounds(31)

func benchRounds(n int) int {
	var r int
	if _, err := fmt.Sscan(os.Getenv("BENCH_ROUNDS"), &r); err == nil && r > 0 {
		return r
	}
	return n
}

func benchEngine(t *testing.T, e *engine, pagesURL, apiURL string, began time.Time) ([]row, string) {
	progress := func(what string) { t.Logf("%s: %s done at %v", e.Name, what, time.Since(began).Round(time.Second)) }
	var rows []row
	// Readiness first, each first visit in its own tab (one tab at a time:
	// WebKit's driver has one session).
	if !kindsOnly {
		rows = readiness(t, e, pagesURL, apiURL)
		progress("readiness")
	}
	tb := newTab(t, e)

	// Start-up: navigation start until a first request has completed, the
	// polyfill against the least Go program on safejs followed by fetch,
	// for each kind of response. The stages of the asynchronous start, the
	// polyfill's against the floor's (with a Content-Length): until Go has
	// run main, of which go.run (Go's runtime and main), then the first
	// request.
	for _, kind := range responseKinds {
		stages := map[string]map[string][]float64{"ran": {}, "run": {}, "request": {}}
		start := rounds(startupRounds, []string{"floor", "ready", "xdr"}, func(way string) float64 {
			visits++
			tb.navigate(fmt.Sprintf("%s/startup-%s.html?%s%s?i=%d", pagesURL, way, apiURL, kind.path, visits))
			waitFor(tb, "window.done", 20*time.Second)
			type times struct{ Done, Ran, Run float64 }
			at := eval[times](tb, "({done: done, ran: window.ran || 0, run: window.run || 0})")
			if key := map[string]string{"floor": "fetch", "ready": "xdr"}[way]; key != "" {
				stages["ran"][key] = append(stages["ran"][key], at.Ran)
				stages["run"][key] = append(stages["run"][key], at.Run)
				stages["request"][key] = append(stages["request"][key], at.Done-at.Ran)
			}
			return at.Done
		})
		start["fetch"] = start["floor"]
		early := map[string][]float64{"xdr": start["xdr"], "fetch": start["floor"]}
		start["xdr"] = start["ready"]
		if kind.path == "/small" {
			rows = append(rows,
				timed("start-up: first XDomainRequest done, sent when ready resolves, from navigation", "ms", start, "least Go program on safejs + fetch").target(1.15, true, false),
				timed("… of which until Go has run main (the polyfill: ready resolves)", "ms", stages["ran"], "least Go program on safejs").ratio(),
				timed("… … of which go.run (Go's runtime and main)", "ms", stages["run"], "least Go program on safejs").ratio(),
				timed("… then the first request until its onload (fetch + text() for the floor)", "ms", stages["request"], "fetch + text()").ratio(),
				timed("start-up: first XDomainRequest done, sent in the first inline script (synchronous start)", "ms", early, "least Go program on safejs + fetch").ratio())
			continue
		}
		rows = append(rows,
			timed("start-up, "+kind.name+": first XDomainRequest done, sent when ready resolves, from navigation", "ms", start, "least Go program on safejs + fetch").target(1.15, true, false),
			timed("… then the first request until its onload (fetch + text() for the floor)", "ms", stages["request"], "fetch + text()").ratio(),
			timed("start-up, "+kind.name+": first XDomainRequest done, sent in the first inline script (synchronous start)", "ms", early, "least Go program on safejs + fetch").ratio())
	}
	progress("start-up")
	if e.Name == "chromium" || e.Name == "firefox" {
		rows = append(rows, extensionStartup(t, e.Name, apiURL)...)
		progress("start-up with the extension")
	}
	if os.Getenv("BENCH_ONLY") == "startup" {
		return rows, browserName(eval[string](tb, "navigator.userAgent"))
	}

	tb.open(pagesURL + "/bench.html?" + apiURL)
	browser := eval[string](tb, "navigator.userAgent")
	type clock struct {
		Step     float64 `json:"step"`
		Isolated bool    `json:"isolated"`
	}
	c := eval[clock](tb, "clock()")
	rows = append(rows, row{Name: fmt.Sprintf("the bench page's clock: step of performance.now() (cross-origin isolated: %v)", c.Isolated), Unit: "µs", Value: one(c.Step)})
	// Warm the connections and the JIT.
	all := append(slices.Clone(xdrWays), "xhr")
	for _, way := range all {
		eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', 200)", way))
	}
	for _, method := range []string{"GET", "POST"} {
		if kindsOnly && method == "POST" {
			continue
		}
		n, perRound := sequentialRounds, 40
		lat := interleavedRounds(tb, all, method, "/small", n, perRound)
		rows = append(rows, timed(fmt.Sprintf("sequential %ss, own URL each, per request (%d rounds of %d per way, taking turns)", method, n, perRound), "ms", lat, "fetch").target(1.10, true, true))
		lat["xdr"], lat["standin"] = lat["xhr"], nil
		rows = append(rows, timed(fmt.Sprintf("sequential %ss: XMLHttpRequest, per request", method), "ms", lat, "fetch").ratio())
		progress("sequential " + method)
	}
	// The same GETs answered without a Content-Length: chunked, and
	// compressed on the fly. The three ways and fetch take turns as above.
	for _, kind := range responseKinds[1:] {
		for _, way := range xdrWays { // warm this endpoint's path through the reader
			eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', 50, %q)", way, kind.path))
		}
		lat := interleavedRounds(tb, xdrWays, "GET", kind.path, sequentialRounds, 40)
		rows = append(rows, timed(fmt.Sprintf("sequential GETs, %s, own URL each, per request (%d rounds of 40 per way, taking turns)", kind.name, sequentialRounds), "ms", lat, "fetch").target(1.10, true, true))
		progress("sequential GET " + kind.path)
	}
	// The same without the network: what the scripts' own work costs.
	if !kindsOnly {
		tb.open(pagesURL + "/bench-cpu.html?" + apiURL)
		cpu := rounds(21, xdrWays, func(way string) float64 {
			return eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', 1000)", way)) * 1000
		})
		rows = append(rows, timed("sequential GETs without the network (fetch answers at once), per request (rounds of 1,000)", "µs", cpu, "fetch").ratio())
		progress("without the network")
	}
	tb.open(pagesURL + "/bench.html?" + apiURL)
	for _, kind := range responseKinds {
		for _, way := range xdrWays { // warm, in the fresh page
			eval[float64](tb, fmt.Sprintf("concurrent(%q, 200, %q)", way, kind.path))
		}
		conc := rounds(concurrentRounds, xdrWays, func(way string) float64 {
			return eval[float64](tb, fmt.Sprintf("concurrent(%q, 200, %q)", way, kind.path))
		})
		if kind.path == "/small" {
			rows = append(rows, timed("200 GETs at once, own URL each, until all are done", "ms", conc, "fetch").target(1.10, true, false))
			continue
		}
		rows = append(rows, timed("200 GETs at once, "+kind.name+", own URL each, until all are done", "ms", conc, "fetch").target(1.10, true, true))
	}
	progress("concurrency")
	if kindsOnly {
		return rows, browserName(browser)
	}

	type streamed struct {
		Ms     float64 `json:"ms"`
		Length int     `json:"length"`
		Events int     `json:"events"`
	}
	events := 0
	for _, way := range xdrWays { // warm: the first transfers are slower in every way
		eval[streamed](tb, fmt.Sprintf("stream(%q)", way))
	}
	str := rounds(31, xdrWays, func(way string) float64 {
		r := eval[streamed](tb, fmt.Sprintf("stream(%q)", way))
		require.Equal(t, bigBody, r.Length, way)
		if way == "xdr" {
			events = r.Events
		}
		return float64(bigBody) / 1e6 / (r.Ms / 1000)
	})
	rows = append(rows, timed(fmt.Sprintf("streaming 64 MiB through onprogress (%d events)", events), "MB/s", str, "fetch + reader + TextDecoder").target(0.95, false, false))
	progress("streaming")

	// Memory: a fresh page, after 100 and after 5,000 requests.
	type mem struct {
		JSHeap float64 `json:"jsHeap"`
		Wasm   float64 `json:"wasm"`
		GoHeap float64 `json:"goHeap"`
	}
	tb.open(pagesURL + "/bench.html?" + apiURL)
	eval[float64](tb, `sequential("xdr", "GET", 100)`)
	m100 := eval[mem](tb, "memory()")
	for i := 0; i < 5; i++ { // 2,450 sequential, then 2,450 fifty at a time
		eval[float64](tb, `sequential("xdr", "GET", 490)`)
	}
	for i := 0; i < 7; i++ {
		eval[float64](tb, `(function () { var p = Promise.resolve(0); for (var i = 0; i < 7; i++) p = p.then(function () { return concurrent("xdr", 50); }); return p; })()`)
	}
	m5000 := eval[mem](tb, "memory()")
	growth, what := m5000.Wasm-m100.Wasm, "wasm memory (no JS heap figure in this engine)"
	if m100.JSHeap >= 0 {
		growth += m5000.JSHeap - m100.JSHeap
		what = "JS heap + wasm memory"
	}
	met := growth <= 1<<20
	rows = append(rows,
		row{Name: "memory after 100 requests: wasm [Go heap – JS heap]", Unit: "bytes", Value: spread{m100.Wasm, m100.GoHeap, m100.JSHeap}},
		row{Name: "memory after 5,000 requests: wasm [Go heap – JS heap]", Unit: "bytes", Value: spread{m5000.Wasm, m5000.GoHeap, m5000.JSHeap}},
		row{Name: "memory growth 100 → 5,000 requests, " + what, Unit: "bytes", Value: one(growth), Target: "≤ 1 MiB", Met: &met},
	)
	progress("memory")
	return rows, browserName(browser)
}

func writeTable(md *strings.Builder, rows []row) {
	fmt.Fprintf(md, "| figure | XDomainRequest | reference | stand-in | ratio | stand-in ratio | target | met |\n| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n")
	for _, r := range rows {
		ref, standin, ratio, sratio, met := "", "", "", "", ""
		if r.Ref != nil {
			ref = r.Ref.String() + " (" + r.RefIs + ")"
		}
		if r.StandIn != nil {
			standin = r.StandIn.String()
		}
		if r.Ratio > 0 {
			ratio = fmt.Sprintf("%.3f", r.Ratio)
			if s := r.RatioSpread; s != nil {
				ratio = fmt.Sprintf("%.3f [%.2f–%.2f]", s.Median, s.Min, s.Max)
			}
		}
		if s := r.StandInRatioSpread; s != nil {
			sratio = fmt.Sprintf("%.3f [%.2f–%.2f]", s.Median, s.Min, s.Max)
		}
		if r.Met != nil {
			met = map[bool]string{true: "met", false: "NOT MET"}[*r.Met]
		}
		fmt.Fprintf(md, "| %s | %s %s | %s | %s | %s | %s | %s | %s |\n", r.Name, r.Value, r.Unit, ref, standin, ratio, sratio, r.Target, met)
	}
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
	if math.Abs(v) < 1e-6 {
		return "0" // a difference of equal sums, left by floating-point rounding
	}
	return fmt.Sprintf("%.3g", v)
}

// browserName is the engine and version in a user agent string (WebKitGTK's
// MiniBrowser says Version/60.5: the driver's session knows the version).
func browserName(ua string) string {
	if v := webkit.Version(); v != "" && strings.Contains(ua, "AppleWebKit/") && !strings.Contains(ua, "Chrome/") {
		return v + " (under Xvfb)"
	}
	for _, p := range []string{"Chrome/", "Firefox/", "Version/"} {
		if i := strings.Index(ua, p); i >= 0 {
			v := ua[i:]
			if j := strings.IndexByte(v, ' '); j >= 0 {
				v = v[:j]
			}
			name := map[string]string{"Chrome/": "Chromium ", "Firefox/": "Firefox ", "Version/": "WebKit "}[p]
			return "Headless " + name + strings.TrimPrefix(v, p)
		}
	}
	return ua
}

// Start-up with the browser extension (extension/): a page without the
// polyfill's tags on a site the extension serves, each round a first
// visit of a new page, against the same page with the tags on a site it
// does not serve. Both time from the page's first script (t0), as the
// readiness rows do.
const benchT0 = `<script>window.t0 = performance.now();</script>`

var extensionBenchPages = map[string]string{
	"/bench-ready.html":      benchT0 + `<script>` + script("bench/first_request_when_ready.js") + `</script>`,
	"/bench-ready-tags.html": benchT0 + tags + `<script>` + script("bench/first_request_when_ready.js") + `</script>`,
	"/bench-early.html":      benchT0 + `<script>` + script("bench/first_request_now.js") + `</script>`,
	"/bench-early-tags.html": benchT0 + tags + `<script>` + script("bench/first_request_now.js") + `</script>`,
}

// extensionStartup measures the start-up rows of the extension in the
// engine name with the extension loaded (extension_test.go).
func extensionStartup(t *testing.T, name, apiURL string) []row {
	e := extensionEngine(t, name)
	t.Cleanup(removeExtensionPolicy)
	s := newExtensionSite(t, extensionBenchPages)
	waitListed(t, e, s)
	tb := newTab(t, e)
	// The endpoints under the Internet host name: the listed page is an
	// Internet page, which may not reach 127.0.0.1.
	api := "http://" + internetAPIHost + apiURL[strings.LastIndex(apiURL, ":"):]
	ready, done := map[string][]float64{}, map[string][]float64{}
	early := rounds(11, []string{"xdr", "fetch", "xdr-early", "fetch-early"}, func(way string) float64 {
		page := map[string]string{
			"xdr": s.listed("/bench-ready.html"), "fetch": s.unlisted("/bench-ready-tags.html"),
			"xdr-early": s.listed("/bench-early.html"), "fetch-early": s.unlisted("/bench-early-tags.html"),
		}[way]
		tb.navigate(page + "?" + api)
		waitFor(tb, "window.done", 20*time.Second)
		if strings.HasSuffix(way, "-early") {
			return eval[float64](tb, "done")
		}
		ready[way] = append(ready[way], eval[float64](tb, "ready"))
		done[way] = append(done[way], eval[float64](tb, "done"))
		return 0
	})
	early["xdr"], early["fetch"] = early["xdr-early"], early["fetch-early"]
	const ref = "the same page with the polyfill's script tags, on a site the extension does not serve"
	return []row{
		timed("start-up, extension, first visit: XDomainRequest.ready, from the page's first script", "ms", ready, ref).ratio(),
		timed("… the first request, sent when ready resolves, done, from the page's first script", "ms", done, ref).ratio(),
		timed("start-up, extension, first visit: first XDomainRequest done, sent in the first inline script (synchronous start), from the page's first script", "ms", early, ref).ratio(),
	}
}
