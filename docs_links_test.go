package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The documents whose relative links must resolve: README.md and the
// Markdown files of docs/. docs/seed/ is not among them: it is the reference
// article as published, whose links are relative to the site it came from.
func linkedDocuments(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("docs/*.md")
	require.NoError(t, err)
	return append([]string{"README.md"}, docs...)
}

// markdownLink matches an inline link or image, [text](target) or
// [text](target "title"); htmlLink an href or src attribute.
var (
	markdownLink = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	htmlLink     = regexp.MustCompile(`(?i)\b(?:href|src)="([^"]+)"`)
	fence        = regexp.MustCompile("^\\s*(```|~~~)")
	heading      = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*\s*$`)
)

// linesOutsideFences gives the lines of a Markdown text, each line of a
// fenced code block (fences included) left empty so that the index is the
// line number less one.
func linesOutsideFences(text string) []string {
	lines := strings.Split(text, "\n")
	inFence := false
	for n, line := range lines {
		if fence.MatchString(line) {
			inFence = !inFence
			lines[n] = ""
		} else if inFence {
			lines[n] = ""
		}
	}
	return lines
}

// withoutCodeSpans blanks the text of inline code spans, which may run over
// a line end (a link written as code is not a link); line ends stay.
func withoutCodeSpans(lines []string) []string {
	parts := strings.Split(strings.Join(lines, "\n"), "`")
	for i := 1; i < len(parts)-1; i += 2 { // an unclosed backtick is text
		parts[i] = strings.Repeat("\n", strings.Count(parts[i], "\n"))
	}
	return strings.Split(strings.Join(parts, "``"), "\n")
}

// anchorOf is GitHub's anchor for a heading: lower case, punctuation other
// than '-' and '_' dropped, spaces to '-'.
func anchorOf(title string) string {
	title = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(title, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anchorsOf gives every heading anchor of a Markdown file, with GitHub's -1,
// -2 suffixes for repeated headings, and every explicit id or name.
func anchorsOf(text string) map[string]bool {
	anchors := map[string]bool{}
	seen := map[string]int{}
	for _, line := range linesOutsideFences(text) {
		if m := heading.FindStringSubmatch(line); m != nil {
			a := anchorOf(m[1])
			if n := seen[a]; n > 0 {
				anchors[a+"-"+strconv.Itoa(n)] = true
			} else {
				anchors[a] = true
			}
			seen[a]++
		}
		for _, m := range regexp.MustCompile(`\b(?:id|name)="([^"]+)"`).FindAllStringSubmatch(line, -1) {
			anchors[m[1]] = true
		}
	}
	return anchors
}

// TestDocumentLinksResolve: every relative link in README.md and docs/
// names a file of the project, and every #fragment a heading of the file it
// points into.
func TestDocumentLinksResolve(t *testing.T) {
	checked := 0
	for _, doc := range linkedDocuments(t) {
		raw, err := os.ReadFile(doc)
		require.NoError(t, err)
		for n, line := range withoutCodeSpans(linesOutsideFences(string(raw))) {
			var targets []string
			for _, m := range markdownLink.FindAllStringSubmatch(line, -1) {
				targets = append(targets, m[1])
			}
			for _, m := range htmlLink.FindAllStringSubmatch(line, -1) {
				targets = append(targets, m[1])
			}
			for _, target := range targets {
				if regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`).MatchString(target) || strings.HasPrefix(target, "//") {
					continue // an absolute URL: not ours to check offline
				}
				checked++
				file, fragment, _ := strings.Cut(target, "#")
				path := doc
				if file != "" {
					path = filepath.Join(filepath.Dir(doc), filepath.FromSlash(file))
					if _, err := os.Stat(path); err != nil {
						assert.Failf(t, "broken link", "%s:%d: %q names no file (%s)", doc, n+1, target, path)
						continue
					}
				}
				if fragment == "" || !strings.HasSuffix(path, ".md") {
					continue
				}
				text, err := os.ReadFile(path)
				require.NoError(t, err)
				assert.Truef(t, anchorsOf(string(text))[fragment],
					"%s:%d: %q: %s has no heading with the anchor #%s", doc, n+1, target, path, fragment)
			}
		}
	}
	assert.Greater(t, checked, 20, "the links found; fewer means the pattern stopped matching")
}

func TestAnchorOf(t *testing.T) {
	assert.Equal(t, "the-whole-bench-2026-12-03-1212-utc", anchorOf("The whole bench, 2026-12-03 12:12 UTC"))
	assert.Equal(t, "inside-real-pages", anchorOf("Inside real pages"))
	assert.Equal(t, "why-xdomainrequest", anchorOf("Why `XDomainRequest`?"))
	a := anchorsOf("# A\n## A\n```\n# not a heading\n```\n### B b\n")
	assert.Equal(t, map[string]bool{"a": true, "a-1": true, "b-b": true}, a)
}
