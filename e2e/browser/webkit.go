//go:build !(js && wasm)

package browser

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The WebKit driver: WebKitGTK's MiniBrowser (Debian's webkit2gtk-driver),
// driven through WebKitWebDriver and classic W3C WebDriver over HTTP. One
// Xvfb for the whole run (MiniBrowser has no headless mode), one
// WebKitWebDriver and one session (a fresh MiniBrowser with its own
// storage) per tab, since the driver serves one session at a time.
//
// Classic WebDriver reports no console, page errors or dialogs: every HTML
// document the test servers send to WebKit starts with a probe script
// (probe.js, injected by WithProbe) that records console calls, uncaught
// errors, unhandled rejections and alert() messages; the tab drains them
// with a long-polling script. The tests' Internet host names reach
// 127.0.0.1 through MiniBrowser's --proxy, a forward proxy in the test
// process that knows only those names (webkitProxy).

func webkitDriverPath() string {
	if p := os.Getenv("XDR_WEBKITDRIVER"); p != "" {
		return p
	}
	return "/usr/bin/WebKitWebDriver"
}

// miniBrowserPath is MiniBrowser, which Debian installs off PATH.
func miniBrowserPath() string {
	if p := os.Getenv("XDR_MINIBROWSER"); p != "" {
		return p
	}
	arch := map[string]string{"amd64": "x86_64", "arm64": "aarch64", "386": "i386", "arm": "arm", "ppc64le": "powerpc64le", "s390x": "s390x", "riscv64": "riscv64"}[runtime.GOARCH]
	if m, _ := filepath.Glob("/usr/lib/" + arch + "-linux-*/webkit2gtk-4.1/MiniBrowser"); len(m) > 0 {
		return m[0]
	}
	return "/usr/lib/" + arch + "-linux-gnu/webkit2gtk-4.1/MiniBrowser"
}

func xvfbPath() string {
	if p := os.Getenv("XDR_XVFB"); p != "" {
		return p
	}
	return "/usr/bin/Xvfb"
}

// webkitState is what every WebKit tab shares: the X display and the proxy.
var webkitState struct {
	once    sync.Once
	err     error
	xvfb    *exec.Cmd
	display string
	proxy   *webkitProxy
	version string

	mu   sync.Mutex
	tabs map[*wdTab]bool
}

func webkitShared() error {
	s := &webkitState
	s.once.Do(func() { s.err = startWebKitShared() })
	return s.err
}

func startWebKitShared() error {
	s := &webkitState
	s.tabs = map[*wdTab]bool{}
	for _, p := range []struct{ path, pkg, env string }{
		{webkitDriverPath(), "webkit2gtk-driver", "XDR_WEBKITDRIVER"},
		{miniBrowserPath(), "webkit2gtk-driver", "XDR_MINIBROWSER"},
		{xvfbPath(), "xvfb", "XDR_XVFB"},
	} {
		if _, err := os.Stat(p.path); err != nil {
			return fmt.Errorf("%s not found: install Debian's package %s (apt-get install %s; make deps does, as root) or set %s", p.path, p.pkg, p.pkg, p.env)
		}
	}
	// Xvfb picks a free display and writes its number on fd 3.
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	xvfb := exec.Command(xvfbPath(), "-displayfd", "3", "-noreset", "-nolisten", "tcp", "-screen", "0", "1280x1024x24")
	xvfb.ExtraFiles = []*os.File{w}
	var out tailBuffer
	xvfb.Stdout, xvfb.Stderr = &out, &out
	processGroup(xvfb)
	if err := xvfb.Start(); err != nil {
		r.Close()
		w.Close()
		return fmt.Errorf("starting Xvfb: %w", err)
	}
	w.Close()
	s.xvfb = xvfb
	num := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(r).ReadString('\n')
		r.Close()
		num <- strings.TrimSpace(l)
	}()
	select {
	case n := <-num:
		if _, err := strconv.Atoi(n); err != nil {
			return fmt.Errorf("Xvfb gave no display number (%q):\n%s", n, out.String())
		}
		s.display = ":" + n
	case <-time.After(30 * time.Second):
		return fmt.Errorf("Xvfb gave no display number within 30 s:\n%s", out.String())
	}
	s.proxy, err = startWebKitProxy()
	return err
}

// stopWebKit closes the tabs left open and stops Xvfb and the proxy.
func stopWebKit() {
	s := &webkitState
	s.mu.Lock()
	var open []*wdTab
	for t := range s.tabs {
		open = append(open, t)
	}
	s.mu.Unlock()
	for _, t := range open {
		t.Close()
	}
	if s.proxy != nil {
		s.proxy.close()
	}
	if s.xvfb != nil && s.xvfb.Process != nil {
		killGroup(s.xvfb)
		_ = s.xvfb.Wait()
	}
}

