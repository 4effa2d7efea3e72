package main

// The console lines: one for every denial and failure, naming the rule or
// cause and what the site can do. The binding hands them to the edge (host
// call log), which writes them after Go has returned.

import "strings"

// Diagnostic is the console.warn line for a denial or a failure: the rule or
// cause, and what the site can do. In the lines below, {url} stands for the
// request's URL and {status} for the response status.
func Diagnostic(d *Denial, c Cause, url string, status int) string {
	line := ""
	switch {
	case d != nil && int(d.Rule) < len(denialLines) && denialLines[d.Rule] != "":
		line = denialLines[d.Rule]
	case d != nil:
		line = d.Msg
	case int(c) < len(failureLines):
		line = failureLines[c]
	}
	if line == "" {
		return ""
	}
	line = strings.Replace(line, "{status}", itoa(status), 1) // before {url}: a URL may hold anything
	line = strings.Replace(line, "{url}", url, 1)
	return "XDomainRequest: " + line
}

// denialLines explain a refused call, by rule.
var denialLines = [...]string{
	RuleArguments:   "open() needs a method and a URL.",
	RuleMethod:      "open() accepts only GET or POST.",
	RuleURL:         "open() was given a URL the browser cannot parse.",
	RuleScheme:      "access denied to {url}: only http: and https: URLs are allowed.",
	RuleCredentials: "access denied to {url}: URLs with user name or password are not allowed (requests are anonymous).",
	RuleSameScheme:  "access denied to {url}: the URL must use the page's scheme (IE rule); use the same scheme, or allow cross-scheme requests in the polyfill's configuration.",
	RuleState:       "send() needs a successful open() first, and one send() per open(); call open() again to start a new request.",
	RuleTimeout:     "timeout takes a number of milliseconds (or a numeric string): 0 or -1 for none, never a negative value or NaN.",
	RuleZone:        "access denied to {url}: an Internet page may not call an intranet host (IE zone rule); serve the page from the intranet, or allow it in the polyfill's configuration.",
}

// failureLines explain a request that failed, by cause. A refused
// redirect has its own line (RedirectDiagnostic).
var failureLines = [...]string{
	CauseNetwork:  "request to {url} failed: a network error or a CORS refusal (the browser does not tell which). The server must answer with Access-Control-Allow-Origin: * or the page's origin; check that it is reachable.",
	CauseStatus:   "request to {url} failed: HTTP status {status} (XDomainRequest reports any non-2xx status as onerror).",
	CauseCut:      "request to {url} failed: the connection was cut before the body was complete.",
	CauseGetBody:  "request to {url} failed: a GET request cannot carry a body; use POST, or send no body.",
	CauseTimeout:  "request to {url} timed out; raise the timeout property, or set it to 0 for none.",
	CauseInternal: "request to {url} failed: internal error in the polyfill.",
	CauseTooLarge: "request to {url} failed: the response is too large for a JavaScript string (responseText); it ends with onerror.",
}

// URLMarker stands for a request's URL in a console line the binding asks
// the edge to complete (host call log with an id): the URL stays in
// JavaScript and never crosses into Go. No console line holds it otherwise
// (every other part of a line is the core's text or a number).
const URLMarker = "\x00"

// AroundURL splits a line made with URLMarker as the URL into the text
// before the URL and after it; ok is false when the line names no URL.
func AroundURL(line string) (before, after string, ok bool) {
	return strings.Cut(line, URLMarker)
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
