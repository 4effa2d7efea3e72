// Command xdrserve serves the example page with the polyfill on one port and
// the demo endpoints on another (another origin). `make serve` runs it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/xdr-polyfill/xdomainrequest/internal/devserver"
)

func envPort(name string, def int) int {
	if v := os.Getenv(name); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
		fmt.Fprintf(os.Stderr, "xdrserve: %s=%q is not a port number\n", name, v)
		os.Exit(2)
	}
	return def
}

func listen(port int, flagName, envName string) net.Listener {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(os.Stderr, "xdrserve: port %d is already in use; choose another with -%s or %s\n", port, flagName, envName)
		} else {
			fmt.Fprintf(os.Stderr, "xdrserve: cannot listen on 127.0.0.1:%d: %v\n", port, err)
		}
		os.Exit(1)
	}
	return l
}

func main() {
	pagePort := flag.Int("port", envPort("XDR_PORT", 8080), "port of the page origin (env XDR_PORT)")
	apiPort := flag.Int("api-port", envPort("XDR_API_PORT", 8081), "port of the endpoint origin (env XDR_API_PORT)")
	root := flag.String("root", ".", "project folder holding web/ and dist/")
	flag.Parse()

	if _, err := os.Stat(filepath.Join(*root, "dist", "xdomainrequest.wasm")); err != nil {
		fmt.Fprintln(os.Stderr, "xdrserve: dist/xdomainrequest.wasm is missing; run `make dist` (or `make serve`)")
		os.Exit(1)
	}
	pl := listen(*pagePort, "port", "XDR_PORT")
	al := listen(*apiPort, "api-port", "XDR_API_PORT")
	page := fmt.Sprintf("http://127.0.0.1:%d/", *pagePort)
	api := fmt.Sprintf("http://127.0.0.1:%d", *apiPort)
	fmt.Printf(`XDomainRequest polyfill demo

  Open:  %s   (the seed article's example page)
  Demo:  %sdemo.html?api=%s   (modern demo: event log, streaming responseText, why each denial)

  Type one of these in the page's URL box, then press Get (and Read, or Stop):
    %s/xdr.txt       CORS allowed; the body arrives in four chunks (onprogress, then onload)
    %s/slow.txt      CORS allowed; answers after 5 s (set the timeout box to 1000: ontimeout)
    %s/nocors.txt    no Access-Control-Allow-Origin header (onerror)

Press Ctrl+C to stop.
`, page, page, api, api, api, api)
	errc := make(chan error, 2)
	go func() { errc <- http.Serve(pl, devserver.PageHandler(*root)) }()
	go func() { errc <- http.Serve(al, devserver.EndpointHandler()) }()
	fmt.Fprintln(os.Stderr, "xdrserve:", <-errc)
	os.Exit(1)
}