// webkitVersion is the WebKitGTK version of the last session ("" before one).
func webkitVersion() string {
	webkitState.mu.Lock()
	defer webkitState.mu.Unlock()
	return webkitState.version
}

// ---------------------------------------------------------------------------
// One tab: a WebKitWebDriver with one session.

type wdTab struct {
	cmd     *exec.Cmd
	exited  chan struct{}
	output  *tailBuffer
	base    string // http://127.0.0.1:port/session/id
	client  *http.Client
	sink    Sink
	stop    chan struct{}
	polling sync.WaitGroup
	once    sync.Once
	// A script still waiting when the page goes away never answers in
	// WebKit: navigate pauses the poller (paused, then navMu) first.
	paused atomic.Bool
	navMu  sync.RWMutex
	// The poller starts with the first page (nothing to say on about:blank).
	polls     chan struct{}
	navigated sync.Once
}

func openWebKitTab(sink Sink) (Tab, error) {
	if err := webkitShared(); err != nil {
		return nil, err
	}
	// A session that does not start in time is tried again once, with a
	// new driver: MiniBrowser may (rarely) hang at start.
	var err error
	for attempt := 0; attempt < 2; attempt++ {
		var t *wdTab
		if t, err = startWebKitTab(sink); err == nil {
			return t, nil
		}
	}
	return nil, err
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func startWebKitTab(sink Sink) (*wdTab, error) {
	s := &webkitState
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	t := &wdTab{
		output: &tailBuffer{},
		exited: make(chan struct{}),
		client: &http.Client{Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 8}},
		sink:   sink,
		stop:   make(chan struct{}),
		polls:  make(chan struct{}),
	}
	cmd := exec.Command(webkitDriverPath(), "--host=127.0.0.1", "--port="+strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "DISPLAY="+s.display)
	cmd.Stdout, cmd.Stderr = t.output, t.output
	processGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", webkitDriverPath(), err)
	}
	t.cmd = cmd
	go func() { _ = cmd.Wait(); close(t.exited) }()
	fail := func(err error) (*wdTab, error) {
		t.kill()
		return nil, fmt.Errorf("%w\nWebKitWebDriver printed:\n%s", err, t.output)
	}
	root := "http://127.0.0.1:" + strconv.Itoa(port)
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	for {
		var st struct {
			Ready bool `json:"ready"`
		}
		if err := t.do(ctx, http.MethodGet, root+"/status", nil, &st); err == nil && st.Ready {
			break
		}
		select {
		case <-t.exited:
			return fail(errors.New("WebKitWebDriver exited at start"))
		case <-ctx.Done():
			return fail(errors.New("WebKitWebDriver did not answer /status"))
		case <-time.After(20 * time.Millisecond):
		}
	}
	var sess struct {
		SessionID    string `json:"sessionId"`
		Capabilities struct {
			BrowserName    string `json:"browserName"`
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"pageLoadStrategy": "normal",
		// The probe answers alert() itself; a real dialog would end a
		// pending script with a null result.
		"unhandledPromptBehavior": "accept",
		"timeouts":                map[string]any{"script": 120000, "pageLoad": 60000},
		"webkitgtk:browserOptions": map[string]any{
			"binary": miniBrowserPath(),
			"args": []string{"--automation",
				"--proxy=http://" + s.proxy.addr, "--ignore-host=127.0.0.1", "--ignore-host=localhost",
				"--enable-dns-prefetching=false"},
		},
	}}}
	sctx, scancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer scancel()
	if err := t.do(sctx, http.MethodPost, root+"/session", caps, &sess); err != nil {
		return fail(fmt.Errorf("creating a WebDriver session: %w", err))
	}
	t.base = root + "/session/" + sess.SessionID
	s.mu.Lock()
	s.version = sess.Capabilities.BrowserName + " (WebKitGTK) " + sess.Capabilities.BrowserVersion
	s.tabs[t] = true
	s.mu.Unlock()
	t.polling.Add(1)
	go t.poll()
	return t, nil
}

// kill ends the driver's whole process group: MiniBrowser and WebKit's
// processes are its children.
func (t *wdTab) kill() {
	if t.cmd != nil && t.cmd.Process != nil {
		killGroup(t.cmd)
		select {
		case <-t.exited:
		case <-time.After(10 * time.Second):
		}
	}
}

