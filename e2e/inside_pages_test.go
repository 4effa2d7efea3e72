//go:build !(js && wasm)

package e2e

// The polyfill inside the pages it runs in (issue 25; the contract's "The
// page it runs in"): what it adds to the page's globals, the names a page
// already has (its own process or fs, DOM clobbering, a replaced Event or
// origin, a var XDomainRequest, a wrapped XMLHttpRequest), a page that
// patches performance.now, a blob: worker that loads it with a query, bodies
// whose Content-Length is not their decoded length, onprogress while a body
// arrives, a failed status that does not wait for its body, and a send()
// called again from inside its own body's toString.
//
// Each page carries testdata/inside_pages/helpers.js before anything else: __t.req(name, o)
// sends one request and records its events in __t.res[name]. Where it
// applies, a test makes its request in two moments: from the first inline
// script right after the polyfill's tags (before the wasm is ready: the
// polyfill then starts synchronously), and after XDomainRequest.ready.

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

// The first script of every page is testdata/inside_pages/helpers.js,
// called with the endpoints' origin. It keeps what it uses (performance.now) from before any page
// code, records uncaught errors, and lists the window's own properties last
// (__t.before), so that __t.diff() tells what was added after it.

// ---------------------------------------------------------------------------
// The endpoints.

const (
	insideGzipText   = "the whole gzip body, decoded."
	insideDripPieces = 10
	insideDripGap    = 200 * time.Millisecond
)

// insideDripBody is /drip's body: 10 pieces of 300 bytes, each its own.
var insideDripBody = func() string {
	var b strings.Builder
	for i := 0; i < insideDripPieces; i++ {
		head := fmt.Sprintf("[piece %d]", i)
		b.WriteString(head + strings.Repeat(string(rune('a'+i)), 299-len(head)) + "\n")
	}
	return b.String()
}()

// insideChunks is /chunklen's body, in three chunks (300 bytes).
var insideChunks = []string{strings.Repeat("1", 99) + "\n", strings.Repeat("2", 99) + "\n", strings.Repeat("3", 99) + "\n"}

// insideAPI is the endpoints' origin (127.0.0.1, another port than the
// pages'). Every endpoint sends Access-Control-Allow-Origin: *. It records
// the requests that arrive (path, id= and body):
//
//	/text?body=B       B as text/plain
//	/slow?ms=N&body=B  B after N ms
//	/gzname            insideGzipText gzip-encoded, its gzip header carrying
//	                   a 200-character file name: Content-Length (the
//	                   compressed bytes) exceeds the decoded text by far
//	/chunklen          a raw HTTP/1.1 response: Transfer-Encoding: chunked
//	                   and Content-Length: 5000 both, chunks of 300 bytes
//	/drip              insideDripBody (3,000 bytes, Content-Length) in 10
//	                   pieces, one every 200 ms, each flushed
//	/fail503?cl=1      503 whose error page comes a piece every 300 ms for
//	                   5 s; cl=1: with its Content-Length and the first piece
//	                   at once; otherwise chunked, the first piece after 1.2 s
//	/echo?id=X         the request body back
type insideAPI struct {
	URL  string
	Port string
	mu   sync.Mutex
	seen []insideSeen
}

type insideSeen struct {
	Path, ID, Method, Body string
}

func newInsideAPI(t *testing.T) *insideAPI {
	a := &insideAPI{}
	srv := httptest.NewServer(a)
	t.Cleanup(srv.Close)
	a.URL = srv.URL
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	a.Port = u.Port()
	return a
}

// with returns the requests to path with id= id.
func (a *insideAPI) with(path, id string) []insideSeen {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []insideSeen
	for _, s := range a.seen {
		if s.Path == path && s.ID == id {
			out = append(out, s)
		}
	}
	return out
}

