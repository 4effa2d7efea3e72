//go:build !(js && wasm)

package e2e

// Published libraries that use XDomainRequest as their transport run
// unchanged on the polyfill, against their real servers on 127.0.0.1:
//
//   - sockjs-client (npm) with its server, the npm package sockjs run by
//     Node.js (e2e/libs/sockjs-server.js), forced onto its xdr-streaming
//     and xdr-polling transports;
//   - jQuery with jquery-ajax-transport-xdomainrequest (npm), the
//     jQuery-era $.ajax transport for IE8/9, against a Go endpoint.
//
// The libraries come pinned from e2e/libs/package-lock.json (install:
// npm ci --prefix e2e/libs) and are included with plain script tags right
// after the polyfill's two, as a legacy page does. Nothing in them is
// changed; the pages only configure them (transports: [...],
// jQuery.support.cors = false, which is what IE8/9 reported).
//
// Proof that the XDomainRequest path carried the data, from the server
// side: the page marks every XMLHttpRequest with the header X-Via: xhr (a
// page-level shim on XMLHttpRequest.prototype, before any library), which
// also forces a CORS preflight; the servers record each request, and the
// data requests must have come without the header and without a preflight,
// while a control request through XMLHttpRequest arrives marked. The page
// also lists the URLs passed to XDomainRequest.prototype.open, which must
// match the server's data requests.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needLibs fails (never skips) when the pinned libraries are not installed.
func needLibs(t *testing.T, files ...string) string {
	t.Helper()
	dir := filepath.Join(root, "e2e", "libs", "node_modules")
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("FAIL: library file e2e/libs/node_modules/%s is missing: run `npm ci --prefix e2e/libs` in %s (needs npm and the npm registry), then run the tests again", f, root)
		}
	}
	return dir
}

// libSite serves the pages, dist/ and the installed libraries under /libs/.
func libSite(nodeModules string, pages map[string]string) *site {
	libs := http.StripPrefix("/libs/", http.FileServer(http.Dir(nodeModules)))
	return &site{pages: pages, hook: func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasPrefix(r.URL.Path, "/libs/") {
			return false
		}
		w.Header().Set("Cache-Control", "no-store")
		libs.ServeHTTP(w, r)
		return true
	}}
}

// markXHR goes before everything else in a page: every XMLHttpRequest sends
// X-Via: xhr, and the page lists what XMLHttpRequest opened.
var markXHR = `<script>` + script("libs/mark_xhr.js") + `</script>`

// listXDR goes after the libraries: the page lists what XDomainRequest
// opened (the polyfill's own open runs as before).
var listXDR = `<script>` + script("libs/list_xdr.js") + `</script>`

// urlPathQuery is the path and query of an absolute URL.
func urlPathQuery(t *testing.T, s string) string {
	t.Helper()
	u, err := url.Parse(s)
	require.NoError(t, err)
	return u.RequestURI()
}

// ---- SockJS ----------------------------------------------------------------

const (
	sockEchoes = 50  // messages the client sends first, echoed back
	sockPushes = 200 // then "push 200": numbered messages from the server
	sockMore   = 10  // then more echoes, after the pushes
)

// sockPushMessage is pushMessage in e2e/libs/sockjs-server.js.
func sockPushMessage(i int) string {
	return "push-" + strconv.Itoa(i) + " é€😀 " + strings.Repeat("x", i%7*150)
}

func sockEcho(i int) string { return "c-" + strconv.Itoa(i) + " ü€" }

// sockjsPage connects at once, as a legacy page does, with the transport
// named in the query: sends sockEchoes messages and "push N", and when all
// have come back, sockMore messages more.
var sockjsPage = markXHR + tags + `<script src="/libs/sockjs-client/dist/sockjs.min.js"></script>` + listXDR + `<script>
var q = new URLSearchParams(location.search);
var echoes = ` + strconv.Itoa(sockEchoes) + `, pushes = ` + strconv.Itoa(sockPushes) + `, more = ` + strconv.Itoa(sockMore) + `;
` + script("libs/sockjs_page.js") + `</script>`

// sockjsServer is the running node process.
type sockjsServer struct {
	url    string // http://127.0.0.1:PORT
	stderr *libBuffer
}

type libBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *libBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *libBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// libFirstLine hands the first line written to it to a channel.
type libFirstLine struct {
	mu   sync.Mutex
	buf  []byte
	sent bool
	line chan string
}

func (w *libFirstLine) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.sent {
		w.buf = append(w.buf, p...)
		if i := bytes.IndexByte(w.buf, '\n'); i >= 0 {
			w.line <- string(w.buf[:i])
			w.sent = true
		}
	}
	return len(p), nil
}

// startSockJS runs e2e/libs/sockjs-server.js with node on a free port of
// 127.0.0.1, waits until it listens, and stops it at cleanup.
func startSockJS(t *testing.T) *sockjsServer {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("FAIL: node is not on PATH: the SockJS tests run the sockjs server (npm) with Node.js 20 or later; install nodejs")
	}
	cmd := exec.Command(node, filepath.Join(root, "e2e", "libs", "sockjs-server.js"))
	stdin, err := cmd.StdinPipe() // the server exits when this closes
	require.NoError(t, err)
	out := &libFirstLine{line: make(chan string, 1)}
	s := &sockjsServer{stderr: &libBuffer{}}
	cmd.Stdout, cmd.Stderr = out, s.stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = stdin.Close()
		_ = cmd.Process.Kill()
		<-exited
	})
	select {
	case l := <-out.line:
		port, ok := strings.CutPrefix(l, "listening ")
		require.True(t, ok, "sockjs-server.js said %q; stderr: %s", l, s.stderr)
		s.url = "http://127.0.0.1:" + port
	case err := <-exited:
		t.Fatalf("sockjs-server.js exited (%v) before listening; stderr:\n%s", err, s.stderr)
	case <-time.After(20 * time.Second):
		t.Fatalf("sockjs-server.js did not listen within 20s; stderr:\n%s", s.stderr)
	}
	return s
}

type sockReq struct {
	Method, Path, Query, Via, ContentType, Origin, Acrh, Cookie string
}

type sockLog struct {
	Requests []sockReq
	Sessions []struct {
		ID       string
		Received []string
	}
}

func (s *sockjsServer) log(t *testing.T) sockLog {
	t.Helper()
	res, err := http.Get(s.url + "/__log")
	require.NoError(t, err)
	defer res.Body.Close()
	var l sockLog
	require.NoError(t, json.NewDecoder(res.Body).Decode(&l))
	return l
}

func (l sockLog) summary() string {
	var b strings.Builder
	for _, r := range l.Requests {
		fmt.Fprintf(&b, "  %s %s%s via=%q ct=%q\n", r.Method, r.Path, r.Query, r.Via, r.ContentType)
	}
	for _, s := range l.Sessions {
		fmt.Fprintf(&b, "  session %s received %d messages\n", s.ID, len(s.Received))
	}
	return b.String()
}

// TestLibrarySockJS: sockjs-client's xdr-streaming and xdr-polling
// transports read responseText in onprogress while the response grows
// (streaming) or at onload (polling), and post each batch of messages with
// XDomainRequest. Messages both ways arrive complete and in order, across
// the reconnections the server's 16 KiB response limit forces.
func TestLibrarySockJS(t *testing.T) { forEachEngine(t, testLibrarySockJS) }

