//go:build !(js && wasm)

package e2e

// The modern demo page (web/demo.html), driven through its form: the event
// log, the responseText panel, and the explanations it takes from the
// polyfill's console.warn lines.

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

// demoPost is a request the endpoint origin received with a body.
type demoPost struct {
	method, contentType, body string
}

// demoSite is the demo page in a tab, its endpoint origin, and the POSTs
// that origin received.
type demoSite struct {
	*tab
	api   string
	mu    sync.Mutex
	posts []demoPost
}

func (s *demoSite) received() []demoPost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]demoPost(nil), s.posts...)
}

// demoRow is one row of the page's event log.
type demoRow struct {
	Event  string `json:"event"`
	Length int    `json:"length"` // -1 when the row shows none
	Type   string `json:"type"`
	Why    string `json:"why"`
	Text   string `json:"text"`
}

// openDemo serves web/ and dist/ on one origin and the endpoints on another
// (recording what POSTs carry), and opens demo.html?api=<endpoint origin>
// at the given viewport (0: the browser's).
func openDemo(t *testing.T, e *engine, width, height int64) *demoSite {
	t.Helper()
	s := &demoSite{}
	ep := devserver.EndpointHandler()
	ps := newPageServer(devserver.PageHandler(root))
	as := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			b, _ := io.ReadAll(r.Body)
			s.mu.Lock()
			s.posts = append(s.posts, demoPost{r.Method, r.Header.Get("Content-Type"), string(b)})
			s.mu.Unlock()
			r.Body = io.NopCloser(bytes.NewReader(b))
		}
		ep.ServeHTTP(w, r)
	}))
	t.Cleanup(ps.Close)
	t.Cleanup(as.Close)
	s.api = as.URL
	s.tab = newTab(t, e)
	if width > 0 {
		s.setViewport(width, height)
	}
	s.open(ps.URL + "/demo.html?api=" + url.QueryEscape(as.URL))
	s.waitJS(`document.getElementById('ready').textContent === 'ready'`, 5*time.Second, "the page shows readiness")
	return s
}

// waitJS polls a JavaScript condition.
func (s *demoSite) waitJS(cond string, within time.Duration, what string) {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for !eval[bool](s.tab, "!!("+cond+")") {
		require.True(s.t, time.Now().Before(deadline), "waiting for %s (%s)", what, cond)
		time.Sleep(20 * time.Millisecond)
	}
}

// send fills the form and presses Send.
func (s *demoSite) send(method, u, body, timeout string) {
	s.t.Helper()
	for id, v := range map[string]string{"url": u, "method": method, "body": body, "timeout": timeout} {
		s.setValue(id, v)
	}
	s.click("#send")
}

func (s *demoSite) rows() []demoRow {
	s.t.Helper()
	return eval[[]demoRow](s.tab, `[...document.querySelectorAll('#log tr')].map(r => ({
		event: r.dataset.event, length: r.dataset.length === '' ? -1 : Number(r.dataset.length),
		type: r.dataset.type, why: r.dataset.why || '', text: r.innerText}))`)
}

// waitRow waits for a log row of the event.
func (s *demoSite) waitRow(event string, within time.Duration) demoRow {
	s.t.Helper()
	s.waitJS(`!!document.querySelector('#log tr[data-event="`+event+`"]')`, within, "a "+event+" row in the log")
	for _, r := range s.rows() {
		if r.Event == event {
			return r
		}
	}
	s.t.Fatalf("no %s row", event)
	return demoRow{}
}

func (s *demoSite) panel() string {
	s.t.Helper()
	return eval[string](s.tab, `document.getElementById('response').textContent`)
}

// explained waits for the row of an event and checks that it shows the
// console's explanation, which names each of why.
func (s *demoSite) explained(event string, within time.Duration, why ...string) demoRow {
	s.t.Helper()
	r := s.waitRow(event, within)
	assert.Contains(s.t, r.Text, "on"+event)
	for _, w := range why {
		assert.Contains(s.t, r.Why, w, "the explanation from console.warn")
	}
	assert.Contains(s.t, r.Text, "Why: "+r.Why, "the explanation is shown")
	return r
}

func events(rows []demoRow) []string {
	var e []string
	for _, r := range rows {
		e = append(e, r.Event)
	}
	return e
}

// noAlerts checks that the page never used alert().
func (s *demoSite) noAlerts() {
	s.t.Helper()
	select {
	case m := <-s.dialogs:
		s.t.Fatalf("the demo page must not use alert(), got %q", m)
	default:
	}
}

