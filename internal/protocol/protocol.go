// Package protocol reads the protocol between the JavaScript edge (js/)
// and the Go binding (xdr_js.go) from where it is written down once, the
// Go source of the root package's xdr_wire.go, and writes the edge's copy
// of its numbers, js/20-wire.js (internal/wiregen, run by `make dist`).
//
// Go reads Go here: the root package is package main and cannot be
// imported, so its files are parsed and type-checked (go/types evaluates
// every constant expression, iota and references to other files
// included), for its native build.
//
// What crosses is marked in xdr_wire.go with a directive on a
// declaration:
//
//	//xdr:wire             every exported constant of this block, under
//	                       its name in upper snake case (InfoDone is
//	                       INFO_DONE)
//	//xdr:wire Act=A       the same, with the Go prefix Act written A
//	                       (ActReset is A_RESET)
//	//xdr:wire Names=LIST  on a var holding an array of constants: the
//	                       JavaScript array LIST, indexed as in Go
//
// The entries (JavaScript into Go) and host calls (Go into JavaScript),
// with their argument counts, come from the table in xdr_wire.go's
// header: a line "// Entries, ..." or "// Host calls, ..." starts a list
// whose items are lines "//<tab>name(arg, arg, ...)".
package protocol

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"unicode"
)

// WireFile is the file of the root package that holds the protocol.
const WireFile = "xdr_wire.go"

// Directive marks a declaration whose constants cross to JavaScript.
const Directive = "//xdr:wire"

// Protocol is what crosses between the languages.
type Protocol struct {
	Blocks    []Block // the marked declarations, in the order of xdr_wire.go
	Entries   []Call  // bridge.core.<name>, JavaScript into Go
	HostCalls []Call  // bridge.host.<name>, Go into JavaScript
}

// Block is one marked declaration: a const block, or one array var.
type Block struct {
	Values []Value
	Line   int // in xdr_wire.go
}

// Value is one constant, or one array of constants, that crosses.
type Value struct {
	GoName, JSName string
	Value          constant.Value   // a constant
	Elems          []constant.Value // an array: its elements by index (nil: none there)
}

// Call is an entry or a host call and how many arguments it takes.
type Call struct {
	Name string
	Args int
}

// Read reads the protocol from the Go package in dir (the repository's
// root).
func Read(dir string) (*Protocol, error) {
	fset := token.NewFileSet()
	wire, info, err := check(fset, dir)
	if err != nil {
		return nil, err
	}
	p := &Protocol{}
	for _, decl := range wire.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok {
			continue
		}
		rename, marked, err := directive(gen.Doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", fset.Position(gen.Pos()), err)
		}
		if !marked {
			continue
		}
		block, err := readBlock(fset, info, gen, rename)
		if err != nil {
			return nil, err
		}
		p.Blocks = append(p.Blocks, block)
	}
	if len(p.Blocks) == 0 {
		return nil, fmt.Errorf("%s: no declaration is marked %s", WireFile, Directive)
	}
	if err := p.readCalls(wire); err != nil {
		return nil, err
	}
	return p, p.checkNames()
}

// check parses and type-checks the package in dir, as built for the
// machine running this, and returns xdr_wire.go's syntax with the types.
func check(fset *token.FileSet, dir string) (*ast.File, *types.Info, error) {
	pkg, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		return nil, nil, err
	}
	var files []*ast.File
	var wire *ast.File
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
		if name == WireFile {
			wire = f
		}
	}
	if wire == nil {
		return nil, nil, fmt.Errorf("%s: no %s", dir, WireFile)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check(pkg.ImportPath, fset, files, info); err != nil {
		return nil, nil, err
	}
	return wire, info, nil
}

// rename is a directive's prefix: Go names starting with goPrefix are
// written jsPrefix, then the rest in upper snake case.
type rename struct{ goPrefix, jsPrefix string }

