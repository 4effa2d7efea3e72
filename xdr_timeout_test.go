package main

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestCoerceTimeout(t *testing.T) {
	num := func(f float64) (ValueKind, float64, string) { return KindNumber, f, "" }
	str := func(s string) (ValueKind, float64, string) { return KindString, 0, s }
	type timeoutCase struct {
		name string
		kind ValueKind
		num  float64
		str  string
		want int64
		msg  string
	}
	var cases []timeoutCase
	add := func(name string, k ValueKind, n float64, s string, want int64, msg string) {
		cases = append(cases, timeoutCase{name, k, n, s, want, msg})
	}
	ok := func(name string, v func() (ValueKind, float64, string), want int64) {
		k, n, s := v()
		add(name, k, n, s, want, "")
	}
	bad := func(name string, v func() (ValueKind, float64, string)) {
		k, n, s := v()
		add(name, k, n, s, 0, MsgInvalidArgument)
	}
	ok("10000", func() (ValueKind, float64, string) { return num(10000) }, 10000)
	ok("0", func() (ValueKind, float64, string) { return num(0) }, 0)
	ok("-1", func() (ValueKind, float64, string) { return num(-1) }, -1)
	ok("fraction", func() (ValueKind, float64, string) { return num(1500.9) }, 1500)
	ok("cap", func() (ValueKind, float64, string) { return num(1e12) }, MaxTimeout)
	ok("infinity", func() (ValueKind, float64, string) { return num(math.Inf(1)) }, MaxTimeout)
	ok("string", func() (ValueKind, float64, string) { return str("10000") }, 10000)
	ok("string spaces", func() (ValueKind, float64, string) { return str(" 250\n") }, 250)
	ok("string -1", func() (ValueKind, float64, string) { return str("-1") }, -1)
	ok("string +5", func() (ValueKind, float64, string) { return str("+5") }, 5)
	ok("string exponent", func() (ValueKind, float64, string) { return str("1e3") }, 1000)
	ok("string fraction", func() (ValueKind, float64, string) { return str("2.5") }, 2)
	ok("string leading dot", func() (ValueKind, float64, string) { return str(".5") }, 0)
	ok("string Infinity", func() (ValueKind, float64, string) { return str("Infinity") }, MaxTimeout)
	ok("string huge", func() (ValueKind, float64, string) { return str("1e999") }, MaxTimeout)
	ok("empty string", func() (ValueKind, float64, string) { return str("") }, 0)
	ok("blank string", func() (ValueKind, float64, string) { return str("   ") }, 0)
	ok("hex", func() (ValueKind, float64, string) { return str("0x10") }, 16)
	bad("NaN", func() (ValueKind, float64, string) { return num(math.NaN()) })
	bad("-2", func() (ValueKind, float64, string) { return num(-2) })
	bad("-0.5", func() (ValueKind, float64, string) { return num(-0.5) })
	bad("-Infinity", func() (ValueKind, float64, string) { return num(math.Inf(-1)) })
	bad("word", func() (ValueKind, float64, string) { return str("soon") })
	bad("number and word", func() (ValueKind, float64, string) { return str("10s") })
	bad("string -5", func() (ValueKind, float64, string) { return str("-5") })
	bad("string NaN", func() (ValueKind, float64, string) { return str("NaN") })
	bad("lone exponent", func() (ValueKind, float64, string) { return str("1e") })
	bad("lone dot", func() (ValueKind, float64, string) { return str(".") })
	bad("undefined", func() (ValueKind, float64, string) { return KindUndefined, 0, "" })
	bad("null", func() (ValueKind, float64, string) { return KindNull, 0, "" })
	bad("object", func() (ValueKind, float64, string) { return KindOther, 0, "" })
	for _, c := range cases {
		got, msg := CoerceTimeout(c.kind, c.num, c.str)
		assert.Equal(t, c.msg, msg, c.name)
		if c.msg == "" {
			assert.Equal(t, c.want, got, c.name)
		}
	}
}

func TestTimeoutDelay(t *testing.T) {
	assert.Equal(t, time.Duration(0), TimeoutDelay(-1))
	assert.Equal(t, time.Duration(0), TimeoutDelay(0))
	assert.Equal(t, 500*time.Millisecond, TimeoutDelay(500))
	assert.Equal(t, time.Duration(MaxTimeout)*time.Millisecond, TimeoutDelay(1<<40))
}

// TestCoerceTimeoutStrings: strings are read as Number() reads them
// (issue 29): every Unicode space separator is white space, 0x, 0b and 0o
// literals are numbers.
func TestCoerceTimeoutStrings(t *testing.T) {
	for s, want := range map[string]int64{
		"5000\u3000": 5000, "\u00a05000": 5000, "\ufeff5000\u2029": 5000, "0x10": 16, "0b11": 3, "0o17": 15,
		"Infinity": MaxTimeout, " +Infinity ": MaxTimeout, "1e3": 1000, "": 0, "\u2028\u3000": 0, "-0": 0,
		"0x7fffffff": MaxTimeout, "0x7ffffffe": MaxTimeout - 1, "1e-3": 0,
	} {
		got, msg := CoerceTimeout(KindString, 0, s)
		assert.Empty(t, msg, "%q", s)
		assert.Equal(t, want, got, "%q", s)
	}
	for _, s := range []string{"\u180e5000", "-0x10", "+0x10", "1_000", "inf", "nan", "0x1p3", "-Infinity", "0x", "\u200b"} {
		_, msg := CoerceTimeout(KindString, 0, s)
		assert.Equal(t, MsgInvalidArgument, msg, "%q", s)
	}
}