// streamingGet sends a GET of /xdr.txt?gap=300 and checks the log and the
// panel up to onload.
func (s *demoSite) streamingGet() {
	t := s.t
	t.Helper()
	body := devserver.Body()
	s.send("GET", s.api+"/xdr.txt?gap=300", "", "10000")
	s.waitRow("progress", 5*time.Second)
	partial := s.panel()
	assert.True(t, strings.HasPrefix(body, partial) && partial != "" && len(partial) < len(body),
		"during streaming the panel shows part of the body: %q", partial)
	s.waitRow("load", 10*time.Second)

	rows := s.rows()
	require.GreaterOrEqual(t, len(rows), 3, "rows: %v", events(rows))
	assert.Equal(t, "send", rows[0].Event, "the log starts with the send")
	assert.Equal(t, "load", rows[len(rows)-1].Event, "onload ends the log: %v", events(rows))
	var lengths []int
	for _, r := range rows[1 : len(rows)-1] {
		require.Equal(t, "progress", r.Event, "only onprogress between send and onload: %v", events(rows))
		assert.Equal(t, "text/plain", r.Type, "contentType at onprogress")
		assert.Contains(t, r.Text, `"text/plain"`, "the row shows contentType")
		lengths = append(lengths, r.Length)
	}
	require.GreaterOrEqual(t, len(lengths), 2, "chunks 300 ms apart: several onprogress entries")
	for i := 1; i < len(lengths); i++ {
		assert.GreaterOrEqual(t, lengths[i], lengths[i-1], "responseText.length grows: %v", lengths)
	}
	assert.Less(t, lengths[0], lengths[len(lengths)-1], "responseText.length grows: %v", lengths)
	assert.Equal(t, len(devserver.Chunks[0]), lengths[0], "the first onprogress holds the first chunk")
	load := rows[len(rows)-1]
	assert.Equal(t, len(body), load.Length, "onload: the whole length")
	assert.Equal(t, "text/plain", load.Type)
	assert.Equal(t, body, s.panel(), "the panel holds the whole body")
	assert.Contains(t, eval[string](s.tab, `document.getElementById('meta').textContent`), itoa(len(body)))
}

func TestDemoPage(t *testing.T) { forEachEngine(t, testDemoPage) }

func testDemoPage(t *testing.T, e *engine) {
	s := openDemo(t, e, 0, 0)
	assert.Equal(t, s.api+"/xdr.txt", eval[string](s.tab, `document.getElementById('url').value`), "URL prefilled from ?api=")
	version := eval[string](s.tab, `document.getElementById('version').textContent`)
	assert.Equal(t, eval[string](s.tab, `XDomainRequest.version`), version, "the page shows XDomainRequest.version")
	assert.Contains(t, version, "(go", "version names the Go that built the wasm")
	assert.True(t, eval[bool](s.tab, `!!document.querySelector('a[href="index.html"]')`), "links to the seed page")
	assert.Equal(t, []string{}, eval[[]string](s.tab, `[...document.querySelectorAll('input, select, textarea')]
		.filter(e => e.labels.length === 0).map(e => e.id)`), "every control has a label")
	assert.Equal(t, "GET,POST", eval[string](s.tab, `[...document.getElementById('method').options].map(o => o.value).join()`),
		"the method select offers GET and POST")

	// Without ?api= the endpoint origin is this host on port + 1.
	page, err := url.Parse(eval[string](s.tab, `location.href`))
	require.NoError(t, err)
	s.navigate(page.Scheme + "://" + page.Host + "/demo.html")
	s.waitJS(`document.readyState === 'complete'`, 5*time.Second, "the page")
	port, err := strconv.Atoi(page.Port())
	require.NoError(t, err)
	assert.Equal(t, "http://"+page.Hostname()+":"+itoa(port+1)+"/xdr.txt", eval[string](s.tab, `document.getElementById('url').value`))
	s.noAlerts()
}

func TestDemoStreamingGet(t *testing.T) { forEachEngine(t, testDemoStreamingGet) }

func testDemoStreamingGet(t *testing.T, e *engine) {
	s := openDemo(t, e, 0, 0)
	s.streamingGet()
	s.noAlerts()
}

func TestDemoPost(t *testing.T) { forEachEngine(t, testDemoPost) }

func testDemoPost(t *testing.T, e *engine) {
	s := openDemo(t, e, 0, 0)
	const body = "name=demo&text=h\u00e9llo"
	s.send("POST", s.api+"/xdr.txt?gap=0", body, "10000")
	s.waitRow("load", 10*time.Second)
	rows := s.rows()
	assert.Equal(t, "send", rows[0].Event)
	assert.Contains(t, rows[0].Text, "POST "+s.api+"/xdr.txt?gap=0", "the send row names method and URL")
	assert.Equal(t, devserver.Body(), s.panel(), "the POST's response in the panel")
	posts := s.received()
	require.Len(t, posts, 1, "one POST reached the endpoint origin")
	assert.Equal(t, body, posts[0].body, "the body as typed")
	assert.Equal(t, "text/plain;charset=utf-8", strings.ToLower(strings.ReplaceAll(posts[0].contentType, " ", "")))
	s.noAlerts()
}

