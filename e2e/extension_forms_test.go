//go:build !(js && wasm)

package e2e

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExtensionForms checks, without a browser, the two forms make dist
// builds of the extension (docs/extension.md): each zip holds the files of
// its folder and nothing else (the manifest, the background, the schema,
// wasm_url.js and the polyfill's three files, byte for byte those of
// dist/); the form for users asks for no host at install (its hosts are
// optional_host_permissions), the managed form has the same hosts as
// host_permissions, and the two manifests differ in nothing else.
func TestExtensionForms(t *testing.T) {
	files := []string{"background.js", "manifest.json", "schema.json", "wasm_exec.js", "wasm_url.js", "xdomainrequest.js", "xdomainrequest.wasm"}
	manifests := map[string]map[string]any{}
	for _, form := range []struct{ dir, zip string }{
		{"extension", "xdomainrequest-extension.zip"},
		{"extension-managed", "xdomainrequest-extension-managed.zip"},
	} {
		dir := filepath.Join(root, "dist", form.dir)
		entries, err := os.ReadDir(dir)
		require.NoError(t, err, "make dist builds dist/%s", form.dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		assert.Equal(t, files, names, "dist/%s", form.dir)

		z, err := zip.OpenReader(filepath.Join(root, "dist", form.zip))
		require.NoError(t, err)
		var zipped []string
		for _, f := range z.File {
			zipped = append(zipped, f.Name)
			r, err := f.Open()
			require.NoError(t, err)
			inZip, err := io.ReadAll(r)
			r.Close()
			require.NoError(t, err)
			inDir, err := os.ReadFile(filepath.Join(dir, f.Name))
			require.NoError(t, err)
			assert.True(t, slices.Equal(inZip, inDir), "%s: %s is the folder's", form.zip, f.Name)
			if slices.Contains([]string{"wasm_exec.js", "xdomainrequest.js", "xdomainrequest.wasm"}, f.Name) {
				inDist, err := os.ReadFile(filepath.Join(root, "dist", f.Name))
				require.NoError(t, err)
				assert.True(t, slices.Equal(inZip, inDist), "%s: %s is dist/%s byte for byte", form.zip, f.Name, f.Name)
			}
			if f.Name == "manifest.json" {
				var m map[string]any
				require.NoError(t, json.Unmarshal(inZip, &m))
				manifests[form.dir] = m
			}
		}
		z.Close()
		assert.Equal(t, files, zipped, "%s: the folder's files, at the root, and nothing else", form.zip)
	}
	users, managed := manifests["extension"], manifests["extension-managed"]
	require.NotNil(t, users)
	require.NotNil(t, managed)
	hosts := []any{"http://*/*", "https://*/*"}
	assert.Equal(t, []any{"scripting", "storage", "activeTab"}, users["permissions"])
	assert.Equal(t, hosts, users["optional_host_permissions"], "the form for users: hosts asked for one at a time")
	assert.NotContains(t, users, "host_permissions", "the form for users holds no host at install")
	assert.Equal(t, hosts, managed["host_permissions"], "the managed form: the hosts a policy install is granted")
	assert.NotContains(t, managed, "optional_host_permissions")
	managed["optional_host_permissions"] = managed["host_permissions"]
	delete(managed, "host_permissions")
	assert.Equal(t, users, managed, "the two manifests differ only in where the hosts are")
}
