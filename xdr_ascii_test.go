package main

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSmallHelpers(t *testing.T) {
	for _, n := range []int{0, 7, 42, 404, 1234567890, -5} {
		assert.Equal(t, strconv.Itoa(n), itoa(n))
	}
	assert.Equal(t, "text/html", lowerASCII("Text/HTML"))
	assert.Equal(t, "already", lowerASCII("already"))
	assert.Equal(t, "Äb", lowerASCII("ÄB"), "only ASCII letters change")
}
