// Each line after a `@ts-expect-error` must be a type error: if the
// declarations were too loose (e.g. `any`), tsc reports the directive as
// unused and the check fails.
export {};

const x = new XDomainRequest();

// @ts-expect-error XDomainRequest has no request headers
x.setRequestHeader("X-Requested-With", "x");
// @ts-expect-error nor status, readyState or withCredentials
x.status;
// @ts-expect-error nor withCredentials
x.withCredentials = true;
// @ts-expect-error responseText is read-only
x.responseText = "forged";
// @ts-expect-error contentType is read-only
x.contentType = "text/html";
// @ts-expect-error the method is a string
x.open(1, "https://api.example/");
// @ts-expect-error open takes a method and a URL
x.open("GET");
// @ts-expect-error the URL is a string or a URL
x.open("GET", 42);
// @ts-expect-error the body is a string
x.send({ a: 1 });
// @ts-expect-error timeout takes a number or a numeric string
x.timeout = true;
// @ts-expect-error timeout reads back as a number
const t: string = x.timeout;
// @ts-expect-error handlers are functions or null
x.onload = "alert(1)";
// @ts-expect-error there is no onreadystatechange
x.onreadystatechange = null;
// @ts-expect-error the handler's event is an Event
x.onprogress = function (ev: string) { void ev; };
// @ts-expect-error `this` in a handler is the XDomainRequest
x.onload = function (this: XMLHttpRequest) { void this; };
// @ts-expect-error a class: call it with new
const y = XDomainRequest();
// @ts-expect-error ready is read-only
XDomainRequest.ready = Promise.resolve(true);
// @ts-expect-error version is read-only
XDomainRequest.version = "9";
// @ts-expect-error ready resolves with true
const r: Promise<string> = XDomainRequest.ready;
// @ts-expect-error stats() holds numbers
const s: string = XDomainRequest.stats().goRequests;
// @ts-expect-error stats() has no such field
XDomainRequest.stats().requests;
// @ts-expect-error config values are booleans
XDomainRequestConfig = { allowAnyZone: "yes" };
// @ts-expect-error config names are checked (a typo)
XDomainRequestConfig = { allowAnyzone: true };
// @ts-expect-error the config may be unset
const c: XDomainRequestConfig = window.XDomainRequestConfig;
// @ts-expect-error not an XMLHttpRequest
const xhr: XMLHttpRequest = x;

void [t, y, r, s, c, xhr];
