package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStringToNumberAgreesWithJS: StringToNumber is Number() bit for bit
// (any NaN as good as another) on every string of testdata/tonumber/table.json,
// written by Node 20 (node testdata/tonumber/gen.js).
func TestStringToNumberAgreesWithJS(t *testing.T) {
	data, err := os.ReadFile("testdata/tonumber/table.json")
	require.NoError(t, err)
	var rows [][2]string
	require.NoError(t, json.Unmarshal(data, &rows))
	require.GreaterOrEqual(t, len(rows), 12000)
	var bad []string
	disagreements := 0
	for _, row := range rows {
		want, err := strconv.ParseUint(row[1], 16, 64)
		require.NoError(t, err, row[1])
		got := StringToNumber(row[0])
		if math.Float64bits(got) == want || got != got && math.IsNaN(math.Float64frombits(want)) {
			continue
		}
		if disagreements++; len(bad) < 20 {
			s := row[0]
			if len(s) > 80 {
				s = s[:60] + fmt.Sprintf("…(%d bytes)…", len(s)-75) + s[len(s)-15:]
			}
			bad = append(bad, fmt.Sprintf("%q: got %016x (%v), Number() %016x (%v)", s,
				math.Float64bits(got), got, want, math.Float64frombits(want)))
		}
	}
	if disagreements > 0 {
		t.Errorf("%d of %d strings read otherwise than by Number(); the first %d:\n%s",
			disagreements, len(rows), len(bad), strings.Join(bad, "\n"))
	}
}

// TestStringToNumberLong: digits beyond what a float64 holds neither
// overflow nor lose the value (a fuzzed ".888…8" of 1,764 digits once read
// as 0); strconv.ParseFloat, exact, is the reference.
func TestStringToNumberLong(t *testing.T) {
	for _, s := range []string{
		"." + strings.Repeat("8", 1764),
		strings.Repeat("9", 30) + ".5",
		"0.000" + strings.Repeat("1", 40),
		strings.Repeat("0", 500) + "12.5",
		"1" + strings.Repeat("0", 400),
		"0." + strings.Repeat("0", 400) + "1e400",
		strings.Repeat("1", 2000) + "e-1700",
	} {
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			require.ErrorIs(t, err, strconv.ErrRange, "%.40s…", s)
		}
		assert.Equal(t, math.Float64bits(want), math.Float64bits(StringToNumber(s)), "%.40s…", s)
	}
}

func TestStringToNumberSpace(t *testing.T) {
	for _, c := range "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff" {
		assert.True(t, isJSSpace(c), "%U", c)
		assert.Equal(t, 5000.0, StringToNumber(string(c)+"5000"+string(c)), "%U", c)
	}
	for _, c := range "\u180e\u200b\u0085\u00ad\u001c\u2060\x00" {
		assert.False(t, isJSSpace(c), "%U", c)
		assert.True(t, math.IsNaN(StringToNumber(string(c)+"5000")), "%U", c)
	}
	// Invalid UTF-8 is no white space (a lone surrogate from JavaScript
	// arrives as U+FFFD).
	assert.True(t, math.IsNaN(StringToNumber("\xe3\x805000")))
	assert.True(t, math.IsNaN(StringToNumber("5000\xe3\x80")))
	assert.True(t, math.IsNaN(StringToNumber("\ufffd5000")))
}
