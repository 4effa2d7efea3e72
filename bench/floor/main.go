//go:build js && wasm

// Command floor is the size and start-up floor of the benchmark: the
// smallest Go wasm program that uses the mandated interop package for real
// (Global().Get, FuncOf and Call, once each). Any Go polyfill built on
// safejs carries at least this.
package main

import "github.com/hack-pad/safejs"

func main() {
	g := safejs.Global()
	console, err := g.Get("console")
	if err != nil {
		return
	}
	f, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any { return nil })
	if err != nil {
		return
	}
	_ = g.Set("__floor__", f.Value())
	_, _ = console.Call("debug", "floor")
	select {}
}
