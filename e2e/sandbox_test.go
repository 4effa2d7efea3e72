//go:build !(js && wasm)

package e2e

// The polyfill in a sandboxed frame (an opaque origin) of an ordinary
// static server, which sends no CORS header on any file: the loader cannot
// read xdomainrequest.wasm with fetch or XMLHttpRequest there, and takes
// its bytes from xdomainrequest.wasm.js, a classic script.

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sandboxTop frames sandboxFrame in <iframe sandbox="allow-scripts"> and
// collects what the frame posts.
const sandboxTop = `<!doctype html><title>top</title>
<script>window.msgs = []; addEventListener('message', function (e) { msgs.push(String(e.data)); });</script>
<iframe sandbox="allow-scripts" src="frame.html` + "?api=API" + `"></iframe>`

// sandboxFrame requests from its first inline script, after readiness, and
// from a worker it starts, and posts each outcome to its parent.
var sandboxFrame = `<!doctype html><title>frame</title>
<script src="wasm_exec.js"></script><script src="xdomainrequest.js"></script>
<script>` + script("sandbox/frame.js") + `</script>`

// plainServer serves a folder as an ordinary static server does: the
// files with the type their name gives, no CORS header; it records the
// paths asked for.
type plainServer struct {
	files http.Handler
	mu    sync.Mutex
	asked []string
}

func (p *plainServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.asked = append(p.asked, r.URL.Path)
	p.mu.Unlock()
	p.files.ServeHTTP(w, r)
}

func (p *plainServer) paths() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.asked...)
}

// TestSandboxedFrameOnAPlainServer: in the three engines, a page of a
// server that sends no CORS header, framed with sandbox="allow-scripts",
// loads a GET to an Internet URL that allows * from its first inline
// script, after readiness and from a worker.
func TestSandboxedFrameOnAPlainServer(t *testing.T) {
	forEachEngine(t, testSandboxedFrameOnAPlainServer)
}

func testSandboxedFrameOnAPlainServer(t *testing.T, e *engine) {
	api := newSite(t)
	dir := t.TempDir()
	for _, f := range []string{"wasm_exec.js", "xdomainrequest.js", "xdomainrequest.wasm", "xdomainrequest.wasm.js"} {
		b, err := os.ReadFile(filepath.Join(root, "dist", f))
		require.NoError(t, err, "make dist builds %s", f)
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), b, 0o644))
	}
	apiURL := api.at(internetAPIHost, "/x/text?body=sandboxed-")
	top := strings.Replace(sandboxTop, "API", strings.ReplaceAll(apiURL, "&", "%26"), 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(top), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "frame.html"), []byte(sandboxFrame), 0o644))
	plain := &plainServer{files: http.FileServer(http.Dir(dir))}
	srv := newPageServer(plain)
	t.Cleanup(srv.Close)

	tb := newTab(t, e)
	tb.navigate(srv.URL + "/index.html")
	waitFor(tb, `msgs.filter(function (m) { return /^(first|ready|worker):/.test(m); }).length >= 3`, 20*time.Second,
		func() string { return "messages: " + strings.Join(eval[[]string](tb, "msgs"), " | ") })
	msgs := eval[[]string](tb, "msgs")
	t.Logf("%s: %v; paths: %v", e.Name, msgs, plain.paths())
	assert.Contains(t, msgs, "origin:null", "the frame's origin is opaque")
	assert.Contains(t, msgs, "first:load:sandboxed-first", "a request from the first inline script loads")
	assert.Contains(t, msgs, "ready:load:sandboxed-ready", "a request after readiness loads")
	assert.Contains(t, msgs, "worker:load:sandboxed-worker", "a request from a worker of the frame loads")
	assert.Contains(t, plain.paths(), "/xdomainrequest.wasm.js", "the wasm came as a classic script")
	for _, tag := range []string{"first", "ready", "worker"} {
		seen := api.requests("/x/text")
		n := 0
		for _, r := range seen {
			if r.Query.Get("body") == "sandboxed-"+tag {
				n++
				assert.Equal(t, "null", r.Origin, "an opaque origin sends Origin: null")
			}
		}
		assert.Equal(t, 1, n, "one request %s", tag)
	}
}
