//go:build !(js && wasm)

// Package browser drives the three browsers of the e2e tests, each through
// the protocol it speaks: Chromium (Debian's /usr/bin/chromium) through
// chromedp and the DevTools protocol (chromium.go), Firefox ESR
// (/usr/bin/firefox-esr) through WebDriver BiDi (firefox.go, with the
// protocol client in bidi.go), and WebKitGTK's MiniBrowser through
// WebKitWebDriver and classic WebDriver (webkit.go, with the page probe and
// the forward proxy in webkit_probe.go). Whatever the engine, a tab has the
// methods of Tab and reports what its page shows to a Sink.
//
// A browser starts when a test first opens a tab in it, and Stop (called by
// the tests' TestMain) ends them all. The cases that use it are package e2e,
// one folder up; this package imports nothing from them.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// Host names that the browsers map to 127.0.0.1 (Chromium:
// host-resolver-rules; Firefox: network.dns.localDomains; WebKit: its
// forward proxy). To the polyfill they are Internet hosts: they have a dot
// and are no IP literal.
const (
	PageHost = "www.xdr-page.example"
	APIHost  = "api.xdr-test.example"
)

// Engine is one browser. Its tabs have the same methods whichever the engine.
type Engine struct {
	// Name is the engine's name, and the name of the subtests that run in
	// it: "chromium", "firefox" or "webkit".
	Name    string
	open    func(sink Sink) (Tab, error)
	version func() string
	// background evaluates in the loaded extension's background (nil: the
	// engine has none).
	background func(ctx context.Context, expr string) (json.RawMessage, error)
	// button clicks the loaded extension's toolbar button for a tab (nil:
	// the engine has none).
	button func(ctx context.Context, t Tab) error
	// hosts gives the hosts the browser holds for the loaded extension
	// (nil: the engine has none).
	hosts func(ctx context.Context) ([]string, error)
	// allow is the user allowing the loaded extension a host (nil: the
	// engine has none).
	allow func(ctx context.Context, t Tab, pattern string) error
}

// ExtensionHosts are the match patterns of the hosts the browser holds for
// the extension the engine was started with, granted at install or later:
// Chromium's permissions.getAll in its background, Firefox's own record
// of the extension's allowed origins.
func (e *Engine) ExtensionHosts(ctx context.Context) ([]string, error) {
	if e.hosts == nil {
		return nil, fmt.Errorf("%s was started with no extension", e.Name)
	}
	return e.hosts(ctx)
}

// AllowExtensionHost is the user allowing the extension the engine was
// started with the host of pattern, as each browser lets a headless test:
// Firefox answers "Allow" in the prompt that the extension's
// permissions.request shows in tab t (call it once the request is made);
// Chromium, whose prompt headless cannot answer, grants the host in its
// extension settings (chrome://extensions, "Site access" for the site),
// before the request, which then finds it held.
func (e *Engine) AllowExtensionHost(ctx context.Context, t Tab, pattern string) error {
	if e.allow == nil {
		return fmt.Errorf("%s was started with no extension", e.Name)
	}
	return e.allow(ctx, t, pattern)
}

// ClickExtensionButton runs the toolbar button of the extension the engine
// was started with for the tab t, as a click on it does: Chromium's
// DevTools Extensions.triggerAction, Firefox's own browser action from its
// privileged scope. The click's user gesture comes with it.
func (e *Engine) ClickExtensionButton(ctx context.Context, t Tab) error {
	if e.button == nil {
		return fmt.Errorf("%s was started with no extension", e.Name)
	}
	return e.button(ctx, t)
}

// EvaluateInExtension runs a script in the background of the extension
// the engine was started with (Options.Extension), awaits a promise it
// gives, and returns the value as JSON.
func (e *Engine) EvaluateInExtension(ctx context.Context, expr string) (json.RawMessage, error) {
	if e.background == nil {
		return nil, fmt.Errorf("%s: no access to an extension's background (Chromium with Options.Extension only)", e.Name)
	}
	return e.background(ctx, expr)
}

// The three engines.
var (
	Chromium = &Engine{Name: "chromium", open: openChromiumTab, version: func() string { return "" }}
	Firefox  = &Engine{Name: "firefox", open: openFirefoxTab, version: firefoxVersion}
	WebKit   = &Engine{Name: "webkit", open: openWebKitTab, version: webkitVersion}
	Engines  = []*Engine{Chromium, Firefox, WebKit}
)

// Options start a browser of its own for an engine that needs it
// (ChromiumWith, FirefoxWith): the default engines share one browser each.
type Options struct {
	// Name is the engine's name (the subtests' name): "chromium" or
	// "firefox" whatever the options.
	Name string
	// Extension is an unpacked browser extension (a folder with a
	// manifest.json) that the browser loads: Chromium with
	// --load-extension, Firefox with webExtension.install (temporary).
	Extension string
	// Env are more NAME=value pairs for the browser's environment.
	Env []string
	// Prefs are more Firefox preferences for the profile's user.js.
	Prefs map[string]any
	// Args are more command-line arguments.
	Args []string
}

// Open opens a tab in the engine's browser, starting the browser first if
// it does not run yet. What the page shows goes to sink.
func (e *Engine) Open(sink Sink) (Tab, error) { return e.open(sink) }

// Version is the browser's name and version once it has run ("" before,
// and always for Chromium).
func (e *Engine) Version() string { return e.version() }

// Stop ends the browsers that have started (WebKit's tabs and Xvfb,
// Firefox, Chromium) and removes their profiles.
func Stop() {
	stopWebKit()
	stopFirefox()
	stopChromium()
}

// Tab is what an engine does for a tab.
type Tab interface {
	// Navigate loads url and waits for its load event.
	Navigate(ctx context.Context, url string) error
	// Evaluate runs a script in the page, awaits a promise it gives, and
	// returns the value as JSON (nil for undefined).
	Evaluate(ctx context.Context, expr string) (json.RawMessage, error)
	// Click clicks the centre of the first element matching css with the
	// mouse, as a user would.
	Click(ctx context.Context, css string) error
	// SetViewport gives the page's viewport that size in CSS pixels.
	SetViewport(ctx context.Context, width, height int64) error
	// Screenshot takes a PNG of the viewport.
	Screenshot(ctx context.Context) ([]byte, error)
	// Close closes the tab.
	Close()
}

// Sink receives what a page shows: alert() messages (each dialog is
// accepted: by chromedp after telling, by Firefox itself, by WebKit's probe)
// and console lines, "<type>: <text>" with the types of
// chromedp.ConsoleMessage ("log", "warning", "error", "exception" for an
// uncaught exception, ...).
type Sink struct {
	Dialog  func(message string)
	Console func(line string)
}

// tailBuffer keeps the last lines a browser printed, for error messages.
type tailBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (b *tailBuffer) add(l string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.lines = append(b.lines, l)
	if len(b.lines) > 40 {
		b.lines = b.lines[len(b.lines)-40:]
	}
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		b.add(l)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.lines, "\n")
}

// jsStr is s as a JavaScript string literal.
func jsStr(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}
