//go:build !(js && wasm)

package browser

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/extensions"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// The Chromium driver: Debian's /usr/bin/chromium, headless, through
// chromedp and the DevTools protocol. One browser for the whole run, one
// tab per test (browser.go has the engine-neutral Tab; the e2e tests wrap it).

// chromiumInstance is one Chromium process with its own profile.
type chromiumInstance struct {
	opts   Options
	once   sync.Once
	ctx    context.Context
	err    error
	cancel []context.CancelFunc
	dir    string
}

// chromiumState is the Chromium of Engine Chromium; ChromiumWith adds
// others, each stopped by Stop.
var (
	chromiumState     = &chromiumInstance{}
	chromiumInstances = []*chromiumInstance{chromiumState}
	chromiumMu        sync.Mutex
)

// ChromiumExtensionID is the id Chromium gives the unpacked extension in
// dir (an absolute path, symbolic links resolved) when its manifest has no
// "key": the first 32 hex digits of the SHA-256 of the path, each digit
// written as a letter from a to p.
func ChromiumExtensionID(dir string) string {
	sum := sha256.Sum256([]byte(dir))
	id := []byte(hex.EncodeToString(sum[:16]))
	for i, c := range id {
		if c >= 'a' {
			id[i] = 'a' + 10 + c - 'a'
		} else {
			id[i] = 'a' + c - '0'
		}
	}
	return string(id)
}

// ChromiumWith is a Chromium engine of its own, started with opts.
func ChromiumWith(opts Options) *Engine {
	c := &chromiumInstance{opts: opts}
	chromiumMu.Lock()
	chromiumInstances = append(chromiumInstances, c)
	chromiumMu.Unlock()
	name := opts.Name
	if name == "" {
		name = "chromium"
	}
	e := &Engine{Name: name, open: c.openTab, version: func() string { return "" }}
	if opts.Extension != "" {
		e.background = c.evaluateInExtension
		e.button = c.clickExtensionButton
		e.hosts = c.extensionHosts
		e.allow = c.allowExtensionHost
	}
	return e
}

// extensionHosts are the origins of permissions.getAll in the extension's
// service worker: those granted at install and since.
func (s *chromiumInstance) extensionHosts(ctx context.Context) ([]string, error) {
	raw, err := s.evaluateInExtension(ctx, "chrome.permissions.getAll().then(function (p) { return p.origins.slice().sort(); })")
	if err != nil {
		return nil, err
	}
	var hosts []string
	if err := json.Unmarshal(raw, &hosts); err != nil {
		return nil, fmt.Errorf("the extension's hosts: %s", raw)
	}
	return hosts, nil
}

// allowExtensionHost grants the extension the host of pattern where a
// user does without a prompt: chrome://extensions, the extension's "Site
// access" for one site, which calls developerPrivate.addHostPermission.
func (s *chromiumInstance) allowExtensionHost(ctx context.Context, _ Tab, pattern string) error {
	bctx, err := s.browser()
	if err != nil {
		return err
	}
	tctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	if d, ok := ctx.Deadline(); ok {
		var c2 context.CancelFunc
		tctx, c2 = context.WithDeadline(tctx, d)
		defer c2()
	}
	id, _ := json.Marshal(ChromiumExtensionID(s.opts.Extension))
	host, _ := json.Marshal(pattern)
	if err := chromedp.Do(tctx, chromedp.Navigate("chrome://extensions/?id="+ChromiumExtensionID(s.opts.Extension))); err != nil {
		return fmt.Errorf("chrome://extensions: %w", err)
	}
	answer, err := chromedp.Run(tctx, chromedp.Evaluate[string]("chrome.developerPrivate.addHostPermission("+string(id)+", "+string(host)+").then(function () { return 'granted'; }, function (e) { return String(e && e.message || e); })",
		chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("chrome://extensions: %w", err)
	}
	if answer != "granted" {
		return fmt.Errorf("chrome://extensions, site access for %s: %s", pattern, answer)
	}
	return nil
}

// clickExtensionButton runs the extension's action for the tab t
// (Extensions.triggerAction: chromedp talks over a pipe, and the browser
// was started with --enable-unsafe-extension-debugging).
func (s *chromiumInstance) clickExtensionButton(ctx context.Context, t Tab) error {
	bctx, err := s.browser()
	if err != nil {
		return err
	}
	c, ok := t.(*cdpTab)
	if !ok {
		return fmt.Errorf("not a Chromium tab")
	}
	// The action runs on the "tab" target that holds the tab's page.
	var tabsAndPages target.Filter
	_ = json.Unmarshal([]byte(`[{"type": "tab"}, {"type": "page"}]`), &tabsAndPages)
	all, err := chromedp.CallBrowser(bctx, target.GetTargets, target.GetTargetsParams{Filter: tabsAndPages})
	if err != nil {
		return err
	}
	pageID := chromedp.FromContext(c.ctx).Target.TargetID
	var pageInfo *target.Info
	for _, info := range all.TargetInfos {
		if info.TargetID == pageID {
			pageInfo = info
		}
	}
	if pageInfo == nil {
		return fmt.Errorf("the tab's page %s is not among the targets", pageID)
	}
	tabID := pageInfo.ParentID
	if tabID == "" {
		var same []target.ID
		for _, info := range all.TargetInfos {
			if info.Type == "tab" && info.URL == pageInfo.URL {
				same = append(same, info.TargetID)
			}
		}
		if len(same) != 1 {
			return fmt.Errorf("%d tab targets show %s", len(same), pageInfo.URL)
		}
		tabID = same[0]
	}
	callCtx := bctx
	if d, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		callCtx, cancel = context.WithDeadline(bctx, d)
		defer cancel()
	}
	_, err = chromedp.CallBrowser(callCtx, extensions.TriggerAction, extensions.TriggerActionParams{
		ID: ChromiumExtensionID(s.opts.Extension), TargetID: string(tabID),
	})
	return err
}

