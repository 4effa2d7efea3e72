//go:build js && wasm

// Command floor is the size and start-up floor of the benchmark: the
// smallest Go wasm program that uses the mandated interop package. Any Go
// polyfill built on safejs pays at least this.
package main

import "github.com/hack-pad/safejs"

func main() {
	_ = safejs.Global()
	select {}
}
