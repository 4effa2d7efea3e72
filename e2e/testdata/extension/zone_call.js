// open() towards url from this page: "opened", or the message it threw
// (an Internet page towards an intranet address: "Access is denied."
// unless the page's XDomainRequestConfig allows any zone).
(function (url) {
  try {
    new XDomainRequest().open('GET', url);
    return 'opened';
  } catch (e) {
    return e.message;
  }
})