// directive finds the //xdr:wire line of a declaration's doc comment.
func directive(doc *ast.CommentGroup) (r rename, marked bool, err error) {
	if doc == nil {
		return r, false, nil
	}
	for _, c := range doc.List {
		rest, ok := strings.CutPrefix(c.Text, Directive)
		if !ok || (rest != "" && rest[0] != ' ') {
			continue
		}
		if marked {
			return r, true, fmt.Errorf("two %s lines", Directive)
		}
		marked = true
		switch fields := strings.Fields(rest); len(fields) {
		case 0:
		case 1:
			goPrefix, jsPrefix, ok := strings.Cut(fields[0], "=")
			if !ok || !isIdent(goPrefix) || !isIdent(jsPrefix) {
				return r, true, fmt.Errorf("%s %s: want GoPrefix=JS_PREFIX", Directive, fields[0])
			}
			r = rename{goPrefix, jsPrefix}
		default:
			return r, true, fmt.Errorf("%s%s: one GoPrefix=JS_PREFIX at most", Directive, rest)
		}
	}
	return r, marked, nil
}

func isIdent(s string) bool {
	for i, c := range s {
		if !(c == '_' || unicode.IsLetter(c) || (i > 0 && unicode.IsDigit(c))) {
			return false
		}
	}
	return s != ""
}

func readBlock(fset *token.FileSet, info *types.Info, gen *ast.GenDecl, r rename) (Block, error) {
	block := Block{Line: fset.Position(gen.Pos()).Line}
	where := func(n ast.Node) string { return fset.Position(n.Pos()).String() }
	for _, spec := range gen.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			return block, fmt.Errorf("%s: %s marks a %s declaration", where(gen), Directive, gen.Tok)
		}
		for i, name := range vs.Names {
			if !name.IsExported() {
				continue
			}
			js, err := r.jsName(name.Name)
			if err != nil {
				return block, fmt.Errorf("%s: %v", where(name), err)
			}
			v := Value{GoName: name.Name, JSName: js}
			switch obj := info.Defs[name].(type) {
			case *types.Const:
				v.Value = obj.Val()
			case *types.Var:
				if i >= len(vs.Values) {
					return block, fmt.Errorf("%s: %s has no value", where(name), name.Name)
				}
				if v.Elems, err = array(info, vs.Values[i]); err != nil {
					return block, fmt.Errorf("%s: %v", where(name), err)
				}
			default:
				return block, fmt.Errorf("%s: %s is neither a constant nor a variable", where(name), name.Name)
			}
			if err := representable(v); err != nil {
				return block, fmt.Errorf("%s: %v", where(name), err)
			}
			block.Values = append(block.Values, v)
		}
	}
	if len(block.Values) == 0 {
		return block, fmt.Errorf("%s: %s marks no exported name", where(gen), Directive)
	}
	return block, nil
}

// array reads a composite literal of an array or slice of constants,
// keyed or not, into its elements by index.
func array(info *types.Info, x ast.Expr) ([]constant.Value, error) {
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return nil, fmt.Errorf("%s var: want an array literal of constants", Directive)
	}
	var elems []constant.Value
	next := 0
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			k, exact := constant.Int64Val(info.Types[kv.Key].Value)
			if !exact || k < 0 || k > 1<<16 {
				return nil, fmt.Errorf("%s var: an index that is not a small constant", Directive)
			}
			next, e = int(k), kv.Value
		}
		v := info.Types[e].Value
		if v == nil {
			return nil, fmt.Errorf("%s var: an element that is not a constant", Directive)
		}
		for len(elems) <= next {
			elems = append(elems, nil)
		}
		elems[next] = v
		next++
	}
	return elems, nil
}

