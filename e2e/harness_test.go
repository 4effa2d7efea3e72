//go:build !(js && wasm)

// Package e2e drives the polyfill in headless Chromium (Debian's
// /usr/bin/chromium, through chromedp) against real HTTP servers on
// 127.0.0.1: the page from one origin, the endpoints from another.
package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

var (
	root       string          // the project folder
	browserCtx context.Context // one headless Chromium for the whole run
)

func chromiumPath() string {
	if p := os.Getenv("XDR_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	if root, err = filepath.Abs(".."); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	// Browser tests never skip: a missing browser is a failure that says
	// what to install.
	if _, err := os.Stat(chromiumPath()); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: FAIL: Chromium not found at %s: install Debian's chromium (make deps does, as root) or set XDR_CHROMIUM\n", chromiumPath())
		return 1
	}
	build := exec.Command("make", "-s", "-C", root, "dist")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: FAIL: make dist:", err)
		return 1
	}
	profile, err := os.MkdirTemp("", "xdr-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		// Memory figures for the soak test: window.gc() and exact heap sizes.
		chromedp.Flag("js-flags", "--expose-gc"),
		chromedp.Flag("enable-precise-memory-info", true),
		// Alias host names the tests use to loopback; nothing leaves it.
		chromedp.Flag("host-resolver-rules", "MAP www.xdr-page.example 127.0.0.1, MAP api.xdr-test.example 127.0.0.1"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: FAIL: cannot start Chromium:", err)
		return 1
	}
	browserCtx = ctx
	return m.Run()
}

// origins starts the page origin and the endpoint origin.
func origins(t *testing.T, pages http.Handler) (pageURL, apiURL string) {
	t.Helper()
	ps := httptest.NewServer(pages)
	as := httptest.NewServer(endpoints())
	t.Cleanup(ps.Close)
	t.Cleanup(as.Close)
	return ps.URL, as.URL
}

// tab is one browser tab with what the page showed: alert() dialogs, the
// console and uncaught exceptions.
type tab struct {
	t       *testing.T
	ctx     context.Context
	dialogs chan string
	mu      sync.Mutex
	console []string
}

func newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	tb := &tab{t: t, ctx: ctx, dialogs: make(chan string, 256)}
	// Open the tab, then subscribe before the page can show anything.
	require.NoError(t, chromedp.Do(ctx))
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	console := chromedp.Console(ctx)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			tb.dialogs <- ev.Message
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			tb.log(m.String())
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("browser console:\n  %s", strings.Join(tb.logs(), "\n  "))
		}
		cancel()
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

func (tb *tab) run(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	require.NoError(tb.t, chromedp.Do(ctx, steps...))
}

// open navigates and waits until the polyfill is ready.
func (tb *tab) open(url string) {
	tb.t.Helper()
	tb.run(chromedp.Navigate(url))
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`typeof XDomainRequest === "function"`, chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(tb.t, err, "the polyfill installs XDomainRequest")
	// The class exists at once; wait until the Go side runs, so that tests
	// see the documented exceptions rather than held calls.
	require.True(tb.t, eval[bool](tb, "XDomainRequest.ready"), "XDomainRequest.ready")
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
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(tb.t, err, "evaluating %s", expr)
	return v
}

// navigate loads a page without waiting for the polyfill.
func navigate(url string) chromedp.Action[chromedp.Void] { return chromedp.Navigate(url) }
