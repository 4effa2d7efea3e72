// Type declarations for xdomainrequest-wasm: Internet Explorer's
// XDomainRequest on fetch, decided in Go/WebAssembly.
//
// The polyfill is a script, not a module: its <script> tags (or
// importScripts in a worker) define the globals below. Pick these
// declarations up with `/// <reference types="xdomainrequest-wasm" />`,
// `"types": ["xdomainrequest-wasm"]` in tsconfig.json, or
// `import "xdomainrequest-wasm";`.
//
// They need only what both the "dom" and the "webworker" libs declare
// (EventTarget, Event, Promise), so they type-check in pages and workers.

/** The events an XDomainRequest fires. */
interface XDomainRequestEventMap {
    /** The whole body has arrived with a 2xx status. */
    load: Event;
    /** Network failure, CORS refusal, a non-2xx status, a body cut short, or a GET with a body. */
    error: Event;
    /** `timeout` milliseconds passed before the response completed. */
    timeout: Event;
    /** Body data arrived; `responseText` holds everything received so far. */
    progress: Event;
}

/**
 * Internet Explorer 8–10's object for anonymous cross-origin requests:
 * GET or POST only, no request headers, no credentials, the body of a POST
 * sent as `text/plain`, and the response readable only when the server
 * answers with `Access-Control-Allow-Origin`.
 */
interface XDomainRequest extends EventTarget {
    /**
     * Prepares a request, cancelling any in flight without an event.
     * @param method `"GET"` or `"POST"`, in any letter case.
     * @param url An `http:` or `https:` URL; relative URLs resolve against the document's base URL.
     * @throws Error `Argument not optional.` when an argument is missing, `Invalid argument.`
     *   for another method or an unparsable URL, `Access is denied.` for a URL that breaks a
     *   restriction (scheme, zone, `user:pass@`).
     */
    open(method: string, url: string | URL): void;
    /**
     * Starts the request. A POST body is sent as `text/plain;charset=UTF-8`;
     * `null` and `undefined` (and `""` with a GET) mean no body.
     * At run time any other value is converted with `String()`; the types ask for a string.
     * @throws Error `Invalid state.` before `open()` or when called twice.
     */
    send(body?: string | null): void;
    /** Cancels the request; no event fires afterwards and `responseText`/`contentType` reset to `""`. */
    abort(): void;
    /** Milliseconds before `ontimeout`; `-1` (the initial value) or `0` mean none. */
    get timeout(): number;
    /**
     * Accepts a number or a numeric string (as the IE-era example assigns a
     * text box's `.value`); fractions are truncated, values above 2^31−1 capped.
     * @throws Error `Invalid argument.` for `NaN`, a non-numeric string or a
     *   negative number other than `-1`.
     */
    set timeout(value: number | string);
    /** The body decoded so far (the whole body at `onload`); `""` after `onerror`, `ontimeout` or `abort()`. */
    readonly responseText: string;
    /** The response's media type without parameters, lower-cased (`"application/json"`), or `""`. */
    readonly contentType: string;
    onload: ((this: XDomainRequest, ev: Event) => any) | null;
    onerror: ((this: XDomainRequest, ev: Event) => any) | null;
    ontimeout: ((this: XDomainRequest, ev: Event) => any) | null;
    onprogress: ((this: XDomainRequest, ev: Event) => any) | null;
    addEventListener<K extends keyof XDomainRequestEventMap>(type: K, listener: (this: XDomainRequest, ev: XDomainRequestEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
    removeEventListener<K extends keyof XDomainRequestEventMap>(type: K, listener: (this: XDomainRequest, ev: XDomainRequestEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** What the polyfill holds now (for leak checks and benchmarks). */
interface XDomainRequestStats {
    /** Requests the Go core tracks. */
    goRequests: number;
    /** Bytes of the Go heap in use. */
    goHeap: number;
    /** Requests whose JavaScript objects the edge holds. */
    jsRequests: number;
    /** Calls held until the wasm is ready (only where it could not be started synchronously). */
    held: number;
    /** Bytes of the wasm linear memory (0 before it is ready). */
    wasmMemory: number;
    /** Calls from JavaScript into Go so far (stats() itself included). */
    goCalls: number;
    /** Calls from Go into JavaScript so far. */
    goHostCalls: number;
    /** Garbage collections Go made at the edge's request so far. */
    goCollections: number;
    /** Timers the polyfill has set so far. */
    timers: number;
    /**
     * How the Go side started: `"async"` (in the background, before any call
     * needed it), or synchronously, for a call that needed its verdict
     * first: `"module"` (from the module compiled in the background),
     * `"bytes"` (from the bytes downloaded in the background) or `"fetched"`
     * (from bytes fetched with a synchronous request); `"script"` when the
     * bytes came from xdomainrequest.wasm.js, a classic script (the .wasm
     * could not be read: an opaque origin without CORS headers); `""` not yet.
     */
    startRoute: "" | "async" | "module" | "bytes" | "fetched" | "script";
    /** Milliseconds the synchronous start blocked the call that needed it (0: none). */
    startBlocked: number;
    /** Milliseconds `go.run` took: Go's runtime and `main`, until the core was installed. */
    startRun: number;
}

interface XDomainRequestConstructor {
    new (): XDomainRequest;
    readonly prototype: XDomainRequest;
    /**
     * Resolves with `true` once the Go side runs; rejects (with an Error that
     * says why, also written to `console.error`) when the wasm cannot load.
     * A call that needs the Go side before then starts it synchronously.
     */
    readonly ready: Promise<true>;
    /** The package version and the Go that built the wasm, e.g. `"0.1.0 (go1.26.8)"`. */
    readonly version: string;
    /** What the polyfill holds now. */
    stats(): XDomainRequestStats;
}

declare var XDomainRequest: XDomainRequestConstructor;

/**
 * Set before the loader's script tag; read once, when it runs. Only the
 * value `true` turns a rule off.
 */
interface XDomainRequestConfig {
    /** Let an `http:` page call `https:` URLs, and back. */
    allowCrossScheme?: boolean;
    /** Let an Internet page call intranet hosts. */
    allowAnyZone?: boolean;
    /** Replace a native XDomainRequest (otherwise a native one is kept). */
    replaceNative?: boolean;
}

declare var XDomainRequestConfig: XDomainRequestConfig | undefined;
