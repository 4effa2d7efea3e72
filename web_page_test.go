package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The example page the project ships (web/index.html) is the seed
// article's, with exactly the documented changes.

// TestSeedPage checks that web/index.html is the article's example with
// exactly the documented changes: the two script tags, and the repaired
// string literal.
func TestSeedPage(t *testing.T) {
	article, err := os.ReadFile("testdata/seed-example.html")
	require.NoError(t, err)
	page, err := os.ReadFile("web/index.html")
	require.NoError(t, err)
	want := strings.Replace(string(article), "<html>\n",
		"<html>\n<script src=\"dist/wasm_exec.js\"></script>\n<script src=\"dist/xdomainrequest.js\"></script>\n", 1)
	want = strings.Replace(want, `alert('XDR doesn't exist');`, `alert('XDR doesn\'t exist');`, 1)
	assert.Equal(t, want, string(page))
}
