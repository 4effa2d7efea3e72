package main

// The open() policy: the page (its scheme and zone, from its origin), the
// configuration that relaxes IE's page-level rules, and the rules on a URL
// (restrictions 1, 2, 5, 6 and 7) that open() and every redirect obey.

// Page is what the core knows of the document that uses the polyfill.
type Page struct {
	Scheme string // "http:" or "https:" (as location.protocol gives it)
	Zone   Zone
}

// Policy relaxes IE's page-level rules for sites that need it. The zero value
// is Internet Explorer's behaviour.
type Policy struct {
	AllowCrossScheme bool // an http: page may call https: URLs and back
	AllowAnyZone     bool // an Internet page may call intranet URLs
}

// Target is a URL as the browser parsed it against the document's base URL.
type Target struct {
	Parsed         bool   // false when the browser could not parse it
	Scheme         string // URL.protocol, e.g. "https:"
	Host           string // URL.hostname
	HasCredentials bool   // URL.username or URL.password not empty
}

// Rule names a restriction of the security model; diagnostics use it.
type Rule uint8

const (
	RuleNone Rule = iota
	RuleArguments
	RuleMethod
	RuleURL
	RuleScheme
	RuleCredentials
	RuleSameScheme
	RuleZone
	RuleState   // send() before open(), or twice
	RuleTimeout // a timeout value that is not a number, or negative
)

// Denial is a refused open(): the message thrown and the rule broken.
type Denial struct {
	Msg  string
	Rule Rule
}

// CheckOpen decides open(method, url). argc is the number of arguments the
// caller passed. It returns the method, or the denial to throw.
func CheckOpen(argc int, method string, t Target, page Page, pol Policy) (Method, *Denial) {
	if argc < 2 {
		return MethodNone, &Denial{MsgArgumentNotOptional, RuleArguments}
	}
	m := ParseMethod(method)
	if m == MethodNone {
		return MethodNone, &Denial{MsgInvalidArgument, RuleMethod}
	}
	if d := checkTarget(t, page, pol); d != nil {
		return MethodNone, d
	}
	return m, nil
}

// The options of every request's fetch (the binding hands them to the edge
// at install): XDomainRequest's restrictions in the Fetch standard's terms.
const (
	// FetchMode: a cross-origin request the server must allow with
	// Access-Control-Allow-Origin (the response is read only then).
	FetchMode = "cors"
	// FetchCredentials: no cookies and no HTTP authentication, sent or
	// stored (requests are anonymous; the server needs no
	// Access-Control-Allow-Credentials).
	FetchCredentials = "omit"
	// FetchRedirect: the browser follows redirects, and the core then
	// checks the URL the response came from as open() would (Redirected).
	FetchRedirect = "follow"
)

// NewPage is the page whose origin has the given scheme ("http:") and host
// name (as URL.hostname writes it). The edge reads them from the global
// scope's origin, not from location: a srcdoc or about:blank frame and a
// blob: worker have the origin of the page that made them. An opaque origin
// (a sandboxed frame: origin "null") is an Internet page of its URL's
// scheme.
func NewPage(scheme, host string, opaque bool) Page {
	if opaque {
		return Page{Scheme: scheme, Zone: ZoneInternet}
	}
	return Page{Scheme: scheme, Zone: ClassifyHost(host)}
}

// PolicyFromConfig reads the configuration number. (ConfigReplaceNative
// is the loader's alone: whether to define XDomainRequest over a page's
// own is decided when its script runs, before the core exists.)
func PolicyFromConfig(bits int) (pol Policy) {
	pol.AllowCrossScheme = bits&ConfigAllowCrossScheme != 0
	pol.AllowAnyZone = bits&ConfigAllowAnyZone != 0
	return pol
}

// checkTarget applies the rules on the URL itself (restrictions 1, 5, 6
// and 7) to a URL the browser parsed; nil when it may be reached.
func checkTarget(t Target, page Page, pol Policy) *Denial {
	if !t.Parsed {
		return &Denial{MsgInvalidArgument, RuleURL}
	}
	if t.Scheme != "http:" && t.Scheme != "https:" {
		return &Denial{MsgAccessDenied, RuleScheme}
	}
	if t.HasCredentials {
		return &Denial{MsgAccessDenied, RuleCredentials}
	}
	if !pol.AllowCrossScheme && t.Scheme != page.Scheme {
		return &Denial{MsgAccessDenied, RuleSameScheme}
	}
	if !pol.AllowAnyZone && page.Zone == ZoneInternet && ClassifyHost(t.Host) == ZoneIntranet {
		return &Denial{MsgAccessDenied, RuleZone}
	}
	return nil
}
