package main

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	bad("NaN", func() (ValueKind, float64, string) { return num(math.NaN()) })
	bad("-2", func() (ValueKind, float64, string) { return num(-2) })
	bad("-0.5", func() (ValueKind, float64, string) { return num(-0.5) })
	bad("-Infinity", func() (ValueKind, float64, string) { return num(math.Inf(-1)) })
	bad("empty string", func() (ValueKind, float64, string) { return str("") })
	bad("blank string", func() (ValueKind, float64, string) { return str("   ") })
	bad("word", func() (ValueKind, float64, string) { return str("soon") })
	bad("number and word", func() (ValueKind, float64, string) { return str("10s") })
	bad("hex", func() (ValueKind, float64, string) { return str("0x10") })
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

// TestParseNumericStringLong: digits beyond what a float64 holds neither
// overflow nor lose the value (a fuzzed ".888…8" of 1,764 digits read as 0).
func TestParseNumericStringLong(t *testing.T) {
	for _, c := range []struct {
		s    string
		want float64
	}{
		{"." + strings.Repeat("8", 1764), 0.8888888888888888},
		{strings.Repeat("9", 30) + ".5", 1e30},
		{"0.000" + strings.Repeat("1", 40), 1.111111111111111e-4},
		{strings.Repeat("0", 500) + "12.5", 12.5},
		{"1" + strings.Repeat("0", 400), math.Inf(1)},
	} {
		got, ok := parseNumericString(c.s)
		require.True(t, ok, c.s)
		if math.IsInf(c.want, 0) {
			assert.Equal(t, c.want, got)
			continue
		}
		assert.InEpsilon(t, c.want, got, 1e-12, "%.40s…", c.s)
	}
}
