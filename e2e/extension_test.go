//go:build !(js && wasm)

package e2e

// The browser extension (extension/, built by make dist into its two
// forms, dist/extension/ for users and dist/extension-managed/ for
// installs by policy): the polyfill in the page's main world at
// document_start, in every frame, on the sites an administrator names
// (managed storage) or the user enables with the toolbar button, and on no
// other. Each form runs in a browser of its own per engine: Chromium with
// --load-extension, Firefox with WebDriver BiDi's webExtension.install
// (temporary). WebKit's MiniBrowser has no extensions.

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/e2e/browser"
	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

// extensionGeckoID is the extension's id in Firefox (manifest.json,
// browser_specific_settings), under which its policies are found.
const extensionGeckoID = "xdomainrequest@xdr-polyfill.github.io"

// extensionSites is the site list the tests set as an administrator would:
// one of the Internet host names the browsers map to 127.0.0.1, any port.
// Pages under the other (browser.APIHost) are on no listed site.
var extensionSites = []string{"http://" + browser.PageHost + "/*"}

// chromiumPolicyFile is where Debian's Chromium reads mandatory policies;
// the test writes the extension's 3rdparty policy there (as root: CI runs
// as root) and removes it at the end. Chromium has no per-profile policy
// file.
const chromiumPolicyFile = "/etc/chromium/policies/managed/xdr-e2e-extension.json"

// managedExtensionDir is the form for installs by policy, with its hosts
// in host_permissions; userExtensionDir the form for users, which holds no
// host at install (make dist builds both).
func managedExtensionDir() string { return filepath.Join(root, "dist", "extension-managed") }
func userExtensionDir() string    { return filepath.Join(root, "dist", "extension") }

// extensionBrowsers are a Chromium and a Firefox with one form of the
// extension loaded, started once for the run.
type extensionBrowsers struct {
	once     sync.Once
	err      error
	chromium *engine
	firefox  *engine
}

// engine is the engine name of b, started the first time with the form in
// dir (symbolic links resolved) once setUp has prepared what the browsers
// read (setUp gives Firefox's HOME).
func (b *extensionBrowsers) engine(t *testing.T, name, dir string, setUp func(dir string) (home string, err error)) *engine {
	t.Helper()
	b.once.Do(func() {
		var home string
		if dir, b.err = filepath.EvalSymlinks(dir); b.err == nil {
			home, b.err = setUp(dir)
		}
		if b.err != nil {
			return
		}
		b.chromium = browser.ChromiumWith(browser.Options{Name: "chromium", Extension: dir})
		b.firefox = browser.FirefoxWith(browser.Options{
			Name: "firefox", Extension: dir, Env: []string{"HOME=" + home},
			// The toolbar button and the prompt, from Firefox's privileged scope.
			Args: []string{"--remote-allow-system-access"},
		})
	})
	require.NoError(t, b.err, "setting up the browsers with dist/%s (Chromium's policy %s needs root, as in CI)", filepath.Base(dir), chromiumPolicyFile)
	if name == "chromium" {
		return b.chromium
	}
	return b.firefox
}

// The browsers with the managed form, and with the form for users.
var managedBrowsers, userBrowsers extensionBrowsers

