//go:build !(js && wasm)

package e2e

// The npm package as a user gets it: `npm pack` (which runs `make dist`
// through prepack) holds exactly the files a page needs plus the type
// declarations; the tarball installs offline; a page that serves
// node_modules/ as a site would and points its script tags there gets a
// working XDomainRequest of the package's version. (A CDN-like path is
// TestLoaderFromPathPrefix.)

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

// needTool fails (never skips) when a program the test needs is missing.
func needTool(t *testing.T, name, hint string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found in PATH: %s", name, hint)
	}
	return p
}

// runIn runs a command in dir and returns its standard output; on failure
// the test stops with everything the command printed.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "%s %s in %s:\n%s%s", name, strings.Join(args, " "), dir, stdout.String(), stderr.String())
	return stdout.String()
}

// packageJSON is what the tests read of a package.json.
type packageJSON struct {
	Name     string `json:"name"`
	Version  string `json:"version"`
	Main     string `json:"main"`
	Browser  string `json:"browser"`
	Unpkg    string `json:"unpkg"`
	Jsdelivr string `json:"jsdelivr"`
	Types    string `json:"types"`
}

func readPackageJSON(t *testing.T, path string) packageJSON {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var p packageJSON
	require.NoError(t, json.Unmarshal(b, &p), path)
	return p
}

func TestPackageInstallsAndRuns(t *testing.T) {
	const hint = "install Node.js and npm (Debian: apt-get install nodejs npm)"
	needTool(t, "node", hint)
	npm := needTool(t, "npm", hint)
	needTool(t, "tar", "install tar")
	pkg := readPackageJSON(t, filepath.Join(root, "package.json"))
	require.NotEmpty(t, pkg.Version)

	tmp := t.TempDir()
	// A cache of its own: the install below must need nothing npm has
	// seen before, and nothing from the registry.
	env := []string{"npm_config_cache=" + filepath.Join(tmp, "npm-cache"), "npm_config_update_notifier=false"}

	// Pack, as `npm publish` would (prepack runs `make dist`).
	packed := filepath.Join(tmp, "packed")
	require.NoError(t, os.Mkdir(packed, 0o755))
	runIn(t, root, env, npm, "pack", "--pack-destination", packed)
	tarballs, err := filepath.Glob(filepath.Join(packed, "*.tgz"))
	require.NoError(t, err)
	require.Len(t, tarballs, 1, "npm pack writes one tarball")
	tarball := tarballs[0]
	assert.Equal(t, pkg.Name+"-"+pkg.Version+".tgz", filepath.Base(tarball))

	// Exactly the files a page needs, the declarations, and what npm
	// always adds.
	var files []string
	for _, l := range strings.Split(strings.TrimSpace(runIn(t, tmp, nil, "tar", "tzf", tarball)), "\n") {
		files = append(files, strings.TrimPrefix(strings.TrimSpace(l), "package/"))
	}
	slices.Sort(files)
	assert.Equal(t, []string{
		"LICENSE",
		"README.md",
		"dist/wasm_exec.js",
		"dist/xdomainrequest.js",
		"dist/xdomainrequest.wasm",
		"dist/xdomainrequest.wasm.js",
		"package.json",
		"types/xdomainrequest.d.ts",
	}, files, "the tarball's files")

	// Install the tarball offline into a site of its own.
	siteDir := filepath.Join(tmp, "site")
	require.NoError(t, os.Mkdir(siteDir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(siteDir, "package.json"),
		[]byte(`{"name": "xdr-package-test-site", "version": "1.0.0", "private": true}`+"\n"), 0o644))
	runIn(t, siteDir, env, npm, "install", "--offline", "--no-audit", "--no-fund", tarball)
	installed := filepath.Join(siteDir, "node_modules", pkg.Name)
	got := readPackageJSON(t, filepath.Join(installed, "package.json"))
	assert.Equal(t, pkg.Version, got.Version)
	for field, rel := range map[string]string{"main": got.Main, "browser": got.Browser, "unpkg": got.Unpkg, "jsdelivr": got.Jsdelivr, "types": got.Types} {
		if assert.NotEmpty(t, rel, "package.json %s", field) {
			assert.FileExists(t, filepath.Join(installed, rel), "package.json %s points at a file of the package", field)
		}
	}
	for _, f := range []string{"wasm_exec.js", "xdomainrequest.js", "xdomainrequest.wasm", "xdomainrequest.wasm.js"} {
		want, err := os.ReadFile(filepath.Join(root, "dist", f))
		require.NoError(t, err)
		have, err := os.ReadFile(filepath.Join(installed, "dist", f))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, have), "installed dist/%s is the one make dist built", f)
	}

	// A site that serves its node_modules folder, and a page pointing there.
	base := "/node_modules/" + pkg.Name + "/dist/"
	s := &site{pages: map[string]string{"/": `<!doctype html><title>npm package</title>
<script src="` + base + `wasm_exec.js"></script>
<script src="` + base + `xdomainrequest.js"></script>
`}}
	modules := http.FileServer(http.Dir(siteDir))
	s.hook = func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasPrefix(r.URL.Path, "/dist/") {
			http.NotFound(w, r) // nothing from the project's own dist/
			return true
		}
		if strings.HasPrefix(r.URL.Path, "/node_modules/") {
			modules.ServeHTTP(w, r)
			return true
		}
		return false
	}
	pageURL, apiURL := origins(t, s)
	// Packed and installed once; the page runs in each browser.
	forEachEngine(t, func(t *testing.T, e *engine) {
		packagePage(t, e, s, pkg, base, pageURL, apiURL)
	})
}

func packagePage(t *testing.T, e *engine, s *site, pkg packageJSON, base, pageURL, apiURL string) {
	tb := newTab(t, e)
	tb.open(pageURL + "/")
	assert.True(t, eval[bool](tb, "XDomainRequest.ready.then(function (v) { return v === true; })"), "XDomainRequest.ready resolves")
	version := eval[string](tb, "XDomainRequest.version")
	assert.True(t, strings.HasPrefix(version, pkg.Version+" (go"), "XDomainRequest.version %q starts with the package version %s", version, pkg.Version)
	assert.Equal(t, "load:"+devserver.Body(), roundTrip(tb, apiURL+"/xdr.txt?gap=0"))
	assert.True(t, s.requested(base+"xdomainrequest.wasm"), "the wasm comes from node_modules")
	for _, l := range tb.logs() {
		assert.NotContains(t, l, "XDomainRequest polyfill", "no warning or error from the polyfill")
	}
}
