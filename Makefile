# XDomainRequest polyfill: Go/WebAssembly on fetch.
GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(firstword $(wildcard $(GOROOT)/lib/wasm/wasm_exec.js $(GOROOT)/misc/wasm/wasm_exec.js))
WASMFLAGS := -trimpath -ldflags='-s -w -buildid='
GOSRC     := $(filter-out %_test.go,$(wildcard *.go)) go.mod go.sum Makefile

.PHONY: all dist serve test unit node-test browser vet fuzz deps chromium webkit libs types bench bench-script profile screenshot clean
all: dist

DISTFILES := dist/xdomainrequest.wasm dist/wasm_exec.js dist/xdomainrequest.js dist/xdomainrequest.wasm.js

# dist/: the three files a page needs, each with its .gz and .br beside it,
# and xdomainrequest.wasm.js, the wasm as a classic script for pages that
# cannot read the .wasm (an opaque origin on a server without CORS headers).
dist: $(DISTFILES) dist/.compressed extension

# The browser extension (extension/, docs/extension.md), in two forms with
# the same files as dist/ and each packed as a zip:
# - dist/extension/, for users: it holds no site at install and asks for
#   each one at the toolbar button (optional_host_permissions);
# - dist/extension-managed/, for installs by policy: the same, with the
#   hosts in host_permissions (a browser grants a policy install those,
#   never optional ones), where the administrator's list decides.
EXTENSION_SRC   := $(wildcard extension/*)
EXTENSION_FILES := $(patsubst extension/%,dist/extension/%,$(EXTENSION_SRC)) \
	dist/extension/wasm_exec.js dist/extension/xdomainrequest.js dist/extension/xdomainrequest.wasm
.PHONY: extension
extension: dist/xdomainrequest-extension.zip dist/xdomainrequest-extension-managed.zip

dist/xdomainrequest-extension.zip: $(EXTENSION_FILES) internal/zipdir/main.go
	rm -f $(filter-out $(EXTENSION_FILES),$(wildcard dist/extension/*))
	$(GO) run ./internal/zipdir dist/extension $@

dist/xdomainrequest-extension-managed.zip: dist/xdomainrequest-extension.zip
	rm -rf dist/extension-managed
	cp -r dist/extension dist/extension-managed
	sed 's/"optional_host_permissions":/"host_permissions":/' dist/extension/manifest.json > dist/extension-managed/manifest.json
	grep -q '"host_permissions":' dist/extension-managed/manifest.json
	$(GO) run ./internal/zipdir dist/extension-managed $@

dist/extension/manifest.json: extension/manifest.json package.json
	@mkdir -p dist/extension
	$(call STAMP,on) $< > $@

dist/extension/%: extension/%
	@mkdir -p dist/extension
	cp $< $@

dist/extension/%: dist/%
	@mkdir -p dist/extension
	cp $< $@

dist/.compressed: $(DISTFILES) internal/precompress/main.go
	$(GO) run ./internal/precompress $(DISTFILES)
	@touch $@

dist/xdomainrequest.wasm: $(GOSRC)
	@mkdir -p dist
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $@ .

dist/xdomainrequest.wasm.js: dist/xdomainrequest.wasm internal/wasmscript/main.go
	$(GO) run ./internal/wasmscript $< $@

dist/wasm_exec.js: $(WASM_EXEC)
	@mkdir -p dist
	cp $< $@

VERSION   := $(shell sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' package.json | head -1)
GOVERSION := $(shell $(GO) env GOVERSION)

STAMP = sed -e 's/@VERSION@/$(VERSION)/' -e 's/@GOVERSION@/$(GOVERSION)/' -e 's/@KEEP@/$(1)/'

# The edge and loader: the files of js/, joined in name order (they are
# the parts of one function; js/10-head.js opens it, js/90-install.js
# closes it).
EDGE_JS := $(sort $(wildcard js/*.js) js/20-wire.js)

# The numbers that cross between the languages: js/20-wire.js (checked in)
# is generated from the declarations of xdr_wire.go marked //xdr:wire, and
# the Node tests' table of them, entries and host calls with it; the
# generator type-checks the whole root package (a constant may name
# another file's), so every Go file of it is a prerequisite.
WIREGEN := $(filter-out %_test.go,$(wildcard *.go internal/wiregen/*.go internal/protocol/*.go))

js/20-wire.js: $(WIREGEN)
	$(GO) run ./internal/wiregen -js $@

test/node/build/wire.json: $(WIREGEN)
	$(GO) run ./internal/wiregen -table $@

dist/xdomainrequest.js: $(EDGE_JS) package.json Makefile
	@mkdir -p dist
	cat $(EDGE_JS) | $(call STAMP,on) > $@

# The test build of the differential test (test/node): the same edge with
# every kept answer and deferral off (KEEP), never shipped.
test/node/build/xdomainrequest.js: $(EDGE_JS) package.json Makefile
	@mkdir -p test/node/build
	cat $(EDGE_JS) | $(call STAMP,off) > $@

serve: dist
	@$(GO) build -o bin/xdrserve ./cmd/xdrserve
	@./bin/xdrserve $(SERVEFLAGS)

vet:
	gofmt -l . | (! grep .) || (echo "gofmt needed on the files above"; exit 1)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

deps: chromium webkit
	@sh scripts/ensure-browser.sh firefox-esr /usr/bin/firefox-esr XDR_FIREFOX

# WebKitGTK: WebKitWebDriver (its package brings MiniBrowser) and Xvfb, as
# MiniBrowser has no headless mode.
webkit:
	@sh scripts/ensure-browser.sh webkit2gtk-driver /usr/bin/WebKitWebDriver XDR_WEBKITDRIVER
	@sh scripts/ensure-browser.sh xvfb /usr/bin/Xvfb XDR_XVFB

chromium:
	@sh scripts/ensure-browser.sh chromium /usr/bin/chromium XDR_CHROMIUM

# Test-only JavaScript: real XDR-era libraries and their servers, pinned by
# e2e/libs/package-lock.json (node_modules is never committed).
libs:
	npm ci --prefix e2e/libs --no-audit --no-fund --loglevel=error

# The TypeScript declarations, checked by a pinned tsc against usage files
# (and against lines that must not type-check).
types:
	npm ci --prefix types/test --no-audit --no-fund --loglevel=error
	types/test/node_modules/.bin/tsc -p types/test
	types/test/node_modules/.bin/tsc -p types/test/worker

unit:
	$(GO) test -count=1 .

# The tests under Node (test/node, docs/testing.md), on the real wasm:
# the unit tests of the edge (test/node/unit: the edge built from js/ as
# dist's is, a fresh realm per test); wire.test.js: every crossing's name
# and argument count against xdr_wire.go's table, and first()'s packed
# number; the differential test of the kept answers: the shipped edge and
# the test build with nothing kept must give the same traces;
# NODE_SCRIPTS generated scripts (XDR_SEED picks the first case's seed)
# and the fixed cases.
NODE_SCRIPTS ?= 10000
node-test: dist test/node/build/xdomainrequest.js test/node/build/wire.json
	node --test test/node/unit/*.test.js
	XDR_SCRIPTS=$(NODE_SCRIPTS) node --test test/node/wire.test.js test/node/differential.test.js

browser: deps libs dist
	$(GO) test -count=1 -timeout 60m -v ./e2e/

FUZZTIME ?= 3s
# Every fuzz target of fuzz_test.go.
FUZZ      := $(shell grep -o '^func Fuzz[A-Za-z0-9_]*' fuzz_test.go | cut -c6-)

# Every test: vet and gofmt, core unit tests, the browser tests (Chromium,
# Firefox and WebKit), the unit tests of the edge and the differential
# test of the kept answers under Node, then each fuzz target for FUZZTIME.
test: vet types deps libs dist
	$(GO) test -count=1 -timeout 60m ./...
	@$(MAKE) -s node-test
	@$(MAKE) -s fuzz

# A run that fails with "context deadline exceeded" and writes no failing
# input is Go 1.26's fuzzing coordinator racing its own -fuzztime deadline
# (go.dev/issue/75804, fixed in Go 1.27), not a finding: that target is run
# once more. Any written failing input fails at once.
fuzz:
	@log=$$(mktemp); trap 'rm -f "$$log"' EXIT; \
	for f in $(FUZZ); do \
		for try in 1 2; do \
			echo "fuzz $$f for $(FUZZTIME)"; \
			if $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) . >"$$log" 2>&1; then break; fi; \
			if [ $$try = 1 ] && grep -q 'context deadline exceeded' "$$log" && ! grep -q 'Failing input written' "$$log"; then \
				echo "fuzz $$f: the coordinator's deadline race (go.dev/issue/75804), no failing input; once more"; continue; \
			fi; \
			cat "$$log"; exit 1; \
		done; \
	done

# docs/demo.png, the README's screenshot of web/demo.html, taken by the
# browser test that drives the demo.
screenshot: deps dist
	XDR_SCREENSHOT=$(CURDIR)/docs/demo.png $(GO) test -count=1 -run '^TestDemoScreenshot$$' ./e2e/

# Benchmarks in every engine of the browser suite (figures, not
# assertions); BENCH_ENGINES=chromium and BENCH_DIST=dir narrow or redirect
# them (e2e/bench_test.go).
bench: dist deps
	$(MAKE) -s _bench

_bench:
	$(GO) test -tags bench -count=1 -timeout 90m -run '^TestBench$$' -v ./e2e/ | grep -v '^=== '

# Where a request's time goes: Chromium's profiler and the crossings per
# request (e2e/bench_profile_test.go).
profile: dist deps
	$(GO) test -tags bench -count=1 -run '^TestBench(Profile|Ladder)$$' -v ./e2e/ | grep -v '^=== '

# One measurement script in the bench page of every engine, for A/B work
# (e2e/bench_script_test.go; SCRIPT=bench/ab/turns.js, blocks.js,
# first-calls.js, pair.js or stream-pair.js; BENCH_DIST=dir measures another build).
bench-script: dist deps
	$(GO) test -tags bench -count=1 -timeout 90m -run '^TestBenchScript$$' -v ./e2e/ | grep -v '^=== '

clean:
	rm -rf dist bin test/node/build test/node/failures
