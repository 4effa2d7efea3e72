//go:build bench && !(js && wasm)

package e2e

// `make bench-script SCRIPT=bench/ab/turns.js`: one measurement script,
// evaluated in the bench page (bench.html: page.js's ways and helpers,
// the stand-in, the polyfill ready) of each engine BENCH_ENGINES names,
// against the build in BENCH_DIST (dist/ by default); it prints the string
// the script resolves to. For A/B work on the polyfill: copy dist/ to a
// directory, change its xdomainrequest.js there, and run the script
// against both builds in turn, several times (bench/ab/ has the scripts
// the README's "What is left" figures came from; pair.js measures two
// builds in one page, which separate runs cannot match).

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestBenchScript(t *testing.T) {
	script := os.Getenv("SCRIPT")
	if script == "" {
		t.Skip("SCRIPT names no measurement script (make bench-script SCRIPT=bench/ab/turns.js)")
	}
	if !filepath.IsAbs(script) {
		script = filepath.Join(root, script)
	}
	src, err := os.ReadFile(script)
	require.NoError(t, err)
	dist := benchDist()
	pages, api := benchServers(t, dist, "")
	for _, e := range benchEngines(t) {
		t.Run(e.Name, func(t *testing.T) {
			tb := newTab(t, e)
			tb.open(pages.URL + "/bench.html?" + api.URL)
			ctx, cancel := tb.ctx(20 * time.Minute)
			defer cancel()
			raw, err := tb.d.Evaluate(ctx, string(src))
			require.NoError(t, err, "%s: evaluating %s", e.Name, script)
			out, err := decodeJS[string](raw)
			require.NoError(t, err)
			t.Logf("%s, %s, %s:\n%s", filepath.Base(script), browserName(eval[string](tb, "navigator.userAgent")), dist, out)
		})
	}
}
