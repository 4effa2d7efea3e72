package main

import (
	"errors"
	"math"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Fuzz targets for the parsers and the state machine; `make test` runs each
// briefly (see FUZZTIME in the Makefile).

func FuzzParseContentType(f *testing.F) {
	for _, s := range []string{"text/plain", "text/html; charset=\"utf-8\"", "a/b;charset=x;charset=y", ";;", "\"", "text/plain; charset=\"\\",
		"text/html, text/plain; charset=windows-1252", "text/plain;charset=gbk, text/plain", "text/plain, */*", `text/plain; charset="a,b", text/html`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		mt, cs := ParseContentType(s)
		if mt != "" {
			if strings.Count(mt, "/") != 1 || lowerASCII(mt) != mt || strings.ContainsAny(mt, " ;,\t\"") || mt == "*/*" {
				t.Fatalf("media type %q from %q", mt, s)
			}
		} else if cs != "" {
			t.Fatalf("charset %q without a media type from %q", cs, s)
		}
		if lowerASCII(cs) != cs { // ASCII letters only: labels are ASCII
			t.Fatalf("charset %q not lower case", cs)
		}
		if !isQuotedStringText(cs) {
			t.Fatalf("charset %q from %q holds a control character", cs, s)
		}
		// A header line that is no MIME type, or */*, changes nothing
		// (outside a quoted string, where the comma would not split).
		if !strings.Contains(s, `"`) {
			for _, tail := range []string{", */*", ", */*;charset=x", ",", ", nonsense"} {
				if mt2, cs2 := ParseContentType(s + tail); mt2 != mt || cs2 != cs {
					t.Fatalf("%q gives %q %q; %q gave %q %q", s+tail, mt2, cs2, s, mt, cs)
				}
			}
		}
	})
}

func FuzzCoerceTimeout(f *testing.F) {
	for _, s := range []string{"10000", "-1", " 1e3 ", "Infinity", "abc", "", "-0", "1.", ".5e-3",
		"5000\u3000", "\u00a05000", "0x10", "0b11", "0o17", "-0x10", "1_000", "0x1p3", "inf", "\u180e5000"} {
		f.Add(s, 0.0, uint8(KindString))
	}
	f.Add("", -1.0, uint8(KindNumber))
	f.Fuzz(func(t *testing.T, s string, n float64, kind uint8) {
		// StringToNumber agrees bit for bit with strconv (exact) on the
		// decimal literals both grammars read, with exponents short enough
		// for strconv (it stops reading an exponent's digits past 10000).
		got := StringToNumber(s)
		if fuzzDecimal.MatchString(s) {
			want, err := strconv.ParseFloat(s, 64)
			if (err == nil || errors.Is(err, strconv.ErrRange)) && math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("StringToNumber(%q) = %v, strconv says %v", s, got, want)
			}
		}
		// White space around changes nothing.
		if again := StringToNumber("\u3000\ufeff" + s + "\n\u00a0"); math.Float64bits(again) != math.Float64bits(got) && !(again != again && got != got) {
			t.Fatalf("StringToNumber(%q) = %v, with white space around %v", s, got, again)
		}
		v, msg := CoerceTimeout(ValueKind(kind%5), n, s)
		if msg != "" {
			if msg != MsgInvalidArgument {
				t.Fatalf("message %q", msg)
			}
			return
		}
		if v != -1 && (v < 0 || v > MaxTimeout) {
			t.Fatalf("timeout %d out of range", v)
		}
	})
}