// evaluateInExtension evaluates expr in the extension's service worker
// (the one chrome-extension:// service worker of this browser).
func (s *chromiumInstance) evaluateInExtension(ctx context.Context, expr string) (json.RawMessage, error) {
	bctx, err := s.browser()
	if err != nil {
		return nil, err
	}
	var worker target.ID
	scope := "chrome-extension://" + ChromiumExtensionID(s.opts.Extension) + "/"
	for worker == "" {
		targets, err := chromedp.Targets(bctx)
		if err != nil {
			return nil, err
		}
		for _, t := range targets {
			if t.Type == "service_worker" && strings.HasPrefix(t.URL, scope) {
				worker = t.TargetID
			}
		}
		if worker != "" {
			break
		}
		// Stopped after 30 s without an event: started again.
		if _, err := chromedp.Call(bctx, serviceworker.Enable, cdp.Empty{}); err != nil {
			return nil, fmt.Errorf("starting the extension's service worker: %w", err)
		}
		if _, err := chromedp.Call(bctx, serviceworker.StartWorker, serviceworker.StartWorkerParams{ScopeURL: scope}); err != nil {
			return nil, fmt.Errorf("starting the extension's service worker: %w", err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("no service worker of the extension: %w", ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
	// Detached, not closed, at the end: closing would stop the worker.
	wctx, cancel := chromedp.NewContext(bctx, chromedp.WithTargetID(worker), chromedp.WithDetachOnCancel())
	defer cancel()
	if d, ok := ctx.Deadline(); ok {
		var c2 context.CancelFunc
		wctx, c2 = context.WithDeadline(wctx, d)
		defer c2()
	}
	v, err := chromedp.Run(wctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil || v == nil {
		return nil, err
	}
	return json.RawMessage(v), nil
}

func chromiumPath() string {
	if p := os.Getenv("XDR_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// browser starts the instance's headless Chromium once.
func (s *chromiumInstance) browser() (context.Context, error) {
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
		if s.opts.Extension != "" {
			// chromedp's defaults turn extensions off; Chrome's branded builds
			// ignore --load-extension unless this feature is disabled
			// (Debian's Chromium honours it either way). The new headless
			// mode (chromedp's --headless) loads extensions.
			opts = append(opts,
				chromedp.Flag("disable-extensions", false),
				chromedp.Flag("load-extension", s.opts.Extension),
				chromedp.Flag("disable-extensions-except", s.opts.Extension),
				chromedp.Flag("disable-features", "DisableLoadExtensionCommandLineSwitch"),
				// The DevTools Extensions domain (triggerAction: the toolbar button).
				chromedp.Flag("enable-unsafe-extension-debugging", true),
			)
		}
		if len(s.opts.Env) > 0 {
			opts = append(opts, chromedp.Env(s.opts.Env...))
		}
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
	chromiumMu.Lock()
	defer chromiumMu.Unlock()
	for _, s := range chromiumInstances {
		for _, c := range s.cancel {
			c()
		}
		if s.dir != "" {
			_ = os.RemoveAll(s.dir)
		}
	}
}

// cdpTab is a Chromium tab.
type cdpTab struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func openChromiumTab(sink Sink) (Tab, error) { return chromiumState.openTab(sink) }

func (s *chromiumInstance) openTab(sink Sink) (Tab, error) {
	bctx, err := s.browser()
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