func (a *insideAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	q := r.URL.Query()
	a.mu.Lock()
	a.seen = append(a.seen, insideSeen{Path: r.URL.Path, ID: q.Get("id"), Method: r.Method, Body: string(body)})
	a.mu.Unlock()
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	flush := func() { _ = http.NewResponseController(w).Flush() }
	switch r.URL.Path {
	case "/text":
		_, _ = io.WriteString(w, q.Get("body"))
	case "/slow":
		ms, _ := strconv.Atoi(q.Get("ms"))
		if !devserver.Pause(r, time.Duration(ms)*time.Millisecond) {
			return
		}
		_, _ = io.WriteString(w, q.Get("body"))
	case "/echo":
		_, _ = w.Write(body)
	case "/gzname":
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Name = strings.Repeat("n", 196) + ".txt"
		_, _ = io.WriteString(zw, insideGzipText)
		_ = zw.Close()
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(z.Len()))
		_, _ = w.Write(z.Bytes())
	case "/chunklen":
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer conn.Close()
		_, _ = buf.WriteString("HTTP/1.1 200 OK\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Access-Control-Allow-Origin: *\r\n" +
			"Cache-Control: no-store\r\n" +
			"Transfer-Encoding: chunked\r\n" +
			"Content-Length: 5000\r\n" +
			"Connection: close\r\n\r\n")
		for _, c := range insideChunks {
			fmt.Fprintf(buf, "%x\r\n%s\r\n", len(c), c)
		}
		_, _ = buf.WriteString("0\r\n\r\n")
		_ = buf.Flush()
	case "/drip":
		h.Set("Content-Length", strconv.Itoa(len(insideDripBody)))
		w.WriteHeader(http.StatusOK)
		n := len(insideDripBody) / insideDripPieces
		for i := 0; i < insideDripPieces; i++ {
			if i > 0 && !devserver.Pause(r, insideDripGap) {
				return
			}
			if _, err := io.WriteString(w, insideDripBody[i*n:(i+1)*n]); err != nil {
				return
			}
			flush()
		}
	case "/fail503":
		h.Set("Content-Type", "text/html; charset=utf-8")
		const pieces = 17 // one every 300 ms: 5 s
		piece := func(i int) string { return fmt.Sprintf("<p>Service unavailable, part %02d of the error page</p>\n", i) }
		lead := 1200 * time.Millisecond
		if q.Get("cl") != "" {
			lead = 0
			h.Set("Content-Length", strconv.Itoa(pieces*len(piece(0))))
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		flush()
		if !devserver.Pause(r, lead) {
			return
		}
		for i := 0; i < pieces; i++ {
			if i > 0 && !devserver.Pause(r, 300*time.Millisecond) {
				return
			}
			if _, err := io.WriteString(w, piece(i)); err != nil {
				return
			}
			flush()
		}
	default:
		http.NotFound(w, r)
	}
}

// ---------------------------------------------------------------------------
// The pages and the tab.

// inside is one test's setup: the endpoints, a site for the pages (and
// dist/), and one tab.
type inside struct {
	api   *insideAPI
	s     *site
	pages *httptest.Server
	port  string // the pages' port
	tb    *tab
}

func newInside(t *testing.T, e *engine) *inside {
	v := &inside{api: newInsideAPI(t), s: &site{pages: map[string]string{}}}
	v.pages = newPageServer(v.s)
	t.Cleanup(v.pages.Close)
	u, err := url.Parse(v.pages.URL)
	require.NoError(t, err)
	v.port = u.Port()
	v.tb = newTab(t, e)
	return v
}

// page serves at path a page of: the helpers, pre (HTML), the polyfill's
// tags, and early (the first inline script after them, if any).
func (v *inside) page(path, pre, early string) {
	p := `<!doctype html><html><head><meta charset="utf-8"><title>inside</title><script>` +
		callExpr("inside_pages/helpers.js", v.api.URL) + ";</script>\n" + pre + "\n" + tags + "\n"
	if early != "" {
		p += "<script>" + early + "</script>\n"
	}
	p += "</head><body><p>XDomainRequest inside a page</p></body></html>\n"
	v.s.mu.Lock()
	v.s.pages[path] = p
	v.s.mu.Unlock()
}

// load serves the page (see page) and navigates the tab to it, on
// 127.0.0.1 (an intranet page).
func (v *inside) load(path, pre, early string) {
	v.page(path, pre, early)
	v.tb.navigate(v.pages.URL + path)
}

