//go:build !(js && wasm)

package e2e

// Recording test servers for the conformance suite, and the tests that check
// the security rules on the wire: what actually arrives at the server.
//
// An xsite is one origin (an httptest server on 127.0.0.1). It serves small
// HTML pages written here (/page), the built polyfill (/dist/), and the
// endpoints under /x/. It logs every request that arrives, so that a test
// can check the method, Origin, Cookie, Content-Type, Authorization and body
// that the browser sent.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

// seenReq is one request as it arrived at an xsite.
type seenReq struct {
	Method        string
	Path          string
	Query         url.Values
	Origin        string
	Cookie        string
	ContentType   string
	Authorization string
	Body          string
	HasBody       bool // a Content-Length > 0 or chunked body was announced
	At            time.Time
}

// xsite is one recording origin.
type xsite struct {
	t    *testing.T
	srv  *httptest.Server
	URL  string // http://127.0.0.1:port
	Port string

	mu   sync.Mutex
	reqs []seenReq
}

// newSite starts an origin on 127.0.0.1 that serves pages, /dist/ and the
// /x/ endpoints, and records what arrives.
func newSite(t *testing.T) *xsite {
	t.Helper()
	s := &xsite{t: t}
	s.srv = newPageServer(s)
	t.Cleanup(s.srv.Close)
	s.URL = s.srv.URL
	u, err := url.Parse(s.URL)
	require.NoError(t, err)
	s.Port = u.Port()
	return s
}

// at gives this xsite's URL for path under another host name that the
// browsers map to 127.0.0.1 (see internetPageHost in conformance_test.go).
func (s *xsite) at(host, path string) string {
	return "http://" + host + ":" + s.Port + path
}

// u builds an endpoint URL on this xsite: path plus query pairs.
func (s *xsite) u(path string, kv ...string) string {
	return s.URL + pathQuery(path, kv...)
}

func pathQuery(path string, kv ...string) string {
	if len(kv) == 0 {
		return path
	}
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Add(kv[i], kv[i+1])
	}
	return path + "?" + q.Encode()
}

