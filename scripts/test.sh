#!/usr/bin/env bash
# Runs every test: the core and the native command (cargo test), then the built
# page end to end in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

echo "== cargo test" >&2
cargo test --locked
# The browser tests read downloaded workbooks back with the native command.
cargo build --locked --bin otop-kpi

echo "== trunk build --release" >&2
trunk build --release

echo "== end-to-end tests (headless Chromium)" >&2
node tests/e2e/run.mjs
