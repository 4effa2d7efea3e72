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
	r := callT[result](t, c.tb, "deferred/crossings.js", small, other, slow, c.api.u("/x/text", "body", "x"))
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
