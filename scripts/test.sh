#!/usr/bin/env bash
# Runs every test: the code's habits (rustfmt, clippy on both targets), the core
# and the native command (cargo test, incl. the layering and length rules of
# tests/layout.rs), then the built page end to end in headless Chromium,
# Firefox ESR and WebKit (WebKitGTK's MiniBrowser on Xvfb).
# Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

echo "== cargo fmt --check" >&2
cargo fmt --check

echo "== cargo clippy (native: every crate, all targets; wasm32: all but the command)" >&2
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --workspace --exclude otop-command --lib --bins -- -D warnings
# The page's first reading worker is built without the `all-formats` feature (index.html).
cargo clippy --locked --target wasm32-unknown-unknown -p otop-worker --no-default-features --bins -- -D warnings

echo "== cargo deny (advisories of ../shared/advisory-db, licences, bans, sources; offline)" >&2
./scripts/deny.sh

echo "== cargo test" >&2
# Everything it reads is in the repository (the corpus sweep's files: tests/corpus).
cargo test --locked --workspace
# The readers as the page's first reading worker has them (no `all-formats`):
# a file of another format is the other reader's (tests/first_reader.rs, the worker's tests).
cargo test --locked -p otop-import -p otop-worker --no-default-features --lib --tests
# The browser tests read downloaded workbooks back with the native command.
cargo build --locked -p otop-command --bin otop-kpi

echo "== trunk build --release" >&2
trunk build --release

echo "== end-to-end tests (headless Chromium, Firefox ESR over WebDriver BiDi, WebKitGTK over WebDriver)" >&2
node tests/e2e/run.mjs
node tests/e2e/firefox.mjs
node tests/e2e/webkit.mjs
