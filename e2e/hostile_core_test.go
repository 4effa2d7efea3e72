//go:build !(js && wasm)

package e2e

// Decisions of the core checked in the browsers: the intranet IP ranges
// (reference, restriction 7, "Decision (ranges)") and several Content-Type
// header lines read as "extract a MIME type" reads them (reference, "The
// page it runs in"), with XMLHttpRequest in the same page as the reference.

import (
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileRanges: an Internet page may not open() an address in the
// shared (100.64/10) or benchmarking (198.18/15) ranges, nor an IPv6
// address that embeds a loopback IPv4 one; nothing reaches the server.
func TestHostileRanges(t *testing.T) { forEachEngine(t, testHostileRanges) }

func testHostileRanges(t *testing.T, e *engine) {
	c := confSetup(t, e, &pageOpts{host: internetPageHost})
	hosts := []string{
		"100.64.0.1",        // shared address space
		"198.18.0.1",        // benchmarking
		"[::7f00:1]",        // ::127.0.0.1, IPv4-compatible
		"[::ffff:0:7f00:1]", // ::ffff:0:127.0.0.1, IPv4-translated
		"[64:ff9b::7f00:1]", // NAT64 of 127.0.0.1
	}
	for i, h := range hosts {
		tag := "range" + strconv.Itoa(i)
		u := "http://" + h + ":" + c.api.Port + "/?id=" + tag
		t.Run("denied "+u, func(t *testing.T) {
			c.get(t, u).threw(t, "Access is denied.")
			c.warned(t, "id="+tag+":", "zone")
		})
	}
	t.Run("nothing arrives", func(t *testing.T) {
		assert.Empty(t, c.api.requests("/"))
	})
}

// linesServer answers every request with one Content-Type header line per
// ct= parameter, in order, the body whose bytes are hex= in hex, and
// Access-Control-Allow-Origin: *.
func linesServer(t *testing.T) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		body, err := hex.DecodeString(q.Get("hex"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		h := w.Header()
		h["Content-Type"] = q["ct"] // one header line per value
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// xhrText is what XMLHttpRequest in the page makes of url: responseText,
// the Content-Type header as the page sees it, or an error.
type xhrText struct {
	Text   string `json:"text"`
	Header string `json:"header"`
	Error  bool   `json:"error"`
}

const xhrGet = `(function (url) {
  return new Promise(function (resolve) {
    var x = new XMLHttpRequest();
    x.open('GET', url);
    x.onload = function () { resolve({ text: x.responseText, header: x.getResponseHeader('content-type') || '' }); };
    x.onerror = function () { resolve({ text: '', header: '', error: true }); };
    x.send();
  });
})`

// TestHostileContentTypeLines: a response with two Content-Type header
// lines; XDomainRequest decodes and types it as XMLHttpRequest does, by
// Fetch's "extract a MIME type" — in every engine, also in WebKit, whose
// own XMLHttpRequest drops the charset of an earlier line of the same
// media type (webkitXHR: what it makes of the body).
func TestHostileContentTypeLines(t *testing.T) { forEachEngine(t, testHostileContentTypeLines) }

func testHostileContentTypeLines(t *testing.T, e *engine) {
	s := linesServer(t)
	c := confSetup(t, e, nil)
	body := hexOf("h\xe9\x80") // h, é and € in windows-1252
	cases := []struct {
		name      string
		lines     []string
		text      string
		ct        string
		webkitXHR string // when WebKit's XMLHttpRequest differs
	}{
		{"the last line wins", []string{"text/html", "text/plain; charset=windows-1252"}, "h\u00e9\u20ac", "text/plain", ""},
		{"the same media type keeps the charset", []string{"text/plain; charset=windows-1252", "text/plain"}, "h\u00e9\u20ac", "text/plain", "h\ufffd"},
		{"another media type drops the charset", []string{"text/plain; charset=windows-1252", "text/html"}, "h\ufffd", "text/html", ""},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			kv := []string{"id", "lines" + strconv.Itoa(i), "hex", body}
			for _, l := range tc.lines {
				kv = append(kv, "ct", l)
			}
			u := s.URL + pathQuery("/lines", kv...)

			res, err := http.Get(u)
			require.NoError(t, err)
			_ = res.Body.Close()
			require.Equal(t, tc.lines, res.Header.Values("Content-Type"), "the server sends the lines apart")

			xhr := evalT[xhrText](t, c.tb, xhrGet+"("+jsStr(u)+")")
			require.False(t, xhr.Error, "XMLHttpRequest loads it")
			for _, l := range tc.lines { // joined with ", " (Firefox's XHR: ",")
				assert.Contains(t, xhr.Header, l, "the page sees every line")
			}
			rec := c.get(t, u)
			rec.loaded(t, tc.text, tc.ct)
			if e == webkit && tc.webkitXHR != "" {
				assert.Equal(t, tc.webkitXHR, xhr.Text, "WebKit's XMLHttpRequest's responseText (%s)", hexOf(xhr.Text))
				t.Logf("webkit: XMLHttpRequest gives %q, XDomainRequest %q as in the other engines", xhr.Text, rec.Text)
				return
			}
			assert.Equal(t, tc.text, xhr.Text, "XMLHttpRequest's responseText (%s)", hexOf(xhr.Text))
			assert.Equal(t, xhr.Text, rec.Text, "XDomainRequest's responseText is XMLHttpRequest's (%s)", hexOf(rec.Text))
		})
	}
}