// representable refuses what JavaScript would not read as Go does: a
// number that is not an integer exact in a double, or another kind.
func representable(v Value) error {
	values := v.Elems
	if v.Value != nil {
		values = []constant.Value{v.Value}
	}
	for _, c := range values {
		switch {
		case c == nil, c.Kind() == constant.String:
		case c.Kind() == constant.Int:
			n, exact := constant.Int64Val(c)
			if !exact || n > 1<<53 || n < -(1<<53) {
				return fmt.Errorf("%s = %s is not exact in a JavaScript number", v.GoName, c)
			}
		default:
			return fmt.Errorf("%s: a %s constant does not cross", v.GoName, c.Kind())
		}
	}
	return nil
}

// jsName is a Go name in upper snake case, after the directive's prefix.
func (r rename) jsName(goName string) (string, error) {
	if r.goPrefix == "" {
		return snake(goName), nil
	}
	rest, ok := strings.CutPrefix(goName, r.goPrefix)
	if !ok {
		return "", fmt.Errorf("%s does not start with %s, the prefix of its %s line", goName, r.goPrefix, Directive)
	}
	if rest == "" {
		return r.jsPrefix, nil
	}
	if c := rune(rest[0]); !unicode.IsUpper(c) && !unicode.IsDigit(c) {
		return "", fmt.Errorf("%s: the prefix %s ends inside a word", goName, r.goPrefix)
	}
	return r.jsPrefix + "_" + snake(rest), nil
}

