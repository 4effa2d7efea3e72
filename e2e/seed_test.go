//go:build !(js && wasm)

package e2e

// The seed article's example page (web/index.html), driven through its own
// text boxes and buttons, its alert() dialogs captured.

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

func endpoints() http.Handler { return devserver.EndpointHandler() }

// seedPage opens the example page with the URL and timeout boxes filled.
func seedPage(t *testing.T, e *engine, path, timeout string) *tab {
	t.Helper()
	pageURL, apiURL := origins(t, devserver.PageHandler(root))
	tb := newTab(t, e)
	tb.open(pageURL + "/")
	tb.setValue("tbURL", apiURL+path)
	tb.setValue("tbTO", timeout)
	return tb
}

// clickButton clicks the page's button with that label.
func (tb *tab) clickButton(label string) {
	tb.t.Helper()
	tb.click(`input[value="` + label + `"]`)
}

// get clicks Get and follows the alerts up to onload; it returns the texts
// that onprogress showed.
func (tb *tab) getUntilLoad() (progress []string) {
	t := tb.t
	t.Helper()
	tb.clickButton("Get")
	for {
		m := tb.dialog(10 * time.Second)
		switch m {
		case "XDR onprogress":
			got := tb.dialog(5 * time.Second)
			require.True(t, strings.HasPrefix(got, "Got: "), "after onprogress: %q", got)
			progress = append(progress, strings.TrimPrefix(got, "Got: "))
		case "XDR onload":
			got := tb.dialog(5 * time.Second)
			require.Equal(t, "Got: "+devserver.Body(), got, "onload shows the whole body")
			return progress
		default:
			t.Fatalf("unexpected alert(%q) before onload", m)
		}
	}
}

func TestSeedGet(t *testing.T) { forEachEngine(t, testSeedGet) }

func testSeedGet(t *testing.T, e *engine) {
	tb := seedPage(t, e, "/xdr.txt?gap=300", "10000")
	progress := tb.getUntilLoad()
	body := devserver.Body()
	require.NotEmpty(t, progress, "onprogress before onload")
	assert.GreaterOrEqual(t, len(progress), 2, "the body arrives in chunks 300 ms apart: several onprogress")
	prev := ""
	for _, p := range progress {
		assert.True(t, strings.HasPrefix(body, p), "responseText in onprogress is a prefix of the body: %q", p)
		assert.GreaterOrEqual(t, len(p), len(prev), "responseText grows")
		prev = p
	}
	assert.True(t, strings.HasPrefix(progress[0], devserver.Chunks[0]), "the first onprogress holds the first chunk")
	tb.noDialog(500 * time.Millisecond)
}

func TestSeedRead(t *testing.T) { forEachEngine(t, testSeedRead) }

func testSeedRead(t *testing.T, e *engine) {
	tb := seedPage(t, e, "/xdr.txt?gap=50", "10000")
	tb.getUntilLoad()
	tb.clickButton("Read")
	assert.Equal(t, "Content-type: text/plain", tb.dialog(5*time.Second))
	assert.Equal(t, "Length: "+itoa(len(devserver.Body())), tb.dialog(5*time.Second))
	shown := eval[string](tb, `document.getElementById('dResponse').innerText`)
	assert.Equal(t, strings.TrimRight(devserver.Body(), "\n"), strings.TrimRight(shown, "\n"), "#dResponse holds responseText")
}

func TestSeedStopDuringBody(t *testing.T) { forEachEngine(t, testSeedStopDuringBody) }

func testSeedStopDuringBody(t *testing.T, e *engine) {
	tb := seedPage(t, e, "/xdr.txt?gap=600", "10000")
	tb.clickButton("Get")
	require.Equal(t, "XDR onprogress", tb.dialog(10*time.Second))
	require.Equal(t, "Got: "+devserver.Chunks[0], tb.dialog(5*time.Second))
	tb.clickButton("Stop")
	// The rest of the body would have come within 3 x 600 ms: nothing may fire.
	tb.noDialog(2500 * time.Millisecond)
	tb.clickButton("Read")
	assert.Equal(t, "Content-type: ", tb.dialog(5*time.Second), "abort clears contentType")
	assert.Equal(t, "Length: 0", tb.dialog(5*time.Second), "abort clears responseText")
}

func TestSeedStopBeforeResponse(t *testing.T) { forEachEngine(t, testSeedStopBeforeResponse) }

func testSeedStopBeforeResponse(t *testing.T, e *engine) {
	tb := seedPage(t, e, "/slow.txt?delay=800", "10000")
	tb.clickButton("Get")
	tb.clickButton("Stop")
	tb.noDialog(2 * time.Second)
}

func TestSeedTimeout(t *testing.T) { forEachEngine(t, testSeedTimeout) }

func testSeedTimeout(t *testing.T, e *engine) {
	tb := seedPage(t, e, "/slow.txt?delay=3000", "500")
	start := time.Now()
	tb.clickButton("Get")
	assert.Equal(t, "XDR ontimeout", tb.dialog(5*time.Second))
	elapsed := time.Since(start)
	assert.GreaterOrEqual(t, elapsed, 450*time.Millisecond, "not before the timeout")
	assert.Less(t, elapsed, 2500*time.Millisecond, "well before the response")
	tb.noDialog(3 * time.Second) // the response that comes later fires nothing
}

func TestSeedNoCORS(t *testing.T) { forEachEngine(t, testSeedNoCORS) }

func testSeedNoCORS(t *testing.T, e *engine) {
	tb := seedPage(t, e, "/nocors.txt", "10000")
	tb.clickButton("Get")
	assert.Equal(t, "XDR onerror", tb.dialog(10*time.Second))
	tb.noDialog(500 * time.Millisecond)
	tb.clickButton("Read")
	assert.Equal(t, "Content-type: ", tb.dialog(5*time.Second))
	assert.Equal(t, "Length: 0", tb.dialog(5*time.Second))
}

func itoa(n int) string {
	const digits = "0123456789"
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{digits[n%10]}, b...)
	}
	return string(b)
}
