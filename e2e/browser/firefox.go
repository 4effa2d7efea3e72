//go:build !(js && wasm)

package browser

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

// The Firefox driver: Debian's /usr/bin/firefox-esr, headless, driven
// through WebDriver BiDi (the protocol client is bidi.go). Firefox
// starts with --remote-debugging-port=0 and prints "WebDriver BiDi
// listening on ws://127.0.0.1:<port>"; the driver opens a session there and
// uses browsingContext (tabs, navigation, alert dialogs, viewport,
// screenshot), script.evaluate, input (real mouse clicks) and log (the
// console). One browser for the whole run, one tab per test.
//
// Nothing leaves the machine: the profile's user.js turns off every
// service that would call home and resolves the tests' Internet-looking
// host names to 127.0.0.1.

func firefoxPath() string {
	if p := os.Getenv("XDR_FIREFOX"); p != "" {
		return p
	}
	return "/usr/bin/firefox-esr"
}

// firefoxPrefs go into the profile's user.js.
var firefoxPrefs = map[string]any{
	// WebDriver BiDi only.
	"remote.active-protocols": 1,
	// The tests' Internet host names are 127.0.0.1 (Chromium: host-resolver-rules).
	"network.dns.localDomains": PageHost + "," + APIHost,
	"network.proxy.type":       0,
	"network.trr.mode":         5,
	// Remote settings, updates, telemetry, experiments: nowhere to go.
	"services.settings.server":                           "http://127.0.0.1:9/v1",
	"app.update.disabledForTesting":                      true,
	"app.update.auto":                                    false,
	"app.update.enabled":                                 false,
	"app.update.checkInstallTime":                        false,
	"app.normandy.enabled":                               false,
	"app.normandy.api_url":                               "",
	"app.shield.optoutstudies.enabled":                   false,
	"messaging-system.rsexperimentloader.enabled":        false,
	"nimbus.rsexperimentloader.enabled":                  false,
	"toolkit.telemetry.enabled":                          false,
	"toolkit.telemetry.unified":                          false,
	"toolkit.telemetry.archive.enabled":                  false,
	"toolkit.telemetry.server":                           "http://127.0.0.1:9",
	"toolkit.telemetry.shutdownPingSender.enabled":       false,
	"toolkit.telemetry.newProfilePing.enabled":           false,
	"toolkit.telemetry.firstShutdownPing.enabled":        false,
	"toolkit.telemetry.updatePing.enabled":               false,
	"toolkit.telemetry.bhrPing.enabled":                  false,
	"datareporting.policy.dataSubmissionEnabled":         false,
	"datareporting.healthreport.uploadEnabled":           false,
	"datareporting.usage.uploadEnabled":                  false,
	"browser.ping-centre.telemetry":                      false,
	"browser.newtabpage.activity-stream.telemetry":       false,
	"browser.newtabpage.activity-stream.feeds.telemetry": false,
	"extensions.update.enabled":                          false,
	"extensions.update.autoUpdateDefault":                false,
	"extensions.getAddons.cache.enabled":                 false,
	"extensions.systemAddon.update.enabled":              false,
	"extensions.blocklist.enabled":                       false,
	"browser.search.update":                              false,
	"browser.region.update.enabled":                      false,
	"browser.region.network.url":                         "",
	"geo.provider.network.url":                           "",
	"media.gmp-manager.url":                              "http://127.0.0.1:9",
	"media.gmp-gmpopenh264.enabled":                      false,
	"media.gmp-widevinecdm.enabled":                      false,
	"dom.push.connection.enabled":                        false,
	"dom.push.serverURL":                                 "",
	"security.OCSP.enabled":                              0,
	"security.remote_settings.crlite_filters.enabled":    false,
	"security.remote_settings.intermediates.enabled":     false,
	"network.captive-portal-service.enabled":             false,
	"captivedetect.canonicalURL":                         "",
	"network.connectivity-service.enabled":               false,
	"network.dns.disablePrefetch":                        true,
	"network.prefetch-next":                              false,
	"network.http.speculative-parallel-limit":            0,
	"browser.safebrowsing.malware.enabled":               false,
	"browser.safebrowsing.phishing.enabled":              false,
	"browser.safebrowsing.downloads.enabled":             false,
	"browser.safebrowsing.downloads.remote.enabled":      false,
	"browser.safebrowsing.blockedURIs.enabled":           false,
	"browser.safebrowsing.provider.google.updateURL":     "",
	"browser.safebrowsing.provider.google4.updateURL":    "",
	"browser.safebrowsing.provider.mozilla.updateURL":    "",
	// No first-run or default-browser pages, no new-tab page content.
	"browser.shell.checkDefaultBrowser":              false,
	"browser.startup.page":                           0,
	"browser.startup.homepage":                       "about:blank",
	"browser.startup.homepage_override.mstone":       "ignore",
	"startup.homepage_welcome_url":                   "about:blank",
	"startup.homepage_welcome_url.additional":        "",
	"browser.aboutwelcome.enabled":                   false,
	"trailhead.firstrun.didSeeAboutWelcome":          true,
	"browser.newtabpage.enabled":                     false,
	"browser.newtab.preload":                         false,
	"browser.topsites.contile.enabled":               false,
	"browser.sessionstore.resume_from_crash":         false,
	"browser.tabs.warnOnClose":                       false,
	"browser.warnOnQuit":                             false,
	"toolkit.startup.max_resumed_crashes":            -1,
	"browser.discovery.enabled":                      false,
	"browser.contentblocking.report.monitor.enabled": false,
	"identity.fxaccounts.enabled":                    false,
}

