//go:build !(js && wasm)

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTimeoutStrings: timeout reads a string as JavaScript's Number() does
// (the seed page assigns a text box's value): white space is every Unicode
// space separator and the BOM as well as ASCII's, and hexadecimal, binary
// and octal literals are numbers. After readiness, and from the first
// inline script (before it: the polyfill starts synchronously then).
func TestTimeoutStrings(t *testing.T) { forEachEngine(t, testTimeoutStrings) }

// timeoutCases are what each string reads back as (a string: the message
// thrown).
var timeoutCases = []struct {
	in   string
	want any
}{
	{"5000\u3000", 5000.0}, {"\u00a05000", 5000.0}, {"\ufeff5000\u2029", 5000.0}, {"\u20005000\u205f", 5000.0},
	{"0x10", 16.0}, {"0b11", 3.0}, {"0o17", 15.0}, {"1e3", 1000.0}, {" Infinity ", 2147483647.0},
	{"", 0.0}, {"\u180e5000", "Invalid argument."}, {"-0x10", "Invalid argument."}, {"1_000", "Invalid argument."},
}

const timeoutProbe = `(function (cases) {
  return cases.map(function (s) {
    var x = new XDomainRequest();
    try { x.timeout = s; return x.timeout; } catch (e) { return e.message; }
  });
})`

func testTimeoutStrings(t *testing.T, e *engine) {
	var in []string
	var want []any
	for _, c := range timeoutCases {
		in = append(in, c.in)
		want = append(want, c.want)
	}
	c := confSetup(t, e, nil)
	assert.Equal(t, want, evalT[[]any](t, c.tb, timeoutProbe+"("+jsonOf(in)+")"), "after readiness")

	s := &site{pages: map[string]string{"/": tags + `<script>window.early = ` + timeoutProbe + `(` + jsonOf(in) + `);</script>`}}
	pageURL, _ := origins(t, s)
	tb := newTab(t, e)
	tb.open(pageURL + "/")
	assert.Equal(t, want, eval[[]any](tb, "early"), "from the first inline script")
}
