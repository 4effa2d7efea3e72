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
	ctx := tb.d.(*cdpTab).ctx
	tb.open(pages.URL + "/bench.html?" + api.URL)
	for _, way := range []string{"xdr", "standin", "fetch"} {
		eval[float64](tb, fmt.Sprintf("sequential(%q, 'GET', 300)", way))
	}

	type stats struct{ GoCalls, GoHostCalls, GoCollections, Timers float64 }
	const n = 600
	before := eval[stats](tb, "XDomainRequest.stats()")
	eval[float64](tb, fmt.Sprintf("sequential('xdr', 'GET', %d)", n))
	after := eval[stats](tb, "XDomainRequest.stats()")
	per := func(a, b float64) float64 { return (b - a) / n }
	t.Logf("per request: %.2f calls into Go, %.2f host calls, %.4f collections, %.2f timers (stats() itself is one call)",
		per(before.GoCalls, after.GoCalls)-1.0/n, per(before.GoHostCalls, after.GoHostCalls), per(before.GoCollections, after.GoCollections), per(before.Timers, after.Timers))

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
		for i, w := range []string{"xdr", "standin", "fetch"} {
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
