package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiagnostics(t *testing.T) {
	for c := CauseNetwork; c <= CauseInternal; c++ {
		assert.Contains(t, Diagnostic(nil, c, "http://a.example/x", 404), "http://a.example/x", c)
	}
	assert.Contains(t, Diagnostic(nil, CauseNetwork, "u", 0), "CORS")
	assert.Contains(t, Diagnostic(nil, CauseStatus, "u", 404), "404")
	assert.Empty(t, Diagnostic(nil, CauseNone, "u", 0))
}

func TestAroundURL(t *testing.T) {
	before, after, ok := AroundURL(Diagnostic(nil, CauseStatus, URLMarker, 503))
	require.True(t, ok)
	assert.Equal(t, "XDomainRequest: request to ", before)
	assert.Equal(t, " failed: HTTP status 503 (XDomainRequest reports any non-2xx status as onerror).", after)
	before, after, ok = AroundURL(RedirectDiagnostic(&Denial{Rule: RuleZone}, URLMarker, "http://10.0.0.1/"))
	require.True(t, ok)
	assert.Equal(t, "XDomainRequest: request to ", before)
	assert.Contains(t, after, " was redirected to http://10.0.0.1/, ")
	_, _, ok = AroundURL(Diagnostic(&Denial{MsgInvalidState, RuleState}, CauseNone, "", 0))
	assert.False(t, ok, "a line about no request")
}

func TestTooLargeDiagnostic(t *testing.T) {
	r := NewRequest(MethodGET)
	r.Send(BodyNone)
	assert.Equal(t, ActReset|ActError, r.Fail(CauseTooLarge))
	assert.Contains(t, Diagnostic(nil, CauseTooLarge, "http://a/", 0), "too large")
}