// asked is every path the pages' server was asked for.
func (v *inside) asked() []string {
	v.s.mu.Lock()
	defer v.s.mu.Unlock()
	return append([]string(nil), v.s.asked...)
}

// ready waits for XDomainRequest.ready to settle: "ready", or what else.
func (v *inside) ready(t *testing.T) string {
	t.Helper()
	return evalT[string](t, v.tb, "__t.ready()")
}

// run runs page script (statements).
func (v *inside) run(t *testing.T, js string) {
	t.Helper()
	evalT[bool](t, v.tb, "(function () { "+js+"; return true; })()")
}

type insideEv struct {
	Type string  `json:"type"`
	T    float64 `json:"t"` // ms since send()
	Text string  `json:"text"`
}

// insideRec is what __t.req recorded.
type insideRec struct {
	Events []insideEv `json:"events"`
	Thrown *string    `json:"thrown"`
	Text   string     `json:"text"` // responseText in the first terminal event
	Done   bool       `json:"done"`
	Extra  any        `json:"extra"`
}

// rec waits up to within for the request name to end, then a grace period
// (to see events that should not come), and gives its record.
func (v *inside) rec(t *testing.T, name string, within time.Duration) insideRec {
	t.Helper()
	cond := "!!(window.__t && __t.res[" + jsStr(name) + "] && __t.res[" + jsStr(name) + "].done)"
	deadline := time.Now().Add(within)
	for !evalT[bool](t, v.tb, cond) && time.Now().Before(deadline) {
		time.Sleep(40 * time.Millisecond)
	}
	time.Sleep(250 * time.Millisecond)
	return evalT[insideRec](t, v.tb, "window.__t && __t.res["+jsStr(name)+"] || {events: [], done: false, text: '', thrown: 'no such request (the page script did not run it)'}")
}

func (r insideRec) terminals() []insideEv {
	var out []insideEv
	for _, e := range r.Events {
		if e.Type != "progress" {
			out = append(out, e)
		}
	}
	return out
}

func (r insideRec) progress() []insideEv {
	var out []insideEv
	for _, e := range r.Events {
		if e.Type == "progress" {
			out = append(out, e)
		}
	}
	return out
}

// String sums the record up: "progress@12ms(300) load@1803ms(3000)".
func (r insideRec) String() string {
	var parts []string
	if r.Thrown != nil {
		parts = append(parts, "threw "+strconv.Quote(*r.Thrown))
	}
	for _, e := range r.Events {
		parts = append(parts, fmt.Sprintf("%s@%.0fms(%d)", e.Type, e.T, len(e.Text)))
	}
	if !r.Done {
		parts = append(parts, "(no terminal event)")
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " ")
}

// ended checks that exactly one terminal event, want, ended the request
// (nothing thrown) and gives it.
func (r insideRec) ended(t *testing.T, want, what string) (insideEv, bool) {
	t.Helper()
	if r.Thrown != nil {
		t.Errorf("%s: ends with on%s: threw %q instead (events: %s)", what, want, *r.Thrown, r)
		return insideEv{}, false
	}
	ts := r.terminals()
	var types []string
	for _, e := range ts {
		types = append(types, e.Type)
	}
	if len(ts) != 1 || ts[0].Type != want {
		t.Errorf("%s: ends with exactly one on%s; terminal events: %v (events: %s)", what, want, types, r)
		return insideEv{}, false
	}
	return ts[0], true
}

// loaded checks that the request ended with one onload whose responseText
// is body.
func (r insideRec) loaded(t *testing.T, body, what string) bool {
	t.Helper()
	ev, ok := r.ended(t, "load", what)
	if !ok {
		return false
	}
	if ev.Text != body {
		t.Errorf("%s: responseText in onload: got %d characters %q, want %d %q", what, len(ev.Text), insideClip(ev.Text), len(body), insideClip(body))
		return false
	}
	return true
}

func insideClip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// ---------------------------------------------------------------------------
// 1. Globals

func TestInsidePagesGlobals(t *testing.T) { forEachEngine(t, testInsidePagesGlobals) }

type insideGlobals struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
}

