package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// signature is a function of the protocol: its name and argument count.
type signature map[string]int

// protocolTable reads the header of xdr_wire.go: the entries and the host
// calls, each "name(arg, arg, ...)" on its own line.
func protocolTable(t *testing.T) (entries, hostCalls signature) {
	src, err := os.ReadFile("xdr_wire.go")
	require.NoError(t, err)
	entries, hostCalls = signature{}, signature{}
	section := signature(nil)
	line := regexp.MustCompile(`^//\t(\w+)\(([^)]*)\)`)
	for _, l := range strings.Split(string(src), "\n") {
		switch {
		case strings.HasPrefix(l, "// Entries,"):
			section = entries
		case strings.HasPrefix(l, "// Host calls,"):
			section = hostCalls
		case strings.HasPrefix(l, "// Numbers:"):
			section = nil
		}
		if m := line.FindStringSubmatch(l); m != nil && section != nil {
			section[m[1]] = countArgs(m[2])
		}
	}
	require.NotEmpty(t, entries)
	require.NotEmpty(t, hostCalls)
	return entries, hostCalls
}

// countArgs counts the comma-separated arguments of a call, at the top
// level of parentheses.
func countArgs(list string) int {
	if strings.TrimSpace(list) == "" {
		return 0
	}
	n, depth := 1, 0
	for _, c := range list {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				n++
			}
		}
	}
	return n
}

