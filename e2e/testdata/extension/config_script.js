// A page that sets XDomainRequestConfig in its first inline script, as a
// page written for the polyfill does before its script tags: the
// extension's copy, which ran before it, still reads it. ?<endpoint on
// 127.0.0.1> is an intranet address, which an Internet page may reach
// only with allowAnyZone. No call is made here: the Go side starts once
// the document is parsed (check_config.js makes the call after that).
window.XDomainRequestConfig = { allowAnyZone: true };