// fuzzDecimal: a decimal literal JavaScript and strconv both read.
var fuzzDecimal = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?$`)

func FuzzClassifyHost(f *testing.F) {
	for _, s := range []string{"localhost", "[::1]", "[::ffff:7f00:1]", "10.0.0.1", "example.com", "intranet", "[", "]",
		"100.64.0.1", "198.18.0.1", "[::7f00:1]", "[::ffff:0:7f00:1]", "[64:ff9b::7f00:1]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		z := ClassifyHost(h)
		if z != ZoneIntranet && z != ZoneInternet {
			t.Fatalf("zone %d", z)
		}
		if utf8.ValidString(h) && !strings.Contains(h, ".") && !strings.HasPrefix(h, "[") && h != "" && z != ZoneIntranet {
			t.Fatalf("a plain name %q must be intranet", h)
		}
	})
}

// FuzzRequest drives the state machine with any sequence of inputs and
// checks its invariants: at most one terminal event, none after abort,
// a reset with every error or time-out, and nothing after the end.
func FuzzRequest(f *testing.F) {
	f.Add([]byte{0, 2, 2, 3, 4}, true)
	f.Add([]byte{0, 2, 8, 3, 4}, false)
	f.Add([]byte{6, 0, 5}, true)
	f.Fuzz(func(t *testing.T, ops []byte, post bool) {
		m := MethodGET
		if post {
			m = MethodPOST
		}
		r := NewRequest(m)
		kind := BodyNone
		if len(ops) > 0 {
			kind = BodyKind(ops[0]>>6) % BodyInvalid
		}
		if _, msg := r.Send(kind); msg != "" {
			t.Fatal(msg)
		}
		ends, aborted, now := 0, false, time.Duration(0)
		for _, op := range ops {
			now += time.Duration(op) * time.Millisecond
			var a Action
			switch op % 9 {
			case 0:
				a, _, _, _ = r.Head(int(op)*3, "text/plain")
			case 1:
				a, _, _, _ = r.Head(200, "text/plain")
			case 2:
				a, _ = r.Data(now)
			case 3:
				a, _ = r.End(0)
			case 4:
				a, _ = r.End(0)
				a = r.Settled(a)
			case 5:
				a = r.Fail(CauseNetwork)
			case 6:
				a, _ = r.Tick(int(op/9)%4, now)
			case 7:
				var ok bool
				a, ok = r.Abort()
				if ok {
					aborted = true
				}
			case 8:
				a, _ = r.Tick(TickTimeout, now)
			}
			if a&(ActLoad|ActError|ActTimeout) != 0 {
				ends++
				if aborted {
					t.Fatal("terminal event after abort")
				}
				if a&(ActError|ActTimeout) != 0 && a&ActReset == 0 {
					t.Fatal("error or time-out without reset")
				}
			}
			if ends > 1 {
				t.Fatal("two terminal events")
			}
		}
	})
}

// FuzzParseIP checks the small IP parsers against net/netip (used only
// here, in tests: it would cost the wasm some 130 KB): whatever netip
// accepts, they accept with the same bytes and zone.
func FuzzParseIP(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "::1", "::ffff:127.0.0.1", "fe80::1", "2001:db8::", "1:2:3:4:5:6:7:8", "10.0.0.256",
		"100.64.0.1", "198.19.255.255", "::127.0.0.1", "::ffff:0:127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::8.8.8.8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := netip.ParseAddr(s)
		if err != nil || want.Zone() != "" {
			return
		}
		if want.Is4() {
			got, ok := parseIPv4(s)
			if !ok || got != want.As4() {
				t.Fatalf("parseIPv4(%q) = %v, %v; netip: %v", s, got, ok, want)
			}
			if z := ClassifyHost(s); z != netipZone(want) {
				t.Fatalf("ClassifyHost(%s) = %v", s, z)
			}
			return
		}
		got, ok := parseIPv6(s)
		if !ok || got != want.As16() {
			t.Fatalf("parseIPv6(%q) = %x, %v; netip: %v", s, got, ok, want)
		}
		if z := ClassifyHost("[" + s + "]"); z != netipZone(want) {
			t.Fatalf("ClassifyHost([%s]) = %v", s, z)
		}
	})
}

// netipZone is the zone rule written with net/netip.
func netipZone(a netip.Addr) Zone {
	u := a.Unmap()
	for _, p := range embedsIPv4 { // IPv4-compatible, IPv4-translated, NAT64
		if p.Contains(u) {
			b := u.As16()
			u = netip.AddrFrom4([4]byte(b[12:]))
		}
	}
	if u.IsLoopback() || u.IsPrivate() || u.IsLinkLocalUnicast() || u.IsLinkLocalMulticast() || u.IsUnspecified() {
		return ZoneIntranet
	}
	for _, p := range moreIntranet4 {
		if p.Contains(u) {
			return ZoneIntranet
		}
	}
	return ZoneInternet
}

var (
	embedsIPv4 = []netip.Prefix{
		netip.MustParsePrefix("::/96"),
		netip.MustParsePrefix("::ffff:0:0:0/96"),
		netip.MustParsePrefix("64:ff9b::/96"),
	}
	moreIntranet4 = []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),
		netip.MustParsePrefix("100.64.0.0/10"),
		netip.MustParsePrefix("198.18.0.0/15"),
	}
)

func FuzzUnpackFirstInfo(f *testing.F) {
	f.Add(uint16(200), []byte("abc"), true)
	f.Fuzz(func(t *testing.T, status uint16, head []byte, done bool) {
		if len(head) > 3 {
			head = head[:3]
		}
		got := UnpackFirstInfo(packInfo(int(status), head, done))
		if got.Status != int(status)&1023 || got.Done != done || got.Data != (len(head) > 0) || string(got.Head[:got.HeadLen]) != string(head) {
			t.Fatalf("%d %v %v -> %+v", status, head, done, got)
		}
	})
}
