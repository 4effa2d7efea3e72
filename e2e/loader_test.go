//go:build !(js && wasm)

package e2e

// The loader: found beside its own URL under any path prefix, and compiled
// from an array buffer when the server sends the wrong MIME type for .wasm.

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

const loaderPage = `<!doctype html><title>loader</title>
<script src="/cdn/xdomainrequest@1/dist/wasm_exec.js"></script>
<script src="/cdn/xdomainrequest@1/dist/xdomainrequest.js"></script>
`

// loaderSite serves loaderPage and dist/ under a deep path; wasmType, when
// set, replaces the Content-Type of the .wasm.
func loaderSite(wasmType string) http.Handler {
	files := http.StripPrefix("/cdn/xdomainrequest@1/dist/", http.FileServer(http.Dir(filepath.Join(root, "dist"))))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(loaderPage))
		case strings.HasPrefix(r.URL.Path, "/cdn/xdomainrequest@1/dist/"):
			if wasmType != "" && strings.HasSuffix(r.URL.Path, ".wasm") {
				w = typeWriter{w, wasmType}
			}
			files.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

// typeWriter forces a Content-Type, as a misconfigured server would.
type typeWriter struct {
	http.ResponseWriter
	ctype string
}

func (t typeWriter) WriteHeader(code int) {
	t.Header().Set("Content-Type", t.ctype)
	t.ResponseWriter.WriteHeader(code)
}

func (t typeWriter) Write(b []byte) (int, error) {
	if t.Header().Get("Content-Type") != t.ctype {
		t.Header().Set("Content-Type", t.ctype)
	}
	return t.ResponseWriter.Write(b)
}

func TestLoaderFromPathPrefix(t *testing.T) { forEachEngine(t, testLoaderFromPathPrefix) }

// loadsAndWorks opens the loader's page, with the wasm served as wasmType
// ("" for application/wasm), and checks a request; it returns the tab.
func loadsAndWorks(t *testing.T, e *engine, wasmType string) *tab {
	pageURL, apiURL := origins(t, loaderSite(wasmType))
	tb := newTab(t, e)
	tb.open(pageURL + "/")
	assert.Equal(t, "load:"+devserver.Body(), roundTrip(tb, apiURL+"/xdr.txt?gap=0"))
	return tb
}

func testLoaderFromPathPrefix(t *testing.T, e *engine) {
	tb := loadsAndWorks(t, e, "")
	for _, l := range tb.logs() {
		assert.NotContains(t, l, "application/wasm", "no MIME warning when the type is right")
	}
}

func TestLoaderWrongWasmMIMEType(t *testing.T) { forEachEngine(t, testLoaderWrongWasmMIMEType) }

func testLoaderWrongWasmMIMEType(t *testing.T, e *engine) {
	tb := loadsAndWorks(t, e, "application/octet-stream")
	deadline := time.Now().Add(2 * time.Second)
	for {
		warned := false
		for _, l := range tb.logs() {
			if strings.Contains(l, "application/wasm") && strings.Contains(l, "application/octet-stream") {
				warned = true
			}
		}
		if warned {
			break
		}
		require.True(t, time.Now().Before(deadline), "a console warning names the wrong MIME type: %v", tb.logs())
		time.Sleep(50 * time.Millisecond)
	}
}
