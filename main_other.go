//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself when built for anything but the browser; the core in
// xdr_logic.go is tested natively with `go test`.
func main() {
	fmt.Fprintln(os.Stderr, "xdomainrequest: build with GOOS=js GOARCH=wasm (see `make dist`)")
	os.Exit(2)
}
