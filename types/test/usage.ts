// Uses every declaration of ../xdomainrequest.d.ts; must type-check under
// strict settings (see tsconfig.json). errors.ts holds what must not.
export {};

// The configuration global, set before the loader's script tag.
XDomainRequestConfig = { allowCrossScheme: true, allowAnyZone: false };
window.XDomainRequestConfig = { replaceNative: false };
globalThis.XDomainRequestConfig = {};
const config: XDomainRequestConfig | undefined = window.XDomainRequestConfig;
const crossScheme: boolean | undefined = config?.allowCrossScheme;

// The seed article's page, as printed (typed): feature test on window,
// handlers as plain functions, a text box's string assigned to timeout,
// the method in lower case, responseText read inside onprogress.
let xdr: XDomainRequest;
function readdata(): void {
    const dRes = document.getElementById('dResponse') as HTMLElement;
    dRes.innerText = xdr.responseText;
    alert("Content-type: " + xdr.contentType);
    alert("Length: " + xdr.responseText.length);
}
function err(): void { alert("XDR onerror"); }
function timeo(): void { alert("XDR ontimeout"); }
function loadd(): void { alert("XDR onload"); alert("Got: " + xdr.responseText); }
function progres(): void { alert("XDR onprogress"); alert("Got: " + xdr.responseText); }
function stopdata(): void { xdr.abort(); }
function mytest(): void {
    const tbURL = document.getElementById('tbURL') as HTMLInputElement;
    const tbTO = document.getElementById('tbTO') as HTMLInputElement;
    if (window.XDomainRequest) {
        xdr = new XDomainRequest();
        if (xdr) {
            xdr.onerror = err;
            xdr.ontimeout = timeo;
            xdr.onprogress = progres;
            xdr.onload = loadd;
            xdr.timeout = tbTO.value;   // a string: the polyfill accepts numeric strings
            xdr.open("get", tbURL.value);
            xdr.send();
        }
    }
}
void [readdata, stopdata, mytest, crossScheme];

// Bare global, window., globalThis. and self. all name the same constructor.
const ctors: XDomainRequestConstructor[] = [XDomainRequest, window.XDomainRequest, globalThis.XDomainRequest, self.XDomainRequest];

// Members and their types.
const x = new XDomainRequest();
const asTarget: EventTarget = x;
const isXDR: boolean = x instanceof XDomainRequest;
x.timeout = 10000;
x.timeout = "10000";
const ms: number = x.timeout;
x.open("POST", "https://api.example/items");
x.open("GET", new URL("/data.json", location.href));
x.send("a=1&b=2");
x.send(null);
x.send(undefined);
x.send();
x.abort();
const text: string = x.responseText;
const type: string = x.contentType;

x.onload = function (ev) {
    const self: XDomainRequest = this;   // `this` is the XDomainRequest
    const e: Event = ev;
    return [self.responseText, e.type];
};
x.onerror = () => undefined;
x.ontimeout = null;
x.onprogress = function () { console.log(this.responseText.length); };

function onProgress(this: XDomainRequest, ev: Event): void { console.log(this.responseText, ev.type); }
x.addEventListener("load", function (ev) { const t: string = this.contentType; void [t, ev.timeStamp]; });
x.addEventListener("error", (ev) => ev.preventDefault(), { once: true });
x.addEventListener("timeout", { handleEvent(ev: Event) { void ev; } });
x.addEventListener("progress", onProgress, false);
x.removeEventListener("progress", onProgress);
x.removeEventListener("progress", onProgress, { capture: false });
x.dispatchEvent(new Event("load"));

// Statics.
const ready: Promise<true> = XDomainRequest.ready;
async function whenReady(): Promise<boolean> {
    try {
        const ok: true = await XDomainRequest.ready;
        return ok;
    } catch (e) {
        console.error(e instanceof Error ? e.message : e);
        return false;
    }
}
const version: string = XDomainRequest.version;
const major: number = Number(XDomainRequest.version.split(".")[0]);
const stats: XDomainRequestStats = XDomainRequest.stats();
const counts: number[] = [stats.goRequests, stats.goHeap, stats.jsRequests, stats.held, stats.wasmMemory, stats.startBlocked, stats.startRun];
const route: "" | "async" | "module" | "bytes" | "fetched" | "script" = stats.startRoute;
const proto: XDomainRequest = XDomainRequest.prototype;

// A promise wrapper, as modern code would write around it.
function get(url: string, timeout = 10000): Promise<{ text: string; type: string }> {
    return new Promise((resolve, reject) => {
        const r = new XDomainRequest();
        r.timeout = timeout;
        r.onload = () => resolve({ text: r.responseText, type: r.contentType });
        r.onerror = () => reject(new Error("XDomainRequest error"));
        r.ontimeout = () => reject(new Error("XDomainRequest timeout"));
        r.open("GET", url);
        r.send();
    });
}

void [ctors, asTarget, isXDR, ms, text, type, ready, whenReady, version, major, counts, route, proto, get];
