package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassifyHost(t *testing.T) {
	cases := []struct {
		host string
		want Zone
	}{
		{"localhost", ZoneIntranet},
		{"LOCALHOST", ZoneIntranet},
		{"app.localhost", ZoneIntranet},
		{"localhost.", ZoneIntranet},
		{"intranet", ZoneIntranet}, // a plain name without a dot
		{"127.0.0.1", ZoneIntranet},
		{"127.255.0.9", ZoneIntranet},
		{"10.1.2.3", ZoneIntranet},
		{"172.16.0.1", ZoneIntranet},
		{"172.31.255.255", ZoneIntranet},
		{"192.168.1.1", ZoneIntranet},
		{"169.254.1.1", ZoneIntranet},
		{"0.0.0.0", ZoneIntranet},
		{"[::1]", ZoneIntranet},
		{"[::]", ZoneIntranet},
		{"[fe80::1]", ZoneIntranet},
		{"[fc00::1]", ZoneIntranet},
		{"[fd12:3456::1]", ZoneIntranet},
		{"[::ffff:7f00:1]", ZoneIntranet}, // what the browser makes of [::ffff:127.0.0.1]
		{"[::ffff:c0a8:101]", ZoneIntranet},
		{"example.com", ZoneInternet},
		{"www.contoso.com", ZoneInternet},
		{"8.8.8.8", ZoneInternet},
		{"172.32.0.1", ZoneInternet},
		{"192.169.0.1", ZoneInternet},
		{"[2001:db8::1]", ZoneInternet},
		{"[::ffff:808:808]", ZoneInternet},
		{"localhost.example.com", ZoneInternet},
		{"", ZoneInternet},
		{"[not-an-ip]", ZoneInternet},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, ClassifyHost(c.host), c.host)
	}
}

// TestClassifyHostRanges checks both edges of every intranet range of the
// decision (reference, restriction 7, "Decision (ranges)"), and the IPv6
// forms that embed an IPv4 address, written as URL.hostname writes them.
func TestClassifyHostRanges(t *testing.T) {
	const in, out = ZoneIntranet, ZoneInternet
	cases := []struct {
		host string
		want Zone
	}{
		// 0.0.0.0/8 unspecified ("this network")
		{"0.0.0.0", in}, {"0.255.255.255", in}, {"1.0.0.0", out},
		// 10.0.0.0/8
		{"9.255.255.255", out}, {"10.0.0.0", in}, {"10.255.255.255", in}, {"11.0.0.0", out},
		// 100.64.0.0/10 shared address space (carrier-grade NAT)
		{"100.63.255.255", out}, {"100.64.0.0", in}, {"100.64.0.1", in}, {"100.127.255.255", in}, {"100.128.0.0", out},
		// 127.0.0.0/8 loopback
		{"126.255.255.255", out}, {"127.0.0.0", in}, {"127.255.255.255", in}, {"128.0.0.0", out},
		// 169.254.0.0/16 link-local
		{"169.253.255.255", out}, {"169.254.0.0", in}, {"169.254.255.255", in}, {"169.255.0.0", out},
		// 172.16.0.0/12
		{"172.15.255.255", out}, {"172.16.0.0", in}, {"172.31.255.255", in}, {"172.32.0.0", out},
		// 192.168.0.0/16
		{"192.167.255.255", out}, {"192.168.0.0", in}, {"192.168.255.255", in}, {"192.169.0.0", out},
		// 198.18.0.0/15 benchmarking
		{"198.17.255.255", out}, {"198.18.0.0", in}, {"198.18.0.1", in}, {"198.19.255.255", in}, {"198.20.0.0", out},
		// 224.0.0.0/24 link-local multicast (kept)
		{"223.255.255.255", out}, {"224.0.0.0", in}, {"224.0.0.255", in}, {"224.0.1.0", out},

		// fc00::/7 unique local
		{"[fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]", out}, {"[fc00::]", in},
		{"[fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]", in}, {"[fe00::]", out},
		// fe80::/10 link-local
		{"[fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff]", out}, {"[fe80::]", in},
		{"[febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff]", in}, {"[fec0::]", out},
		// ff02::/16 link-local multicast (kept)
		{"[ff02::1]", in}, {"[ff05::1]", out},
		// :: and ::1
		{"[::]", in}, {"[::1]", in}, {"[::1%25eth0]", in},

		// ::ffff:a.b.c.d, IPv4-mapped
		{"[::ffff:7f00:1]", in}, {"[::ffff:a00:1]", in}, {"[::ffff:6440:1]", in}, {"[::ffff:c612:1]", in},
		{"[::ffff:808:808]", out}, {"[::ffff:6480:0]", out}, {"[::ffff:c614:0]", out},
		// ::a.b.c.d, IPv4-compatible (the first 12 bytes zero)
		{"[::7f00:1]", in}, {"[::a00:1]", in}, {"[::6440:1]", in}, {"[::c613:ffff]", in}, {"[::c0a8:101]", in},
		{"[::808:808]", out}, {"[::6480:0]", out}, {"[::c614:0]", out},
		{"[::1:0:7f00:1]", out}, {"[::fffe:7f00:1]", out}, {"[::1:7f00:1]", out}, // not an embedding form
		// ::ffff:0:a.b.c.d, IPv4-translated (SIIT)
		{"[::ffff:0:7f00:1]", in}, {"[::ffff:0:a00:1]", in}, {"[::ffff:0:6440:1]", in},
		{"[::ffff:0:808:808]", out}, {"[::ffff:1:7f00:1]", out}, {"[::1:ffff:0:7f00:1]", out},
		// 64:ff9b::/96, NAT64 well-known prefix
		{"[64:ff9b::7f00:1]", in}, {"[64:ff9b::a00:1]", in}, {"[64:ff9b::a9fe:a9fe]", in}, {"[64:ff9b::c612:1]", in},
		{"[64:ff9b::808:808]", out}, {"[64:ff9b::6480:0]", out},
		{"[64:ff9b:1::7f00:1]", out}, // the local-use NAT64 prefix 64:ff9b:1::/48 is not in the decision
		{"[64:ff9a::7f00:1]", out}, {"[65:ff9b::7f00:1]", out}, {"[64:ff9b::1:7f00:1]", out},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, ClassifyHost(c.host), c.host)
	}
}