func testInsidePagesGlobals(t *testing.T, e *engine) {
	v := newInside(t, e)
	v.load("/globals", "", `(function () {
  __t.at = { inline: { diff: __t.diff(), types: __t.typeofs() } };
  __t.req('early', { url: __t.api + '/text?body=globals-early' });
  __t.at.inlineSent = { diff: __t.diff(), types: __t.typeofs() };
})();`)
	wantTypes := map[string]any{"process": "undefined", "fs": "undefined", "path": "undefined", "faye": "ok:false"}
	check := func(t *testing.T, when string, diff insideGlobals, types map[string]any) {
		t.Helper()
		assert.Equal(t, []string{"Go", "XDomainRequest"}, diff.Added, "%s: the window's own properties added by the tags", when)
		assert.Empty(t, diff.Removed, "%s: the window's own properties removed by the tags", when)
		assert.Equal(t, wantTypes, types, "%s: typeof process, fs, path, and faye's Node check", when)
	}
	type snap struct {
		Diff  insideGlobals  `json:"diff"`
		Types map[string]any `json:"types"`
	}
	at := evalT[map[string]snap](t, v.tb, "__t.at")
	check(t, "in the first inline script after the tags", at["inline"].Diff, at["inline"].Types)
	check(t, "in the first inline script, after a send()", at["inlineSent"].Diff, at["inlineSent"].Types)
	v.rec(t, "early", 5*time.Second).loaded(t, "globals-early", "the early request")
	now := func(t *testing.T, when string) {
		t.Helper()
		s := evalT[snap](t, v.tb, "({ diff: __t.diff(), types: __t.typeofs() })")
		check(t, when, s.Diff, s.Types)
	}
	now(t, "after the early request completed")
	assert.Equal(t, "ready", v.ready(t))
	now(t, "after readiness")
	v.run(t, `__t.req('late', { url: __t.api + '/text?body=globals-late' })`)
	v.rec(t, "late", 5*time.Second).loaded(t, "globals-late", "the request after readiness")
	now(t, "after a request made after readiness completed")
}

// ---------------------------------------------------------------------------
// 2. Names the page already has

func TestInsidePagesNames(t *testing.T) { forEachEngine(t, testInsidePagesNames) }

func testInsidePagesNames(t *testing.T, e *engine) {
	v := newInside(t, e)
	// both makes the early request(s) in the first inline script, waits for
	// readiness, makes the same after it, and checks that each loads.
	both := func(t *testing.T, path, pre string, listen bool) {
		t.Helper()
		opts := func(name string) string {
			return `{ url: __t.api + '/text?body=` + name + `'` + map[bool]string{true: ", listen: true", false: ""}[listen] + ` }`
		}
		v.load(path, pre, `__t.typeInline = typeof XDomainRequest; __t.req('early', `+opts("names-early")+`);`)
		assert.Equal(t, "function", evalT[string](t, v.tb, "__t.typeInline"), "typeof XDomainRequest in the first inline script")
		v.rec(t, "early", 5*time.Second).loaded(t, "names-early", "the request from the first inline script")
		assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
		v.run(t, `__t.req('late', `+opts("names-late")+`)`)
		v.rec(t, "late", 5*time.Second).loaded(t, "names-late", "the request after readiness")
		assert.Empty(t, evalT[[]string](t, v.tb, "__t.errors"), "no uncaught exception in the page")
	}
	t.Run("element id fs", func(t *testing.T) {
		both(t, "/id-fs", `<div id="fs"></div>`, false)
		assert.True(t, evalT[bool](t, v.tb, `window.fs === document.getElementById('fs')`), "window.fs is still the element")
	})
	t.Run("own fs and process", func(t *testing.T) {
		both(t, "/own-fs", `<script>window.fs = { mine: true }; process = { env: { NODE_ENV: 'production' } };
__t.mine = { fs: window.fs, process: window.process };</script>`, false)
		assert.Equal(t, map[string]any{
			"fsSame": true, "fs": `{"mine":true}`, "processSame": true, "process": `{"env":{"NODE_ENV":"production"}}`,
			"fsKeys": []any{"mine"}, "processKeys": []any{"env"},
		}, evalT[map[string]any](t, v.tb, `({ fsSame: window.fs === __t.mine.fs, fs: JSON.stringify(window.fs),
  processSame: window.process === __t.mine.process, process: JSON.stringify(window.process),
  fsKeys: Object.getOwnPropertyNames(window.fs), processKeys: Object.getOwnPropertyNames(window.process) })`),
			"the page's own fs and process stay its own, unchanged")
	})
	t.Run("var XDomainRequest", func(t *testing.T) {
		both(t, "/var-xdr", `<script>var XDomainRequest = window.XDomainRequest;</script>`, false)
		assert.Equal(t, "function", evalT[string](t, v.tb, "typeof XDomainRequest"), "typeof XDomainRequest after readiness")
	})
	t.Run("MooTools Event", func(t *testing.T) {
		pre := `<script>window.Event = function Event(e) { /* MooTools-like */ this.event = e; }; __t.Event = window.Event;</script>`
		t.Run("onload", func(t *testing.T) { both(t, "/event", pre, false) })
		t.Run("addEventListener", func(t *testing.T) { both(t, "/event-listen", pre, true) })
		assert.True(t, evalT[bool](t, v.tb, "window.Event === __t.Event"), "the page's Event stays")
	})
}

