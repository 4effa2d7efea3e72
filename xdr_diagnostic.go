package main

// The console lines: one for every denial and failure, naming the rule or
// cause and what the site can do. The binding hands them to the edge (host
// call log), which writes them after Go has returned.

// Diagnostic is the console.warn line for a denial or a failure: the rule or
// cause, and what the site can do.
func Diagnostic(d *Denial, c Cause, url string, status int) string {
	p := "XDomainRequest: "
	if d != nil {
		switch d.Rule {
		case RuleArguments:
			return p + "open() needs a method and a URL."
		case RuleMethod:
			return p + "open() accepts only GET or POST."
		case RuleURL:
			return p + "open() was given a URL the browser cannot parse."
		case RuleScheme:
			return p + "access denied to " + url + ": only http: and https: URLs are allowed."
		case RuleCredentials:
			return p + "access denied to " + url + ": URLs with user name or password are not allowed (requests are anonymous)."
		case RuleSameScheme:
			return p + "access denied to " + url + ": the URL must use the page's scheme (IE rule); use the same scheme, or allow cross-scheme requests in the polyfill's configuration."
		case RuleState:
			return p + "send() needs a successful open() first, and one send() per open(); call open() again to start a new request."
		case RuleTimeout:
			return p + "timeout takes a number of milliseconds (or a numeric string): 0 or -1 for none, never a negative value or NaN."
		case RuleZone:
			return p + "access denied to " + url + ": an Internet page may not call an intranet host (IE zone rule); serve the page from the intranet, or allow it in the polyfill's configuration."
		}
		return p + d.Msg
	}
	switch c {
	case CauseNetwork:
		return p + "request to " + url + " failed: a network error or a CORS refusal (the browser does not tell which). The server must answer with Access-Control-Allow-Origin: * or the page's origin; check that it is reachable."
	case CauseStatus:
		return p + "request to " + url + " failed: HTTP status " + itoa(status) + " (XDomainRequest reports any non-2xx status as onerror)."
	case CauseCut:
		return p + "request to " + url + " failed: the connection was cut before the body was complete."
	case CauseGetBody:
		return p + "request to " + url + " failed: a GET request cannot carry a body; use POST, or send no body."
	case CauseTimeout:
		return p + "request to " + url + " timed out; raise the timeout property, or set it to 0 for none."
	case CauseInternal:
		return p + "request to " + url + " failed: internal error in the polyfill."
	case CauseTooLarge:
		return p + "request to " + url + " failed: the response is too large for a JavaScript string (responseText); it ends with onerror."
	}
	return ""
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
