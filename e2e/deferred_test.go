//go:build !(js && wasm)

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDeferredRequests: a request without a time-out costs no crossing into
// Go until the browser reports on it (SendDefer in xdr_wire.go), so a small
// response costs one, and none when the core's answer for the same headers
// and first bytes is kept (FirstRepeat), also after the table of names has
// started again; and a deferred request that is aborted, or cancelled
// by open(), before the core has heard of it fires nothing and leaves
// nothing held on either side.
func TestDeferredRequests(t *testing.T) { forEachEngine(t, testDeferredRequests) }

func testDeferredRequests(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	small, slow, other := c.api.u("/x/text", "body", "hello"), c.api.u("/x/text", "body", "late", "delay", "400"), c.api.u("/x/text", "body", "other")
	type result struct {
		Calls        []float64 `json:"calls"`
		Texts        []string  `json:"texts"`
		Aborted      []string  `json:"aborted"`
		Reopened     []string  `json:"reopened"`
		GoRequests   float64   `json:"goRequests"`
		JSRequests   float64   `json:"jsRequests"`
		ReopenedText string    `json:"reopenedText"`
		AfterWrap    string    `json:"afterWrap"`
	}
	r := evalT[result](t, c.tb, `(async function () {
  function calls() { return XDomainRequest.stats().goCalls; }
  function get(url, withType, timeout) {
    return new Promise(function (resolve) {
      var x = new XDomainRequest();
      if (timeout) x.timeout = timeout;
      x.onload = function () { resolve(withType ? x.contentType + " " + x.responseText : x.responseText); };
      x.onerror = function () { resolve("error"); };
      x.open("GET", url);
      x.send();
    });
  }
  function pause(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  var out = { calls: [], texts: [], aborted: [], reopened: [] };
  for (var i = 0; i < 4; i++) {
    var before = calls();
    out.texts.push(await get(`+jsStr(small)+` + "&i=" + i));
    out.calls.push(calls() - before - 1);  // stats() is a call itself
  }
  before = calls();
  out.texts.push(await get(`+jsStr(other)+`));  // other first bytes: first() crosses
  out.calls.push(calls() - before - 1);
  // Aborted before its response: no event, nothing held.
  var a = new XDomainRequest();
  ["load", "error", "timeout", "progress"].forEach(function (type) { a["on" + type] = function () { out.aborted.push(type); }; });
  a.open("GET", `+jsStr(slow)+`);
  a.send();
  await pause(50);
  a.abort();
  // Cancelled by open() before its response: only the second request's events.
  var b = new XDomainRequest();
  ["load", "error", "timeout"].forEach(function (type) { b["on" + type] = function () { out.reopened.push(type + ":" + b.responseText); }; });
  b.open("GET", `+jsStr(slow)+`);
  b.send();
  await pause(50);
  b.open("GET", `+jsStr(other)+`);
  b.send();
  await pause(900);
  // 300 media types fill the core's table of names, which starts again: a
  // kept answer must not name the media type by a reused index. (With a
  // time-out these requests are not deferred, so their answers are not
  // kept and do not push the kept one out.)
  for (i = 0; i < 300; i++) await get(`+jsStr(c.api.u("/x/text", "body", "x"))+` + "&ct=text/x-k" + i, false, 10000);
  out.afterWrap = await get(`+jsStr(small)+` + "&again", true);
  var s = XDomainRequest.stats();
  out.goRequests = s.goRequests;
  out.jsRequests = s.jsRequests;
  return out;
})()`)
	assert.Equal(t, []string{"hello", "hello", "hello", "hello", "other"}, r.Texts)
	// The first open(), send() and first() of the kind cross to learn the
	// core's answers; the next requests of the kind do not cross at all.
	assert.Equal(t, []float64{3, 0, 0, 0, 1}, r.Calls, "crossings into Go per small GET")
	assert.Empty(t, r.Aborted, "an aborted deferred request fires nothing")
	assert.Equal(t, []string{"load:other"}, r.Reopened, "open() cancels the deferred request in flight")
	assert.Equal(t, "text/plain hello", r.AfterWrap, "a kept answer after the table of names started again")
	assert.Zero(t, r.GoRequests, "Go holds nothing")
	assert.Zero(t, r.JSRequests, "the edge holds nothing")
}
