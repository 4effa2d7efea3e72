package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xdr-polyfill/xdomainrequest/internal/protocol"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readProtocol reads the protocol from xdr_wire.go as the generator does
// (type-checking the package takes a second: once for every test).
var readProtocol = func() func(t *testing.T) *protocol.Protocol {
	var once sync.Once
	var p *protocol.Protocol
	var err error
	return func(t *testing.T) *protocol.Protocol {
		t.Helper()
		once.Do(func() { p, err = protocol.Read(".") })
		require.NoError(t, err)
		return p
	}
}()

// TestWireGenerated fails when js/20-wire.js, the edge's copy of the
// numbers that cross, is not what the generator writes from xdr_wire.go
// (make dist writes it; the file is checked in).
func TestWireGenerated(t *testing.T) {
	p := readProtocol(t)
	got, err := os.ReadFile("js/20-wire.js")
	require.NoError(t, err)
	assert.Equal(t, string(p.EdgeJS()), string(got),
		"js/20-wire.js is not what the generator writes from xdr_wire.go: go run ./internal/wiregen -js js/20-wire.js (make dist runs it when a Go file is newer)")
}

// TestBindingMatchesTable reads the binding's Go source (xdr_js.go, built
// only for js/wasm) with go/ast: it registers exactly the entries of
// xdr_wire.go's table, and calls exactly its host calls, each with the
// table's argument count. The edge's side is checked at run time, on the
// real wasm, by test/node/wire.test.js.
func TestBindingMatchesTable(t *testing.T) {
	p := readProtocol(t)
	f, err := parser.ParseFile(token.NewFileSet(), "xdr_js.go", nil, 0)
	require.NoError(t, err)

	// The entries: the names of the table in exports, the first element
	// of each of its rows ({"open", b.open, internalError}).
	var exports *ast.FuncDecl
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "exports" {
			exports = fn
		}
	}
	require.NotNil(t, exports, "xdr_js.go has the binding's exports")
	var registered []string
	ast.Inspect(exports.Body, func(n ast.Node) bool {
		row, ok := n.(*ast.CompositeLit)
		if !ok || len(row.Elts) == 0 {
			return true
		}
		if name, ok := stringLit(row.Elts[0]); ok {
			registered = append(registered, name)
		}
		return true
	})
	var entries []string
	for _, c := range p.Entries {
		entries = append(entries, c.Name)
	}
	assert.ElementsMatch(t, entries, registered, "the binding registers exactly the entries of xdr_wire.go's table")

	// The host calls: every b.hostCall, b.mustHostCall or b.host.Call
	// with a name, and its arguments after the name.
	want := map[string]int{}
	for _, c := range p.HostCalls {
		want[c.Name] = c.Args
	}
	called := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 || !isHostCall(call.Fun) {
			return true
		}
		name, ok := stringLit(call.Args[0])
		if !ok {
			return true // hostCall itself, passing its arguments on
		}
		called[name] = true
		argc, ok := want[name]
		if assert.True(t, ok, "the binding calls %s, which xdr_wire.go's table lacks", name) {
			assert.False(t, call.Ellipsis.IsValid(), "%s: its arguments are counted", name)
			assert.Equal(t, argc, len(call.Args)-1, "arguments of the host call %s in the binding", name)
		}
		return true
	})
	for name := range want {
		assert.True(t, called[name], "the binding calls %s", name)
	}
}

// isHostCall tells whether fn is b.hostCall, b.mustHostCall or b.host.Call.
func isHostCall(fn ast.Expr) bool {
	sel, ok := fn.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch x := sel.X.(type) {
	case *ast.Ident:
		return x.Name == "b" && (sel.Sel.Name == "hostCall" || sel.Sel.Name == "mustHostCall")
	case *ast.SelectorExpr:
		return sel.Sel.Name == "Call" && x.Sel.Name == "host"
	}
	return false
}

