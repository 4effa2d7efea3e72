//go:build !(js && wasm)

// Package e2e drives the polyfill in three browsers against real HTTP
// servers on 127.0.0.1, the page from one origin and the endpoints from
// another: Chromium, Firefox ESR and WebKitGTK, each through the driver for
// its protocol in package browser (e2e/browser). Every browser test runs
// once per engine, as the subtests chromium/, firefox/ and webkit/; the
// pages and servers are the same, only the driver differs. The cases are
// the files of this folder, by subject.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/e2e/browser"
)

var root string // the project folder

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	if root, err = filepath.Abs(".."); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	build := exec.Command("make", "-s", "-C", root, "dist")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: FAIL: make dist:", err)
		return 1
	}
	// The browsers start when a test first needs one, and stop here.
	defer browser.Stop()
	code := m.Run()
	if v := firefox.Version(); v != "" {
		fmt.Printf("e2e: firefox was %s (WebDriver BiDi)\n", v)
	}
	if v := webkit.Version(); v != "" {
		fmt.Printf("e2e: webkit was %s (WebDriver)\n", v)
	}
	return code
}

// engine is one browser (the drivers are package browser, e2e/browser).
type engine = browser.Engine

var (
	chromium = browser.Chromium
	firefox  = browser.Firefox
	webkit   = browser.WebKit
	engines  = browser.Engines
)

// forEachEngine runs f as the subtests chromium, firefox and webkit of t.
func forEachEngine(t *testing.T, f func(t *testing.T, e *engine)) {
	t.Helper()
	for _, e := range engines {
		t.Run(e.Name, func(t *testing.T) { f(t, e) })
	}
}

// ---------------------------------------------------------------------------
// The engine-neutral tab.

// origins starts the page origin and the endpoint origin.
func origins(t *testing.T, pages http.Handler) (pageURL, apiURL string) {
	t.Helper()
	ps := newPageServer(pages)
	as := httptest.NewServer(endpoints())
	t.Cleanup(ps.Close)
	t.Cleanup(as.Close)
	return ps.URL, as.URL
}

// newPageServer is httptest.NewServer for a server of pages: WebKit finds
// its probe in them (browser.WithProbe).
func newPageServer(h http.Handler) *httptest.Server {
	return httptest.NewServer(browser.WithProbe(h))
}

// tab is one browser tab with what the page showed: alert() dialogs, the
// console and uncaught exceptions.
type tab struct {
	t       *testing.T
	e       *engine
	d       browser.Tab
	dialogs chan string
	mu      sync.Mutex
	console []string
}

// newTab opens a tab in the engine's browser; a browser that cannot start
// fails the test, naming what to install.
func newTab(t *testing.T, e *engine) *tab {
	t.Helper()
	tb := &tab{t: t, e: e, dialogs: make(chan string, 256)}
	d, err := e.Open(browser.Sink{
		Dialog:  func(m string) { tb.dialogs <- m },
		Console: tb.log,
	})
	if err != nil {
		t.Fatalf("%s: %v", e.Name, err)
	}
	tb.d = d
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("%s console:\n  %s", e.Name, strings.Join(tb.logs(), "\n  "))
		}
		d.Close()
	})
	return tb
}

func (tb *tab) log(s string) {
	tb.mu.Lock()
	tb.console = append(tb.console, s)
	tb.mu.Unlock()
}

func (tb *tab) logs() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.console...)
}

func (tb *tab) ctx(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}

// navigate loads a page, without waiting for the polyfill.
func (tb *tab) navigate(url string) {
	tb.t.Helper()
	ctx, cancel := tb.ctx(30 * time.Second)
	defer cancel()
	require.NoError(tb.t, tb.d.Navigate(ctx, url), "%s: navigating to %s", tb.e.Name, url)
}

// open navigates and waits until the polyfill is ready.
func (tb *tab) open(url string) {
	tb.t.Helper()
	tb.navigate(url)
	deadline := time.Now().Add(15 * time.Second)
	for !eval[bool](tb, `typeof XDomainRequest === "function"`) {
		require.True(tb.t, time.Now().Before(deadline), "the polyfill installs XDomainRequest")
		time.Sleep(20 * time.Millisecond)
	}
	// The class exists at once; wait until the Go side runs, so that tests
	// see the documented exceptions rather than held calls.
	require.True(tb.t, eval[bool](tb, "XDomainRequest.ready"), "XDomainRequest.ready")
}

// click clicks the first element that matches a CSS selector.
func (tb *tab) click(css string) {
	tb.t.Helper()
	ctx, cancel := tb.ctx(30 * time.Second)
	defer cancel()
	require.NoError(tb.t, tb.d.Click(ctx, css), "%s: clicking %s", tb.e.Name, css)
}

// setValue sets the value of the element with the id, as a script would
// (and as chromedp.SetValue does).
func (tb *tab) setValue(id, value string) {
	tb.t.Helper()
	require.True(tb.t, eval[bool](tb, `(function (e) { if (!e) return false; e.value = `+jsStr(value)+`; return true; })(document.getElementById(`+jsStr(id)+`))`),
		"an element #%s", id)
}

func (tb *tab) setViewport(width, height int64) {
	tb.t.Helper()
	ctx, cancel := tb.ctx(30 * time.Second)
	defer cancel()
	require.NoError(tb.t, tb.d.SetViewport(ctx, width, height))
}

// screenshot takes a PNG of the viewport.
func (tb *tab) screenshot() []byte {
	tb.t.Helper()
	ctx, cancel := tb.ctx(30 * time.Second)
	defer cancel()
	png, err := tb.d.Screenshot(ctx)
	require.NoError(tb.t, err)
	return png
}

// dialog waits for the next alert() message.
func (tb *tab) dialog(within time.Duration) string {
	tb.t.Helper()
	select {
	case m := <-tb.dialogs:
		return m
	case <-time.After(within):
		tb.t.Fatalf("no alert() within %v", within)
		return ""
	}
}

// noDialog checks that no alert() comes during d.
func (tb *tab) noDialog(d time.Duration) {
	tb.t.Helper()
	select {
	case m := <-tb.dialogs:
		tb.t.Fatalf("unexpected alert(%q)", m)
	case <-time.After(d):
	}
}

// eval evaluates a JavaScript expression in the page (promises awaited).
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	return evalT[T](tb.t, tb, expr)
}

// evalT evaluates expr in the tab (promises awaited) and fails t, the test
// or subtest at hand, on error.
func evalT[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	ctx, cancel := tb.ctx(30 * time.Second)
	defer cancel()
	raw, err := tb.d.Evaluate(ctx, expr)
	require.NoError(t, err, "%s: evaluating %s", tb.e.Name, expr)
	v, err := decodeJS[T](raw)
	require.NoError(t, err, "%s: the value of %s", tb.e.Name, expr)
	return v
}

// decodeJS decodes a script's value as chromedp.Evaluate does: undefined
// and null are errors for a type that cannot be nil.
func decodeJS[T any](raw json.RawMessage) (T, error) {
	var res T
	if raw == nil || strings.TrimSpace(string(raw)) == "null" {
		switch reflect.TypeFor[T]().Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Chan, reflect.Func, reflect.Interface:
			return res, nil
		}
		if raw == nil {
			return res, errors.New("the script gave undefined")
		}
		return res, errors.New("the script gave null")
	}
	err := json.Unmarshal(raw, &res)
	return res, err
}
