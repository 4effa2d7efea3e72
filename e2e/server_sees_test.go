//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What arrives at the server: the security rules checked on the HTTP wire
// (method, Origin, Content-Type, body, and never a cookie, an
// Authorization header or a preflight), by the recording sites of
// sites_test.go.

// TestServerSeesRequests sends GET and POST requests from a page on one origin to
// another and checks what arrives: the method in upper case, the page's
// Origin, a text/plain POST body, no cookie, no Authorization, and never an
// OPTIONS preflight.
func TestServerSeesRequests(t *testing.T) { forEachEngine(t, testServerSeesRequests) }

func testServerSeesRequests(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	api := c.api

	type post struct {
		name   string
		method string
		body   string // a JavaScript expression, "" for send()
		want   string // the body that must arrive
		hasCT  bool   // a Content-Type must arrive (there is a body)
	}
	cases := []post{
		{"POST string", "POST", `"hello, wire"`, "hello, wire", true},
		{"POST non-ASCII string as UTF-8", "POST", `"h\u00e9llo \u2603"`, "h\u00e9llo \u2603", true},
		{"POST JSON-looking string stays text/plain", "POST", `'{"a":1}'`, `{"a":1}`, true},
		{"POST number 42 is String(42)", "POST", `42`, "42", true},
		{"POST object is String(obj)", "POST", `{}`, "[object Object]", true},
		{"POST true is String(true)", "POST", `true`, "true", true},
		{"POST null is no body", "POST", `null`, "", false},
		{"POST undefined is no body", "POST", `undefined`, "", false},
		{"POST send() is no body", "POST", ``, "", false},
		{"lower-case post", "post", `"lc"`, "lc", true},
		{"mixed-case PoST", "PoST", `"mc"`, "mc", true},
		{"GET", "GET", ``, "", false},
		{"lower-case get", "get", ``, "", false},
		{"mixed-case gEt", "gEt", ``, "", false},
		{"GET with empty-string body", "GET", `""`, "", false},
		{"GET with null body", "GET", `null`, "", false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tag := "wire" + strconv.Itoa(i)
			bodyOpt := ""
			if tc.body != "" {
				bodyOpt = ", body: " + tc.body
			}
			rec := c.runT(t, fmt.Sprintf(`{method: %s, url: %s%s}`, jsStr(tc.method), jsStr(api.u("/x/echo", "id", tag)), bodyOpt))
			rec.terminal(t, "load")
			assert.Equal(t, tc.want, rec.Text, "the echoed body is responseText at the end")
			got := api.one(t, tag, 2*time.Second)
			assert.Equal(t, strings.ToUpper(tc.method), got.Method, "method on the wire")
			assert.Equal(t, c.page.URL, got.Origin, "Origin is the page's origin")
			assert.Equal(t, tc.want, got.Body, "body on the wire")
			if tc.hasCT {
				assert.Equal(t, "text/plain;charset=UTF-8", got.ContentType, "a POST body goes as text/plain")
			} else {
				assert.Empty(t, got.ContentType, "no body, no Content-Type")
				assert.False(t, got.HasBody, "no body announced")
			}
			assert.Empty(t, got.Cookie, "anonymous: no Cookie")
			assert.Empty(t, got.Authorization, "anonymous: no Authorization")
		})
	}
	t.Run("never a preflight", func(t *testing.T) {
		assert.Empty(t, api.preflights(), "no OPTIONS request ever arrived")
		assert.Empty(t, c.page.preflights(), "no OPTIONS request ever arrived at the page origin")
	})
}

// TestServerSeesGetWithBody: a GET with a non-empty body ends in onerror and no
// request leaves the browser.
func TestServerSeesGetWithBody(t *testing.T) { forEachEngine(t, testServerSeesGetWithBody) }

func testServerSeesGetWithBody(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)
	for i, body := range []string{`"x"`, `"some data"`, `0`, `{}`} {
		t.Run(body, func(t *testing.T) {
			tag := "getbody" + strconv.Itoa(i)
			url := c.api.u("/x/echo", "id", tag)
			rec := c.runT(t, fmt.Sprintf(`{method: "GET", url: %s, body: %s}`, jsStr(url), body))
			rec.terminal(t, "error")
			rec.cleared(t)
			assert.Empty(t, rec.progress(), "no onprogress")
			time.Sleep(100 * time.Millisecond)
			assert.Empty(t, c.api.tagged(tag), "nothing arrives at the server")
			c.warned(t, url, "GET")
		})
	}
}