func testLibrarySockJS(t *testing.T, e *engine) {
	nodeModules := needLibs(t, "sockjs-client/dist/sockjs.min.js", "sockjs/package.json")
	for _, tc := range []struct{ transport, receive string }{
		{"xdr-streaming", "xhr_streaming"},
		{"xdr-polling", "xhr"},
	} {
		t.Run(tc.transport, func(t *testing.T) {
			srv := startSockJS(t)
			s := libSite(nodeModules, map[string]string{"/": sockjsPage})
			ps := newPageServer(s)
			t.Cleanup(ps.Close)
			tb := newTab(t, e)
			tb.open(ps.URL + "/?url=" + url.QueryEscape(srv.url+"/echo") + "&transport=" + tc.transport)

			want := []string{}
			for i := 0; i < sockEchoes; i++ {
				want = append(want, sockEcho(i))
			}
			for i := 0; i < sockPushes; i++ {
				want = append(want, sockPushMessage(i))
			}
			for i := sockEchoes; i < sockEchoes+sockMore; i++ {
				want = append(want, sockEcho(i))
			}
			diag := func() string {
				return fmt.Sprintf("events: %v; received %d messages\nserver saw:\n%s",
					eval[[]string](tb, "events"), eval[int](tb, "got.length"), srv.log(t).summary())
			}
			waitFor(tb, "got.length >= "+strconv.Itoa(len(want)), 60*time.Second, diag)
			time.Sleep(300 * time.Millisecond) // nothing more may come
			got := eval[[]string](tb, "got")
			require.Equal(t, len(want), len(got), "messages received by the page")
			for i := range want {
				require.Equal(t, want[i], got[i], "message %d from the server", i)
			}
			assert.Equal(t, []string{"open " + tc.transport}, eval[[]string](tb, "events"), "the forced transport opened, and did not close")

			// What the server received, in order.
			sentWant := []string{}
			for i := 0; i < sockEchoes; i++ {
				sentWant = append(sentWant, sockEcho(i))
			}
			sentWant = append(sentWant, "push "+strconv.Itoa(sockPushes))
			for i := sockEchoes; i < sockEchoes+sockMore; i++ {
				sentWant = append(sentWant, sockEcho(i))
			}
			l := srv.log(t)
			require.Len(t, l.Sessions, 1, "one SockJS session:\n%s", l.summary())
			assert.Equal(t, sentWant, l.Sessions[0].Received, "messages the server received, in order")

			eval[bool](tb, "sock.close(), true")
			waitFor(tb, "events.length === 2", 10*time.Second, diag)
			assert.Equal(t, "close 1000 Normal closure", eval[[]string](tb, "events")[1])

			// The server's side of the proof.
			time.Sleep(200 * time.Millisecond)
			l = srv.log(t)
			pageOrigin := ps.URL
			sess := "/echo/"
			var data []string // path+query of the data requests
			receives, sends, infoXHR, infoPreflight := 0, 0, 0, 0
			for _, r := range l.Requests {
				switch {
				case r.Path == "/echo/info" && r.Method == "OPTIONS":
					infoPreflight++
					assert.Contains(t, r.Acrh, "x-via", "the marked /info request was preflighted")
				case r.Path == "/echo/info":
					infoXHR++
					assert.Equal(t, "xhr", r.Via, "control: /info goes through XMLHttpRequest (allowed by sockjs-client) and arrives marked")
				case strings.HasPrefix(r.Path, sess):
					kind := r.Path[strings.LastIndexByte(r.Path, '/')+1:]
					assert.NotEqual(t, "OPTIONS", r.Method, "no preflight for a data request (%s): XDomainRequest never preflights", r.Path)
					assert.Equal(t, "", r.Via, "%s %s%s came from XMLHttpRequest (it carries X-Via), not from XDomainRequest", r.Method, r.Path, r.Query)
					assert.Equal(t, "POST", r.Method, r.Path)
					assert.Equal(t, pageOrigin, r.Origin, "Origin of %s", r.Path)
					assert.Equal(t, "", r.Cookie, "XDomainRequest is anonymous")
					assert.Contains(t, r.Query, "t=", "sockjs-client's XDR sender adds t= (\"IE caches even POSTs\")")
					switch kind {
					case tc.receive:
						receives++
					case "xhr_send":
						sends++
						assert.Equal(t, "text/plain;charset=utf-8", strings.ToLower(r.ContentType), "XDomainRequest posts text/plain")
					default:
						t.Errorf("unexpected transport request %s %s (want %s and xhr_send)", r.Method, r.Path, tc.receive)
					}
					data = append(data, r.Path+r.Query)
				default:
					t.Errorf("unexpected request %s %s", r.Method, r.Path)
				}
			}
			assert.Equal(t, 1, infoPreflight, "one preflight, for /info:\n%s", l.summary())
			assert.Equal(t, 1, infoXHR, "one /info:\n%s", l.summary())
			assert.GreaterOrEqual(t, sends, 2, "messages were posted (batched) with xhr_send:\n%s", l.summary())
			minReceives := 2 // the response limit ends a stream; polling polls
			if tc.transport == "xdr-polling" {
				minReceives = 5
			}
			assert.GreaterOrEqual(t, receives, minReceives, "%s requests:\n%s", tc.receive, l.summary())

			// The page's side: the URLs XDomainRequest opened are the data
			// requests the server saw (one more at most: a poll opened as
			// the socket closed, cancelled before it left), and
			// XMLHttpRequest opened only /info.
			var opened []string
			for _, o := range eval[[]string](tb, "xdrOpened") {
				m, u, _ := strings.Cut(o, " ")
				assert.Equal(t, "POST", m)
				opened = append(opened, urlPathQuery(t, u))
			}
			for _, d := range data {
				i := slices.Index(opened, d)
				if assert.GreaterOrEqual(t, i, 0, "the server's %s was opened by XDomainRequest", d) {
					opened = slices.Delete(opened, i, i+1)
				}
			}
			assert.LessOrEqual(t, len(opened), 1, "XDomainRequest requests the server never saw: %v", opened)
			// The polyfill's own synchronous request for its wasm (when
			// sockjs-client's first call came before the asynchronous start
			// had finished) goes through XMLHttpRequest too, wrapped by
			// this page before the polyfill's script ran.
			xhr := slices.DeleteFunc(eval[[]string](tb, "xhrOpened"), func(o string) bool {
				return strings.HasPrefix(o, "GET ") && strings.HasSuffix(o, "/dist/xdomainrequest.wasm?sync")
			})
			require.Len(t, xhr, 1, "XMLHttpRequest opened: %v", xhr)
			assert.True(t, strings.HasPrefix(xhr[0], "GET "+srv.url+"/echo/info"), xhr[0])
			t.Logf("%s: %d messages in, %d out; server saw %d %s and %d xhr_send requests, all from XDomainRequest; ms after navigation: %v",
				tc.transport, len(want), len(sentWant), receives, tc.receive, sends, eval[map[string]any](tb, "times"))
		})
	}
}