// snake writes a Go name in upper snake case: a word starts at an upper
// case letter after a lower case one or a digit, and at the last capital
// of a run followed by a lower case letter (HTTPStatus is HTTP_STATUS).
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, c := range rs {
		if i > 0 && unicode.IsUpper(c) {
			prev := rs[i-1]
			if unicode.IsLower(prev) || unicode.IsDigit(prev) ||
				(unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

// readCalls reads the entries and host calls from the comment table of
// xdr_wire.go.
func (p *Protocol) readCalls(f *ast.File) error {
	var list *[]Call
	inList := false
	for _, group := range f.Comments {
		for _, c := range group.List {
			line, ok := strings.CutPrefix(c.Text, "//")
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(line, " Entries,"):
				list, inList = &p.Entries, false
				continue
			case strings.HasPrefix(line, " Host calls,"):
				list, inList = &p.HostCalls, false
				continue
			}
			if list == nil {
				continue
			}
			item, indented := strings.CutPrefix(line, "\t")
			switch {
			case indented && isCallStart(item):
				name, args, _ := strings.Cut(item, "(")
				n, err := countArgs(args)
				if err != nil {
					return fmt.Errorf("%s: %s: %v", WireFile, strings.TrimSpace(item), err)
				}
				*list = append(*list, Call{name, n})
				inList = true
			case indented, strings.TrimSpace(line) == "":
				// an item's continuation, or a blank line
			case inList:
				list = nil // the paragraph after the list
			}
		}
		list = nil
	}
	if len(p.Entries) == 0 || len(p.HostCalls) == 0 {
		return fmt.Errorf("%s: no table of entries and host calls (lines \"// Entries,\" and \"// Host calls,\", then \"//\\tname(args)\")", WireFile)
	}
	return nil
}

// isCallStart tells whether an item of the table starts with name(.
func isCallStart(item string) bool {
	name, _, ok := strings.Cut(item, "(")
	return ok && isIdent(name)
}

// countArgs counts the arguments up to the closing parenthesis, at the
// top level of brackets.
func countArgs(s string) (int, error) {
	n, depth, empty := 1, 0, true
	for _, c := range s {
		switch c {
		case '(', '[', '{':
			depth++
		case ']', '}':
			depth--
		case ')':
			if depth == 0 {
				if empty {
					return 0, nil
				}
				return n, nil
			}
			depth--
		case ',':
			if depth == 0 {
				n++
			}
		}
		if !unicode.IsSpace(c) {
			empty = false
		}
	}
	return 0, fmt.Errorf("no closing parenthesis on the line")
}

// checkNames refuses two values or two calls under one name.
func (p *Protocol) checkNames() error {
	seen := map[string]string{}
	for _, b := range p.Blocks {
		for _, v := range b.Values {
			if other, ok := seen[v.JSName]; ok {
				return fmt.Errorf("%s: %s and %s are both %s in JavaScript", WireFile, other, v.GoName, v.JSName)
			}
			seen[v.JSName] = v.GoName
		}
	}
	for _, list := range [][]Call{p.Entries, p.HostCalls} {
		calls := map[string]bool{}
		for _, c := range list {
			if calls[c.Name] {
				return fmt.Errorf("%s: %s twice in the table", WireFile, c.Name)
			}
			calls[c.Name] = true
		}
	}
	return nil
}

// Header says where the table (TableJSON) comes from.
const Header = "generated from xdr_wire.go by go run ./internal/wiregen; do not edit"

// EdgeJS is js/20-wire.js: the constants as JavaScript variables, one
// var statement per block, indented as a part of the edge's function.
func (p *Protocol) EdgeJS() []byte {
	var b bytes.Buffer
	b.WriteString(`  // js/20-wire.js: the numbers that cross to Go, generated from xdr_wire.go; do not edit.
  // (A part of dist/xdomainrequest.js; the words: docs/internals.md.)

  // make dist writes this file (go run ./internal/wiregen): each constant of
  // xdr_wire.go marked //xdr:wire, in upper snake case after the mark's
  // prefix (A_RESET is ActReset); TestWireGenerated checks it.
`)
	for _, block := range p.Blocks {
		b.WriteString("  var ")
		for i, v := range block.Values {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(v.JSName + " = " + jsValue(v))
		}
		b.WriteString(";\n")
	}
	return b.Bytes()
}

func jsValue(v Value) string {
	if v.Value != nil {
		return jsConstant(v.Value)
	}
	elems := make([]string, len(v.Elems))
	for i, e := range v.Elems {
		elems[i] = "undefined"
		if e != nil {
			elems[i] = jsConstant(e)
		}
	}
	return "[" + strings.Join(elems, ", ") + "]"
}

// jsConstant is a constant as a JavaScript literal: an integer in decimal,
// a string in single quotes, every character outside printable ASCII
// escaped.
func jsConstant(c constant.Value) string {
	if c.Kind() != constant.String {
		return c.ExactString()
	}
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range constant.StringVal(c) {
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\u{%x}", r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// TableJSON is the table the Node tests check the edge and the core
// against (test/node/wire.test.js): every constant by its JavaScript
// name, and the entries and host calls with their argument counts.
func (p *Protocol) TableJSON() []byte {
	table := struct {
		Generated string         `json:"generated"`
		Constants map[string]any `json:"constants"`
		Entries   map[string]int `json:"entries"`
		HostCalls map[string]int `json:"hostCalls"`
	}{Header, map[string]any{}, map[string]int{}, map[string]int{}}
	for _, block := range p.Blocks {
		for _, v := range block.Values {
			if v.Value != nil {
				table.Constants[v.JSName] = jsonValue(v.Value)
				continue
			}
			elems := make([]any, len(v.Elems))
			for i, e := range v.Elems {
				elems[i] = jsonValue(e)
			}
			table.Constants[v.JSName] = elems
		}
	}
	for _, c := range p.Entries {
		table.Entries[c.Name] = c.Args
	}
	for _, c := range p.HostCalls {
		table.HostCalls[c.Name] = c.Args
	}
	out, err := json.MarshalIndent(table, "", "  ")
	if err != nil {
		panic(err) // strings, integers and nulls only
	}
	return append(out, '\n')
}

// jsonValue is a constant for encoding/json: a string, an integer (exact:
// representable checked it), or nil for an index an array leaves out.
func jsonValue(c constant.Value) any {
	switch {
	case c == nil:
		return nil
	case c.Kind() == constant.String:
		return constant.StringVal(c)
	}
	n, _ := constant.Int64Val(c)
	return n
}