func (t *wdTab) Close() {
	t.once.Do(func() {
		close(t.stop)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = t.do(ctx, http.MethodDelete, t.base, nil, nil)
		cancel()
		t.kill()
		t.polling.Wait()
		webkitState.mu.Lock()
		delete(webkitState.tabs, t)
		webkitState.mu.Unlock()
	})
}

// wdError is a WebDriver error answer.
type wdError struct {
	Code    string `json:"error"`
	Message string `json:"message"`
}

func (e *wdError) Error() string { return e.Code + ": " + e.Message }

// do sends one WebDriver command and decodes its value into out.
func (t *wdTab) do(ctx context.Context, method, url string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	} else if method == http.MethodPost {
		rd = strings.NewReader("{}")
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return fmt.Errorf("%s %s: HTTP %d: %.200s", method, url, resp.StatusCode, data)
	}
	if resp.StatusCode != http.StatusOK {
		var e wdError
		if json.Unmarshal(env.Value, &e) == nil && e.Code != "" {
			return &e
		}
		return fmt.Errorf("%s %s: HTTP %d: %.200s", method, url, resp.StatusCode, data)
	}
	if out != nil {
		return json.Unmarshal(env.Value, out)
	}
	return nil
}

func (t *wdTab) cmdCtx(ctx context.Context, method, path string, body, out any) error {
	return t.do(ctx, method, t.base+path, body, out)
}

// ---------------------------------------------------------------------------
// The driver's methods.

func (t *wdTab) Navigate(ctx context.Context, url string) error {
	t.paused.Store(true)
	defer t.paused.Store(false)
	// What the page before said; a waiting poll answers at once.
	var got [][2]string
	if t.cmdCtx(ctx, http.MethodPost, "/execute/sync", map[string]any{"script": `var p = window.__xdrProbe; return p ? p.release() : null;`, "args": []any{}}, &got) == nil {
		t.report(got)
	}
	t.navMu.Lock()
	defer t.navMu.Unlock()
	defer t.navigated.Do(func() { close(t.polls) })
	// Under load, a navigation command of WebKitWebDriver has (rarely:
	// three in some 400 tabs) not answered although nothing was pending:
	// after 20 s the page is looked at, and the navigation is made again
	// unless the page has loaded.
	first, cancel := context.WithTimeout(ctx, 20*time.Second)
	err := t.cmdCtx(first, http.MethodPost, "/url", map[string]any{"url": url}, nil)
	cancel()
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		look, cancel := context.WithTimeout(ctx, 3*time.Second)
		var st []string
		lerr := t.cmdCtx(look, http.MethodPost, "/execute/sync", map[string]any{"script": `return [document.readyState, location.href];`, "args": []any{}}, &st)
		cancel()
		if lerr == nil && len(st) == 2 && st[0] == "complete" && st[1] == url {
			return nil
		}
		err = t.cmdCtx(ctx, http.MethodPost, "/url", map[string]any{"url": url}, nil)
	}
	if err != nil {
		return fmt.Errorf("%w\nWebKitWebDriver and MiniBrowser printed:\n%s", err, t.output)
	}
	return nil
}

// evalScript runs the test's script as a global script (indirect eval, as
// DevTools and BiDi evaluate), awaits a promise, and answers with its value
// as JSON, or [] for undefined, or {x: message} for an exception. A page
// whose CSP forbids eval (and new Function) gets the script inside
// WebDriver's own function instead, which CSP does not check (evalDirect:
// every script such a page is given is an expression).
const evalScript = `var done = arguments[arguments.length - 1], src = arguments[0];
var p = window.__xdrProbe, json = (p && p.stringify) || JSON.stringify;
function describe(e) { return (e && e.name && e.message !== undefined) ? e.name + ": " + e.message : String(e); }
function answer(v) { try { done(v === undefined ? [] : [json(v)]); } catch (e) { done({x: "the value does not serialize: " + describe(e)}); } }
var v;
try { v = /*EXPR*/; } catch (e) {
  if (e instanceof EvalError) { done({csp: true}); return; }
  done({x: describe(e)}); return;
}
if (v && typeof v.then === "function") { Promise.resolve(v).then(answer, function (e) { done({x: "the promise rejected: " + describe(e)}); }); }
else answer(v);`

var (
	evalIndirect = strings.Replace(evalScript, "/*EXPR*/", "(0, eval)(src)", 1)
	evalDirect   = func(expr string) string { return strings.Replace(evalScript, "/*EXPR*/", "(\n"+expr+"\n)", 1) }
)

