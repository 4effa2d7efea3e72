//go:build !(js && wasm)

package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The Chromium driver: Debian's /usr/bin/chromium, headless, through
// chromedp and the DevTools protocol. One browser for the whole run, one
// tab per test (browser.go has the engine-neutral Tab; the e2e tests wrap it).

var chromiumState struct {
	once   sync.Once
	ctx    context.Context
	err    error
	cancel []context.CancelFunc
	dir    string
}

func chromiumPath() string {
	if p := os.Getenv("XDR_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// chromiumBrowser starts one headless Chromium for the whole run.
func chromiumBrowser() (context.Context, error) {
	s := &chromiumState
	s.once.Do(func() {
		if _, err := os.Stat(chromiumPath()); err != nil {
			s.err = fmt.Errorf("chromium not found at %s: install Debian's package chromium (apt-get install chromium; make deps does, as root) or set XDR_CHROMIUM", chromiumPath())
			return
		}
		profile, err := os.MkdirTemp("", "xdr-chromium-")
		if err != nil {
			s.err = err
			return
		}
		s.dir = profile
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
			chromedp.Flag("host-resolver-rules", "MAP "+PageHost+" 127.0.0.1, MAP "+APIHost+" 127.0.0.1"),
		)
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(allocCtx)
		s.cancel = []context.CancelFunc{cancel, cancelAlloc}
		if err := chromedp.Do(ctx); err != nil {
			s.err = fmt.Errorf("cannot start Chromium: %w", err)
			return
		}
		s.ctx = ctx
	})
	return s.ctx, s.err
}

func stopChromium() {
	for _, c := range chromiumState.cancel {
		c()
	}
	if chromiumState.dir != "" {
		_ = os.RemoveAll(chromiumState.dir)
	}
}

// cdpTab is a Chromium tab.
type cdpTab struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func openChromiumTab(sink Sink) (Tab, error) {
	bctx, err := chromiumBrowser()
	if err != nil {
		return nil, err
	}
	ctx, cancel := chromedp.NewContext(bctx)
	// Open the tab, then subscribe before the page can show anything.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, err
	}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	console := chromedp.Console(ctx)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			sink.Dialog(ev.Message)
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			sink.Console(m.String())
		}
	}()
	return &cdpTab{ctx: ctx, cancel: cancel}, nil
}

// within runs f with ctx bounded by the tab's life.
func (c *cdpTab) within(ctx context.Context) (context.Context, context.CancelFunc) {
	d, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(c.ctx)
	}
	return context.WithDeadline(c.ctx, d)
}

func (c *cdpTab) Navigate(ctx context.Context, url string) error {
	ctx, cancel := c.within(ctx)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Navigate(url))
}

func (c *cdpTab) Evaluate(ctx context.Context, expr string) (json.RawMessage, error) {
	ctx, cancel := c.within(ctx)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil || v == nil {
		return nil, err
	}
	return json.RawMessage(v), nil
}

func (c *cdpTab) Click(ctx context.Context, css string) error {
	ctx, cancel := c.within(ctx)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Click(chromedp.CSS(css)))
}

func (c *cdpTab) SetViewport(ctx context.Context, width, height int64) error {
	ctx, cancel := c.within(ctx)
	defer cancel()
	return chromedp.Do(ctx, chromedp.EmulateViewport(width, height))
}

func (c *cdpTab) Screenshot(ctx context.Context) ([]byte, error) {
	ctx, cancel := c.within(ctx)
	defer cancel()
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

func (c *cdpTab) Close() { c.cancel() }

// ChromiumContext is the chromedp context of a Chromium tab, for what only
// the DevTools protocol does (the bench's profiler); ok is false for a tab
// of another engine.
func ChromiumContext(t Tab) (ctx context.Context, ok bool) {
	c, ok := t.(*cdpTab)
	if !ok {
		return nil, false
	}
	return c.ctx, true
}
