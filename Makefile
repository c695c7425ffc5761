# idp-connections: the project's interface. Every target installs what it needs on a fresh machine
# and skips what is already there.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CRATE        := idp_connections
WASM_TARGET  := wasm32-unknown-unknown
WB_VERSION   := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
TOOLS        := $(CURDIR)/.tools
WASM_BINDGEN := $(TOOLS)/bin/wasm-bindgen
WASM_OPT     := node_modules/.bin/wasm-opt
ESBUILD      := node_modules/.bin/esbuild
CARGO_TARGET := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
RELEASE_WASM := $(CARGO_TARGET)/$(WASM_TARGET)/release/$(CRATE).wasm
VERSION      := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
TARBALL      := dist/idp-connections-$(VERSION).tgz
# The features the wasm uses; listed explicitly so wasm-opt emits nothing a runtime cannot load.
# Closure shims carry a build hash in their names; the snapshot replaces it so only real type
# changes show in review.
NORMALIZE_DTS := sed -E 's/__h[0-9a-f]{16}/__h<hash>/g'
# wasm-opt's size passes, to a fixed point; the module never imports its memory (zero-filled at
# start) and Rust leaves the first KB unused; custom sections a runtime never reads are dropped.
WASM_OPT_FLAGS := -Oz --converge --low-memory-unused --zero-filled-memory --strip-producers --strip-target-features
# `make pkg DEBUG_INFO=1`: keep the wasm's name section (Rust function names in stack traces and
# profiles; wasm-opt drops it otherwise) and write source maps for the CommonJS bundles.
DEBUG_INFO ?= 0
ifeq ($(DEBUG_INFO),1)
WASM_OPT_FLAGS += -g
CJS_FLAGS := --sourcemap
endif
# The wasm's bytes must not depend on whether the toolchain's `rust-src` component is installed
# (rust-analyzer installs it): with it, rustc writes the standard library's panic locations as local
# paths (`~/.rustup/…/lib/rustlib/src/rust/library/…`) rather than `/rustc/<commit>/library/…`,
# and `make test-size` would fail on such a machine. Every wasm32 build the Makefile runs maps them
# back (a caller's own setting of the variable wins).
RUST_SYSROOT := $(shell rustc --print sysroot 2>/dev/null)
RUST_COMMIT  := $(shell rustc -vV 2>/dev/null | sed -n 's/^commit-hash: //p')
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?= --remap-path-prefix=$(RUST_SYSROOT)/lib/rustlib/src/rust=/rustc/$(RUST_COMMIT)
WASM_FEATURES := --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
                 --enable-sign-ext --enable-reference-types --enable-multivalue

.PHONY: demo www docs test-toolchains test-console tenant bench fuzz chromium help tools pkg pack install test test-rust test-rust-client test-rust-example test-node test-workerd test-browser test-types test-size size-snapshot golden generate clean

help:
	@echo "make demo     the admin console against an embedded local tenant: http://127.0.0.1:$${PORT:-8080}/"
	@echo "make pkg      build the npm package into pkg/ and print its sizes"
	@echo "make test     every test suite: native Rust, Node, workerd, Chromium, TypeScript"
	@echo "make tenant   the local tenant on 127.0.0.1:$${PORT:-4010} (Auth0 + Okta emulator)"
	@echo "make bench    size, speed, cold start and paging beside zod, ajv and the auth0 SDK"
	@echo "make fuzz     the property tests at FUZZ_CASES (default 500000) cases each"
	@echo "make golden   accept the current generated .d.ts as the reviewed snapshot"
	@echo "make size-snapshot  accept the package's current sizes (tests/size.snap) as the reviewed snapshot"
	@echo "make docs     API reference generated from the .d.ts into target/docs"
	@echo "make generate rewrite the files generated from spec/ (tables, models, operations)"

# ---------------------------------------------------------------- tools (installed when missing)
tools: .tools/rust-target $(WASM_BINDGEN) node_modules/.package-lock.json

.tools/rust-target:
	@mkdir -p .tools
	rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@touch $@

$(WASM_BINDGEN):
	@echo "installing wasm-bindgen-cli $(WB_VERSION) into .tools (a few minutes, once)"
	cargo install wasm-bindgen-cli --version =$(WB_VERSION) --root $(TOOLS)

