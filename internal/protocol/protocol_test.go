package protocol

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSnake(t *testing.T) {
	for goName, js := range map[string]string{
		"InfoDone": "INFO_DONE", "ConfigAllowCrossScheme": "CONFIG_ALLOW_CROSS_SCHEME", "MaxNames": "MAX_NAMES",
		"HTTPStatus": "HTTP_STATUS", "MethodGET": "METHOD_GET", "Utf8Bom": "UTF8_BOM", "X": "X", "Level2Done": "LEVEL2_DONE",
	} {
		assert.Equal(t, js, snake(goName), goName)
	}
}

func TestRename(t *testing.T) {
	r := rename{"Act", "A"}
	js, err := r.jsName("ActReset")
	require.NoError(t, err)
	assert.Equal(t, "A_RESET", js)
	_, err = r.jsName("Actor")
	assert.Error(t, err, "the prefix ends inside a word")
	_, err = r.jsName("LogWarn")
	assert.Error(t, err, "not under the prefix")
	js, err = rename{"MethodNames", "METHODS"}.jsName("MethodNames")
	require.NoError(t, err)
	assert.Equal(t, "METHODS", js, "the whole name")
}

func TestCountArgs(t *testing.T) {
	for s, n := range map[string]int{
		")": 0, "  ) -> x": 0, "id) -> Action": 1, "id, contentType|undefined, FirstInfo) -> PackFirst": 3,
		"a, f(b, c), [d, e]) x, y": 3,
	} {
		got, err := countArgs(s)
		require.NoError(t, err, s)
		assert.Equal(t, n, got, s)
	}
	_, err := countArgs("a, b")
	assert.Error(t, err)
}

// pkg writes a package main of the given files into a new directory.
func pkg(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	return dir
}

const table = `package main

// Entries, JavaScript into Go (the heading
// goes on):
//
//	open(a, b, c) -> x
//	    a continuation (with parentheses)
//	stats()        -> [a, b]
//
// A paragraph after the list: go(x) is not an entry.
//
// Host calls, Go into JavaScript:
//
//	later(id, kind, ms)  arm a timer
//
// Numbers:
//
//	Method   0 none
`

func TestRead(t *testing.T) {
	dir := pkg(t, map[string]string{
		"xdr_wire.go": table + `
type Action uint8

//xdr:wire Act=A
const (
	ActReset Action = 1 << iota
	ActLoad
	actHidden
	ActEnded = Other + 1 // another file's constant
)

// Not marked.
const Unmarked = 9

// Bits.
//
//xdr:wire
const (
	SendStart, SendBody = 1, 2
	Quote               = "it's \\ é"
)

//xdr:wire Names=LIST
var Names = [...]string{2: "two", 0: "zero"}
`,
		"other.go":   "package main\n\nconst Other = 40\n\nfunc main() {}\n",
		"js_only.go": "//go:build js && wasm\n\npackage main\n\nimport \"not/there\"\n",
		"x_test.go":  "package main\n\nimport \"not/there/either\"\n",
	})
	p, err := Read(dir)
	require.NoError(t, err)
	assert.Equal(t, []Call{{"open", 3}, {"stats", 0}}, p.Entries)
	assert.Equal(t, []Call{{"later", 3}}, p.HostCalls)
	want := `  var A_RESET = 1, A_LOAD = 2, A_ENDED = 41;
  var SEND_START = 1, SEND_BODY = 2, QUOTE = 'it\'s \\ \u00e9';
  var LIST = ['zero', undefined, 'two'];
`
	js := string(p.EdgeJS())
	assert.True(t, strings.HasPrefix(js, "  // js/20-wire.js: "), js)
	assert.True(t, strings.HasSuffix(js, "\n"+want), js)
	assert.JSONEq(t, `{"generated": "`+Header+`",
		"constants": {"A_RESET": 1, "A_LOAD": 2, "A_ENDED": 41, "SEND_START": 1, "SEND_BODY": 2, "QUOTE": "it's \\ é", "LIST": ["zero", null, "two"]},
		"entries": {"open": 3, "stats": 0}, "hostCalls": {"later": 3}}`, string(p.TableJSON()))
}

func TestReadRefuses(t *testing.T) {
	for what, decl := range map[string]string{
		"a float":                 "//xdr:wire\nconst F = 1.5\n",
		"a number past 2^53":      "//xdr:wire\nconst Big = 1 << 54\n",
		"a name off the prefix":   "//xdr:wire Act=A\nconst Other = 1\n",
		"two names as one":        "//xdr:wire\nconst A_B = 1\n\n//xdr:wire X=A\nconst XB = 2\n",
		"a bad directive":         "//xdr:wire a b\nconst X = 1\n",
		"nothing exported":        "//xdr:wire\nconst x = 1\n",
		"a type":                  "//xdr:wire\ntype T int\n",
		"a var that is no array":  "//xdr:wire\nvar V = 3\n",
		"an element not constant": "//xdr:wire\nvar V = [...]int{len(os.Args)}\n",
		"a type error":            "const Y = undefinedName\n",
	} {
		imports := ""
		if what == "an element not constant" {
			imports = "import \"os\"\n\n"
		}
		src := table[:len("package main\n")] + "\n" + imports + table[len("package main\n"):] + "\n" + decl
		_, err := Read(pkg(t, map[string]string{"xdr_wire.go": src, "main.go": "package main\n\nfunc main() {}\n"}))
		assert.Error(t, err, what)
		t.Log(what, ": ", err)
	}
	_, err := Read(pkg(t, map[string]string{"xdr_wire.go": "package main\n\n//xdr:wire\nconst X = 1\n\nfunc main() {}\n"}))
	assert.ErrorContains(t, err, "no table of entries")
	_, err = Read(pkg(t, map[string]string{"xdr_wire.go": table + "\nfunc main() {}\n"}))
	assert.ErrorContains(t, err, "no declaration is marked")
}