// ---------------------------------------------------------------------------
// 3. DOM clobbering

func TestInsidePagesClobbering(t *testing.T) { forEachEngine(t, testInsidePagesClobbering) }

func testInsidePagesClobbering(t *testing.T, e *engine) {
	v := newInside(t, e)
	t.Run("img name currentScript", func(t *testing.T) {
		v.load("/current-script", `<img name="currentScript" src="/evil/x.png">`,
			`__t.clobbered = document.currentScript instanceof HTMLImageElement; __t.req('early', { url: __t.api + '/text?body=cs-early' });`)
		assert.True(t, evalT[bool](t, v.tb, "__t.clobbered"), "the page does clobber document.currentScript")
		v.rec(t, "early", 5*time.Second).loaded(t, "cs-early", "the request from the first inline script")
		assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
		v.run(t, `__t.req('late', { url: __t.api + '/text?body=cs-late' })`)
		v.rec(t, "late", 5*time.Second).loaded(t, "cs-late", "the request after readiness")
		var evil []string
		for _, p := range v.asked() {
			if strings.HasPrefix(p, "/evil/") && p != "/evil/x.png" {
				evil = append(evil, p)
			}
		}
		assert.Empty(t, evil, "nothing fetched from the clobbering element's /evil/ (all paths: %v)", v.asked())
		assert.True(t, v.s.requested("/dist/xdomainrequest.wasm"), "the wasm fetched from /dist/ (all paths: %v)", v.asked())
	})
	t.Run("img name baseURI", func(t *testing.T) {
		v.s.mu.Lock()
		v.s.pages["/rel.txt"] = "relative ok"
		v.s.mu.Unlock()
		reqs := func(prefix string) string {
			return `__t.req('` + prefix + `-abs', { url: __t.api + '/text?body=` + prefix + `-abs' });
__t.req('` + prefix + `-rel', { url: '/rel.txt?from=` + prefix + `' });`
		}
		v.load("/base-uri", `<img name="baseURI">`,
			`__t.clobbered = document.baseURI instanceof HTMLImageElement; `+reqs("early"))
		assert.True(t, evalT[bool](t, v.tb, "__t.clobbered"), "the page does clobber document.baseURI")
		for _, when := range []string{"early", "late"} {
			if when == "late" {
				assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
				v.run(t, reqs("late"))
			}
			v.rec(t, when+"-abs", 5*time.Second).loaded(t, when+"-abs", when+`: open("GET", absolute URL)`)
			v.rec(t, when+"-rel", 5*time.Second).loaded(t, "relative ok", when+`: open("GET", "/rel.txt"), resolved against the document`)
		}
		assert.Equal(t, 2, v.s.count("/rel.txt"), "the relative URLs reached the page's own origin at /rel.txt (all paths: %v)", v.asked())
		assert.Empty(t, evalT[[]string](t, v.tb, "__t.errors"), "no uncaught exception in the page")
	})
}

