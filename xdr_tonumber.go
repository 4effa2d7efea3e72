package main

// StringToNumber: a string read as JavaScript's Number() reads it
// (ECMA-262 §7.1.4.1.1, StringToNumber), bit for bit. The table test
// (testdata/tonumber/table.json, written by Node's Number()) holds it to that.

import (
	"math"
	"math/bits"
)

// StringToNumber is Number(s) for a string s: NaN when s is not a number.
// White space (isJSSpace) around the literal is ignored and an empty or
// blank string is 0. The literal is Infinity, a decimal number (optional
// sign, digits with an optional '.', optional exponent), or an unsigned
// 0x, 0b or 0o integer; no numeric separators. Values are rounded to the
// nearest float64, ties to even.
func StringToNumber(s string) float64 {
	s = trimJSSpace(s)
	if s == "" {
		return 0
	}
	if len(s) > 2 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			return radixValue(s[2:], 4)
		case 'o', 'O':
			return radixValue(s[2:], 3)
		case 'b', 'B':
			return radixValue(s[2:], 1)
		}
	}
	neg := s[0] == '-'
	body := s
	if neg || s[0] == '+' {
		body = s[1:]
	}
	if body == "Infinity" {
		if neg {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	return decimalValue(body, neg)
}

// isJSSpace reports whether r is StrWhiteSpaceChar: WhiteSpace (tab, VT,
// FF, the BOM and every Unicode Zs space separator) or LineTerminator (LF,
// CR, U+2028, U+2029). U+180E has not been a space since Unicode 6.3.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

// trimJSSpace trims StrWhiteSpaceChar from both ends.
func trimJSSpace(s string) string {
	start, end := -1, len(s) // end: where the trailing white space starts
	for i, r := range s {
		if !isJSSpace(r) {
			if start < 0 {
				start = i
			}
			end = len(s)
		} else if end == len(s) {
			end = i
		}
	}
	if start < 0 {
		return ""
	}
	return s[start:end]
}

// radixValue is the value of digits in base 2^shift (hexadecimal: 4), NaN
// unless digits is one or more digits of that base. The first 61 or more
// significant bits are kept in m, later nonzero digits only set sticky; the
// result is m·2^exp rounded to 53 bits, ties to even.
func radixValue(digits string, shift uint) float64 {
	if digits == "" {
		return math.NaN()
	}
	var m uint64
	exp, sticky := 0, false
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		var d uint64
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return math.NaN()
		}
		if d>>shift != 0 {
			return math.NaN()
		}
		if m>>(64-shift) == 0 {
			m = m<<shift | d
		} else {
			exp += int(shift)
			sticky = sticky || d != 0
		}
	}
	if n := bits.Len64(m); n > 53 {
		drop := uint(n - 53)
		rest, half := m&(1<<drop-1), uint64(1)<<(drop-1)
		m >>= drop
		exp += int(drop)
		if rest > half || rest == half && (sticky || m&1 == 1) {
			m++ // 1<<53 at most: still exact in a float64
		}
	}
	if exp > 1023 {
		return math.Inf(1)
	}
	return float64(m) * math.Float64frombits(uint64(exp+1023)<<52) // exact, or +Inf
}

// decimalValue is the value of an unsigned decimal literal (negated when
// neg), NaN when s is none: digits with an optional '.' (at least one digit
// on either side), then an optional exponent.
func decimalValue(s string, neg bool) float64 {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	ip, fp := s[:i], ""
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		fp = s[start:i]
	}
	if ip == "" && fp == "" {
		return math.NaN()
	}
	exp := 0 // the exponent part, saturated near ±1e9
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return math.NaN()
		}
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			if exp < 1e9 {
				exp = exp*10 + int(s[i]-'0')
			}
		}
		if eneg {
			exp = -exp
		}
	}
	if i != len(s) {
		return math.NaN()
	}
	// The significant digits, from the first nonzero one to the last: the
	// value is 0.ip fp·10^point.
	for ip != "" && ip[0] == '0' {
		ip = ip[1:]
	}
	point := len(ip)
	if ip == "" {
		for fp != "" && fp[0] == '0' {
			fp, point = fp[1:], point-1
		}
	}
	for fp != "" && fp[len(fp)-1] == '0' {
		fp = fp[:len(fp)-1]
	}
	if fp == "" {
		for ip != "" && ip[len(ip)-1] == '0' {
			ip = ip[:len(ip)-1]
		}
	}
	v := 0.0
	switch p := exp + point; {
	case ip == "" && fp == "":
	case p > 310: // ≥ 10^309
		v = math.Inf(1)
	case p < -330: // < 10^-330, under half the least subnormal
	default:
		v = decimalToFloat(ip+fp, p)
	}
	if neg {
		return -v
	}
	return v
}