type firefoxBrowser struct {
	cmd     *exec.Cmd
	profile string
	conn    *bidiConn
	version string
	// extension is the id of the extension installed with
	// webExtension.install ("" for none).
	extension string
	output    *tailBuffer
	exited    chan struct{}

	mu    sync.Mutex
	sinks map[string]Sink // by browsing context id
}

// firefoxInstance is one Firefox process with its own profile.
type firefoxInstance struct {
	opts Options
	once sync.Once
	b    *firefoxBrowser
	err  error
}

// firefoxState is the Firefox of Engine Firefox; FirefoxWith adds others,
// each stopped by Stop.
var (
	firefoxState     = &firefoxInstance{}
	firefoxInstances = []*firefoxInstance{firefoxState}
	firefoxMu        sync.Mutex
)

// FirefoxWith is a Firefox engine of its own, started with opts.
func FirefoxWith(opts Options) *Engine {
	f := &firefoxInstance{opts: opts}
	firefoxMu.Lock()
	firefoxInstances = append(firefoxInstances, f)
	firefoxMu.Unlock()
	name := opts.Name
	if name == "" {
		name = "firefox"
	}
	e := &Engine{Name: name, open: f.openTab, version: f.version}
	if opts.Extension != "" {
		e.button = f.clickExtensionButton
		e.hosts = f.extensionHosts
		e.allow = f.allowExtensionHost
	}
	return e
}

// The scripts run in Firefox's privileged scope (privileged).
var (
	//go:embed click_action.js
	clickActionJS string
	//go:embed firefox_hosts.js
	firefoxHostsJS string
	//go:embed firefox_allow.js
	firefoxAllowJS string
)

// clickExtensionButton runs the extension's browser action for the tab t,
// as a click on the toolbar button does (with the user input that
// permissions.request needs), the tab selected first.
func (f *firefoxInstance) clickExtensionButton(ctx context.Context, t Tab) error {
	ft, ok := t.(*bidiTab)
	if !ok {
		return fmt.Errorf("not a Firefox tab")
	}
	v, err := f.privileged(ctx, clickActionJS, ft.context)
	if err != nil {
		return fmt.Errorf("the browser action: %w", err)
	}
	if v != "clicked" {
		return fmt.Errorf("the browser action: %v", v)
	}
	return nil
}

// extensionHosts reads the extension's allowed origins.
func (f *firefoxInstance) extensionHosts(ctx context.Context) ([]string, error) {
	v, err := f.privileged(ctx, firefoxHostsJS)
	if err != nil {
		return nil, err
	}
	var hosts []string
	s, _ := v.(string)
	if err := json.Unmarshal([]byte(s), &hosts); err != nil {
		return nil, fmt.Errorf("the extension's hosts: %v", v)
	}
	return hosts, nil
}

// allowExtensionHost answers "Allow" in the prompt shown in tab t.
func (f *firefoxInstance) allowExtensionHost(ctx context.Context, t Tab, _ string) error {
	ft, ok := t.(*bidiTab)
	if !ok {
		return fmt.Errorf("not a Firefox tab")
	}
	v, err := f.privileged(ctx, firefoxAllowJS, ft.context)
	if err != nil {
		return fmt.Errorf("the permission prompt: %w", err)
	}
	if v != "allowed" {
		return fmt.Errorf("the permission prompt: %v", v)
	}
	return nil
}

