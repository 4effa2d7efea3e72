package main

// Content-Type: the media type and charset of a response, read as the Fetch
// standard's "extract a MIME type" reads the value of
// headers.get("content-type"). Pure Go, tested by xdr_mediatype_test.go.

import "strings"

// ParseContentType gives the media type (lower case, without parameters)
// and the charset parameter (lower case, unquoted) that "extract a MIME
// type" (https://fetch.spec.whatwg.org/#concept-header-extract-mime-type)
// finds in v, the value of headers.get("content-type"): several header
// lines arrive joined with ", ". Each comma-separated value outside a
// quoted string is parsed as a MIME type; invalid ones and */* are skipped;
// the last valid one wins. Its charset is its own, or, when it has none and
// its media type is that of the line that last changed the media type, the
// charset of that line. No valid value gives "", "".
func ParseContentType(v string) (mediaType, charset string) {
	essence, carried := "", "" // "" is the standard's null for both
	for {
		i := splitComma(v)
		mt, cs, hasCS := parseMIMEType(v[:i])
		if mt != "" && mt != "*/*" {
			if mt != essence {
				essence, carried = mt, cs
			} else if !hasCS {
				cs = carried
			}
			mediaType, charset = mt, cs
		}
		if i == len(v) {
			return mediaType, charset
		}
		v = v[i+1:]
	}
}

// splitComma is the index of the first comma of s outside a quoted string
// (a quote runs to the next unescaped quote, or to the end), else len(s):
// "get, decode, and split" of Fetch.
func splitComma(s string) int {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			return i
		}
	}
	return len(s)
}

// parseMIMEType is "parse a MIME type" of the WHATWG MIME Sniffing standard,
// reduced to what ParseContentType needs: the essence (type/subtype, lower
// case; "" when s is no MIME type) and the charset parameter, lower case,
// with whether it exists (charset="" exists). The first charset parameter
// with a valid value counts. Bytes 0x80-0xFF count as the code points
// U+0080-U+00FF that a header value holds.
func parseMIMEType(s string) (essence, charset string, hasCharset bool) {
	s = trimHTTPSpace(s)
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		return "", "", false
	}
	rest := s[slash+1:]
	end := strings.IndexByte(rest, ';')
	if end < 0 {
		end = len(rest)
	}
	sub := strings.TrimRight(rest[:end], " \t\r\n")
	if !isToken(s[:slash]) || !isToken(sub) {
		return "", "", false
	}
	essence, rest = lowerASCII(s[:slash+1+len(sub)]), rest[end:]
	for rest != "" { // rest starts with ';'
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		i := strings.IndexAny(rest, ";=")
		if i < 0 {
			break
		}
		name := rest[:i]
		if rest[i] == ';' {
			rest = rest[i:]
			continue
		}
		rest = rest[i+1:]
		if rest == "" {
			break
		}
		var value string
		if rest[0] == '"' {
			value, rest = quotedString(rest)
			if i := strings.IndexByte(rest, ';'); i >= 0 {
				rest = rest[i:]
			} else {
				rest = ""
			}
		} else {
			i := strings.IndexByte(rest, ';')
			if i < 0 {
				i = len(rest)
			}
			value, rest = strings.TrimRight(rest[:i], " \t\r\n"), rest[i:]
			if value == "" {
				continue
			}
		}
		if !hasCharset && lowerASCII(name) == "charset" && isQuotedStringText(value) {
			charset, hasCharset = lowerASCII(value), true
		}
	}
	return essence, charset, hasCharset
}

// quotedString collects the HTTP quoted string at the start of s (which
// starts with '"'): its value, unescaped, and what follows its closing
// quote. An unterminated string runs to the end; a final lone backslash is
// kept.
func quotedString(s string) (value, rest string) {
	var b []byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			return string(b), s[i+1:]
		}
		if c == '\\' && i+1 < len(s) {
			i++
			c = s[i]
		}
		b = append(b, c)
	}
	return string(b), ""
}

// isQuotedStringText tells whether s holds only HTTP quoted-string token
// code points: tab, 0x20-0x7E and 0x80-0xFF.
func isQuotedStringText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

func trimHTTPSpace(s string) string { return strings.Trim(s, " \t\r\n") }

func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"(),/:;<=>?@[\\]{}", c) >= 0 {
			return false
		}
	}
	return true
}

// BOMEncoding tells the encoding that a byte order mark at the start of
// the body selects, overriding the charset of Content-Type as browsers do
// for responseText; "" when the body starts with no BOM. b holds up to the
// first three bytes of the body.
func BOMEncoding(b []byte) string {
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return "utf-8"
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return "utf-16be"
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		return "utf-16le"
	}
	return ""
}

// DecoderLabel is the encoding responseText is decoded with: the one a byte
// order mark at the start of the body selects, else the charset of
// Content-Type, else UTF-8. (A label the browser does not know falls back
// to UTF-8 there.)
func DecoderLabel(head []byte, charset string) string {
	if b := BOMEncoding(head); b != "" {
		return b
	}
	if charset != "" {
		return charset
	}
	return "utf-8"
}

// HeadersContentType is contentType once the response headers have arrived
// and before the core has heard of them (the edge reports them with the
// first data): the media type of a 2xx response, "" otherwise.
func HeadersContentType(status int, contentType string) string {
	if !StatusOK(status) {
		return ""
	}
	mt, _ := ParseContentType(contentType)
	return mt
}