// maxDigits significant digits are enough to round right: a point halfway
// between two float64s has at most 768. Further digits (never all zeros:
// the last digit is not 0) are stood in for by a last digit 1.
const maxDigits = 800

// decimalToFloat is 0.d·10^p rounded to the nearest float64, ties to even,
// for significant digits d (neither the first nor the last a 0) and p in
// [-330, 310]. A float64 approximation from d's first 19 digits, a few
// units in the last place off at worst, is corrected by exact comparisons
// with the points halfway to its neighbours, in integers (nat).
func decimalToFloat(d string, p int) float64 {
	if len(d) > maxDigits {
		d = d[:maxDigits] + "1"
	}
	var w uint64
	n := min(len(d), 19)
	for i := 0; i < n; i++ {
		w = w*10 + uint64(d[i]-'0')
	}
	k := p - n // the value is about w·10^k
	if len(d) <= 15 && -22 <= k && k <= 22 {
		// w and 10^|k| are exact float64s: one correctly rounded operation.
		if k < 0 {
			return float64(w) / math.Pow10(-k)
		}
		return float64(w) * math.Pow10(k)
	}
	f := float64(w)
	if k < -300 {
		f, k = f*1e-300, k+300
	}
	f *= math.Pow10(k)

	// The value is D·10^e, D an integer.
	var D nat
	for i := 0; i < len(d); i += 9 {
		j := min(i+9, len(d))
		chunk, scale := uint32(0), uint32(1)
		for _, c := range []byte(d[i:j]) {
			chunk, scale = chunk*10+uint32(c-'0'), scale*10
		}
		D = D.mulAdd(scale, chunk)
	}
	e := p - len(d)
	// above compares the value with the point halfway between the float64
	// of bits b and the next one up (+Inf's bits read as 2^1024): for the
	// float64 m·2^x, (2m+1)·2^h with h = x-1. D·10^e against it is
	// D·5^e·2^e against (2m+1)·2^h, both sides made integers.
	above := func(b uint64) int {
		m, x := b&(1<<52-1), int(b>>52) // x: the biased exponent
		if x == 0 {
			x = 1 // subnormal
		} else {
			m |= 1 << 52
		}
		h := x - 1075 - 1
		l := append(nat(nil), D...).mulPow5(max(e, 0))
		r := nat{uint32(2*m + 1), uint32((2*m + 1) >> 32)}.mulPow5(max(-e, 0))
		if e > h {
			l = l.shl(e - h)
		} else {
			r = r.shl(h - e)
		}
		return cmpNat(l, r)
	}
	const inf = 0x7ff << 52
	b := math.Float64bits(f)
	for {
		if b < inf {
			if c := above(b); c > 0 || c == 0 && b&1 == 1 {
				b++
				continue
			}
		}
		if b > 0 {
			if c := above(b - 1); c < 0 || c == 0 && b&1 == 1 {
				b--
				continue
			}
		}
		return math.Float64frombits(b)
	}
}

// nat is a natural number, 32-bit words least significant first.
type nat []uint32

// mulAdd is x·m + a, reusing x.
func (x nat) mulAdd(m, a uint32) nat {
	c := uint64(a)
	for i, v := range x {
		c += uint64(v) * uint64(m)
		x[i], c = uint32(c), c>>32
	}
	if c != 0 {
		x = append(x, uint32(c))
	}
	return x
}

// mulPow5 is x·5^k, reusing x.
func (x nat) mulPow5(k int) nat {
	for ; k >= 13; k -= 13 {
		x = x.mulAdd(1220703125, 0) // 5^13
	}
	m := uint32(1)
	for ; k > 0; k-- {
		m *= 5
	}
	return x.mulAdd(m, 0)
}

// shl is x·2^n.
func (x nat) shl(n int) nat {
	words, sh := n/32, uint(n%32)
	z := make(nat, len(x)+words+1)
	for i, v := range x {
		z[i+words] |= v << sh
		z[i+words+1] |= v >> (32 - sh) // 0 when sh is 0
	}
	return z
}

// cmpNat is -1, 0 or 1 as x is less than, equal to or greater than y.
func cmpNat(x, y nat) int {
	for len(x) > 0 && x[len(x)-1] == 0 {
		x = x[:len(x)-1]
	}
	for len(y) > 0 && y[len(y)-1] == 0 {
		y = y[:len(y)-1]
	}
	if len(x) != len(y) {
		if len(x) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}
