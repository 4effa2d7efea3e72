//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"time"
)

// Helpers every browser test may use, each written once: JavaScript string
// literals, one XDomainRequest round trip, and waiting for a condition in a
// page. (A server-side pause that stops when the client goes away is
// devserver.Pause.)

// jsStr is s as a JavaScript string literal.
func jsStr(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// waitFor polls a JavaScript condition in the page and fails the test,
// with what diag tells, when it does not become true in time.
func waitFor(tb *tab, cond string, within time.Duration, diag ...func() string) {
	tb.t.Helper()
	deadline := time.Now().Add(within)
	for !eval[bool](tb, "!!("+cond+")") {
		if time.Now().After(deadline) {
			more := ""
			for _, d := range diag {
				more += "\n" + d()
			}
			tb.t.Fatalf("waited %v for %s%s\nconsole: %v", within, cond, more, tb.logs())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// roundTrip makes one XDomainRequest GET and returns "load:<responseText>"
// or the event that ended it.
func roundTrip(tb *tab, url string) string {
	return eval[string](tb, `new Promise(function (resolve) {
		var x = new XDomainRequest();
		x.onload = function () { resolve("load:" + x.responseText); };
		x.onerror = function () { resolve("error"); };
		x.ontimeout = function () { resolve("timeout"); };
		x.open("GET", `+jsStr(url)+`);
		x.send();
	})`)
}

// jsonOf is v as JSON, a JavaScript literal.
func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
