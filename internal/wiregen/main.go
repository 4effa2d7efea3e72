// Command wiregen writes the JavaScript copy of the protocol between the
// languages from xdr_wire.go, where it is written down once (package
// internal/protocol reads it): `make dist` runs it for js/20-wire.js, a
// part of the edge, and `make node-test` for the table the Node tests
// check the edge and the core against.
//
//	go run ./internal/wiregen -js js/20-wire.js -table test/node/build/wire.json
//
// Run from the repository's root (the package whose xdr_wire.go it reads).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xdr-polyfill/xdomainrequest/internal/protocol"
)

func main() {
	js := flag.String("js", "", "write the edge's constants (js/20-wire.js) to this file")
	table := flag.String("table", "", "write the table of constants, entries and host calls (JSON) to this file")
	dir := flag.String("dir", ".", "the root package's directory")
	flag.Parse()
	if *js == "" && *table == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: wiregen [-dir .] [-js js/20-wire.js] [-table test/node/build/wire.json]")
		os.Exit(2)
	}
	p, err := protocol.Read(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wiregen:", err)
		os.Exit(1)
	}
	for _, out := range []struct {
		name string
		data []byte
	}{{*js, p.EdgeJS()}, {*table, p.TableJSON()}} {
		if out.name == "" {
			continue
		}
		err := os.MkdirAll(filepath.Dir(out.name), 0o755)
		if err == nil {
			err = os.WriteFile(out.name, out.data, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "wiregen:", err)
			os.Exit(1)
		}
	}
}
