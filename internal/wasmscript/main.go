// Command wasmscript writes xdomainrequest.wasm.js: the bytes of
// xdomainrequest.wasm as base64 in a classic script. The loader uses it only
// where the wasm cannot be read with fetch or XMLHttpRequest (a page with an
// opaque origin, such as a sandboxed frame, on a server that sends no CORS
// headers): a classic script needs no CORS. The script hands the base64
// text to the function the loader lends the global object under
// __xdomainrequest_wasm__ while it runs, and does nothing without it.
//
// Usage: go run ./internal/wasmscript dist/xdomainrequest.wasm dist/xdomainrequest.wasm.js
package main

import (
	"encoding/base64"
	"fmt"
	"os"
)

// Callback is the name the loader lends (WASM_CALLBACK in js/75-start.js).
const Callback = "__xdomainrequest_wasm__"

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: wasmscript in.wasm out.js")
		os.Exit(2)
	}
	wasm, err := os.ReadFile(os.Args[1])
	if err == nil {
		err = os.WriteFile(os.Args[2], Script(wasm), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmscript:", err)
		os.Exit(1)
	}
}

// Script is the classic script that delivers wasm.
func Script(wasm []byte) []byte {
	head := "/*! xdomainrequest.wasm as base64, read by xdomainrequest.js only where the .wasm cannot be fetched (no CORS headers for an opaque origin). */\n" +
		"(function (g) { var give = Object.getOwnPropertyDescriptor(g, '" + Callback + "'); if (give && typeof give.value === 'function') give.value('"
	tail := "'); })(typeof globalThis !== 'undefined' ? globalThis : self);\n"
	out := make([]byte, 0, len(head)+base64.StdEncoding.EncodedLen(len(wasm))+len(tail))
	out = append(out, head...)
	out = base64.StdEncoding.AppendEncode(out, wasm)
	return append(out, tail...)
}