// callTexts finds every call of fn in src and returns the text between
// its parentheses.
func callTexts(src, fn string) []string {
	var out []string
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(fn) + `\(`)
	for _, loc := range re.FindAllStringIndex(src, -1) {
		depth, i := 1, loc[1]
		for ; i < len(src) && depth > 0; i++ {
			switch src[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
		out = append(out, src[loc[1]:i-1])
	}
	return out
}

// callArgs finds every call of fn in src and returns their argument counts.
func callArgs(src, fn string) []int {
	var out []int
	for _, call := range callTexts(src, fn) {
		out = append(out, countArgs(call))
	}
	return out
}

// TestProtocolDrift fails when the JavaScript edge, the Go binding and the
// protocol table of xdr_wire.go disagree: a constant, an entry or host call
// name, an argument count, or the packing of first()'s number.
func TestProtocolDrift(t *testing.T) {
	js := edgeSource(t)
	goBytes, err := os.ReadFile("xdr_js.go")
	require.NoError(t, err)
	binding := string(goBytes)
	entries, hostCalls := protocolTable(t)

	t.Run("constants", func(t *testing.T) {
		want := map[string]int{
			"A_RESET": int(ActReset), "A_PROGRESS": int(ActProgress), "A_LOAD": int(ActLoad),
			"A_ERROR": int(ActError), "A_TIMEOUT": int(ActTimeout), "A_ENDED": int(ActEnded), "A_QUIET": int(ActQuiet),
			"OPEN_METHOD": OpenMethod, "OPEN_KEEP": OpenKeep, "SEND_KEEP": SendKeep,
			"BODY_NONE": int(BodyNone), "BODY_EMPTY": int(BodyEmpty), "BODY_TEXT": int(BodyText), "BODY_INVALID": int(BodyInvalid),
			"SEND_START": SendStart, "SEND_BODY": SendBody, "SEND_DEFER": SendDefer,
			"INFO_DONE": InfoDone, "INFO_DATA": InfoData, "INFO_STATUS_FACTOR": InfoStatusFactor,
			"INFO_STATUS_MAX": InfoStatusMax, "INFO_HEAD_FACTOR": InfoHeadFactor, "INFO_BYTE_FACTOR": InfoByteFactor,
			"FIRST_ACTIONS": FirstActions, "FIRST_READ": FirstRead, "FIRST_TYPE_SHIFT": FirstTypeShift,
			"FIRST_DECODE_SHIFT": FirstDecodeShift, "FIRST_INDEX_MASK": FirstIndexMask, "FIRST_REPEAT": FirstRepeat,
			"C_NETWORK": int(CauseNetwork), "C_CUT": int(CauseCut), "C_INTERNAL": int(CauseInternal), "C_TOO_LARGE": int(CauseTooLarge),
			"T_PROGRESS": TickProgress, "T_TIMEOUT": TickTimeout, "T_FAIL": TickFail,
			"LOG_ERROR":                 LogError,
			"CONFIG_ALLOW_CROSS_SCHEME": ConfigAllowCrossScheme, "CONFIG_ALLOW_ANY_ZONE": ConfigAllowAnyZone,
			"CONFIG_REPLACE_NATIVE": ConfigReplaceNative,
		}
		// Every upper-case numeric constant of the edge is one of these.
		declared := regexp.MustCompile(`\b([A-Z][A-Z0-9_]+) = (\d+)\b`).FindAllStringSubmatch(js, -1)
		seen := map[string]bool{}
		for _, m := range declared {
			if m[1] == "PROBE_DEPTH" || m[1] == "LOCALS" || m[1] == "LOOK_AHEAD_MICROTASKS" || m[1] == "SMALL_BODY_MAX" ||
				m[1] == "SMALL_BODY_WAIT" || m[1] == "XHR_DONE" {
				continue // the stack probe's, the body reader's and XMLHttpRequest's own, not the protocol's
			}
			v, ok := want[m[1]]
			if assert.True(t, ok, "%s in the edge has no counterpart in xdr_wire.go", m[1]) {
				n, _ := strconv.Atoi(m[2])
				assert.Equal(t, v, n, m[1])
			}
			seen[m[1]] = true
		}
		for name := range want {
			assert.True(t, seen[name], "%s is not declared in the edge", name)
		}
		assert.LessOrEqual(t, MaxNames, FirstIndexMask, "a name's index fits its field")
		assert.Equal(t, FirstRead, FirstActions+1, "FirstRead sits just above the actions")
		assert.Less(t, int(ActEnded), FirstRead, "the actions fit below FirstRead")
		methods := "var METHODS = [''"
		for m := MethodGET; m.String() != ""; m++ {
			methods += ", '" + m.String() + "'"
		}
		assert.Contains(t, js, methods+"];", "the method names by code")
	})

	t.Run("entries", func(t *testing.T) {
		goNames := signature{}
		for _, m := range regexp.MustCompile(`\{"(\w+)", b\.\w+,`).FindAllStringSubmatch(binding, -1) {
			goNames[m[1]] = entries[m[1]]
		}
		assert.Equal(t, entries, goNames, "the binding exports exactly the entries of the table")
		jsVars := map[string]string{}
		for _, m := range regexp.MustCompile(`\b(c[A-Z]\w*) = c\.(\w+);`).FindAllStringSubmatch(js, -1) {
			jsVars[m[2]] = m[1]
		}
		for name, argc := range entries {
			v, ok := jsVars[name]
			if !assert.True(t, ok, "the edge takes entry %s", name) {
				continue
			}
			calls := callArgs(js, v)
			assert.NotEmpty(t, calls, "the edge calls %s", name)
			for _, n := range calls {
				assert.Equal(t, argc, n, "arguments of %s (%s) in the edge", name, v)
			}
		}
		assert.Len(t, jsVars, len(entries), "the edge takes no entry the table lacks")
	})

	t.Run("host calls", func(t *testing.T) {
		jsHost := signature{}
		hostObject := js[strings.Index(js, "var host = "):]
		hostObject = hostObject[:strings.Index(hostObject, "\n  });")]
		for _, m := range regexp.MustCompile(`\n    (\w+): function \(([^)]*)\)`).FindAllStringSubmatch(hostObject, -1) {
			jsHost[m[1]] = countArgs(m[2])
		}
		assert.Equal(t, hostCalls, jsHost, "the edge's host has exactly the table's calls")
		used := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?:mustHostCall|hostCall|host\.Call)\("(\w+)"`).FindAllStringSubmatch(binding, -1) {
			used[m[1]] = true
			_, ok := hostCalls[m[1]]
			assert.True(t, ok, "the binding calls %s, which the table lacks", m[1])
		}
		for name := range hostCalls {
			assert.True(t, used[name], "the binding calls %s", name)
		}
		for _, fn := range []string{"mustHostCall", "hostCall", "host.Call"} {
			for _, call := range callTexts(binding, fn) {
				name, _, _ := strings.Cut(call, ",")
				if !strings.HasPrefix(name, `"`) {
					continue // hostCall itself, passing its arguments on
				}
				name = strings.Trim(name, `"`)
				if argc, ok := hostCalls[name]; ok {
					assert.Equal(t, argc, countArgs(call)-1, "arguments of %s in the binding: %s(%s)", name, fn, call)
				}
			}
		}
	})

	t.Run("first info packed by the edge", func(t *testing.T) {
		// Run the edge's own info() and constants under Node, and unpack
		// what it computes with Go.
		start := strings.Index(js, "  var INFO_DONE")
		fn := js[strings.Index(js, "  function info("):]
		fn = fn[:strings.Index(fn, "\n  }\n")+4]
		consts := js[start : start+strings.Index(js[start:], "\n")]
		cases := []struct {
			Status int   `json:"status"`
			Bytes  []int `json:"bytes"`
			Done   bool  `json:"done"`
		}{
			{200, nil, true}, {200, []int{0xEF, 0xBB, 0xBF}, false}, {404, []int{0}, false},
			{1023, []int{255, 255, 255}, true}, {0, []int{1, 2}, false}, {299, []int{0xFF, 0xFE}, true},
		}
		input, _ := json.Marshal(cases)
		script := consts + "\n" + fn + "\nvar cases = " + string(input) + ";\n" +
			`console.log(JSON.stringify(cases.map(function (c) { return info(c.status, c.bytes ? new Uint8Array(c.bytes) : null, c.done); })));`
		var packed []int64
		runInNode(t, script, &packed)
		require.Len(t, packed, len(cases))
		for i, c := range cases {
			got := UnpackFirstInfo(packed[i])
			assert.Equal(t, c.Status, got.Status, "case %d", i)
			assert.Equal(t, c.Done, got.Done, "case %d", i)
			assert.Equal(t, len(c.Bytes) > 0, got.Data, "case %d", i)
			require.Equal(t, len(c.Bytes), got.HeadLen, "case %d", i)
			for j, b := range c.Bytes {
				assert.Equal(t, byte(b), got.Head[j], "case %d byte %d", i, j)
			}
		}
	})
}

// edgeSource is the edge as make dist joins it: the files of js/ in name
// order.
func edgeSource(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("js/*.js")
	require.NoError(t, err)
	sort.Strings(files)
	var js strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		js.Write(b)
	}
	return js.String()
}

// edgePiece is the text of the edge from start up to and including the
// first end after it.
func edgePiece(t *testing.T, start, end string) string {
	t.Helper()
	js := edgeSource(t)
	i := strings.Index(string(js), start)
	require.GreaterOrEqual(t, i, 0, "the edge has %q", start)
	n := strings.Index(string(js[i:]), end)
	require.GreaterOrEqual(t, n, 0, "%q ends with %q", start, end)
	return string(js[i : i+n+len(end)])
}

// runInNode runs a script cut from the edge under Node.js (make test needs
// it anyway) and decodes the JSON it prints into result.
func runInNode(t *testing.T, script string, result any) {
	t.Helper()
	node, err := exec.LookPath("node")
	require.NoError(t, err, "Node.js runs the edge's own code")
	out, err := exec.Command(node, "-e", script).CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.NoError(t, json.Unmarshal(out, result), "%s", out)
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
// FuzzUnpackFirstInfo; TestProtocolDrift runs the edge's own function.
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