// extensionEngine is the engine name with the managed form loaded and the
// administrator's site list set: for Chromium a policy file, for Firefox a
// managed storage manifest under the browser's own HOME (what Firefox's
// policies.json "3rdparty" section also feeds, docs/extension.md).
func extensionEngine(t *testing.T, name string) *engine {
	t.Helper()
	return managedBrowsers.engine(t, name, managedExtensionDir(), func(dir string) (string, error) {
		sites := map[string]any{"sites": extensionSites}
		policy, _ := json.Marshal(map[string]any{"3rdparty": map[string]any{"extensions": map[string]any{browser.ChromiumExtensionID(dir): sites}}})
		if err := os.MkdirAll(filepath.Dir(chromiumPolicyFile), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(chromiumPolicyFile, policy, 0o644); err != nil {
			return "", err
		}
		home, err := os.MkdirTemp("", "xdr-firefox-home-")
		if err != nil {
			return "", err
		}
		managed, _ := json.Marshal(map[string]any{"name": extensionGeckoID, "description": "the e2e tests' site list", "type": "storage", "data": sites})
		storage := filepath.Join(home, ".mozilla", "managed-storage")
		if err := os.MkdirAll(storage, 0o755); err != nil {
			return "", err
		}
		return home, os.WriteFile(filepath.Join(storage, extensionGeckoID+".json"), managed, 0o644)
	})
}

// removeExtensionPolicy removes the Chromium policy file the tests wrote.
func removeExtensionPolicy() { _ = os.Remove(chromiumPolicyFile) }

// userExtensionEngine is the engine name with the form for users loaded
// and no site list: the user adds each site with the button.
func userExtensionEngine(t *testing.T, name string) *engine {
	t.Helper()
	return userBrowsers.engine(t, name, userExtensionDir(), func(string) (string, error) {
		return os.MkdirTemp("", "xdr-firefox-home-") // no managed storage
	})
}

// extensionSite is one server for the extension's pages (its /dist/ is
// dist/, for a page that also carries the polyfill's tags), reachable
// under the listed host name and under another (no listed site), and the
// endpoints on another server.
type extensionSite struct {
	pages  *site
	srv    *httptest.Server
	port   string
	apiURL string // the endpoints under the Internet host name api.xdr-test.example
	apiIP  string // the same endpoints under 127.0.0.1: an intranet address
}

// newExtensionSite starts the servers, with more pages by path.
func newExtensionSite(t *testing.T, more map[string]string) *extensionSite {
	t.Helper()
	index, err := os.ReadFile(filepath.Join(root, "web", "index.html"))
	require.NoError(t, err)
	tags := "<script src=\"dist/wasm_exec.js\"></script>\n<script src=\"dist/xdomainrequest.js\"></script>\n"
	require.Contains(t, string(index), tags, "web/index.html carries the polyfill's two tags")
	inline := func(name string) string {
		return "<!doctype html><title>" + name + "</title><script>" + script("extension/"+name) + "</script><body>" + name
	}
	s := &extensionSite{pages: &site{pages: map[string]string{
		"/blank.html":        "<!doctype html><title>blank</title><body>blank",
		"/seed.html":         strings.Replace(string(index), tags, "", 1),
		"/tags.html":         string(index),
		"/first.html":        inline("first_script.js"),
		"/config.html":       inline("config_script.js"),
		"/config-early.html": inline("config_early_script.js"),
		"/own.html":          inline("own_xdr_script.js"),
		"/frame.html":        "<!doctype html><title>frame</title><script>addEventListener('message', function (e) { window.frameReport = e.data; });</script><body><iframe id=f></iframe>",
	}}}
	for path, page := range more {
		s.pages.pages[path] = page
	}
	s.srv = newPageServer(s.pages)
	t.Cleanup(s.srv.Close)
	s.port = s.srv.URL[strings.LastIndex(s.srv.URL, ":")+1:]
	api := httptest.NewServer(endpoints())
	t.Cleanup(api.Close)
	s.apiIP = api.URL
	s.apiURL = "http://" + browser.APIHost + api.URL[strings.LastIndex(api.URL, ":"):]
	return s
}

// listed is the URL of path on the listed site; unlisted on the other
// host name the browsers map to 127.0.0.1 (like the listed one, an
// Internet host over http: a page there has the same browser globals,
// where 127.0.0.1 is a secure context with more).
func (s *extensionSite) listed(path string) string {
	return "http://" + browser.PageHost + ":" + s.port + path
}
func (s *extensionSite) unlisted(path string) string {
	return "http://" + browser.APIHost + ":" + s.port + path
}

func (s *extensionSite) asked(path string) bool {
	s.pages.mu.Lock()
	defer s.pages.mu.Unlock()
	return slices.Contains(s.pages.asked, path)
}

func TestExtension(t *testing.T) {
	t.Cleanup(removeExtensionPolicy)
	for _, name := range []string{"chromium", "firefox"} {
		t.Run(name, func(t *testing.T) { testExtension(t, extensionEngine(t, name)) })
	}
}

func testExtension(t *testing.T, e *engine) {
	s := newExtensionSite(t, nil)
	// The first page waits for the extension's background to have
	// registered the site list (it reads managed storage when it starts).
	waitListed(t, e, s)

	t.Run("no global but XDomainRequest", func(t *testing.T) {
		tb := newTab(t, e)
		tb.navigate(s.unlisted("/blank.html"))
		before := eval[[]string](tb, "Object.getOwnPropertyNames(window)")
		tb.open(s.listed("/blank.html"))
		after := eval[[]string](tb, "Object.getOwnPropertyNames(window)")
		var added, removed []string
		for _, n := range after {
			if !slices.Contains(before, n) {
				added = append(added, n)
			}
		}
		for _, n := range before {
			if !slices.Contains(after, n) {
				removed = append(removed, n)
			}
		}
		assert.Equal(t, []string{"XDomainRequest"}, added, "the globals the extension's copy leaves on the page")
		assert.Empty(t, removed)
		assert.Equal(t, "undefined", eval[string](tb, "typeof chrome === 'object' && chrome.runtime ? typeof chrome.runtime.sendMessage : 'undefined'"),
			"the page reaches no extension API")
		assert.Equal(t, "undefined", eval[string](tb, "typeof browser"))
	})

	t.Run("the seed example without the polyfill's tags", func(t *testing.T) {
		tb := newTab(t, e)
		tb.open(s.listed("/seed.html"))
		tb.setValue("tbURL", s.apiURL+"/xdr.txt?gap=50")
		tb.setValue("tbTO", "10000")
		progress := tb.getUntilLoad()
		assert.NotEmpty(t, progress)
		tb.clickButton("Read")
		assert.Equal(t, "Content-type: text/plain", tb.dialog(5*time.Second))
		assert.Equal(t, "Length: "+itoa(len(devserver.Body())), tb.dialog(5*time.Second))
	})

	t.Run("first inline script", func(t *testing.T) {
		tb := newTab(t, e)
		tb.navigate(s.listed("/first.html?" + s.apiURL))
		firstScript(t, tb, "window.")
	})

	t.Run("a frame on the site", func(t *testing.T) {
		tb := newTab(t, e)
		tb.open(s.listed("/frame.html"))
		// The frame loads after its parent has: its own first script runs
		// with the extension's own copy of the polyfill (allFrames).
		require.True(t, eval[bool](tb, `new Promise(function (done) { var f = document.getElementById("f"); f.onload = function () { done(true); }; f.src = `+jsStr("/first.html?"+s.apiURL)+`; })`))
		firstScript(t, tb, "frames[0].")
		assert.False(t, eval[bool](tb, "frames[0].XDomainRequest === XDomainRequest"), "the frame's XDomainRequest is its own")
	})

	t.Run("a frame on the site in a page of another", func(t *testing.T) {
		tb := newTab(t, e)
		tb.navigate(s.unlisted("/frame.html"))
		require.Equal(t, "undefined", eval[string](tb, "typeof XDomainRequest"), "the unlisted top page")
		eval[bool](tb, `(document.getElementById("f").src = `+jsStr(s.listed("/first.html?"+s.apiURL))+`, true)`)
		waitFor(tb, "window.frameReport", 15*time.Second)
		type report struct {
			Type, DeniedThrew, Route string
			Log                      []string
		}
		got := eval[report](tb, "frameReport")
		assert.Equal(t, report{Type: "function", DeniedThrew: "Access is denied.", Route: got.Route, Log: []string{"load:" + devserver.Body()}}, got,
			"the listed frame's first script, in the unlisted page")
		assert.Contains(t, []string{"module", "bytes", "fetched"}, got.Route)
	})

	t.Run("an unlisted site", func(t *testing.T) {
		tb := newTab(t, e)
		tb.navigate(s.unlisted("/first.html?" + s.apiURL))
		assert.Equal(t, "undefined", eval[string](tb, "seen.type"))
		time.Sleep(300 * time.Millisecond)
		assert.Equal(t, "undefined", eval[string](tb, "typeof XDomainRequest"), "nothing comes later either")
	})

	t.Run("a page with the polyfill's tags too", func(t *testing.T) {
		tb := newTab(t, e)
		tb.open(s.listed("/tags.html"))
		assert.True(t, s.asked("/dist/xdomainrequest.js"), "the page's own loader ran")
		assert.Equal(t, "function", eval[string](tb, "typeof Go"), "the page's wasm_exec.js defined its Go, which stays")
		assert.Equal(t, "load:"+devserver.Body(), roundTrip(tb, s.apiURL+"/xdr.txt?gap=0"))
		tb.setValue("tbURL", s.apiURL+"/xdr.txt?gap=50")
		tb.setValue("tbTO", "10000")
		tb.getUntilLoad()
		assert.False(t, s.asked("/dist/xdomainrequest.wasm"), "one XDomainRequest: the page's copy found the extension's and started no second Go side")
	})

	t.Run("a page with an XDomainRequest of its own", func(t *testing.T) {
		tb := newTab(t, e)
		tb.navigate(s.listed("/own.html"))
		// The extension's Go side starts once the document is parsed; the
		// page's own object stays after that too.
		waitFor(tb, "document.readyState === 'complete'", 10*time.Second)
		time.Sleep(300 * time.Millisecond)
		assert.Equal(t, "OwnXDomainRequest", eval[string](tb, "XDomainRequest.name"))
		for _, l := range tb.logs() {
			assert.NotContains(t, l, "XDomainRequest polyfill", "nothing to report")
		}
	})

	t.Run("the toolbar button", func(t *testing.T) {
		tb := newTab(t, e)
		page := s.unlisted("/first.html?" + s.apiURL)
		tb.navigate(page)
		require.Equal(t, "undefined", eval[string](tb, "seen.type"), "not a listed site yet")
		clickButton(t, e, tb)
		// The button adds the site and reloads the tab: its first script
		// now finds XDomainRequest.
		waitFor(tb, "window.seen && seen.type === 'function' && log.length > 0", 15*time.Second)
		firstScript(t, tb, "window.")
		clickButton(t, e, tb)
		// Off again: the button does not reload; the next visit has none.
		deadline := time.Now().Add(10 * time.Second)
		for {
			tb.navigate(page)
			if eval[string](tb, "seen.type") == "undefined" {
				break
			}
			require.True(t, time.Now().Before(deadline), "the second click takes the site off the list")
			time.Sleep(100 * time.Millisecond)
		}
	})

	t.Run("XDomainRequestConfig set by the page", func(t *testing.T) {
		tb := newTab(t, e)
		intranet := s.apiIP + "/xdr.txt"
		tb.open(s.listed("/blank.html"))
		assert.Equal(t, "Access is denied.", call[string](tb, "extension/zone_call.js", intranet), "without configuration an Internet page may not reach an intranet address")
		tb.open(s.listed("/config.html"))
		assert.Equal(t, "opened", call[string](tb, "extension/zone_call.js", intranet), "the configuration the page set after the extension's copy ran")
		tb.navigate(s.listed("/config-early.html?" + s.apiIP))
		assert.Equal(t, "opened", eval[string](tb, "window.zoneOpen"), "set and used in the first inline script")
	})
}

// firstScript checks the report of testdata/extension/first_script.js in
// the page or frame (frame: "window." or "frames[0].").
func firstScript(t *testing.T, tb *tab, frame string) {
	t.Helper()
	waitFor(tb, frame+"log && "+frame+"log.length > 0", 15*time.Second)
	assert.Equal(t, "function", eval[string](tb, frame+"seen.type"), "the first inline script finds XDomainRequest")
	assert.Equal(t, "Access is denied.", eval[string](tb, frame+"deniedThrew"), "open() with a refused scheme throws from the first inline script")
	assert.Equal(t, []string{"load:" + devserver.Body()}, eval[[]string](tb, frame+"log"), "the first script's request loads")
	assert.Contains(t, []string{"module", "bytes", "fetched"}, eval[string](tb, frame+"route"),
		"the first call started the Go side at once (startNow), from the extension's files")
}

// TestExtensionForUsers: the form for users (dist/extension/) holds no
// host at install and runs on no site; the toolbar button asks for the
// current site's host, and once the user allows it, the page's first
// script finds XDomainRequest; a second click takes the site off and gives
// the host back.
func TestExtensionForUsers(t *testing.T) {
	for _, name := range []string{"chromium", "firefox"} {
		t.Run(name, func(t *testing.T) { testExtensionForUsers(t, userExtensionEngine(t, name)) })
	}
}

func testExtensionForUsers(t *testing.T, e *engine) {
	s := newExtensionSite(t, nil)
	hosts := func() []string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		h, err := e.ExtensionHosts(ctx)
		require.NoError(t, err, "%s: the hosts the browser holds for the extension", e.Name)
		return h
	}
	allow := func(tb *tab, pattern string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		require.NoError(t, e.AllowExtensionHost(ctx, tb.d, pattern), "%s: the user allows %s", e.Name, pattern)
	}
	tb := newTab(t, e)
	page := s.listed("/first.html?" + s.apiURL)
	pattern := "http://" + browser.PageHost + "/*"
	tb.navigate(page)
	assert.Empty(t, hosts(), "no host held at install")
	require.Equal(t, "undefined", eval[string](tb, "seen.type"), "on no site before the button")

	if e.Name == "chromium" {
		// Headless Chromium cannot answer its prompt: the user allows the
		// site in the extension's settings first, and the button's request
		// is granted without one. Chromium records that choice and the
		// extension holds the host once it asks (permissions.getAll shows
		// none before). A choice alone enables nothing: the lists decide.
		allow(tb, pattern)
		assert.Empty(t, hosts(), "held once the extension asks")
		tb.navigate(page)
		require.Equal(t, "undefined", eval[string](tb, "seen.type"), "a host held, the site not on the list")
		clickButton(t, e, tb)
	} else {
		// Firefox prompts at the click; the user answers "Allow".
		clickButton(t, e, tb)
		allow(tb, pattern)
	}
	waitFor(tb, "window.seen && seen.type === 'function' && log.length > 0", 15*time.Second)
	firstScript(t, tb, "window.")
	assert.Equal(t, []string{pattern}, hosts(), "the site's host, and no other")
	other := newTab(t, e)
	other.navigate(s.unlisted("/first.html?" + s.apiURL))
	assert.Equal(t, "undefined", eval[string](other, "seen.type"), "another site stays without")

	clickButton(t, e, tb)
	deadline := time.Now().Add(10 * time.Second)
	for {
		tb.navigate(page)
		if eval[string](tb, "seen.type") == "undefined" {
			break
		}
		require.True(t, time.Now().Before(deadline), "the second click takes the site off the list")
		time.Sleep(100 * time.Millisecond)
	}
	for deadline = time.Now().Add(10 * time.Second); len(hosts()) > 0; time.Sleep(100 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "the host given back: %v", hosts())
	}
}