// ---- jQuery with jquery-ajax-transport-xdomainrequest ----------------------

// jqueryPage: jQuery, then IE8/9's answer to $.support.cors (false: the
// plugin only installs itself then), then the plugin. call() runs $.ajax and
// resolves with what jQuery reported.
var jqueryPage = markXHR + tags +
	`<script src="/libs/jquery/dist/jquery.js"></script>` +
	`<script>jQuery.support.cors = false;</script>` +
	`<script src="/libs/jquery-ajax-transport-xdomainrequest/jQuery.XDomainRequest.js"></script>` +
	listXDR + `<script>` + script("libs/jquery_page.js") + `</script>`

type ajaxReq struct {
	Method, Path, Query, Via, ContentType, Origin, Body string
}

// ajaxAPI is the other origin: it records every request.
type ajaxAPI struct {
	mu   sync.Mutex
	reqs []ajaxReq
}

const ajaxJSON = `{"items":[1,2,3],"name":"Zoë","nested":{"ok":true}}`

func (a *ajaxAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	a.mu.Lock()
	a.reqs = append(a.reqs, ajaxReq{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("X-Via"),
		r.Header.Get("Content-Type"), r.Header.Get("Origin"), string(body)})
	a.mu.Unlock()
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cache-Control", "no-store")
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", "GET, POST")
		h.Set("Access-Control-Allow-Headers", "X-Via")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	switch r.URL.Path {
	case "/items.json":
		h.Set("Content-Type", "application/json; charset=utf-8")
		_, _ = io.WriteString(w, ajaxJSON)
	case "/hello.txt":
		h.Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "hello from the other origin ✓\n")
	case "/submit":
		h.Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "received %d bytes: %s", len(body), body)
	default:
		http.Error(w, "no such thing", http.StatusNotFound)
	}
}

func (a *ajaxAPI) requests() []ajaxReq {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]ajaxReq(nil), a.reqs...)
}

// TestLibraryJQueryXDomainRequest: $.ajax GET (JSON and text), POST (a
// string and an object, form-encoded by jQuery) and a failing GET go
// through the plugin's XDomainRequest transport: the data, the content
// type jQuery reports, and the server-side record.
func TestLibraryJQueryXDomainRequest(t *testing.T) { forEachEngine(t, testLibraryJQueryXDomainRequest) }