// privileged calls the function fn in Firefox's privileged scope (a
// browser window), which WebDriver BiDi reaches when Firefox runs with
// --remote-allow-system-access (Options.Args), with the extension's id
// and args (strings) as arguments, and gives its value (a promise
// awaited).
func (f *firefoxInstance) privileged(ctx context.Context, fn string, args ...string) (any, error) {
	b, err := f.browser()
	if err != nil {
		return nil, err
	}
	if b.extension == "" {
		return nil, fmt.Errorf("no extension installed")
	}
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	if err := b.conn.call(ctx, "browsingContext.getTree", map[string]any{"moz:scope": "chrome"}, &tree); err != nil {
		return nil, err
	}
	if len(tree.Contexts) == 0 {
		return nil, fmt.Errorf("no browser window in Firefox's privileged scope")
	}
	values := []any{map[string]any{"type": "string", "value": b.extension}}
	for _, a := range args {
		values = append(values, map[string]any{"type": "string", "value": a})
	}
	var r struct {
		Type             string          `json:"type"`
		Result           remoteValue     `json:"result"`
		ExceptionDetails json.RawMessage `json:"exceptionDetails"`
	}
	err = b.conn.call(ctx, "script.callFunction", map[string]any{
		"functionDeclaration": fn,
		"arguments":           values,
		"target":              map[string]any{"context": tree.Contexts[0].Context},
		"awaitPromise":        true,
		"resultOwnership":     "none",
	}, &r)
	if err != nil {
		return nil, err
	}
	if r.Type == "exception" {
		return nil, fmt.Errorf("%s", r.ExceptionDetails)
	}
	v, _ := r.Result.toJSON()
	return v, nil
}

func (f *firefoxInstance) browser() (*firefoxBrowser, error) {
	f.once.Do(func() { f.b, f.err = startFirefox(f.opts) })
	return f.b, f.err
}

// version is the version of the running Firefox ("" before it runs).
func (f *firefoxInstance) version() string {
	if f.b == nil {
		return ""
	}
	return f.b.version
}

func firefoxVersion() string { return firefoxState.version() }

var bidiListening = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

func startFirefox(opts Options) (*firefoxBrowser, error) {
	path := firefoxPath()
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("Firefox not found at %s: install Debian's package firefox-esr (apt-get install firefox-esr; make deps does, as root) or set XDR_FIREFOX", path)
	}
	profile, err := os.MkdirTemp("", "xdr-firefox-")
	if err != nil {
		return nil, err
	}
	var js strings.Builder
	for _, prefs := range []map[string]any{firefoxPrefs, opts.Prefs} {
		for k, v := range prefs {
			b, _ := json.Marshal(v)
			fmt.Fprintf(&js, "user_pref(%q, %s);\n", k, b)
		}
	}
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(js.String()), 0o644); err != nil {
		return nil, err
	}
	b := &firefoxBrowser{profile: profile, output: &tailBuffer{}, exited: make(chan struct{}), sinks: map[string]Sink{}}
	cmd := exec.Command(path, append([]string{"--headless", "--no-remote", "--profile", profile, "--remote-debugging-port=0"}, opts.Args...)...)
	cmd.Env = append(os.Environ(),
		"MOZ_REMOTE_SETTINGS_DEVTOOLS=1", // lets services.settings.server point at nowhere
		"MOZ_CRASHREPORTER_DISABLE=1",
		"MOZ_HEADLESS=1",
	)
	cmd.Env = append(cmd.Env, opts.Env...)
	orphanProof(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		_ = os.RemoveAll(profile)
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	b.cmd = cmd
	wsURL := make(chan string, 1)
	var readers sync.WaitGroup
	scan := func(r io.Reader) {
		defer readers.Done()
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			l := sc.Text()
			b.output.add(l)
			if m := bidiListening.FindStringSubmatch(l); m != nil {
				select {
				case wsURL <- m[1]:
				default:
				}
			}
		}
	}
	readers.Add(2)
	go scan(stdout)
	go scan(stderr)
	go func() {
		readers.Wait()
		_ = cmd.Wait()
		close(b.exited)
	}()
	fail := func(err error) (*firefoxBrowser, error) {
		b.stop()
		return nil, fmt.Errorf("%w\nFirefox printed:\n%s", err, b.output)
	}
	var url string
	select {
	case url = <-wsURL:
	case <-b.exited:
		return fail(errors.New("Firefox exited before WebDriver BiDi listened"))
	case <-time.After(60 * time.Second):
		return fail(errors.New("Firefox did not print \"WebDriver BiDi listening on\" within 60 s"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if b.conn, err = dialBiDi(ctx, url+"/session", b.event); err != nil {
		return fail(fmt.Errorf("connecting to %s/session: %w", url, err))
	}
	var sess struct {
		Capabilities struct {
			BrowserName    string `json:"browserName"`
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	if err := b.conn.call(ctx, "session.new", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		// Firefox accepts alert() at once and reports it
		// (browsingContext.userPromptOpened), as the harness does in
		// Chromium; a round trip through handleUserPrompt only adds time.
		"unhandledPromptBehavior": map[string]any{"default": "accept"},
	}}}, &sess); err != nil {
		return fail(err)
	}
	b.version = sess.Capabilities.BrowserName + " " + sess.Capabilities.BrowserVersion
	if err := b.conn.call(ctx, "session.subscribe", map[string]any{"events": []string{"log.entryAdded", "browsingContext.userPromptOpened"}}, nil); err != nil {
		return fail(err)
	}
	if opts.Extension != "" {
		// Installed temporarily (as about:debugging does): unsigned, and
		// gone with the profile.
		var r struct {
			Extension string `json:"extension"`
		}
		if err := b.conn.call(ctx, "webExtension.install", map[string]any{"extensionData": map[string]any{"type": "path", "path": opts.Extension}}, &r); err != nil {
			return fail(fmt.Errorf("installing the extension %s: %w", opts.Extension, err))
		}
		b.extension = r.Extension
	}
	return b, nil
}

func stopFirefox() {
	firefoxMu.Lock()
	defer firefoxMu.Unlock()
	for _, f := range firefoxInstances {
		if f.b != nil {
			f.b.stop()
		}
	}
}

// stop ends the session (Firefox then quits), kills Firefox if it lingers,
// and removes the profile.
func (b *firefoxBrowser) stop() {
	if b.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = b.conn.call(ctx, "browser.close", nil, nil)
		cancel()
	}
	if b.cmd != nil && b.cmd.Process != nil {
		select {
		case <-b.exited:
		case <-time.After(10 * time.Second):
			_ = b.cmd.Process.Kill()
			<-b.exited
		}
	}
	if b.conn != nil {
		_ = b.conn.ws.CloseNow()
	}
	_ = os.RemoveAll(b.profile)
}