// waitListed waits until a page on the listed site gets XDomainRequest: the
// background registers the administrator's list when it starts.
func waitListed(t *testing.T, e *engine, s *extensionSite) {
	t.Helper()
	tb := newTab(t, e)
	deadline := time.Now().Add(20 * time.Second)
	for {
		tb.navigate(s.listed("/blank.html"))
		if eval[string](tb, "typeof XDomainRequest") == "function" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: no XDomainRequest on the listed site %s within 20 s: the extension did not register it\nconsole: %v\nthe extension: %s",
				e.Name, extensionSites[0], tb.logs(), extensionState(e))
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// extensionState is what the extension's background holds (managed
// storage, the user's sites, the registered script, the granted
// permissions), for failure messages.
func extensionState(e *engine) string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	raw, err := e.EvaluateInExtension(ctx, "Promise.all([api.storage.managed.get(null).catch(String), userSites(), api.scripting.getRegisteredContentScripts(), api.permissions.getAll()])")
	if err != nil {
		return err.Error()
	}
	return string(raw)
}

// inExtension calls the function of testdata/<name> in the extension's
// background with args (as JSON) and gives its value (a promise awaited).
func inExtension[T any](t *testing.T, e *engine, name string, args ...any) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	raw, err := e.EvaluateInExtension(ctx, callExpr(name, args...))
	require.NoError(t, err, "%s: calling testdata/%s in the extension's background", e.Name, name)
	v, err := decodeJS[T](raw)
	require.NoError(t, err, "%s: the value of testdata/%s", e.Name, name)
	return v
}

// clickButton clicks the extension's toolbar button for the tab.
func clickButton(t *testing.T, e *engine, tb *tab) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	require.NoError(t, e.ClickExtensionButton(ctx, tb.d), "%s: the extension's toolbar button", e.Name)
}
