//go:build bench && !(js && wasm)

package e2e

import "testing"

func TestScratch(t *testing.T) {
	pages, api := benchServers(t, "/tmp/distC", "")
	for _, e := range benchEngines(t) {
		tb := newTab(t, e)
		tb.open(pages.URL + "/bench.html?" + api.URL)
		for i := 0; i < 3; i++ {
			t.Logf("%s: %v", e.name, eval[map[string]float64](tb, `(function(){ window.__first = 0; window.__n = 0; window.__body = 0; return sequential("xdr", "GET", 300).then(function(ms){ return {ms: ms, firstUs: __first/__n*1000, bodyUs: __body/__n*1000, n: __n}; }); })()`))
		}
	}
}
