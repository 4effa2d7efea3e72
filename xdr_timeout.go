package main

// The timeout property: what an assignment accepts (numbers and numeric
// strings, -1 and 0 for none), and the timer armed at send().

import (
	"math"
	"time"
)

// ValueKind is the JavaScript type of a value handed to the core.
type ValueKind uint8

const (
	KindOther ValueKind = iota // object, boolean, symbol, bigint, function
	KindUndefined
	KindNull
	KindNumber
	KindString
)

// MaxTimeout is where timeout values are capped (2^31-1 ms).
const MaxTimeout = 1<<31 - 1

// CoerceTimeout decides an assignment to timeout. Numbers and numeric
// strings are accepted; -1 and 0 mean no time-out; fractions are truncated;
// values above MaxTimeout are capped. NaN, non-numbers and negative values
// other than -1 are refused with MsgInvalidArgument.
func CoerceTimeout(kind ValueKind, num float64, str string) (int64, string) {
	switch kind {
	case KindNumber:
	case KindString:
		f, ok := parseNumericString(str)
		if !ok {
			return 0, MsgInvalidArgument
		}
		num = f
	default:
		return 0, MsgInvalidArgument
	}
	if num != num { // NaN
		return 0, MsgInvalidArgument
	}
	if num == -1 {
		return -1, ""
	}
	if num < 0 {
		return 0, MsgInvalidArgument
	}
	if num >= MaxTimeout {
		return MaxTimeout, ""
	}
	return int64(num), ""
}

// parseNumericString accepts what a text box holding a number gives:
// optional white space around an optional sign, decimal digits with an
// optional fraction and exponent, or Infinity.
func parseNumericString(s string) (float64, bool) {
	s = trimASCIISpace(s)
	if s == "" {
		return 0, false
	}
	body := s
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	if body == "Infinity" {
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	}
	digits, i := 0, 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(body) && body[i] == '.' {
		i++
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(body) && (body[i] == 'e' || body[i] == 'E') {
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			i++
		}
		exp := 0
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i, exp = i+1, exp+1
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(body) {
		return 0, false
	}
	return decimalValue(s), true
}

// decimalValue is the value of a string that parseNumericString accepted:
// good to far more than the millisecond a timeout needs (strconv.ParseFloat
// would be exact, at some 20 KB of wasm).
func decimalValue(s string) float64 {
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg, s = s[0] == '-', s[1:]
	}
	// At most maxDigits significant digits count (more cannot change a
	// float64 by more than its last bit or two); a further integer digit
	// only scales, a further fraction digit is dropped.
	const maxDigits = 19
	v, exp, i, significant := 0.0, 0, 0, 0
	digit := func(d byte, fraction bool) {
		switch {
		case significant < maxDigits:
			v = v*10 + float64(d-'0')
			if v != 0 {
				significant++
			}
			if fraction {
				exp--
			}
		case !fraction:
			exp++
		}
	}
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digit(s[i], false)
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digit(s[i], true)
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg, i = s[i] == '-', i+1
		}
		e := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if e < 100000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	switch {
	case v == 0:
	case exp > 400:
		v = math.Inf(1)
	case exp < -400:
		v = 0
	case exp > 0:
		v *= math.Pow10(exp)
	case exp < 0:
		v /= math.Pow10(-exp)
	}
	if neg {
		return -v
	}
	return v
}

// TimeoutDelay is the timer to arm at send() for a timeout property value;
// 0 means none.
func TimeoutDelay(timeout int64) time.Duration {
	if timeout <= 0 {
		return 0
	}
	if timeout > MaxTimeout {
		timeout = MaxTimeout
	}
	return time.Duration(timeout) * time.Millisecond
}
