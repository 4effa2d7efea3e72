package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckOpen(t *testing.T) {
	httpIntranet := Page{Scheme: "http:", Zone: ZoneIntranet}
	httpInternet := Page{Scheme: "http:", Zone: ZoneInternet}
	httpsInternet := Page{Scheme: "https:", Zone: ZoneInternet}
	web := func(scheme, host string) Target { return Target{Parsed: true, Scheme: scheme, Host: host} }
	cases := []struct {
		name   string
		argc   int
		method string
		target Target
		page   Page
		policy Policy
		want   Method
		msg    string
		rule   Rule
	}{
		{"get", 2, "get", web("http:", "api.example.com"), httpInternet, Policy{}, MethodGET, "", RuleNone},
		{"post mixed case", 2, "PoST", web("http:", "127.0.0.1"), httpIntranet, Policy{}, MethodPOST, "", RuleNone},
		{"no arguments", 0, "", Target{}, httpInternet, Policy{}, MethodNone, MsgArgumentNotOptional, RuleArguments},
		{"one argument", 1, "GET", Target{}, httpInternet, Policy{}, MethodNone, MsgArgumentNotOptional, RuleArguments},
		{"other method", 2, "PUT", web("http:", "a.example"), httpInternet, Policy{}, MethodNone, MsgInvalidArgument, RuleMethod},
		{"method checked before url", 2, "HEAD", Target{}, httpInternet, Policy{}, MethodNone, MsgInvalidArgument, RuleMethod},
		{"unparsable url", 2, "GET", Target{}, httpInternet, Policy{}, MethodNone, MsgInvalidArgument, RuleURL},
		{"ftp", 2, "GET", web("ftp:", "a.example"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleScheme},
		{"data", 2, "GET", web("data:", ""), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleScheme},
		{"file", 2, "GET", web("file:", ""), httpIntranet, Policy{AllowCrossScheme: true}, MethodNone, MsgAccessDenied, RuleScheme},
		{"credentials", 2, "GET", Target{Parsed: true, Scheme: "http:", Host: "a.example", HasCredentials: true}, httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleCredentials},
		{"http page to https", 2, "GET", web("https:", "a.example"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleSameScheme},
		{"https page to http", 2, "GET", web("http:", "a.example"), httpsInternet, Policy{}, MethodNone, MsgAccessDenied, RuleSameScheme},
		{"cross scheme allowed", 2, "GET", web("https:", "a.example"), httpInternet, Policy{AllowCrossScheme: true}, MethodGET, "", RuleNone},
		{"internet to loopback", 2, "GET", web("http:", "127.0.0.1"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleZone},
		{"internet to plain name", 2, "GET", web("http:", "intranet"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleZone},
		{"internet to mapped loopback", 2, "GET", web("http:", "[::ffff:7f00:1]"), httpInternet, Policy{}, MethodNone, MsgAccessDenied, RuleZone},
		{"internet to intranet allowed", 2, "GET", web("http:", "127.0.0.1"), httpInternet, Policy{AllowAnyZone: true}, MethodGET, "", RuleNone},
		{"intranet to internet", 2, "GET", web("http:", "a.example"), httpIntranet, Policy{}, MethodGET, "", RuleNone},
		{"intranet to intranet", 2, "GET", web("http:", "localhost"), httpIntranet, Policy{}, MethodGET, "", RuleNone},
		{"internet to internet", 2, "GET", web("http:", "a.example"), httpInternet, Policy{}, MethodGET, "", RuleNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, d := CheckOpen(c.argc, c.method, c.target, c.page, c.policy)
			assert.Equal(t, c.want, m)
			if c.msg == "" {
				assert.Nil(t, d)
				return
			}
			require.NotNil(t, d)
			assert.Equal(t, c.msg, d.Msg)
			assert.Equal(t, c.rule, d.Rule)
			assert.NotEmpty(t, Diagnostic(d, CauseNone, "http://x/", 0))
		})
	}
}

func TestFetchOptions(t *testing.T) {
	// Anonymous (no cookies, no authentication), CORS-checked, redirects
	// followed by the browser and then checked by Redirected.
	assert.Equal(t, "omit", FetchCredentials)
	assert.Equal(t, "cors", FetchMode)
	assert.Equal(t, "follow", FetchRedirect)
}

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
		pol := PolicyFromConfig(bits)
		assert.Equal(t, bits&ConfigAllowCrossScheme != 0, pol.AllowCrossScheme, "bits %d", bits)
		assert.Equal(t, bits&ConfigAllowAnyZone != 0, pol.AllowAnyZone, "bits %d", bits)
	}
	assert.Equal(t, Policy{}, PolicyFromConfig(0), "no configuration: IE's rules")
	assert.Equal(t, Policy{}, PolicyFromConfig(ConfigReplaceNative), "replaceNative is the loader's: no rule of open() changes")
}
