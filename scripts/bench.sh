#!/usr/bin/env bash
# Benchmarks (not tests): makes the benchmark files if missing, builds the native
# command and the page, then measures native, page and SheetJS side by side.
# See BENCHMARKS.md. Usage: ./scripts/bench.sh   (RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
cargo run --release --example make_bench -- target/bench
python3 tests/bench/make_extra.py target/bench || echo "bench: .xls/.ods files need xlwt and LibreOffice (./scripts/setup.sh --fixtures)" >&2
cargo build --release --bin otop-kpi
trunk build --release
node tests/bench/first_load.mjs
node tests/bench/bench.mjs
