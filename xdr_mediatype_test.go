package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseContentType(t *testing.T) {
	cases := []struct{ in, mt, cs string }{
		{"text/plain", "text/plain", ""},
		{"text/plain; charset=utf-8", "text/plain", "utf-8"},
		{"application/json; charset=UTF-8", "application/json", "utf-8"},
		{"Text/HTML;Charset=\"windows-1252\"", "text/html", "windows-1252"},
		{"text/plain;charset=shift_jis;format=flowed", "text/plain", "shift_jis"},
		{"text/plain; format=flowed; charset=iso-8859-1", "text/plain", "iso-8859-1"},
		{"text/plain; charset=\"a\\\"b\"", "text/plain", "a\"b"},
		{"text/plain; charset=", "text/plain", ""},
		{"text/plain; charset=latin1; charset=utf-8", "text/plain", "latin1"},
		{"  text/xml  ;  charset = koi8-r", "text/xml", ""}, // a space before = is not a charset parameter
		{"text/plain;;charset=koi8-r", "text/plain", "koi8-r"},
		{"text/plain; foo", "text/plain", ""},
		{"", "", ""},
		{"text", "", ""},
		{"text/", "", ""},
		{"/plain", "", ""},
		{"te xt/plain", "", ""},
	}
	for _, c := range cases {
		mt, cs := ParseContentType(c.in)
		assert.Equal(t, c.mt, mt, "media type of %q", c.in)
		assert.Equal(t, c.cs, cs, "charset of %q", c.in)
	}
}

// TestParseContentTypeLines: the value of headers.get("content-type") when
// the response has several Content-Type lines (joined with ", "), read as
// the Fetch standard's "extract a MIME type" reads it.
func TestParseContentTypeLines(t *testing.T) {
	cases := []struct{ name, in, mt, cs string }{
		{"the last line wins", "text/html, text/plain; charset=windows-1252", "text/plain", "windows-1252"},
		{"same essence without charset keeps the earlier charset", "text/plain; charset=utf-8, text/plain", "text/plain", "utf-8"},
		{"... also in upper case", "TEXT/Plain;Charset=GBK, text/plain", "text/plain", "gbk"},
		{"... also a quoted one", `text/plain;charset="gbk", text/plain`, "text/plain", "gbk"},
		{"a new essence resets the charset", "text/plain;charset=gbk, text/html", "text/html", ""},
		{"a new essence brings its own charset", "text/plain, text/html;charset=gbk", "text/html", "gbk"},
		{"the reset holds when the essence comes back", "text/html;charset=gbk, text/plain, text/html", "text/html", ""},
		{"a later charset of the same essence wins", "text/plain;charset=gbk, text/plain;charset=utf-8", "text/plain", "utf-8"},
		// The carried charset is the one of the line that set the essence.
		{"the carried charset is the first of the run", "text/plain;charset=gbk, text/plain;charset=utf-8, text/plain", "text/plain", "gbk"},
		{"an empty quoted charset exists: nothing carried", `text/plain;charset=gbk, text/plain;charset=""`, "text/plain", ""},
		{"*/* is skipped", "text/plain, */*", "text/plain", ""},
		{"*/* with a charset is skipped", "text/plain;charset=gbk, */*;charset=utf-8", "text/plain", "gbk"},
		{"only */*", "*/*", "", ""},
		{"an invalid line is skipped", "text/plain;charset=gbk, nonsense", "text/plain", "gbk"},
		{"an invalid line does not reset", "text/plain;charset=gbk, nonsense, text/plain", "text/plain", "gbk"},
		{"only invalid lines", "a, b/, /c", "", ""},
		{"empty lines", ", text/plain ,", "text/plain", ""},
		{"a comma inside quotes stays in the value", `text/plain; charset="a,b"`, "text/plain", "a,b"},
		{"... also before another line", `text/plain; charset="a,b", text/plain`, "text/plain", "a,b"},
		{"an escaped quote does not end the string", `text/html, text/plain;charset="x\",y"`, "text/plain", `x",y`},
		{"... so the comma after it splits nothing", `text/plain;charset="x\",y", text/html`, "text/html", ""},
		{"a quote in another parameter", `text/plain;charset=gbk;x="a,b", text/plain`, "text/plain", "gbk"},
		{"an unterminated quote runs to the end", `text/plain;charset="gbk, text/html`, "text/plain", "gbk, text/html"},
		{"tabs and spaces around lines", "\ttext/html ,\t text/plain;charset=gbk \t", "text/plain", "gbk"},
		{"the first charset parameter of a line counts", `text/plain;charset="";charset=gbk`, "text/plain", ""},
		{"an invalid charset value is not a parameter", "text/plain;charset=a\x01b;charset=gbk", "text/plain", "gbk"},
		{"a space before the subtype is no token", "text/ plain", "", ""},
	}
	for _, c := range cases {
		mt, cs := ParseContentType(c.in)
		assert.Equal(t, c.mt, mt, "%s: media type of %q", c.name, c.in)
		assert.Equal(t, c.cs, cs, "%s: charset of %q", c.name, c.in)
	}
}

func TestBOMEncoding(t *testing.T) {
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte{0xEF, 0xBB, 0xBF}, "utf-8"},
		{[]byte{0xEF, 0xBB, 0xBF, 'a'}, "utf-8"},
		{[]byte{0xFE, 0xFF, 0}, "utf-16be"},
		{[]byte{0xFF, 0xFE, 'a'}, "utf-16le"},
		{[]byte{0xFF, 0xFE}, "utf-16le"},
		{[]byte{0xEF, 0xBB}, ""},
		{[]byte{'a', 'b', 'c'}, ""},
		{nil, ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, BOMEncoding(c.in), "%x", c.in)
	}
}

func TestDecoderLabel(t *testing.T) {
	assert.Equal(t, "utf-16le", DecoderLabel([]byte{0xFF, 0xFE, 'a'}, "utf-8"), "a BOM wins over the charset")
	assert.Equal(t, "windows-1252", DecoderLabel([]byte("abc"), "windows-1252"))
	assert.Equal(t, "utf-8", DecoderLabel([]byte("abc"), ""))
	assert.Equal(t, "utf-8", DecoderLabel(nil, ""))
}

func TestHeadersContentType(t *testing.T) {
	assert.Equal(t, "application/json", HeadersContentType(200, "application/json; charset=utf-8"))
	assert.Equal(t, "", HeadersContentType(404, "text/html"))
	assert.Equal(t, "", HeadersContentType(200, ""))
}
