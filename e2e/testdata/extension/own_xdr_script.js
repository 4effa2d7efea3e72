// A page with an XDomainRequest of its own, defined in its first inline
// script (a shim of its own, say): it replaces the extension's, which ran
// before, and keeps it (extension_test.go).
window.XDomainRequest = function OwnXDomainRequest() {};