func testLibraryJQueryXDomainRequest(t *testing.T, e *engine) {
	nodeModules := needLibs(t, "jquery/dist/jquery.js", "jquery-ajax-transport-xdomainrequest/jQuery.XDomainRequest.js")
	s := libSite(nodeModules, map[string]string{"/": jqueryPage})
	ps := newPageServer(s)
	t.Cleanup(ps.Close)
	api := &ajaxAPI{}
	as := httptest.NewServer(api)
	t.Cleanup(as.Close)
	tb := newTab(t, e)
	tb.open(ps.URL + "/")
	require.Equal(t, "1.12.4", eval[string](tb, "jQuery.fn.jquery"))

	call := func(opts string) map[string]any {
		t.Helper()
		return eval[map[string]any](tb, "call("+opts+")")
	}
	api1 := strconv.Quote(as.URL)

	assert.Equal(t, map[string]any{"ok": true, "status": "success", "type": "application/json",
		"data": map[string]any{"items": []any{1.0, 2.0, 3.0}, "name": "Zoë", "nested": map[string]any{"ok": true}}},
		call(`{url: `+api1+` + "/items.json?q=1", dataType: "json"}`), "GET JSON: the plugin calls send(\"\") for every GET, which the reference says is no body")
	assert.Equal(t, map[string]any{"ok": true, "status": "success", "type": "text/plain", "data": "hello from the other origin ✓\n"},
		call(`{url: `+api1+` + "/hello.txt"}`), "GET text")
	assert.Equal(t, map[string]any{"ok": true, "status": "success", "type": "text/plain", "data": "received 16 bytes: plain text ü€"},
		call(`{url: `+api1+` + "/submit", type: "POST", data: "plain text \u00fc\u20ac", dataType: "text"}`), "POST a string")
	assert.Equal(t, map[string]any{"ok": true, "status": "success", "type": "text/plain", "data": "received 17 bytes: name=Zo%C3%AB&n=3"},
		call(`{url: `+api1+` + "/submit", type: "POST", data: {name: "Zo\u00eb", n: 3}}`), "POST an object")
	assert.Equal(t, map[string]any{"ok": false, "status": "error", "err": "error", "text": ""},
		call(`{url: `+api1+` + "/missing.txt"}`), "GET 404: XDomainRequest shows no status or body")

	// The server's side of the proof: no request carried X-Via, none was
	// preflighted, the POSTs were text/plain, each came from the page's
	// origin.
	want := []ajaxReq{
		{"GET", "/items.json", "q=1", "", "", ps.URL, ""},
		{"GET", "/hello.txt", "", "", "", ps.URL, ""},
		{"POST", "/submit", "", "", "text/plain;charset=UTF-8", ps.URL, "plain text ü€"},
		{"POST", "/submit", "", "", "text/plain;charset=UTF-8", ps.URL, "name=Zo%C3%AB&n=3"},
		{"GET", "/missing.txt", "", "", "", ps.URL, ""},
	}
	assert.Equal(t, want, api.requests(), "what the server received (Via empty: not XMLHttpRequest; no OPTIONS: no preflight)")
	// The page's side: five XDomainRequests, no XMLHttpRequest.
	assert.Equal(t, []string{
		"GET " + as.URL + "/items.json?q=1",
		"GET " + as.URL + "/hello.txt",
		"POST " + as.URL + "/submit",
		"POST " + as.URL + "/submit",
		"GET " + as.URL + "/missing.txt",
	}, eval[[]string](tb, "xdrOpened"))
	assert.Empty(t, eval[[]string](tb, "xhrOpened"), "jQuery used no XMLHttpRequest")

	// Control: an XMLHttpRequest from the same page is preflighted and
	// arrives marked, so an unmarked request above was not one.
	assert.Equal(t, "200 hello from the other origin ✓\n", eval[string](tb, "plainXHR("+api1+` + "/hello.txt?control")`))
	all := api.requests()
	require.GreaterOrEqual(t, len(all), 2, "the control reached the server")
	reqs := all[len(all)-2:]
	assert.Equal(t, "OPTIONS", reqs[0].Method)
	assert.Equal(t, ajaxReq{"GET", "/hello.txt", "control", "xhr", "", ps.URL, ""}, reqs[1])
}
