package main

// Zones: which hosts are intranet hosts (reference, restriction 7 and its
// "Decision (ranges)"). Pure Go, tested by xdr_zone_test.go.

import "strings"

// Zone is the security zone of a host, after IE's zone model reduced to
// what a browser without zone settings can know.
type Zone uint8

const (
	ZoneInternet Zone = iota
	ZoneIntranet
)

func (z Zone) String() string {
	if z == ZoneIntranet {
		return "intranet"
	}
	return "Internet"
}

// ClassifyHost gives the zone of a host name as the browser's URL parser
// returns it (URL.hostname: lower case, IPv4 in dotted decimal, IPv6 in
// brackets). A host is intranet when it is localhost or under .localhost,
// an IP literal in a loopback, private, link-local or unspecified range
// (classifyIPv4, classifyIPv6), or a plain name without a dot; every other
// host is Internet.
func ClassifyHost(host string) Zone {
	h := lowerASCII(strings.TrimSuffix(host, "."))
	if h == "" {
		return ZoneInternet
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return ZoneIntranet
	}
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
		if i := strings.IndexByte(h, '%'); i >= 0 { // zone identifier
			h = h[:i]
		}
		a, ok := parseIPv6(h)
		if !ok {
			return ZoneInternet
		}
		return classifyIPv6(a)
	}
	if a, ok := parseIPv4(h); ok {
		return classifyIPv4(a)
	}
	if !strings.Contains(h, ".") {
		return ZoneIntranet
	}
	return ZoneInternet
}

// parseIPv4 parses dotted decimal, the form URL.hostname gives for every
// IPv4 literal (the browser has already turned 2130706433 and 0x7f.1 into
// 127.0.0.1). net/netip would do, at some 130 KB of wasm.
func parseIPv4(s string) (a [4]byte, ok bool) {
	for i := 0; i < 4; i++ {
		if i > 0 {
			if s == "" || s[0] != '.' {
				return a, false
			}
			s = s[1:]
		}
		n, digits := 0, 0
		for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
			n = n*10 + int(s[digits]-'0')
			digits++
			if n > 255 {
				return a, false
			}
		}
		if digits == 0 {
			return a, false
		}
		a[i], s = byte(n), s[digits:]
	}
	return a, s == ""
}

// parseIPv6 parses an IPv6 literal without brackets, with "::" and a
// trailing dotted IPv4 part allowed.
func parseIPv6(s string) (a [16]byte, ok bool) {
	var groups [8]uint16
	n, gap := 0, -1
	if strings.HasPrefix(s, "::") {
		gap, s = 0, s[2:]
		if s == "" {
			return a, true
		}
	}
	for s != "" {
		if n == 8 {
			return a, false
		}
		if strings.IndexByte(s, ':') < 0 && strings.IndexByte(s, '.') >= 0 {
			v4, ok := parseIPv4(s)
			if !ok || n > 6 {
				return a, false
			}
			groups[n] = uint16(v4[0])<<8 | uint16(v4[1])
			groups[n+1] = uint16(v4[2])<<8 | uint16(v4[3])
			n, s = n+2, ""
			break
		}
		v, digits := 0, 0
		for digits < len(s) && digits < 5 {
			c, d := s[digits], 0
			switch {
			case c >= '0' && c <= '9':
				d = int(c - '0')
			case c >= 'a' && c <= 'f':
				d = int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				d = int(c-'A') + 10
			default:
				d = -1
			}
			if d < 0 {
				break
			}
			v, digits = v*16+d, digits+1
		}
		if digits == 0 || digits > 4 {
			return a, false
		}
		groups[n], n, s = uint16(v), n+1, s[digits:]
		if s == "" {
			break
		}
		if s[0] != ':' {
			return a, false
		}
		s = s[1:]
		if s != "" && s[0] == ':' {
			if gap >= 0 {
				return a, false
			}
			gap, s = n, s[1:]
		} else if s == "" {
			return a, false
		}
	}
	if gap < 0 && n != 8 || gap >= 0 && n == 8 {
		return a, false
	}
	if gap >= 0 { // move the groups after "::" to the end
		shift := 8 - n
		copy(groups[gap+shift:], groups[gap:n])
		for i := gap; i < gap+shift; i++ {
			groups[i] = 0
		}
	}
	for i, g := range groups {
		a[2*i], a[2*i+1] = byte(g>>8), byte(g)
	}
	return a, true
}

// classifyIPv4: loopback 127/8; private 10/8, 172.16/12, 192.168/16,
// 100.64/10, 198.18/15; link-local 169.254/16 (and 224.0.0/24 multicast);
// unspecified 0/8.
func classifyIPv4(a [4]byte) Zone {
	switch {
	case a[0] == 127, a[0] == 10, a[0] == 0, // loopback, private, "this network"
		a[0] == 172 && a[1]&0xf0 == 16,        // 172.16.0.0/12
		a[0] == 192 && a[1] == 168,            // 192.168.0.0/16
		a[0] == 100 && a[1]&0xc0 == 64,        // 100.64.0.0/10 shared (carrier-grade NAT)
		a[0] == 198 && a[1]&0xfe == 18,        // 198.18.0.0/15 benchmarking
		a[0] == 169 && a[1] == 254,            // link-local
		a[0] == 224 && a[1] == 0 && a[2] == 0: // link-local multicast
		return ZoneIntranet
	}
	return ZoneInternet
}

// classifyIPv6: ::1, ::, fc00::/7, fe80::/10 (and ff02::/16 multicast); an
// address that embeds an IPv4 one is classified by that IPv4 address.
func classifyIPv6(a [16]byte) Zone {
	switch [12]byte(a[:12]) { // an IPv4 address embedded in the last 4 bytes
	case [12]byte{}, // ::a.b.c.d, IPv4-compatible (:: and ::1 fall in 0.0.0.0/8)
		[12]byte{10: 0xff, 11: 0xff},        // ::ffff:a.b.c.d, IPv4-mapped
		[12]byte{8: 0xff, 9: 0xff},          // ::ffff:0:a.b.c.d, IPv4-translated
		[12]byte{1: 0x64, 2: 0xff, 3: 0x9b}: // 64:ff9b::/96, NAT64
		return classifyIPv4([4]byte(a[12:]))
	}
	switch {
	case a[0]&0xfe == 0xfc, // fc00::/7 unique local
		a[0] == 0xfe && a[1]&0xc0 == 0x80, // fe80::/10 link-local
		a[0] == 0xff && a[1]&0x0f == 0x02: // link-local multicast
		return ZoneIntranet
	}
	return ZoneInternet
}
