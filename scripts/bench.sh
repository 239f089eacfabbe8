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
# As a person drops files: right after the page says it is ready, and after 3 s.
echo "== files dropped right after the page is ready"
BENCH_SETTLE_MS=0 node tests/bench/bench.mjs
echo "== files dropped 3 s after the page is ready"
BENCH_SETTLE_MS=3000 node tests/bench/bench.mjs
