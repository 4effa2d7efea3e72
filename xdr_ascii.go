package main

// ASCII helpers for the core: lower-casing, trimming and small decimal
// numbers without the Unicode tables and strconv that strings.ToLower and
// strconv.Itoa would bring into the wasm.

// lowerASCII lower-cases ASCII letters only: what HTTP tokens, host names
// from URL.hostname and charset labels need (strings.ToLower would bring
// Unicode tables into the wasm). A string without upper-case letters is
// returned as is, without allocating.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + ('a' - 'A')
				}
			}
			return string(b)
		}
	}
	return s
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			break
		}
	}
	return string(b[i:])
}
