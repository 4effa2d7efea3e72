package main

// The page the polyfill runs in, as the core sees it: its scheme and zone
// (from the document's origin), the configuration it gave, and the rules
// that hold for every URL a request reaches, redirects included.

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

// The bits of the configuration number the edge hands the binding at start:
// each set only when the page's XDomainRequestConfig has, as an own
// property, the boolean true under that name.
const (
	ConfigAllowCrossScheme = 1
	ConfigAllowAnyZone     = 2
	ConfigReplaceNative    = 4
)

// PolicyFromConfig reads the configuration number.
func PolicyFromConfig(bits int) (pol Policy, replaceNative bool) {
	pol.AllowCrossScheme = bits&ConfigAllowCrossScheme != 0
	pol.AllowAnyZone = bits&ConfigAllowAnyZone != 0
	return pol, bits&ConfigReplaceNative != 0
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

// Redirected decides a response that arrived after the browser followed
// redirects: final is the URL it came from. A URL that open() would refuse
// ends the request with onerror before a byte of the response is read; the
// denial says which rule, for the diagnostic.
func (r *Request) Redirected(final Target, page Page, pol Policy) (Action, *Denial) {
	if !r.inFlight() {
		return 0, nil
	}
	d := checkTarget(final, page, pol)
	if d == nil {
		return 0, nil
	}
	r.Phase, r.Cause = PhaseDone, CauseRedirect
	return ActReset | ActError, d
}

// RedirectDiagnostic is the console.warn line for a refused redirect.
func RedirectDiagnostic(d *Denial, url, final string) string {
	why := "open() would refuse it"
	switch d.Rule {
	case RuleScheme:
		why = "only http: and https: URLs are allowed"
	case RuleCredentials:
		why = "URLs with user name or password are not allowed"
	case RuleSameScheme:
		why = "it does not use the page's scheme"
	case RuleZone:
		why = "an Internet page may not reach an intranet host"
	}
	return "XDomainRequest: request to " + url + " was redirected to " + final +
		", which open() would refuse (" + why + "); it ends with onerror and no byte of that response reaches the page."
}
