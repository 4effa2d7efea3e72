//go:build bench && !(js && wasm)

package e2e

// `make profile`: where a request's time goes, in Chromium's own sampling
// profiler (DevTools protocol Profiler, 50 µs), for the polyfill, the
// plain-JavaScript stand-in and fetch, each making the same sequential GETs
// with their own URLs; and the polyfill's crossings, timers and collections
// per request (XDomainRequest.stats()). The table gives self time per
// request by function, grouped by where the function lives.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/e2e/browser"
)

func TestBenchProfile(t *testing.T) {
	// A build with the names of Go's functions (dist/ is stripped).
	dist := t.TempDir()
	for _, f := range []string{"xdomainrequest.js", "wasm_exec.js"} {
		b, err := os.ReadFile(filepath.Join(root, "dist", f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dist, f), b, 0o644))
	}
	buildWasm(t, ".", filepath.Join(dist, "xdomainrequest.wasm"), false)
	pages, api := benchServers(t, dist, "")
	tb := newTab(t, chromium)
	ctx, _ := browser.ChromiumContext(tb.d)
	tb.open(pages.URL + "/bench.html?" + api.URL)
	for _, way := range xdrWays {
		eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', 300)", way))
	}

	const n = 600
	before := eval[crossings](tb, "XDomainRequest.stats()")
	eval[float64](tb, fmt.Sprintf("sequential('xdr', 'GET', %d)", n))
	t.Log("polyfill per request: " + before.per(eval[crossings](tb, "XDomainRequest.stats()"), n))

	_, err := chromedp.Call(ctx, profiler.Enable, struct{}{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 50})
	require.NoError(t, err)
	self := map[string]map[string]float64{} // way -> function -> µs per request
	wall := map[string]float64{}
	for _, way := range []string{"xdr", "standin", "fetch", "xdr", "standin", "fetch"} {
		_, err = chromedp.Call(ctx, profiler.Start, struct{}{})
		require.NoError(t, err)
		ms := eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', %d)", way, n))
		res, err := chromedp.Call(ctx, profiler.Stop, struct{}{})
		require.NoError(t, err)
		wall[way] += ms * 1000 / 2 // µs per request
		if self[way] == nil {
			self[way] = map[string]float64{}
		}
		for k, v := range selfTimes(res.Profile) {
			self[way][k] += v / n / 2
		}
	}
	var keys []string
	for _, m := range self {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		d := (self["xdr"][b] - self["fetch"][b]) - (self["xdr"][a] - self["fetch"][a])
		switch {
		case d > 0:
			return 1
		case d < 0:
			return -1
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	fmt.Fprintf(&b, "self time per request, µs (Chromium sampling profiler, 50 µs; %d sequential GETs with their own URLs, twice per way):\n", n)
	fmt.Fprintf(&b, "  %-62s %9s %9s %9s\n", "function", "polyfill", "stand-in", "fetch")
	fmt.Fprintf(&b, "  %-62s %9.0f %9.0f %9.0f\n", "wall time per request", wall["xdr"], wall["standin"], wall["fetch"])
	var busy [3]float64
	for _, k := range keys {
		for i, w := range xdrWays {
			if k != "(idle)" {
				busy[i] += self[w][k]
			}
		}
	}
	fmt.Fprintf(&b, "  %-62s %9.0f %9.0f %9.0f\n", "busy (all but idle)", busy[0], busy[1], busy[2])
	for _, k := range keys {
		x, sI, f := self["xdr"][k], self["standin"][k], self["fetch"][k]
		if max(x, sI, f) < 4 {
			continue
		}
		fmt.Fprintf(&b, "  %-62s %9.0f %9.0f %9.0f\n", k, x, sI, f)
	}
	t.Log(b.String())
}

// selfTimes sums a profile's sample intervals by the function on top of the
// stack, named "where: function".
func selfTimes(p *profiler.Profile) map[string]float64 {
	name := map[int64]string{}
	for _, node := range p.Nodes {
		cf := node.CallFrame
		where := cf.URL
		switch {
		case strings.HasPrefix(where, "wasm://") || strings.HasSuffix(where, ".wasm"):
			where = "Go wasm"
		case where == "":
			where = "native"
		default:
			where = where[strings.LastIndexByte(where, '/')+1:]
			if i := strings.IndexByte(where, '?'); i >= 0 {
				where = where[:i]
			}
		}
		fn := cf.FunctionName
		if where == "Go wasm" && (fn == "" || strings.HasPrefix(fn, "wasm-function")) {
			fn = "(all Go functions)" // a stripped build has no names
		}
		if fn == "" {
			fn = "(anonymous)"
		}
		if where == "native" && strings.HasPrefix(fn, "(") {
			name[node.ID] = fn
		} else {
			name[node.ID] = where + ": " + fn
		}
	}
	out := map[string]float64{}
	for i, id := range p.Samples {
		if i+1 < len(p.TimeDeltas) {
			out[name[id]] += float64(p.TimeDeltas[i+1])
		}
	}
	return out
}

// TestBenchLadder (`make profile`, every engine): where a request's extra
// time goes in engines whose profiler the bench cannot drive. The page
// climbs from fetch + text() to an XDomainRequest one piece at a time
// (bench/page.js, ladder), in interleaved rounds of sequential GETs with
// their own URLs, beside the stand-in and the polyfill; each step's cost is
// the median of its rounds' differences from the step below. It climbs
// twice: without the network (bench-cpu.html: fetch answers at once, so
// what is left is the scripts' own work, which the loopback's latency
// would otherwise drown), then against the bench's server. The
// polyfill's crossings into Go, host calls, timers and collections per
// request come from XDomainRequest.stats().
func TestBenchLadder(t *testing.T) {
	pages, api := benchServers(t, filepath.Join(root, "dist"), "")
	for _, e := range benchEngines(t) {
		t.Run(e.Name, func(t *testing.T) {
			tb := newTab(t, e)
			t.Log(ladder(tb, e, pages.URL+"/bench-cpu.html?"+api.URL, "without the network", 21, 1000, false))
			t.Log(ladder(tb, e, pages.URL+"/bench.html?"+api.URL, "against the bench's server, the ways taking turns request by request", 31, 40, true))
		})
	}
}

func ladder(tb *tab, e *engine, page, where string, n, perRound int, interleave bool) string {
	steps := []string{"fetch", "bytes", "decoder", "signal", "url", "object", "standin", "xdr"}
	if v := os.Getenv("LADDER_STEPS"); v != "" {
		steps = strings.Split(v, ",")
	}
	what := map[string]string{
		"fetch":   "fetch + text()",
		"bytes":   "arrayBuffer() + one TextDecoder kept, instead of text()",
		"decoder": "+ a new TextDecoder per request, for its charset",
		"signal":  "+ an AbortController's signal",
		"url":     "+ new URL() against the base, as open() does",
		"object":  "+ an EventTarget with four on* listeners, progress and load dispatched",
		"standin": "the stand-in (a stream reader instead of arrayBuffer())",
		"xdr":     "the polyfill",
	}
	tb.open(page)
	for _, way := range steps {
		eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', %d)", way, perRound))
	}
	before := eval[crossings](tb, "XDomainRequest.stats()")
	var by map[string][]float64
	if interleave {
		by = interleavedRounds(tb, steps, "GET", "/small", n, perRound)
	} else {
		by = rounds(n, steps, func(way string) float64 {
			return eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', %d)", way, perRound))
		})
	}
	after := eval[crossings](tb, "XDomainRequest.stats()")
	us := func(v []float64) spread {
		out := make([]float64, len(v))
		for k := range v {
			out[k] = v[k] * 1000
		}
		return spreadOf(out)
	}
	diff := func(way, ref string) spread {
		var d []float64
		for k := range by[way] {
			d = append(d, (by[way][k]-by[ref][k])*1000)
		}
		return spreadOf(d)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s, %s, sequential GETs with their own URLs, %d rounds of %d, µs per request (median [min–max] over rounds):\n",
		e.Name, browserName(eval[string](tb, "navigator.userAgent")), where, n, perRound)
	fmt.Fprintf(&b, "  %-72s %18s %22s %22s\n", "step", "per request", "step's cost", "over fetch")
	for i, way := range steps {
		step, over := "", ""
		switch way {
		case "fetch":
		case "standin", "xdr":
			step, over = "vs object: "+diff(way, "object").String(), diff(way, "fetch").String()
		default:
			step, over = diff(way, steps[i-1]).String(), diff(way, "fetch").String()
		}
		fmt.Fprintf(&b, "  %-72s %18s %22s %22s\n", what[way], us(by[way]).String(), step, over)
	}
	fmt.Fprintf(&b, "  polyfill per request: %s", before.per(after, float64(n*perRound)))
	return b.String()
}

// crossings are the counters of XDomainRequest.stats() that say what a
// request costs besides time.
type crossings struct{ GoCalls, GoHostCalls, GoCollections, Timers float64 }

// per is what happened per request between c and later, over n requests
// (the stats() call that read later is one call into Go, not counted).
func (c crossings) per(later crossings, n float64) string {
	return fmt.Sprintf("%.3f calls into Go, %.3f host calls, %.4f Go collections, %.3f timers",
		(later.GoCalls-c.GoCalls-1)/n, (later.GoHostCalls-c.GoHostCalls)/n,
		(later.GoCollections-c.GoCollections)/n, (later.Timers-c.Timers)/n)
}