// TestServerSeesAnonymous: no cookie reaches a server through XDomainRequest, not
// even the page's own origin that set one, and a Set-Cookie in an XDR
// response is not stored. A 401 asking for credentials is onerror, with no
// Authorization ever sent.
func TestServerSeesAnonymous(t *testing.T) { forEachEngine(t, testServerSeesAnonymous) }

func testServerSeesAnonymous(t *testing.T, e *engine) {
	c := confSetup(t, e, nil)

	// Control: the cookies are really there for a credentialed request.
	evalT[string](t, c.tb, fmt.Sprintf(`fetch(%s, {credentials: 'include'}).then(r => r.text())`, jsStr(c.page.u("/x/echo", "id", "control"))))
	ctrl := c.page.one(t, "control", 2*time.Second)
	require.Contains(t, ctrl.Cookie, pageCookie, "control: the page's Set-Cookie is stored")
	require.Contains(t, ctrl.Cookie, pageJSCookie, "control: the document.cookie is stored")

	t.Run("same origin as the page", func(t *testing.T) {
		rec := c.runT(t, fmt.Sprintf(`{url: %s}`, jsStr(c.page.u("/x/echo", "id", "same"))))
		rec.terminal(t, "load")
		got := c.page.one(t, "same", 2*time.Second)
		assert.Empty(t, got.Cookie, "no Cookie to the page's own origin")
	})
	t.Run("same origin POST", func(t *testing.T) {
		rec := c.runT(t, fmt.Sprintf(`{method: "POST", body: "b", url: %s}`, jsStr(c.page.u("/x/echo", "id", "samepost"))))
		rec.terminal(t, "load")
		got := c.page.one(t, "samepost", 2*time.Second)
		assert.Empty(t, got.Cookie, "no Cookie to the page's own origin")
		assert.Equal(t, "text/plain;charset=UTF-8", got.ContentType)
	})
	t.Run("other origin, same host", func(t *testing.T) {
		// Cookies do not isolate ports: a credentialed request to the
		// endpoint origin would carry the page's cookies.
		rec := c.runT(t, fmt.Sprintf(`{url: %s}`, jsStr(c.api.u("/x/echo", "id", "other"))))
		rec.terminal(t, "load")
		got := c.api.one(t, "other", 2*time.Second)
		assert.Empty(t, got.Cookie)
	})
	t.Run("Set-Cookie in a response is ignored", func(t *testing.T) {
		rec := c.runT(t, fmt.Sprintf(`{url: %s}`, jsStr(c.page.u("/x/setcookie", "id", "set"))))
		rec.terminal(t, "load")
		assert.Equal(t, "cookie offered", rec.Text)
		cookies := evalT[string](t, c.tb, `document.cookie`)
		assert.NotContains(t, cookies, "xdrleak", "document.cookie")
		evalT[string](t, c.tb, fmt.Sprintf(`fetch(%s, {credentials: 'include'}).then(r => r.text())`, jsStr(c.page.u("/x/echo", "id", "after"))))
		got := c.page.one(t, "after", 2*time.Second)
		assert.NotContains(t, got.Cookie, "xdrleak", "a credentialed request after it")
	})
	t.Run("401 asking for credentials", func(t *testing.T) {
		url := c.api.u("/x/auth", "id", "auth")
		rec := c.runT(t, fmt.Sprintf(`{url: %s}`, jsStr(url)))
		rec.terminal(t, "error")
		rec.cleared(t)
		got := c.api.tagged("auth")
		require.Len(t, got, 1, "one request, not retried with credentials")
		assert.Empty(t, got[0].Authorization)
		c.warned(t, url, "401")
	})
	t.Run("URL with user:pass@ is denied", func(t *testing.T) {
		for _, u := range []string{
			"http://user:pass@127.0.0.1:" + c.api.Port + "/x/echo?id=cred1",
			"http://user@127.0.0.1:" + c.api.Port + "/x/echo?id=cred2",
			"http://:pass@127.0.0.1:" + c.api.Port + "/x/echo?id=cred3",
		} {
			rec := c.runT(t, fmt.Sprintf(`{url: %s}`, jsStr(u)))
			rec.threw(t, "Access is denied.")
		}
		time.Sleep(100 * time.Millisecond)
		assert.Empty(t, c.api.tagged("cred1"))
		assert.Empty(t, c.api.tagged("cred2"))
		assert.Empty(t, c.api.tagged("cred3"))
		c.warned(t, "user", "password")
	})
	t.Run("never a preflight", func(t *testing.T) {
		assert.Empty(t, c.api.preflights())
		assert.Empty(t, c.page.preflights())
	})
}
