//go:build js && wasm

// Command xdomainrequest is the WebAssembly half of the XDomainRequest
// polyfill: loaded by js/xdomainrequest.js, it registers window.XDomainRequest
// unless the page already has one, then stays alive to serve it.
package main

import (
	"runtime/debug"

	"github.com/hack-pad/safejs"
)

func main() {
	// A small live heap: collect at 20% growth, so that wasm linear memory
	// (which never shrinks) stays near 6 MiB instead of 10 (soak test figures).
	debug.SetGCPercent(20)
	if err := safeInstall(); err != nil {
		if console, e := safejs.Global().Get("console"); e == nil {
			_, _ = console.Call("error", "XDomainRequest polyfill: not installed: "+err.Error())
		}
	}
	// The page calls back into Go for the rest of its life: never return.
	select {}
}

func safeInstall() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	return install()
}
