#!/usr/bin/env bash
# Fuzzes the import path for N minutes (default 10): ./scripts/fuzz.sh 30
# Seeds: the project's fixtures and ../shared/corpus. Needs the nightly toolchain
# and cargo-fuzz (`cargo install cargo-fuzz`). Inputs that crash are written to
# fuzz/artifacts/import/; copy them to tests/fixtures/files/fuzz/ as regression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/import fuzz/seeds
# Seed files get an extension byte in front (see fuzz_targets/import.rs).
i=0
for f in tests/fixtures/files/*.* tests/fixtures/files/*/* ../shared/corpus/calamine/*; do
  case "$f" in *.xlsx) b=0;; *.xls) b=1;; *.xlsb) b=2;; *.ods) b=3;; *.csv) b=4;; *.xlsm) b=5;; *) continue;; esac
  [ "$(stat -c %s "$f")" -lt 2000000 ] || continue
  { printf "\\x$(printf %02x $b)"; cat "$f"; } > "fuzz/seeds/seed-$i"; i=$((i+1))
done
cd fuzz
cargo +nightly fuzz run import corpus/import ../fuzz/seeds -- \
  -max_total_time=$((minutes * 60)) -rss_limit_mb=4096 -timeout=20 -max_len=2000000 -print_final_stats=1