# A linked node_modules (a helper worktree sharing the lead's install) is never reinstalled:
# `npm ci` would empty the linked directory for every tree that shares it.
node_modules/.package-lock.json: package-lock.json
	@if [ -L node_modules ]; then echo "node_modules is a link to a shared install: not running npm ci"; \
	  else npm ci --no-audit --no-fund && touch $@; fi

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# ---------------------------------------------------------------- the package
pkg: tools
	@# The validators-only wasm (idp-connections/validate) first, then the whole package's.
	cargo rustc --lib --release --target $(WASM_TARGET) --crate-type cdylib --no-default-features
	@mkdir -p target && cp $(RELEASE_WASM) target/validate.wasm
	cargo rustc --lib --release --target $(WASM_TARGET) --crate-type cdylib
	rm -rf pkg target/bindgen target/bindgen-validate && mkdir -p pkg/validate target/bindgen target/bindgen-validate
	$(WASM_BINDGEN) --target web --out-dir target/bindgen --out-name $(CRATE) $(RELEASE_WASM)
	$(WASM_BINDGEN) --target web --out-dir target/bindgen-validate --out-name validate target/validate.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(WASM_FEATURES) target/bindgen/$(CRATE)_bg.wasm -o pkg/$(CRATE)_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(WASM_FEATURES) target/bindgen-validate/validate_bg.wasm -o pkg/validate/validate_bg.wasm
	cp target/bindgen/$(CRATE).js target/bindgen/$(CRATE).d.ts pkg/
	cp target/bindgen-validate/validate.js target/bindgen-validate/validate.d.ts pkg/validate/
	@# Short import/export names in place of wasm-bindgen's hashed ones (names only; ~2 KB gzip).
	node scripts/short-imports.mjs pkg/$(CRATE)_bg.wasm pkg/$(CRATE).js pkg/$(CRATE).d.ts
	node scripts/short-imports.mjs pkg/validate/validate_bg.wasm pkg/validate/validate.js pkg/validate/validate.d.ts
	@# No repeated import keys, no default wasm URL, no init declarations (they need the DOM lib).
	node scripts/glue-fixups.mjs pkg/$(CRATE).js pkg/$(CRATE).d.ts
	node scripts/glue-fixups.mjs pkg/validate/validate.js pkg/validate/validate.d.ts
	cp -R pkg-template/. pkg/
	@# The validators-only entry's JS half is the main one over the other wasm module.
	sed "s#'../idp_connections.js'#'../validate/validate.js'#" pkg/lib/validators.js > pkg/lib/validators-only.js
	@# Browsers, bundlers, workers, Deno and CommonJS compile the wasm from inline text, synchronously.
	node scripts/inline-wasm.mjs pkg/$(CRATE)_bg.wasm pkg/lib/wasm-inline.js
	node scripts/inline-wasm.mjs pkg/validate/validate_bg.wasm pkg/validate/lib/wasm-inline.js
	@# CommonJS (`require`, Jest): each entry bundled once, with .d.cts twins of the declarations.
	@# esbuild's cjs output refuses a top-level await, so this also proves the entries have none.
	$(ESBUILD) pkg/browser.js --bundle --format=cjs --platform=neutral --log-level=warning $(CJS_FLAGS) --outfile=pkg/index.cjs
	$(ESBUILD) pkg/validate/browser.js --bundle --format=cjs --platform=neutral --log-level=warning $(CJS_FLAGS) --outfile=pkg/validate/index.cjs
	node scripts/cts-types.mjs pkg
	cp LICENSE-MIT LICENSE-APACHE CHANGELOG.md pkg/
	node scripts/pkg-check.mjs pkg $(VERSION)

