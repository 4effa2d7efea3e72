//go:build !(js && wasm)

package browser

import (
	"bytes"
	_ "embed"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"strings"
	"time"
)

// What the WebKit driver needs of the test servers and the network: the
// probe that tells the console, uncaught errors and alert() of a page
// (classic WebDriver reports none of them), and the forward proxy that
// resolves the tests' Internet host names.

// webkitProbe runs first in every HTML document sent to WebKit. It records
// what DevTools would report, with chromedp's types ("log", "warning",
// "error", "exception", ...), and alert() messages, which it answers at
// once as the other drivers do (so alert() does not block in WebKit under
// test). A same-origin frame reports to its parent's probe. The tab takes
// the records with take() or waits for them with wait().
//
//go:embed probe.js
var webkitProbe string

var probeTag = []byte("<script>" + strings.TrimSuffix(webkitProbe, "\n") + "</script>")

// fromWebKit tells a request of WebKit's MiniBrowser (AppleWebKit, and
// neither Chrome nor Firefox).
func fromWebKit(r *http.Request) bool {
	ua := r.UserAgent()
	return strings.Contains(ua, "AppleWebKit/") && !strings.Contains(ua, "Chrome/") && !strings.Contains(ua, "Firefox/")
}

// WithProbe puts the probe first in the HTML documents (pages and frames,
// not fetches) that WebKit loads from h; other requests pass untouched.
func WithProbe(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !fromWebKit(r) || !isDocument(r) {
			h.ServeHTTP(w, r)
			return
		}
		pw := &probeWriter{ResponseWriter: w}
		h.ServeHTTP(pw, r)
		pw.finish()
	})
}

// isDocument tells the load of a page or a frame from a fetch: by
// Sec-Fetch-Dest, which WebKit sends only to potentially trustworthy
// origins (127.0.0.1, not http://www.xdr-page.example), or else by Accept.
func isDocument(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Dest") {
	case "document", "iframe", "frame":
		return true
	case "":
		return strings.HasPrefix(r.Header.Get("Accept"), "text/html")
	}
	return false
}

// probeWriter inserts the probe into an HTML body, after a doctype that
// begins it (a script before it would put the page in quirks mode).
type probeWriter struct {
	http.ResponseWriter
	decided, inject, done bool
	head                  []byte // the body's first bytes, while the doctype may be incomplete
}

func (p *probeWriter) WriteHeader(code int) {
	if !p.decided {
		p.decided = true
		ct := strings.ToLower(p.Header().Get("Content-Type"))
		p.inject = code == http.StatusOK && strings.HasPrefix(ct, "text/html") && p.Header().Get("Content-Encoding") == ""
		if p.inject {
			p.Header().Del("Content-Length")
		}
	}
	p.ResponseWriter.WriteHeader(code)
}

func (p *probeWriter) Write(b []byte) (int, error) {
	if !p.decided {
		if p.Header().Get("Content-Type") == "" {
			p.Header().Set("Content-Type", http.DetectContentType(b))
		}
		p.WriteHeader(http.StatusOK)
	}
	if !p.inject || p.done {
		return p.ResponseWriter.Write(b)
	}
	p.head = append(p.head, b...)
	t := bytes.TrimLeft(p.head, "\ufeff \t\r\n")
	at := len(p.head) - len(t) // where the probe goes
	if len(t) < 9 && len(p.head) < 512 {
		return len(b), nil // not yet enough to tell a doctype
	}
	if len(t) >= 9 && strings.EqualFold(string(t[:9]), "<!doctype") {
		end := bytes.IndexByte(t, '>')
		if end < 0 && len(p.head) < 4096 {
			return len(b), nil
		}
		at += end + 1
	}
	p.done = true
	out := append(append(append([]byte(nil), p.head[:at]...), probeTag...), p.head[at:]...)
	p.head = nil
	if _, err := p.ResponseWriter.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// finish writes a body too short to have been decided.
func (p *probeWriter) finish() {
	if p.inject && !p.done {
		p.done = true
		out := append(append([]byte(nil), probeTag...), p.head...)
		_, _ = p.ResponseWriter.Write(out)
	}
}

func (p *probeWriter) Flush() {
	if p.inject && !p.done && len(p.head) > 0 {
		p.finish()
	}
	if f, ok := p.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (p *probeWriter) Unwrap() http.ResponseWriter { return p.ResponseWriter }

// ---------------------------------------------------------------------------
// The forward proxy.

// webkitProxy is the HTTP proxy MiniBrowser uses for every host but
// 127.0.0.1 and localhost: it sends the tests' Internet host names to
// 127.0.0.1 (as Chromium's host-resolver-rules and Firefox's
// network.dns.localDomains do) and refuses any other host, so nothing
// leaves the machine.
type webkitProxy struct {
	addr string
	srv  *http.Server
	rp   *httputil.ReverseProxy
}

// quietLog takes the proxy's complaints (a page that leaves mid-body).
var quietLog = log.New(io.Discard, "", 0)

var proxiedHosts = map[string]bool{PageHost: true, APIHost: true}

func startWebKitProxy() (*webkitProxy, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &webkitProxy{addr: l.Addr().String()}
	p.rp = &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Scheme = "http"
			pr.Out.URL.Host = net.JoinHostPort("127.0.0.1", pr.In.URL.Port())
			pr.Out.Host = pr.In.Host
		},
		Transport:     &http.Transport{Proxy: nil, DisableCompression: true, MaxIdleConnsPerHost: 32, IdleConnTimeout: 30 * time.Second},
		FlushInterval: -1,
		ErrorLog:      quietLog,
	}
	p.srv = &http.Server{Handler: p, ErrorLog: quietLog}
	go func() { _ = p.srv.Serve(l) }()
	return p, nil
}

func (p *webkitProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Hostname()
	if r.Method == http.MethodConnect {
		host, _, _ = net.SplitHostPort(r.Host)
	}
	if !proxiedHosts[host] {
		http.Error(w, "the test proxy refuses "+host, http.StatusForbidden)
		return
	}
	if r.Method != http.MethodConnect {
		p.rp.ServeHTTP(w, r)
		return
	}
	// CONNECT (https://): a tunnel to the same port on 127.0.0.1.
	_, port, _ := net.SplitHostPort(r.Host)
	up, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", port), 5*time.Second)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		up.Close()
		http.Error(w, "no hijacking", http.StatusInternalServerError)
		return
	}
	down, buf, err := hj.Hijack()
	if err != nil {
		up.Close()
		return
	}
	_, _ = io.WriteString(down, "HTTP/1.1 200 Connection established\r\n\r\n")
	if n := buf.Reader.Buffered(); n > 0 {
		b, _ := buf.Reader.Peek(n)
		_, _ = up.Write(b)
	}
	go func() { _, _ = io.Copy(up, down); up.Close() }()
	go func() { _, _ = io.Copy(down, up); down.Close() }()
}

func (p *webkitProxy) close() { _ = p.srv.Close() }
