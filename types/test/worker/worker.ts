// In a Web Worker (lib "webworker", no DOM) the same globals type-check.
export {};

importScripts("wasm_exec.js", "xdomainrequest.js");
const ctors: XDomainRequestConstructor[] = [XDomainRequest, self.XDomainRequest, globalThis.XDomainRequest];
self.XDomainRequestConfig = { allowAnyZone: true };

onmessage = async (e: MessageEvent<string>) => {
    await XDomainRequest.ready;
    const x = new XDomainRequest();
    x.timeout = "5000";
    x.onload = function () { postMessage(this.responseText); };
    x.addEventListener("error", () => postMessage(null));
    x.open("GET", e.data);
    x.send();
};

void ctors;