func TestDemoAbort(t *testing.T) { forEachEngine(t, testDemoAbort) }

func testDemoAbort(t *testing.T, e *engine) {
	s := openDemo(t, e, 0, 0)
	s.send("GET", s.api+"/xdr.txt?gap=600", "", "10000")
	s.waitRow("progress", 5*time.Second)
	s.click("#abort")
	ab := s.waitRow("abort", 2*time.Second)
	assert.Equal(t, 0, ab.Length, "abort resets responseText")
	assert.Equal(t, "", ab.Type, "abort resets contentType")
	// The rest of the body would have come within 3 x 600 ms.
	time.Sleep(2500 * time.Millisecond)
	rows := s.rows()
	assert.Equal(t, "abort", rows[len(rows)-1].Event, "no event after abort: %v", events(rows))
	assert.Equal(t, []string{"send", "progress", "abort"}, events(rows))
	assert.False(t, eval[bool](s.tab, `document.getElementById('send').disabled`), "Send is enabled again")
	s.noAlerts()
}

func TestDemoTimeout(t *testing.T) { forEachEngine(t, testDemoTimeout) }

func testDemoTimeout(t *testing.T, e *engine) {
	s := openDemo(t, e, 0, 0)
	s.send("GET", s.api+"/slow.txt?delay=3000", "", "500")
	s.explained("timeout", 3*time.Second, "timed out")
	time.Sleep(3 * time.Second) // the late response fires nothing
	assert.Equal(t, []string{"send", "timeout"}, events(s.rows()))
	s.noAlerts()
}

func TestDemoNoCORS(t *testing.T) { forEachEngine(t, testDemoNoCORS) }

func testDemoNoCORS(t *testing.T, e *engine) {
	s := openDemo(t, e, 0, 0)
	s.send("GET", s.api+"/nocors.txt", "", "10000")
	r := s.explained("error", 10*time.Second, "CORS", "Access-Control-Allow-Origin")
	assert.Equal(t, 0, r.Length)
	assert.Equal(t, "", s.panel())
	time.Sleep(500 * time.Millisecond)
	assert.Equal(t, []string{"send", "error"}, events(s.rows()))
	s.noAlerts()
}

func TestDemoDenied(t *testing.T) { forEachEngine(t, testDemoDenied) }

func testDemoDenied(t *testing.T, e *engine) {
	s := openDemo(t, e, 0, 0)
	s.send("GET", "ftp://x/", "", "10000")
	r := s.waitRow("exception", 2*time.Second)
	assert.Contains(t, r.Text, "open() threw")
	assert.Contains(t, r.Text, "Access is denied.", "e.message")
	assert.Contains(t, r.Why, "only http: and https: URLs are allowed", "the warning explains the scheme rule")
	assert.Contains(t, r.Text, "Why: "+r.Why)
	time.Sleep(300 * time.Millisecond)
	assert.Equal(t, []string{"exception"}, events(s.rows()), "no request, no stray warning row")
	assert.False(t, eval[bool](s.tab, `document.getElementById('send').disabled`), "Send stays enabled")
	assert.Eventually(t, func() bool {
		for _, l := range s.logs() {
			if strings.Contains(l, r.Why) {
				return true
			}
		}
		return false
	}, 2*time.Second, 50*time.Millisecond, "the wrapped console.warn still reaches the console")
	s.noAlerts()
}

// TestDemoScreenshot runs a streaming GET at a fixed viewport and takes a
// screenshot; with XDR_SCREENSHOT=path Chromium's is written there
// (docs/demo.png).
func TestDemoScreenshot(t *testing.T) { forEachEngine(t, testDemoScreenshot) }

func testDemoScreenshot(t *testing.T, e *engine) {
	s := openDemo(t, e, 1000, 760)
	s.streamingGet()
	eval[bool](s.tab, `(document.activeElement && document.activeElement.blur(), true)`)
	png := s.screenshot()
	require.True(t, bytes.HasPrefix(png, []byte("\x89PNG")), "a PNG")
	if out := os.Getenv("XDR_SCREENSHOT"); out != "" && e != chromium {
		t.Logf("%s: XDR_SCREENSHOT skipped: docs/demo.png is Chromium's screenshot", e.Name)
	} else if out != "" {
		require.NoError(t, os.MkdirAll(filepath.Dir(out), 0o755))
		require.NoError(t, os.WriteFile(out, png, 0o644))
		t.Logf("wrote %s (%d bytes)", out, len(png))
	}
}
