//go:build js && wasm

// Command xdomainrequest is the WebAssembly half of the XDomainRequest
// polyfill: loaded by dist/xdomainrequest.js (built from js/), it registers window.XDomainRequest
// unless the page already has one, then stays alive to serve it.
package main

import "github.com/hack-pad/safejs"

func main() {
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
