package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiagnostics(t *testing.T) {
	for c := CauseNetwork; c <= CauseInternal; c++ {
		assert.Contains(t, Diagnostic(nil, c, "http://a.example/x", 404), "http://a.example/x", c)
	}
	assert.Contains(t, Diagnostic(nil, CauseNetwork, "u", 0), "CORS")
	assert.Contains(t, Diagnostic(nil, CauseStatus, "u", 404), "404")
	assert.Empty(t, Diagnostic(nil, CauseNone, "u", 0))
}

func TestTooLargeDiagnostic(t *testing.T) {
	r := NewRequest(MethodGET)
	r.Send(BodyNone)
	assert.Equal(t, ActReset|ActError, r.Fail(CauseTooLarge))
	assert.Contains(t, Diagnostic(nil, CauseTooLarge, "http://a/", 0), "too large")
}
