# Two commands do all the set-up on a fresh Debian machine with Rust, Node and apt:
#   make serve   installs what is missing, builds, serves on http://127.0.0.1:8080
#   make test    installs what is missing and runs every test
# Every install step checks first and is skipped when the right version is there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen version pinned in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
APT_PACKAGES := chromium chromium-driver poppler-utils qpdf brotli
CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CARGO_HOME)/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help serve test setup setup-rust setup-apt setup-node setup-hooks lint test-native test-browser \
        build-release test-e2e bench setup-lighthouse bench-catalogs clean

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:8080"
	@echo "make test    run every test (lint, native, browser, end-to-end)"
	@echo "make bench   print performance figures (make bench-catalogs: the catalogues' wasm share)"

## ---- set-up ---------------------------------------------------------------

setup: setup-rust setup-apt setup-node

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@for c in rustfmt clippy; do \
	  rustup component list --installed | grep -q "^$$c" || rustup component add $$c; done
	@if trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)"; then :; else \
	  echo "Installing trunk $(TRUNK_VERSION) (about 7 minutes, once)"; \
	  cargo install --locked trunk --version $(TRUNK_VERSION); fi
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "wasm-bindgen not found in Cargo.lock"; exit 1; }
	@# Without --locked: its lockfile pins a webpki-roots version the registry does not serve.
	@if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then :; else \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	@cargo fetch --quiet

setup-apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

setup-node: tests/e2e/node_modules/.package-lock.json setup-hooks

# The release build's post-build hook needs binaryen (npm; see .trunk-hooks/csp.mjs).
setup-hooks: .trunk-hooks/node_modules/.package-lock.json

.trunk-hooks/node_modules/.package-lock.json: .trunk-hooks/package-lock.json .trunk-hooks/package.json
	cd .trunk-hooks && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

tests/e2e/node_modules/.package-lock.json: tests/e2e/package-lock.json tests/e2e/package.json
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## ---- serve ----------------------------------------------------------------

serve: setup-rust
	trunk serve --offline --address 127.0.0.1 --port 8080

## ---- tests ----------------------------------------------------------------

test: setup
	@$(MAKE) --no-print-directory lint test-native test-browser build-release test-e2e

# --all-targets includes the tests, whose dev-dependency on this crate turns the
# "pdf" feature on; --lib --bins checks the crate as the app's binary sees it
# (without the PDF engine).
lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --bins -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --bins --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test

# The runner writes the processed test wasm under TMPDIR: keep it on the
# target's disk rather than a possibly small /tmp.
test-browser:
	mkdir -p target/tmp
	TMPDIR=$(CURDIR)/target/tmp cargo test --target wasm32-unknown-unknown --test browser

build-release: setup-hooks
	trunk build --offline --release

# The files are named, not the folder: `node --test DIR` is read differently
# from Node 21 on (the argument became a glob), so this works on Node 20 to 24.
# One file at a time: each is a process with one Chromium, and files share the
# machine's two cores badly.
E2E_FILES := $(notdir $(sort $(wildcard tests/e2e/*.test.mjs)))

test-e2e: setup-node
	cd tests/e2e && node --test --test-concurrency=1 $(E2E_FILES)

# The browser bench (tests/bench/pdf-browser.mjs): our export against jsPDF and
# Chromium's print-to-PDF on the benchmark plan, and the first-load transfer with
# and without the PDF engine; then the native benches; then issue 21's figures
# (tests/bench/web-vitals.mjs: Lighthouse, typing, autosave, big plans, the first
# export on slow 4G) with their goals.
bench: setup-rust setup-apt setup-node setup-lighthouse build-release
	cargo run --quiet --example bench_plan -- target/bench
	node tests/bench/pdf-browser.mjs target/bench
	cargo bench --bench pdf --bench search
	cargo run --quiet --example bench_plan -- target/bench/60 60
	node tests/bench/web-vitals.mjs target/bench

# Lighthouse for the bench only (make test does not need it): its own lockfile.
setup-lighthouse: tests/bench/lighthouse/node_modules/.package-lock.json

tests/bench/lighthouse/node_modules/.package-lock.json: tests/bench/lighthouse/package-lock.json tests/bench/lighthouse/package.json
	cd tests/bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The catalogues' share of the release wasm: the same release build with empty
# catalogue tables (build.rs switch), weighed by difference. Takes a second
# release build in its own target directory.
bench-catalogs: setup-rust setup-apt build-release
	CATALOG_MEASURE_EMPTY=1 CARGO_TARGET_DIR=target/measure-empty \
	  trunk build --offline --release --dist target/dist-empty
	@full=$$(ls dist/app-*_bg.wasm); empty=$$(ls target/dist-empty/app-*_bg.wasm); \
	fr=$$(stat -c %s $$full); er=$$(stat -c %s $$empty); \
	fb=$$(brotli -c -q 11 $$full | wc -c); eb=$$(brotli -c -q 11 $$empty | wc -c); \
	echo "release wasm with catalogues:    $$fr raw, $$fb brotli"; \
	echo "release wasm without catalogues: $$er raw, $$eb brotli"; \
	echo "catalogues' share:               $$((fr-er)) raw, $$((fb-eb)) brotli (goal: at most 81920 brotli)"

clean:
	cargo clean
	rm -rf dist tests/e2e/out