func stringLit(x ast.Expr) (string, bool) {
	lit, ok := x.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// TestMethodNames: Method.String, the edge's METHODS (from MethodNames)
// and ParseMethod agree on every code.
func TestMethodNames(t *testing.T) {
	for m := range 256 {
		name := ""
		if m < len(MethodNames) {
			name = MethodNames[m]
		}
		assert.Equal(t, name, Method(m).String(), "method code %d", m)
		if name != "" {
			assert.Equal(t, Method(m), ParseMethod(strings.ToLower(name)), name)
		}
	}
	assert.Equal(t, "", MethodNames[MethodNone])
}

func TestPackFirst(t *testing.T) {
	assert.Equal(t, int(ActReset|ActError), PackFirst(ActReset|ActError, false, 3, 4, false), "nothing read: the actions only")
	n := PackFirst(ActProgress|ActLoad|ActEnded, true, 3, 250, false)
	assert.Equal(t, int(ActProgress|ActLoad|ActEnded), n&127)
	assert.NotZero(t, n&FirstRead)
	assert.Equal(t, 3, n>>8&255)
	assert.Equal(t, 250, n>>16&255)
	assert.Equal(t, FirstRead, PackFirst(0, true, 0, 0, false), "read, empty media type")
	assert.Less(t, int(ActEnded), FirstRead, "the actions fit below FirstRead")
	assert.Equal(t, n|FirstRepeat, PackFirst(ActProgress|ActLoad|ActEnded, true, 3, 250, true))
	assert.Greater(t, FirstRepeat, FirstIndexMask<<FirstDecodeShift, "FirstRepeat above the indices")
	assert.LessOrEqual(t, MaxNames, FirstIndexMask, "a name's index fits its field")
	assert.Equal(t, FirstRead, FirstActions+1, "FirstRead sits just above the actions")
	assert.Less(t, int(ActQuiet), FirstRead, "every action fits below FirstRead")
}

func TestNames(t *testing.T) {
	var n Names
	i, send := n.Index("")
	assert.Equal(t, 0, i)
	assert.False(t, send, "the empty string is index 0, never sent")
	i, send = n.Index("text/plain")
	assert.Equal(t, 1, i)
	assert.True(t, send)
	i, send = n.Index("text/plain")
	assert.Equal(t, 1, i)
	assert.False(t, send, "sent once")
	i, _ = n.Index("utf-8")
	assert.Equal(t, 2, i)
	for k := 3; k <= MaxNames; k++ {
		i, send = n.Index("x" + itoa(k))
		require.Equal(t, k, i)
		require.True(t, send)
	}
	i, send = n.Index("one too many")
	assert.Equal(t, 1, i, "a full table starts again at 1")
	assert.True(t, send)
	i, send = n.Index("text/plain")
	assert.Equal(t, 2, i, "forgotten, so sent again")
	assert.True(t, send)
}

func TestPackOpen(t *testing.T) {
	for _, m := range []Method{MethodGET, MethodPOST} {
		assert.Equal(t, m, Method(PackOpen(m)&OpenMethod))
		assert.NotZero(t, PackOpen(m)&OpenKeep, "an accepted verdict is the edge's to keep")
	}
}

func TestPackSend(t *testing.T) {
	assert.Equal(t, SendStart, PackSend(SendPlan{Start: true}, false))
	assert.Equal(t, SendStart|SendBody, PackSend(SendPlan{Start: true, Body: true}, false))
	assert.Equal(t, SendStart|SendBody|SendDefer|SendKeep, PackSend(SendPlan{Start: true, Body: true}, true), "a deferred answer is the edge's to keep")
	assert.Equal(t, 0, PackSend(SendPlan{FailDue: true}, false), "no fetch")
}

func TestUnpackFirstInfo(t *testing.T) {
	for _, c := range []struct {
		status int
		head   []byte
		done   bool
	}{
		{200, nil, true},
		{204, nil, true},
		{200, []byte{0xEF, 0xBB, 0xBF}, false},
		{404, []byte{0, 0, 0}, false},
		{599, []byte{0xFF, 0xFE}, true},
		{0, []byte{'o', 'k'}, true},
		{200, []byte{255, 255, 255}, true},
	} {
		n := packInfo(c.status, c.head, c.done)
		assert.Less(t, n, int64(1)<<53, "exact in a JavaScript number")
		f := UnpackFirstInfo(n)
		assert.Equal(t, c.status, f.Status)
		assert.Equal(t, len(c.head) > 0, f.Data)
		assert.Equal(t, c.done, f.Done)
		assert.Equal(t, len(c.head), f.HeadLen)
		assert.Equal(t, string(c.head), string(f.Head[:f.HeadLen]), "%v", c)
	}
	assert.Equal(t, FirstInfo{}, UnpackFirstInfo(-5), "a negative number: nothing")
	f := UnpackFirstInfo(4096 * 300)
	assert.Zero(t, f.HeadLen, "a byte above 255 is no byte")
}

// packInfo is the edge's info() (js/50-request.js) written in Go, for
// FuzzUnpackFirstInfo; test/node/wire.test.js checks the edge's own
// packing, as first() receives it from the real edge.
func packInfo(status int, v []byte, done bool) int64 {
	n := int64(0)
	if done {
		n += InfoDone
	}
	if len(v) > 0 {
		n += InfoData
	}
	n += InfoStatusFactor * int64(status&InfoStatusMax)
	var b [3]int64
	for i := 0; i < 3 && i < len(v); i++ {
		b[i] = int64(v[i]) + 1
	}
	return n + InfoHeadFactor*(b[0]+InfoByteFactor*(b[1]+InfoByteFactor*b[2]))
}