func (t *wdTab) Evaluate(ctx context.Context, expr string) (json.RawMessage, error) {
	script := evalIndirect
	for {
		var r json.RawMessage
		if err := t.cmdCtx(ctx, http.MethodPost, "/execute/async", map[string]any{"script": script, "args": []any{expr}}, &r); err != nil {
			return nil, err
		}
		var arr []json.RawMessage
		if json.Unmarshal(r, &arr) == nil {
			if len(arr) == 0 {
				return nil, nil // undefined
			}
			var s string
			if err := json.Unmarshal(arr[0], &s); err != nil {
				return nil, err
			}
			return json.RawMessage(s), nil
		}
		var o struct {
			X   *string `json:"x"`
			CSP bool    `json:"csp"`
		}
		if err := json.Unmarshal(r, &o); err != nil {
			return nil, fmt.Errorf("an evaluation answered %.200s", r)
		}
		if o.CSP && script == evalIndirect {
			script = evalDirect(expr)
			continue
		}
		if o.X != nil {
			return nil, fmt.Errorf("exception: %s", *o.X)
		}
		return nil, fmt.Errorf("an evaluation answered %.200s", r)
	}
}

// click clicks the element as WebDriver's Element Click does: scrolled into
// view, the mouse at its centre.
func (t *wdTab) Click(ctx context.Context, css string) error {
	var el map[string]string
	if err := t.cmdCtx(ctx, http.MethodPost, "/element", map[string]any{"using": "css selector", "value": css}, &el); err != nil {
		return err
	}
	for _, id := range el {
		return t.cmdCtx(ctx, http.MethodPost, "/element/"+id+"/click", map[string]any{}, nil)
	}
	return fmt.Errorf("no element matches %s", css)
}

// setViewport sizes the window so that the page's viewport has that size
// (the window has no browser chrome in automation, but the size is checked).
func (t *wdTab) SetViewport(ctx context.Context, width, height int64) error {
	w, h := width, height
	size := func() ([]int64, error) {
		raw, err := t.Evaluate(ctx, `[window.innerWidth, window.innerHeight]`)
		if err != nil {
			return nil, err
		}
		var got []int64
		if err := json.Unmarshal(raw, &got); err != nil || len(got) != 2 {
			return nil, fmt.Errorf("the viewport's size: %s", raw)
		}
		return got, nil
	}
	for i := 0; i < 5; i++ {
		if err := t.cmdCtx(ctx, http.MethodPost, "/window/rect", map[string]any{"width": w, "height": h}, nil); err != nil {
			return err
		}
		// Under Xvfb the page may see the new size a little later: wait
		// until it is the one asked for or has stopped changing (1 s at most).
		got, err := size()
		if err != nil {
			return err
		}
		for k := 0; k < 20 && (got[0] != width || got[1] != height); k++ {
			time.Sleep(50 * time.Millisecond)
			again, err := size()
			if err != nil {
				return err
			}
			if again[0] == got[0] && again[1] == got[1] && k >= 3 {
				break
			}
			got = again
		}
		if got[0] == width && got[1] == height {
			// Two frames, so that a screenshot has the new size painted.
			_, err := t.Evaluate(ctx, `new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { r(true); }); }); })`)
			return err
		}
		w += width - got[0]
		h += height - got[1]
	}
	return fmt.Errorf("the viewport did not take the size %d×%d", width, height)
}

func (t *wdTab) Screenshot(ctx context.Context) ([]byte, error) {
	var s string
	if err := t.cmdCtx(ctx, http.MethodGet, "/screenshot", nil, &s); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(s)
}

// ---------------------------------------------------------------------------
// The probe's reports.

// pollScript waits (up to 1 s) for the probe to have something and takes
// it: [[kind, text], ...], kind "dialog" or a console type.
const pollScript = `var done = arguments[0], p = window.__xdrProbe;
if (!p) { setTimeout(function () { done(null); }, 50); return; }
p.wait(done, 1000);`

func (t *wdTab) poll() {
	defer t.polling.Done()
	select {
	case <-t.stop:
		return
	case <-t.polls:
	}
	for {
		select {
		case <-t.stop:
			return
		default:
		}
		if t.paused.Load() {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		t.navMu.RLock()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		go func() {
			select {
			case <-t.stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		var got [][2]string
		err := t.cmdCtx(ctx, http.MethodPost, "/execute/async", map[string]any{"script": pollScript, "args": []any{}}, &got)
		cancel()
		t.navMu.RUnlock()
		if err != nil {
			// A navigation ends the script; a page without the probe
			// (about:blank, an error page) has nothing to say.
			select {
			case <-t.stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			continue
		}
		t.report(got)
	}
}

func (t *wdTab) report(got [][2]string) {
	for _, m := range got {
		if m[0] == "dialog" {
			t.sink.Dialog(m[1])
		} else {
			t.sink.Console(m[0] + ": " + m[1])
		}
	}
}