// ---------------------------------------------------------------------------
// 4. The page's origin is the document's, not window.origin

func TestInsidePagesOrigin(t *testing.T) { forEachEngine(t, testInsidePagesOrigin) }

func testInsidePagesOrigin(t *testing.T, e *engine) {
	v := newInside(t, e)
	intranet := v.api.URL + "/text?body=intranet"
	internet := "http://" + internetAPIHost + ":" + v.api.Port + "/text?body=internet"
	reqs := func(when string) string {
		return `__t.req('` + when + `-intranet', { url: ` + jsStr(intranet+"&id="+when+"-intranet") + ` });
__t.req('` + when + `-internet', { url: ` + jsStr(internet+"&id="+when+"-internet") + ` });`
	}
	v.page("/origin", `<script>var origin = 'http://localhost';</script>`, `__t.origin = String(window.origin); `+reqs("early"))
	v.tb.navigate("http://" + internetPageHost + ":" + v.port + "/origin")
	assert.Equal(t, "http://localhost", evalT[string](t, v.tb, "__t.origin"), "the page did replace window.origin")
	for _, when := range []string{"early", "late"} {
		t.Run(map[string]string{"early": "first inline script", "late": "after readiness"}[when], func(t *testing.T) {
			if when == "late" {
				assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
				v.run(t, reqs("late"))
			}
			r := v.rec(t, when+"-intranet", 10*time.Second)
			if assert.NotNil(t, r.Thrown, "open(\"GET\", %s) on an Internet page throws (rule 7), whatever window.origin says; events: %s", intranet, r) {
				assert.Equal(t, "Access is denied.", *r.Thrown)
			}
			assert.Empty(t, v.api.with("/text", when+"-intranet"), "nothing sent to 127.0.0.1")
			v.rec(t, when+"-internet", 5*time.Second).loaded(t, "internet", "an Internet URL")
		})
	}
}

// ---------------------------------------------------------------------------
// 5. XMLHttpRequest wrapped before the tags

func TestInsidePagesWrappedXHR(t *testing.T) { forEachEngine(t, testInsidePagesWrappedXHR) }

func testInsidePagesWrappedXHR(t *testing.T, e *engine) {
	v := newInside(t, e)
	v.load("/xhr", `<script>var o = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (m, u) { return o.call(this, m, u); };  // every XHR asynchronous
</script>`, `__t.req('early', { url: __t.api + '/text?body=xhr-early' });`)
	t.Run("first inline script", func(t *testing.T) {
		v.rec(t, "early", 5*time.Second).loaded(t, "xhr-early", "the request from the first inline script")
	})
	t.Run("after readiness", func(t *testing.T) {
		assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
		v.run(t, `__t.req('late', { url: __t.api + '/text?body=xhr-late' })`)
		v.rec(t, "late", 5*time.Second).loaded(t, "xhr-late", "the request after readiness")
	})
}

// ---------------------------------------------------------------------------
// 6. performance.now replaced after send()

func TestInsidePagesClock(t *testing.T) { forEachEngine(t, testInsidePagesClock) }

func testInsidePagesClock(t *testing.T, e *engine) {
	v := newInside(t, e)
	req := func(name string) string {
		return `__t.req('` + name + `', { url: __t.api + '/slow?ms=300&body=clock', timeout: 5000,
  after: function () { performance.now = function () { return Date.now(); }; } });`
	}
	t.Run("first inline script", func(t *testing.T) {
		v.load("/clock-early", "", req("early"))
		v.rec(t, "early", 5*time.Second).loaded(t, "clock", "timeout 5000, a 300 ms answer, performance.now replaced after send()")
	})
	t.Run("after readiness", func(t *testing.T) {
		v.load("/clock-late", "", "")
		assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
		v.run(t, req("late"))
		v.rec(t, "late", 5*time.Second).loaded(t, "clock", "timeout 5000, a 300 ms answer, performance.now replaced after send()")
	})
}

// ---------------------------------------------------------------------------
// 7. A blob: worker that loads the polyfill with a query

