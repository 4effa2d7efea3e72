package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNewPage(t *testing.T) {
	assert.Equal(t, Page{"http:", ZoneIntranet}, NewPage("http:", "127.0.0.1", false))
	assert.Equal(t, Page{"https:", ZoneInternet}, NewPage("https:", "www.example.com", false))
	// An opaque origin (a sandboxed frame) is an Internet page, wherever
	// its URL points.
	assert.Equal(t, Page{"http:", ZoneInternet}, NewPage("http:", "127.0.0.1", true))
	assert.Equal(t, Page{"about:", ZoneInternet}, NewPage("about:", "", true))
}

func TestPolicyFromConfig(t *testing.T) {
	for bits := 0; bits < 8; bits++ {
		pol, replace := PolicyFromConfig(bits)
		assert.Equal(t, bits&ConfigAllowCrossScheme != 0, pol.AllowCrossScheme, "bits %d", bits)
		assert.Equal(t, bits&ConfigAllowAnyZone != 0, pol.AllowAnyZone, "bits %d", bits)
		assert.Equal(t, bits&ConfigReplaceNative != 0, replace, "bits %d", bits)
	}
	assert.Equal(t, Policy{}, func() Policy { p, _ := PolicyFromConfig(0); return p }(), "no configuration: IE's rules")
}

func TestRedirected(t *testing.T) {
	internet := NewPage("http:", "www.example.com", false)
	intranet := NewPage("http:", "intranet", false)
	url := func(scheme, host string) Target { return Target{Parsed: true, Scheme: scheme, Host: host} }
	cases := []struct {
		name  string
		page  Page
		pol   Policy
		final Target
		rule  Rule // RuleNone: allowed
	}{
		{"Internet to Internet", internet, Policy{}, url("http:", "api.example.net"), RuleNone},
		{"Internet to 127.0.0.1", internet, Policy{}, url("http:", "127.0.0.1"), RuleZone},
		{"Internet to localhost", internet, Policy{}, url("http:", "localhost"), RuleZone},
		{"Internet to an IPv4-mapped loopback", internet, Policy{}, url("http:", "[::ffff:7f00:1]"), RuleZone},
		{"Internet to intranet, allowAnyZone", internet, Policy{AllowAnyZone: true}, url("http:", "10.0.0.1"), RuleNone},
		{"intranet to intranet", intranet, Policy{}, url("http:", "10.0.0.1"), RuleNone},
		{"http page to https", intranet, Policy{}, url("https:", "10.0.0.1"), RuleSameScheme},
		{"http page to https, allowCrossScheme", intranet, Policy{AllowCrossScheme: true}, url("https:", "10.0.0.1"), RuleNone},
		{"to a data: URL", intranet, Policy{AllowCrossScheme: true}, url("data:", ""), RuleScheme},
		{"to a URL with credentials", internet, Policy{}, Target{Parsed: true, Scheme: "http:", Host: "a.example", HasCredentials: true}, RuleCredentials},
		{"to a URL the browser cannot parse", internet, Policy{}, Target{}, RuleURL},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewRequest(MethodGET)
			_, msg := r.Send(BodyNone)
			assert.Empty(t, msg)
			act, d := r.Redirected(c.final, c.page, c.pol)
			if c.rule == RuleNone {
				assert.Nil(t, d)
				assert.Zero(t, act)
				assert.False(t, r.Ended(), "the request goes on")
				return
			}
			if assert.NotNil(t, d) {
				assert.Equal(t, c.rule, d.Rule)
				assert.NotEmpty(t, RedirectDiagnostic(d, "http://a/", "http://b/"))
			}
			assert.Equal(t, ActReset|ActError, act, "onerror, nothing of the response")
			assert.True(t, r.Ended())
			assert.Equal(t, CauseRedirect, r.Cause)
			assert.Empty(t, Diagnostic(nil, r.Cause, "http://a/", 0), "the binding writes RedirectDiagnostic instead")
		})
	}
	t.Run("after the end, nothing", func(t *testing.T) {
		r := NewRequest(MethodGET)
		r.Send(BodyNone)
		r.Abort()
		act, d := r.Redirected(url("http:", "127.0.0.1"), internet, Policy{})
		assert.Zero(t, act)
		assert.Nil(t, d)
	})
}

func TestTooLargeDiagnostic(t *testing.T) {
	r := NewRequest(MethodGET)
	r.Send(BodyNone)
	assert.Equal(t, ActReset|ActError, r.Fail(CauseTooLarge))
	assert.Contains(t, Diagnostic(nil, CauseTooLarge, "http://a/", 0), "too large")
}
