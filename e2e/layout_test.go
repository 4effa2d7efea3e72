//go:build !(js && wasm)

package e2e

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// maxJSLines is how many lines of JavaScript a .go file under e2e/ may hold
// in its string literals; more goes into testdata/*.js (the cases) or an
// embedded .js file (the drivers).
const maxJSLines = 40

// TestLayout checks the folder's layout without a browser: no .go file
// under e2e/ holds more than maxJSLines lines of multi-line string literals
// (every such literal is counted as JavaScript: the ones here are page
// scripts, HTML pages with scripts, or JavaScript expressions; none is
// left out), the drivers (e2e/browser) import nothing of the cases and are
// no test files, and every script the cases name exists.
func TestLayout(t *testing.T) {
	t.Run("JavaScript in Go strings", func(t *testing.T) {
		err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") {
				return nil
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			require.NoError(t, err)
			n := 0
			ast.Inspect(f, func(x ast.Node) bool {
				if lit, ok := x.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if l := strings.Count(lit.Value, "\n"); l > 0 {
						n += l + 1
					}
				}
				return true
			})
			assert.LessOrEqual(t, n, maxJSLines, "%s holds %d lines of multi-line string literals; page JavaScript goes into testdata/*.js", path, n)
			return nil
		})
		require.NoError(t, err)
	})
	t.Run("the drivers import no case", func(t *testing.T) {
		files, err := filepath.Glob(filepath.Join("browser", "*.go"))
		require.NoError(t, err)
		require.NotEmpty(t, files)
		for _, path := range files {
			assert.False(t, strings.HasSuffix(path, "_test.go"), "%s: the drivers are a package the cases import, without test files", path)
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			require.NoError(t, err)
			assert.Equal(t, "browser", f.Name.Name, path)
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				assert.False(t, strings.HasSuffix(p, "/e2e") || strings.Contains(p, "/e2e/") && !strings.HasSuffix(p, "/e2e/browser"),
					"%s imports %s", path, p)
			}
		}
	})
	t.Run("the scripts the cases name exist", func(t *testing.T) {
		// go:embed fails the build for a missing pattern; a name given to
		// script or call is checked here.
		files, err := filepath.Glob("*_test.go")
		require.NoError(t, err)
		for _, path := range files {
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			require.NoError(t, err)
			ast.Inspect(f, func(x ast.Node) bool {
				c, ok := x.(*ast.CallExpr)
				if !ok || len(c.Args) == 0 {
					return true
				}
				fn := c.Fun
				if ix, ok := fn.(*ast.IndexExpr); ok {
					fn = ix.X
				}
				id, ok := fn.(*ast.Ident)
				if !ok {
					return true
				}
				arg := -1
				switch id.Name {
				case "script", "callExpr":
					arg = 0
				case "call":
					arg = 1
				case "callT":
					arg = 2
				}
				if arg < 0 || arg >= len(c.Args) {
					return true
				}
				if lit, ok := c.Args[arg].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					name, _ := strconv.Unquote(lit.Value)
					_, err := os.Stat(filepath.Join("testdata", name))
					assert.NoError(t, err, "%s names testdata/%s", path, name)
				}
				return true
			})
		}
		assert.Contains(t, pageHelpers, "'"+pageJSCookie+"; path=/'", "testdata/sites/page_helpers.js sets pageJSCookie")
	})
}