func TestInsidePagesBlobWorker(t *testing.T) { forEachEngine(t, testInsidePagesBlobWorker) }

func testInsidePagesBlobWorker(t *testing.T, e *engine) {
	v := newInside(t, e)
	v.load("/worker", "", "")
	dist := v.pages.URL + "/dist/"
	for _, query := range []string{"", "?v=3"} {
		t.Run("xdomainrequest.js"+query, func(t *testing.T) {
			code := callExpr("inside_pages/blob_worker.js", dist+"wasm_exec.js", dist+"xdomainrequest.js"+query, v.api.URL+"/text?body=") + ";"
			got := callT[map[string]any](t, v.tb, "inside_pages/blob_worker_run.js", code)
			assert.Equal(t, map[string]any{"early": "load:worker-early", "ready": "ready", "late": "load:worker-late"}, got,
				"in a blob: worker that imported xdomainrequest.js%s: the request made at once, XDomainRequest.ready, the request after it", query)
		})
	}
}

// ---------------------------------------------------------------------------
// 8. Complete bodies whose Content-Length is not their length

func TestInsidePagesContentLength(t *testing.T) { forEachEngine(t, testInsidePagesContentLength) }

func testInsidePagesContentLength(t *testing.T, e *engine) {
	v := newInside(t, e)
	reqs := func(when string) string {
		return `__t.req('` + when + `-gzip', { url: __t.api + '/gzname' });
__t.req('` + when + `-chunked', { url: __t.api + '/chunklen' });`
	}
	v.load("/length", "", reqs("early"))
	chunked := strings.Join(insideChunks, "")
	for _, when := range []string{"early", "late"} {
		t.Run(map[string]string{"early": "first inline script", "late": "after readiness"}[when], func(t *testing.T) {
			if when == "late" {
				assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
				v.run(t, reqs("late"))
			}
			v.rec(t, when+"-gzip", 5*time.Second).loaded(t, insideGzipText,
				"gzip-encoded, its Content-Length (the compressed bytes, with a 200-character file name) far above the decoded length")
			v.rec(t, when+"-chunked", 5*time.Second).loaded(t, chunked,
				"Transfer-Encoding: chunked (300 bytes) with Content-Length: 5000")
		})
	}
	// What the browser tells of the two responses (for the report).
	t.Logf("%s: the page's fetch sees %s", e.Name, evalT[string](t, v.tb, `Promise.all([__t.api + '/gzname', __t.api + '/chunklen'].map(function (u) {
  return fetch(u).then(function (r) { return r.text().then(function (s) { return u.replace(/.*\//, '/') + ': Content-Length ' + r.headers.get('content-length') + ', ' + s.length + ' characters'; }); },
    function (e) { return u + ': ' + e.message; });
})).then(function (a) { return a.join('; '); })`))
}

// ---------------------------------------------------------------------------
// 9. onprogress while a body with a Content-Length arrives

func TestInsidePagesProgress(t *testing.T) { forEachEngine(t, testInsidePagesProgress) }

func testInsidePagesProgress(t *testing.T, e *engine) {
	v := newInside(t, e)
	v.load("/progress", "", `__t.req('early', { url: __t.api + '/drip' });`)
	for _, when := range []string{"early", "late"} {
		t.Run(map[string]string{"early": "first inline script", "late": "after readiness"}[when], func(t *testing.T) {
			if when == "late" {
				assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
				v.run(t, `__t.req('late', { url: __t.api + '/drip' })`)
			}
			r := v.rec(t, when, 10*time.Second)
			t.Logf("%s %s: %s", e.Name, when, r)
			if !r.loaded(t, insideDripBody, "3,000 bytes with Content-Length, in 10 pieces over 1.8 s") {
				return
			}
			var progress []insideEv
			for _, ev := range r.Events {
				if ev.Type == "load" {
					break
				}
				if ev.Type == "progress" {
					progress = append(progress, ev)
				}
			}
			if !assert.NotEmpty(t, progress, "onprogress before onload") {
				return
			}
			assert.Less(t, progress[0].T, 600.0, "the first onprogress while the body arrives (the last piece comes at 1,800 ms): %s", r)
			assert.GreaterOrEqual(t, len(progress), 3, "onprogress calls before onload: %s", r)
			for i, p := range progress {
				assert.True(t, strings.HasPrefix(insideDripBody, p.Text), "onprogress %d: responseText is the start of the body", i)
				if i == 0 {
					assert.NotEmpty(t, p.Text, "onprogress 0: responseText")
					continue
				}
				assert.GreaterOrEqual(t, p.T-progress[i-1].T, 49.0, "onprogress %d came %.1f ms after the previous one (at most one per 50 ms): %s", i, p.T-progress[i-1].T, r)
				assert.Greater(t, len(p.Text), len(progress[i-1].Text), "onprogress %d: responseText grew", i)
			}
			assert.Equal(t, len(insideDripBody), len(progress[len(progress)-1].Text), "the last onprogress before onload saw the whole body")
		})
	}
}