pack: pkg
	@mkdir -p dist
	rm -f dist/*.tgz
	cd pkg && npm pack --silent --pack-destination ../dist >/dev/null
	@echo "packed $(TARBALL)"

# API reference from the package's declarations (typedoc, pinned with the toolchain tools) into target/docs.
docs: pkg
	@cd tests/toolchains && { [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	tests/toolchains/node_modules/.bin/typedoc --options tools/typedoc.json
	@echo "API docs: target/docs/index.html"

# ---------------------------------------------------------------- the console
# The console installs the packed tarball, as an npm user would.
www: pack
	cd www && npm install --no-save --no-package-lock --no-audit --no-fund ../$(TARBALL) >/dev/null

demo: www
	node scripts/demo.mjs

# ---------------------------------------------------------------- the local tenant
tenant: node_modules/.package-lock.json
	node tenant/cli.mjs --port $${PORT:-4010} --seed sample

# ---------------------------------------------------------------- benchmarks
bench: pack
	cd bench && npm install --no-save --no-package-lock --no-audit --no-fund ../$(TARBALL) >/dev/null
	node bench/run.mjs

# ---------------------------------------------------------------- long property runs
FUZZ_CASES ?= 500000
# The short property run inside make test.
TEST_CASES ?= 2000
FUZZ_TESTS := $(patsubst tests/%.rs,%,$(wildcard tests/*_props.rs))
fuzz:
	@echo "running $(FUZZ_TESTS) at $(FUZZ_CASES) cases per property"
	PROPTEST_CASES=$(FUZZ_CASES) cargo test --release $(addprefix --test ,$(FUZZ_TESTS))

# ---------------------------------------------------------------- generated from spec/
# Each writes its files (Rust through rustfmt) and, with --check, fails when one differs (test-rust).
generate:
	python3 tools/gen_schemas.py
	python3 tools/gen_models.py
	python3 tools/gen_operations.py

# ---------------------------------------------------------------- tests
test: test-rust test-rust-client test-rust-example install test-size test-node test-workerd test-browser test-console test-types test-toolchains
	@echo "all test layers passed"

test-rust:
	python3 -m unittest discover -s tools
	python3 tools/spec_overlay.py --check
	python3 tools/gen_schemas.py --check
	python3 tools/gen_models.py --check
	python3 tools/gen_operations.py --check
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	PROPTEST_CASES=$(TEST_CASES) cargo test

# The Rust async API (feature rust-client): linted for wasm32, its pure parts tested natively, then
# its wasm-bindgen-test suite (tests/rust_client.rs) run in Node by wasm-bindgen-test-runner against
# a local tenant on a free port (tests/rust-client/run.mjs passes its origin as IDP_TENANT_URL).
test-rust-client: .tools/rust-target $(WASM_BINDGEN) node_modules/.package-lock.json
	cargo clippy --all-targets --target $(WASM_TARGET) --features rust-client -- -D warnings
	cargo test --features rust-client --lib rust_client
	cargo test --features rust-client --doc rust_client
	node tests/rust-client/run.mjs

# The workers-rs Worker over the Rust API (examples/rust-worker, its own Cargo project) builds
# for wasm32 (in the same target directory), then runs in workerd against a local tenant.
test-rust-example: .tools/rust-target $(WASM_BINDGEN) node_modules/.package-lock.json
	CARGO_TARGET_DIR=$(CARGO_TARGET) cargo build --manifest-path examples/rust-worker/Cargo.toml --target $(WASM_TARGET)
	rm -rf target/rust-worker
	$(WASM_BINDGEN) --target web --out-dir target/rust-worker --out-name worker $(CARGO_TARGET)/$(WASM_TARGET)/debug/idp_connections_rust_worker.wasm
	node --test tests/rust-client/worker.test.mjs

# The consumer project tests/ installs the packed tarball exactly as a user would.
install: pack
	rm -rf tests/node_modules/idp-connections
	cd tests && npm install --no-save --no-package-lock --no-audit --no-fund ../$(TARBALL)

test-node: install
	node --test --test-concurrency=1 tests/node/

test-workerd: install
	node --test tests/workerd/

test-browser: chromium install
	node --test tests/browser/

test-console: www chromium
	node --test --test-concurrency=1 tests/console/

# Vite 5-8, webpack, Rspack, Parcel, esbuild, Rollup, Jest, Vitest, Bun, Node, Deno, tsc, attw, publint against the packed
# tarball; the tools are pinned in tests/toolchains/package-lock.json and installed there once.
test-toolchains: chromium pack
	node --test --test-force-exit tests/toolchains/toolchains.test.mjs

test-types: install
	node tests/types/gen-model-payloads.mjs --check
	$(NORMALIZE_DTS) tests/node_modules/idp-connections/$(CRATE).d.ts > target/$(CRATE).d.ts.normalized
	diff -u tests/types/golden/$(CRATE).d.ts target/$(CRATE).d.ts.normalized \
	  || { echo "the generated .d.ts changed: review the diff, then run 'make golden'"; exit 1; }
	node_modules/.bin/tsc -p tests/types/tsconfig.json
	@# The JS layer (each file `// @ts-check`) type-checked as built, without the package's .d.ts
	@# files, which declare only the public API and would stand in for the JS they describe.
	rm -rf target/checkjs && cp -R pkg target/checkjs
	find target/checkjs \( -name '*.d.ts' -o -name '*.d.cts' \) -delete
	node_modules/.bin/tsc -p tools/tsconfig.checkjs.json

# The package's sizes against the committed snapshot (scripts/size-snapshot.mjs): every shipped file,
# the README's two bundles, each wasm's largest functions (from a copy built by the same passes with
# -g, which keeps the names). A size change fails here until `make size-snapshot` accepts it.
SIZE_SNAP  := tests/size.snap
define size_snapshot
	@mkdir -p target/size
	$(WASM_OPT) $(WASM_OPT_FLAGS) -g $(WASM_FEATURES) target/bindgen/$(CRATE)_bg.wasm -o target/size/$(CRATE)_bg.names.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) -g $(WASM_FEATURES) target/bindgen-validate/validate_bg.wasm -o target/size/validate_bg.names.wasm
	node scripts/size-snapshot.mjs pkg $(SIZE_SNAP) $(1) $(CRATE)_bg.wasm=target/size/$(CRATE)_bg.names.wasm validate/validate_bg.wasm=target/size/validate_bg.names.wasm
endef

test-size: pkg
	$(call size_snapshot,--check)

size-snapshot: pkg
	$(call size_snapshot,--write)

golden: pkg
	mkdir -p tests/types/golden
	$(NORMALIZE_DTS) pkg/$(CRATE).d.ts > tests/types/golden/$(CRATE).d.ts

clean:
	rm -rf pkg dist target/bindgen tests/node_modules