// requests returns the logged requests whose path starts with prefix.
func (s *xsite) requests(prefix string) []seenReq {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []seenReq
	for _, r := range s.reqs {
		if strings.HasPrefix(r.Path, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// tagged returns the logged requests to /x/ endpoints with query id=tag.
func (s *xsite) tagged(tag string) []seenReq {
	var out []seenReq
	for _, r := range s.requests("/x/") {
		if r.Query.Get("id") == tag {
			out = append(out, r)
		}
	}
	return out
}

// one waits up to d for exactly one request tagged tag and returns it.
func (s *xsite) one(t *testing.T, tag string, d time.Duration) seenReq {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		got := s.tagged(tag)
		if len(got) > 0 || time.Now().After(deadline) {
			require.Len(t, got, 1, "requests tagged %q that arrived", tag)
			return got[0]
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// preflights returns every OPTIONS request that ever arrived.
func (s *xsite) preflights() []seenReq {
	var out []seenReq
	for _, r := range s.requests("/") {
		if r.Method == http.MethodOptions {
			out = append(out, r)
		}
	}
	return out
}

func (s *xsite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := seenReq{
		Method:        r.Method,
		Path:          r.URL.Path,
		Query:         r.URL.Query(),
		Origin:        r.Header.Get("Origin"),
		Cookie:        r.Header.Get("Cookie"),
		ContentType:   r.Header.Get("Content-Type"),
		Authorization: r.Header.Get("Authorization"),
		Body:          string(body),
		HasBody:       r.ContentLength > 0 || len(r.TransferEncoding) > 0,
		At:            time.Now(),
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, rec)
	s.mu.Unlock()

	h := w.Header()
	h.Set("Cache-Control", "no-store")
	switch {
	case strings.HasPrefix(r.URL.Path, "/dist/"):
		// Readable from any origin: a sandboxed frame (origin "null") loads it too.
		h.Set("Access-Control-Allow-Origin", "*")
		http.StripPrefix("/dist/", http.FileServer(http.Dir(filepath.Join(root, "dist")))).ServeHTTP(w, r)
	case r.URL.Path == "/page":
		servePage(w, r)
	case strings.HasPrefix(r.URL.Path, "/x/"):
		serveEndpoint(w, r, rec)
	default:
		http.NotFound(w, r)
	}
}

// pageCookie is the cookie every page response sets on its origin; the page
// script sets pageJSCookie through document.cookie. XDomainRequest is
// anonymous: neither may ever reach a server through it.
const (
	pageCookie   = "xdrpagesid=s3cret"
	pageJSCookie = "xdrjscookie=fromjs"
)

// pageHelpers is the JavaScript every conformance page carries: xdrErr runs
// a function and describes what it threw; xdrWatch records the events of an
// XDomainRequest; xdrRun sends one request and resolves with a record of
// everything that happened, a grace period after the terminal event (to see
// events that should not come).
var pageHelpers = script("sites/page_helpers.js") // sets pageJSCookie

// servePage writes a conformance page: ?cfg= is a JSON object for
// XDomainRequestConfig (set before the loader), ?base= a <base href>, ?pre=
// a script run before the loader and ?post= one run right after it (before
// the wasm is ready).
func servePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	self := "http://" + r.Host
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>XDR conformance</title>\n")
	if base := q.Get("base"); base != "" {
		fmt.Fprintf(&b, "<base href=\"%s\">\n", html.EscapeString(base))
	}
	if pre := q.Get("pre"); pre != "" {
		fmt.Fprintf(&b, "<script>%s</script>\n", pre)
	}
	if cfg := q.Get("cfg"); cfg != "" {
		if !json.Valid([]byte(cfg)) {
			http.Error(w, "cfg is not JSON", http.StatusBadRequest)
			return
		}
		fmt.Fprintf(&b, "<script>XDomainRequestConfig = %s;</script>\n", cfg)
	}
	// Absolute script URLs: a <base> to another origin must not move them.
	fmt.Fprintf(&b, "<script src=\"%s/dist/wasm_exec.js\"></script>\n", self)
	fmt.Fprintf(&b, "<script src=\"%s/dist/xdomainrequest.js\"></script>\n", self)
	if post := q.Get("post"); post != "" {
		fmt.Fprintf(&b, "<script>%s</script>\n", post)
	}
	fmt.Fprintf(&b, "<script>%s</script>\n", pageHelpers)
	b.WriteString("</head><body><p>XDomainRequest conformance page</p></body></html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Add("Set-Cookie", pageCookie+"; Path=/")
	_, _ = io.WriteString(w, b.String())
}

// streamText is the body of /x/stream: n numbered pieces of 10 bytes.
func streamText(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[%07d]\n", i)
	}
	return b.String()
}

// chunkedBody is the body of /x/chunks in four chunks.
var chunkedBody = []string{
	"first chunk; ",
	"second chunk; ",
	"third chunk; ",
	"last chunk.",
}

// serveEndpoint serves the /x/ endpoints. Every endpoint takes
//
//	acao=   Access-Control-Allow-Origin (default "*"; "none" sends none)
//	ct=     Content-Type (default "text/plain; charset=utf-8"; "none" sends none)
//	id=     a tag the test uses to find the request in the log
//
// and the endpoints are:
//
//	/x/text    status= (default 200), delay= ms before the headers,
//	           body= the body, or hex= the body's bytes in hex
//	           (announce=N: a Content-Length of N whatever the body;
//	           repeat=N: the body N times; gzip=1: compressed;
//	           pieces=N: in N pieces 30 ms apart)
//	/x/echo    the request body back
//	/x/chunks  c= (repeated) the chunks in hex, or the four chunkedBody
//	           pieces; gap= ms between chunks (default 150), each flushed;
//	           delay= ms before the headers; lead= ms between the headers
//	           and the first chunk
//	/x/stream  n= pieces of streamText every gap= ms (default 60 x 5 ms)
//	/x/cut     headers announce 1000 bytes; 12 are sent; the connection closes
//	           (close=1: at once, after Connection: close; len=N announces N)
//	/x/auth    401 with WWW-Authenticate: Basic
//	/x/setcookie  a body with Set-Cookie: xdrleak=1
//	/x/redirect   code= (default 302) to the URL to=
//	/x/huge    mb= MiB of "a" (default 1), as fast as the client reads
func serveEndpoint(w http.ResponseWriter, r *http.Request, rec seenReq) {
	q := r.URL.Query()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	switch acao := q.Get("acao"); acao {
	case "":
		h.Set("Access-Control-Allow-Origin", "*")
	case "none":
	default:
		h.Set("Access-Control-Allow-Origin", acao)
	}
	switch ct := q.Get("ct"); ct {
	case "":
		h.Set("Content-Type", "text/plain; charset=utf-8")
	case "none":
		h["Content-Type"] = nil // no sniffing, no header
	default:
		h.Set("Content-Type", ct)
	}
	flush := func() {
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	}
	switch r.URL.Path {
	case "/x/text":
		if !devserver.Pause(r, xms(q.Get("delay"), 0)) {
			return
		}
		body := []byte(q.Get("body"))
		if hx := q.Get("hex"); hx != "" {
			var err error
			if body, err = hex.DecodeString(hx); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		}
		status := 200
		if s := q.Get("status"); s != "" {
			status, _ = strconv.Atoi(s)
		}
		if n, _ := strconv.Atoi(q.Get("repeat")); n > 1 {
			body = bytes.Repeat(body, n)
		}
		if q.Get("gzip") != "" { // sent compressed, its length the compressed one
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			_, _ = zw.Write(body)
			_ = zw.Close()
			body = z.Bytes()
			w.Header().Set("Content-Encoding", "gzip")
		}
		pieces, _ := strconv.Atoi(q.Get("pieces"))
		if pieces > 1 || q.Get("gzip") != "" {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		if n := q.Get("announce"); n != "" {
			w.Header().Set("Content-Length", n) // a length for a response without a body (204)
		}
		w.WriteHeader(status)
		pieces = max(1, pieces)
		for i := range pieces {
			if i > 0 {
				flush()
				if !devserver.Pause(r, 30*time.Millisecond) {
					return
				}
			}
			_, _ = w.Write(body[len(body)*i/pieces : len(body)*(i+1)/pieces])
		}
	case "/x/echo":
		_, _ = io.WriteString(w, rec.Body)
	case "/x/chunks":
		gap := xms(q.Get("gap"), 150)
		lead := xms(q.Get("lead"), 0)
		if !devserver.Pause(r, xms(q.Get("delay"), 0)) {
			return
		}
		var chunks [][]byte
		for _, c := range q["c"] {
			b, err := hex.DecodeString(c)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			chunks = append(chunks, b)
		}
		if len(chunks) == 0 {
			for _, c := range chunkedBody {
				chunks = append(chunks, []byte(c))
			}
		}
		w.WriteHeader(http.StatusOK)
		flush()
		if !devserver.Pause(r, lead) {
			return
		}
		for i, c := range chunks {
			if i > 0 && !devserver.Pause(r, gap) {
				return
			}
			if _, err := w.Write(c); err != nil {
				return
			}
			flush()
		}
	case "/x/stream":
		n, _ := strconv.Atoi(q.Get("n"))
		if n <= 0 {
			n = 60
		}
		gap := xms(q.Get("gap"), 5)
		w.WriteHeader(http.StatusOK)
		flush()
		text := streamText(n)
		for i := 0; i < n; i++ {
			if i > 0 && !devserver.Pause(r, gap) {
				return
			}
			if _, err := io.WriteString(w, text[i*10:i*10+10]); err != nil {
				return
			}
			flush()
		}
	case "/x/cut":
		hj, ok := w.(http.Hijacker)
		if !ok {
			http.Error(w, "no hijacking", http.StatusInternalServerError)
			return
		}
		conn, buf, err := hj.Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		if q.Get("close") != "" {
			// Announced with Connection: close and closed at once (an
			// HTTP/1.0-style end, which WebKitGTK's fetch takes for a whole body).
			cfWriteCut(buf, "Connection: close\r\n", q.Get("len"))
			return
		}
		cfWriteCut(buf, "", q.Get("len"))
		time.Sleep(xms(q.Get("hold"), 150))
	case "/x/auth":
		h.Set("WWW-Authenticate", `Basic realm="xdr"`)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, "authenticate, please")
	case "/x/redirect":
		code := http.StatusFound
		if c, err := strconv.Atoi(q.Get("code")); err == nil {
			code = c
		}
		h.Set("Location", q.Get("to"))
		w.WriteHeader(code)
	case "/x/huge":
		mb := 1
		if n, err := strconv.Atoi(q.Get("mb")); err == nil && n > 0 {
			mb = n
		}
		h.Set("Content-Length", strconv.Itoa(mb<<20))
		chunk := []byte(strings.Repeat("a", 1<<20))
		for i := 0; i < mb; i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	case "/x/setcookie":
		h.Add("Set-Cookie", "xdrleak=1; Path=/")
		_, _ = io.WriteString(w, "cookie offered")
	default:
		http.NotFound(w, r)
	}
}

// cutPart is what /x/cut sends of the 1000 bytes its headers announce.
const cutPart = "partial body"

func cfWriteCut(buf *bufio.ReadWriter, extra, length string) {
	if length == "" {
		length = "1000"
	}
	_, _ = buf.WriteString("HTTP/1.1 200 OK\r\n" + extra +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Length: " + length + "\r\n" +
		"Access-Control-Allow-Origin: *\r\n" +
		"Cache-Control: no-store\r\n" +
		"\r\n" + cutPart)
	_ = buf.Flush()
}

func xms(v string, def int) time.Duration {
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Millisecond
	}
	return time.Duration(def) * time.Millisecond
}

// hexOf is the hex encoding of s, for the hex= and c= parameters.
func hexOf(s string) string { return hex.EncodeToString([]byte(s)) }