// ---------------------------------------------------------------------------
// 10. A failed status does not wait for its body

func TestInsidePagesFailedStatus(t *testing.T) { forEachEngine(t, testInsidePagesFailedStatus) }

func testInsidePagesFailedStatus(t *testing.T, e *engine) {
	v := newInside(t, e)
	reqs := func(when string) string {
		return `__t.req('` + when + `-cl', { url: __t.api + '/fail503?cl=1', timeout: 2500 });
__t.req('` + when + `-chunked', { url: __t.api + '/fail503', timeout: 2500 });`
	}
	v.load("/status", "", reqs("early"))
	for _, when := range []string{"early", "late"} {
		t.Run(map[string]string{"early": "first inline script", "late": "after readiness"}[when], func(t *testing.T) {
			if when == "late" {
				assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
				v.run(t, reqs("late"))
			}
			for _, c := range []struct{ name, what string }{
				{"cl", "503 with a Content-Length, its error page a piece every 300 ms for 5 s, timeout 2500"},
				{"chunked", "503, chunked, its error page from 1.2 s on, a piece every 300 ms, timeout 2500"},
			} {
				r := v.rec(t, when+"-"+c.name, 8*time.Second)
				// Firefox resolves fetch() (and moves XMLHttpRequest to
				// HEADERS_RECEIVED) only with the first bytes of the body: a
				// page learns the status of the late chunked error page at
				// 1.2 s there, still well before the time-out.
				within := 1000.0
				if e == firefox && c.name == "chunked" {
					within = 1600.0
				}
				if ev, ok := r.ended(t, "error", c.what); ok {
					assert.Less(t, ev.T, within, "%s: onerror as soon as the status is known (%s)", c.what, r)
					assert.Empty(t, ev.Text, "%s: responseText in onerror", c.what)
				}
			}
		})
	}
}

// ---------------------------------------------------------------------------
// 11. send() called again from the body's toString

func TestInsidePagesReentrantSend(t *testing.T) { forEachEngine(t, testInsidePagesReentrantSend) }

func testInsidePagesReentrantSend(t *testing.T, e *engine) {
	v := newInside(t, e)
	req := func(when string) string {
		return callExpr("inside_pages/reentrant.js", when) + ";"

	}
	v.load("/reentrant", "", req("early"))
	for _, when := range []string{"early", "late"} {
		t.Run(map[string]string{"early": "first inline script", "late": "after readiness"}[when], func(t *testing.T) {
			if when == "late" {
				assert.Equal(t, "ready", v.ready(t), "XDomainRequest.ready")
				v.run(t, req("late"))
			}
			r := v.rec(t, when, 10*time.Second)
			r.loaded(t, "once", "x.send(body) whose toString calls x.send('inner')")
			extra, _ := r.Extra.(map[string]any)
			assert.Equal(t, "Invalid state.", extra["inner"], "the inner send() throws")
			time.Sleep(100 * time.Millisecond) // a second request would have arrived by now
			var bodies []string
			for _, s := range v.api.with("/echo", when) {
				bodies = append(bodies, s.Method+" "+strconv.Quote(s.Body))
			}
			sort.Strings(bodies)
			assert.Equal(t, []string{`POST "once"`}, bodies, "the requests the server received")
		})
	}
}