func TestCheckOpenRanges(t *testing.T) {
	page := Page{Scheme: "http:", Zone: ZoneInternet}
	for _, h := range []string{"100.64.0.1", "198.18.0.1", "[::7f00:1]", "[::ffff:0:7f00:1]", "[64:ff9b::7f00:1]"} {
		_, d := CheckOpen(2, "GET", Target{Parsed: true, Scheme: "http:", Host: h}, page, Policy{})
		if assert.NotNil(t, d, h) {
			assert.Equal(t, Denial{MsgAccessDenied, RuleZone}, *d, h)
		}
	}
}

func TestParseIP(t *testing.T) {
	for in, want := range map[string]bool{
		"1.2.3.4": true, "255.255.255.255": true, "256.1.1.1": false, "1.2.3": false, "1.2.3.4.": false,
		"1..2.3": false, "": false, "a.b.c.d": false, "1.2.3.4 ": false,
	} {
		_, ok := parseIPv4(in)
		assert.Equal(t, want, ok, in)
	}
	six := map[string]string{
		"::":                  "00000000000000000000000000000000",
		"::1":                 "00000000000000000000000000000001",
		"fe80::1":             "fe800000000000000000000000000001",
		"2001:db8::8:1":       "20010db8000000000000000000080001",
		"1:2:3:4:5:6:7:8":     "00010002000300040005000600070008",
		"::ffff:127.0.0.1":    "00000000000000000000ffff7f000001",
		"::ffff:7f00:1":       "00000000000000000000ffff7f000001",
		"1::":                 "00010000000000000000000000000000",
		"1:2:3:4:5:6:1.2.3.4": "00010002000300040005000601020304",
	}
	for in, want := range six {
		a, ok := parseIPv6(in)
		require.True(t, ok, in)
		assert.Equal(t, want, hexString(a[:]), in)
	}
	for _, in := range []string{":", ":::", "1:2", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "g::", "1:", ":1", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4"} {
		_, ok := parseIPv6(in)
		assert.False(t, ok, in)
	}
}

func hexString(b []byte) string {
	const hx = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, hx[c>>4], hx[c&15])
	}
	return string(out)
}