func (b *firefoxBrowser) sink(context string) (Sink, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.sinks[context]
	return s, ok
}

// event passes console lines and alert() dialogs to the tab they belong to.
func (b *firefoxBrowser) event(method string, params json.RawMessage) {
	switch method {
	case "log.entryAdded":
		var e struct {
			Type   string `json:"type"`
			Level  string `json:"level"`
			Method string `json:"method"`
			Text   string `json:"text"`
			Source struct {
				Context string `json:"context"`
			} `json:"source"`
		}
		if json.Unmarshal(params, &e) != nil {
			return
		}
		s, ok := b.sink(e.Source.Context)
		if !ok {
			return
		}
		s.Console(consoleLine(e.Type, e.Level, e.Method, e.Text))
	case "browsingContext.userPromptOpened":
		var e struct {
			Context string `json:"context"`
			Type    string `json:"type"`
			Message string `json:"message"`
		}
		if json.Unmarshal(params, &e) != nil {
			return
		}
		s, ok := b.sink(e.Context)
		if !ok {
			return
		}
		s.Dialog(e.Message)
	}
}

// uncaught tells an uncaught exception ("Error: boom", "SyntaxError: ...",
// "uncaught exception: 42") from the browser's own messages that Firefox
// reports the same way ("Cross-Origin Request Blocked: ...",
// "Content-Security-Policy: ..."), which Chromium's log calls "error".
var uncaught = regexp.MustCompile(`^(?i:uncaught\b)|^[A-Za-z]*(Error|Exception)\b`)

// consoleLine writes a log entry as chromedp.ConsoleMessage.String does:
// "warning: ..." for console.warn, "exception: ..." for an uncaught error,
// "error: ..." for an error of the browser.
func consoleLine(typ, level, method, text string) string {
	if typ == "javascript" {
		if level == "error" && uncaught.MatchString(text) {
			return "exception: " + text
		}
		return bidiLevel(level) + ": " + text
	}
	switch method {
	case "warn":
		return "warning: " + text
	case "":
		return bidiLevel(level) + ": " + text
	}
	return method + ": " + text
}

func bidiLevel(level string) string {
	if level == "warn" {
		return "warning"
	}
	return level
}

type bidiTab struct {
	b       *firefoxBrowser
	context string
}

func openFirefoxTab(sink Sink) (Tab, error) { return firefoxState.openTab(sink) }

