// Package devserver serves the example page with the polyfill (one origin)
// and the demo endpoints it calls (another origin). `make serve` runs it
// through cmd/xdrserve; the browser tests start the same handlers on free
// ports.
package devserver

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// PageHandler serves root/web at / and root/dist at /dist/; a dist file is
// sent in its precompressed form (.br or .gz beside it) when the browser
// accepts that encoding.
func PageHandler(root string) http.Handler {
	mux := http.NewServeMux()
	dist := filepath.Join(root, "dist")
	mux.Handle("/dist/", http.StripPrefix("/dist/", noStore(Precompressed(dist, http.FileServer(http.Dir(dist))))))
	mux.Handle("/", noStore(http.FileServer(http.Dir(filepath.Join(root, "web")))))
	// No icon: answered with 204 rather than 404, so that the first visit
	// shows no error in the console.
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

// Precompressed serves NAME.br or NAME.gz from dir, with Content-Encoding
// and the Content-Type of NAME, when the request accepts the encoding and
// the file exists; otherwise it hands over to next.
func Precompressed(dir string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		accept := r.Header.Get("Accept-Encoding")
		w.Header().Add("Vary", "Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !acceptsEncoding(accept, enc.token) {
				continue
			}
			f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)+enc.ext))
			if err != nil {
				continue
			}
			defer f.Close()
			st, err := f.Stat()
			if err != nil || st.IsDir() {
				continue
			}
			ctype := mime.TypeByExtension(path.Ext(name))
			if ctype == "" {
				ctype = "application/octet-stream"
			}
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Content-Encoding", enc.token)
			http.ServeContent(w, r, name, st.ModTime(), f)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		f := strings.Fields(strings.ReplaceAll(part, ";", " "))
		if len(f) > 0 && strings.EqualFold(f[0], token) {
			return !(len(f) > 1 && (f[1] == "q=0" || f[1] == "q=0.0" || f[1] == "q=0.00" || f[1] == "q=0.000"))
		}
	}
	return false
}

func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// Chunks is the body of /xdr.txt, sent one element at a time.
var Chunks = []string{
	"Hello from the cross-origin endpoint.\n",
	"This body arrives in four chunks,\n",
	"so that onprogress shows responseText growing,\n",
	"and onload shows all of it.\n",
}

// Body is the whole body of /xdr.txt.
func Body() string { return strings.Join(Chunks, "") }

// EndpointHandler serves the demo endpoints:
//
//	/xdr.txt     Access-Control-Allow-Origin: *, the body in chunks
//	             (?gap=ms between chunks, default 400)
//	/slow.txt    Access-Control-Allow-Origin: *, answers after ?delay=ms
//	             (default 5000): try it with a shorter timeout
//	/nocors.txt  no Access-Control-Allow-Origin: the browser refuses it
func EndpointHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/xdr.txt", func(w http.ResponseWriter, r *http.Request) {
		gap := msParam(r, "gap", 400)
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		f, _ := w.(http.Flusher)
		for i, c := range Chunks {
			if i > 0 && !Pause(r, gap) {
				return
			}
			if _, err := w.Write([]byte(c)); err != nil {
				return
			}
			if f != nil {
				f.Flush()
			}
		}
	})
	mux.HandleFunc("/slow.txt", func(w http.ResponseWriter, r *http.Request) {
		if !Pause(r, msParam(r, "delay", 5000)) {
			return
		}
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintln(w, "Sorry for the wait.")
	})
	mux.HandleFunc("/nocors.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintln(w, "This server did not consent to cross-origin reads.")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "XDomainRequest demo endpoints: /xdr.txt /slow.txt /nocors.txt")
	})
	return mux
}

func msParam(r *http.Request, name string, def int) time.Duration {
	if v := r.URL.Query().Get(name); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 600000 {
			return time.Duration(n) * time.Millisecond
		}
	}
	return time.Duration(def) * time.Millisecond
}

// Pause waits d in a handler unless the client goes away first; it
// reports whether the client is still there. The browser tests' servers use
// it too.
func Pause(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
