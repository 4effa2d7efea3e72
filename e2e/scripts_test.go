//go:build !(js && wasm)

package e2e

import (
	"embed"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The page JavaScript of the cases is in testdata/<case>/*.js, a folder
// for each case file (testdata/conformance/ for conformance_test.go),
// embedded here. A file holds either a script that a page carries as it is
// (script), or one function expression that a case calls with arguments
// given as JSON (call): the page evaluates
// (<the file's function>)(<arg 1 as JSON>, ...).

//go:embed testdata
var testdata embed.FS

// script is the source of testdata/<name>.
func script(name string) string {
	b, err := testdata.ReadFile("testdata/" + name)
	if err != nil {
		panic(err) // a name no file has: a mistake in a case
	}
	return string(b)
}

// callExpr is the expression that calls the function of testdata/<name>
// with args, each as JSON.
func callExpr(name string, args ...any) string {
	js := make([]string, len(args))
	for i, a := range args {
		js[i] = jsonOf(a)
	}
	return "(" + strings.TrimRight(script(name), "\n;") + "\n)(" + strings.Join(js, ", ") + ")"
}

// call calls the function of testdata/<name> in the page with args (as
// JSON) and gives its value (a promise awaited).
func call[T any](tb *tab, name string, args ...any) T {
	tb.t.Helper()
	return callT[T](tb.t, tb, name, args...)
}

// callT is call failing t, the test or subtest at hand.
func callT[T any](t *testing.T, tb *tab, name string, args ...any) T {
	t.Helper()
	ctx, cancel := tb.ctx(30 * time.Second)
	defer cancel()
	raw, err := tb.d.Evaluate(ctx, callExpr(name, args...))
	require.NoError(t, err, "%s: calling testdata/%s with %s", tb.e.Name, name, jsonOf(args))
	v, err := decodeJS[T](raw)
	require.NoError(t, err, "%s: the value of testdata/%s with %s", tb.e.Name, name, jsonOf(args))
	return v
}