func (f *firefoxInstance) openTab(sink Sink) (Tab, error) {
	b, err := f.browser()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var r struct {
		Context string `json:"context"`
	}
	if err := b.conn.call(ctx, "browsingContext.create", map[string]any{"type": "tab"}, &r); err != nil {
		return nil, fmt.Errorf("%w\nFirefox printed:\n%s", err, b.output)
	}
	b.mu.Lock()
	b.sinks[r.Context] = sink
	b.mu.Unlock()
	return &bidiTab{b: b, context: r.Context}, nil
}

func (f *bidiTab) call(ctx context.Context, method string, params map[string]any, out any) error {
	params["context"] = f.context
	return f.b.conn.call(ctx, method, params, out)
}

func (f *bidiTab) Navigate(ctx context.Context, url string) error {
	return f.call(ctx, "browsingContext.navigate", map[string]any{"url": url, "wait": "complete"}, nil)
}

func (f *bidiTab) Evaluate(ctx context.Context, expr string) (json.RawMessage, error) {
	var r struct {
		Type             string          `json:"type"`
		Result           remoteValue     `json:"result"`
		ExceptionDetails json.RawMessage `json:"exceptionDetails"`
	}
	err := f.b.conn.call(ctx, "script.evaluate", map[string]any{
		"expression":      expr,
		"target":          map[string]any{"context": f.context},
		"awaitPromise":    true,
		"resultOwnership": "none",
	}, &r)
	if err != nil {
		return nil, err
	}
	if r.Type == "exception" {
		var d struct {
			Text string `json:"text"`
		}
		_ = json.Unmarshal(r.ExceptionDetails, &d)
		return nil, fmt.Errorf("exception: %s", d.Text)
	}
	v, defined := r.Result.toJSON()
	if !defined {
		return nil, nil
	}
	return json.Marshal(v)
}

// click moves the mouse to the centre of the element, scrolled into view,
// and presses and releases the left button.
//
// An alert() that opens just then takes the click in Firefox (its dialog
// covers the page, and the click is lost), where Chromium delivers it after
// the dialog: a page that alerts on every onprogress does that while the
// harness clicks Stop. So the click is checked: a capturing listener on the
// element notes it, and a lost click is made again.
func (f *bidiTab) Click(ctx context.Context, css string) error {
	for attempt := 1; ; attempt++ {
		raw, err := f.Evaluate(ctx, `(function () {
			var e = document.querySelector(`+jsStr(css)+`);
			if (!e) return null;
			window.__xdrHarnessClicked = false;
			e.addEventListener("click", function () { window.__xdrHarnessClicked = true; }, {capture: true, once: true});
			e.scrollIntoView({block: "center", inline: "center"});
			var r = e.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) return null;
			return [r.left + r.width / 2, r.top + r.height / 2];
		})()`)
		if err != nil {
			return err
		}
		var xy []float64
		if raw == nil || json.Unmarshal(raw, &xy) != nil || len(xy) != 2 {
			return fmt.Errorf("no visible element matches %s", css)
		}
		x, y := int(math.Floor(xy[0])), int(math.Floor(xy[1]))
		err = f.call(ctx, "input.performActions", map[string]any{"actions": []any{map[string]any{
			"type":       "pointer",
			"id":         "mouse",
			"parameters": map[string]any{"pointerType": "mouse"},
			"actions": []any{
				map[string]any{"type": "pointerMove", "x": x, "y": y, "origin": "viewport"},
				map[string]any{"type": "pointerDown", "button": 0},
				map[string]any{"type": "pointerUp", "button": 0},
			},
		}}}, nil)
		if err != nil {
			return err
		}
		for wait := 0; wait < 15; wait++ {
			raw, err := f.Evaluate(ctx, `window.__xdrHarnessClicked`)
			if err != nil {
				return err
			}
			if string(raw) == "true" {
				return nil
			}
			time.Sleep(20 * time.Millisecond)
		}
		if attempt == 5 {
			return fmt.Errorf("the click on %s did not reach it in %d attempts", css, attempt)
		}
	}
}

func (f *bidiTab) SetViewport(ctx context.Context, width, height int64) error {
	return f.call(ctx, "browsingContext.setViewport", map[string]any{"viewport": map[string]any{"width": width, "height": height}}, nil)
}

func (f *bidiTab) Screenshot(ctx context.Context) ([]byte, error) {
	var r struct {
		Data string `json:"data"`
	}
	if err := f.call(ctx, "browsingContext.captureScreenshot", map[string]any{}, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

func (f *bidiTab) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = f.call(ctx, "browsingContext.close", map[string]any{}, nil)
	f.b.mu.Lock()
	delete(f.b.sinks, f.context)
	f.b.mu.Unlock()
}
