#!/usr/bin/env bash
# Fuzzes for N minutes (default 10) one target (default import):
#   ./scripts/fuzz.sh 30              the read-file feature as the worker runs it
#   ./scripts/fuzz.sh 30 xlsx_stream  the streaming .xlsx reader against calamine
#   ./scripts/fuzz.sh 30 xlsx_sheet   its byte scanner against its XML reader
#   ./scripts/fuzz.sh 30 web_formats  the HTML, Excel 2003 XML and text readers
#   ./scripts/fuzz.sh 30 returned     a file sent back, patched or converted
#   ./scripts/fuzz.sh 30 share_link   the results link's decoder
#   ./scripts/fuzz.sh 30 parts        a report read in parts against the whole
#   ./scripts/fuzz.sh 30 charset      the four charsets decoded here against encoding_rs
# Seeds: the project's fixtures and tests/corpus. Needs the nightly toolchain
# and cargo-fuzz (`cargo install cargo-fuzz`). Inputs that crash are written to
# fuzz/artifacts/TARGET/; copy them to tests/fixtures/files/fuzz/ as regression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
target=${2:-import}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/import fuzz/seeds
# Seed files get an extension byte in front (see fuzz_targets/import.rs).
i=0
for f in tests/fixtures/files/*.* tests/fixtures/files/*/* tests/corpus/calamine/*; do
  case "$f" in *.xlsx|*.xltx) b=0;; *.xls|*.xlt|*.et) b=1;; *.xlsb) b=2;; *.ods) b=3;; *.csv|*.fods) b=4;; *.xlsm|*.xltm) b=5;; *) continue;; esac
  [ "$(stat -c %s "$f")" -lt 2000000 ] || continue
  { printf "\\x$(printf %02x $b)"; cat "$f"; } > "fuzz/seeds/seed-$i"; i=$((i+1))
done
# The streaming reader's target takes the .xlsx files as they are.
mkdir -p fuzz/seeds-xlsx fuzz/corpus/xlsx_stream
# (Named by their whole path: the streaming writer's copies in formats/stream/
# have the scenario's file names.)
for f in tests/fixtures/files/*.xlsx tests/fixtures/files/*/*.xlsx tests/fixtures/files/*/*/*.xlsx \
  tests/corpus/calamine/*.xlsx; do
  [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 2000000 ] && cp "$f" "fuzz/seeds-xlsx/$(echo "${f#tests/fixtures/files/}" | tr '/' '_')"
done
# The web formats' target: every text-format fixture once per reader (first byte 0-2).
mkdir -p fuzz/seeds-web fuzz/corpus/web_formats
i=0
for f in tests/fixtures/files/formats/scenario/* tests/fixtures/files/formats/*.xls tests/fixtures/files/*/*.csv; do
  [ -f "$f" ] || continue
  for b in 0 1 2; do { printf "\\x0$b"; cat "$f"; } > "fuzz/seeds-web/seed-$i-$b"; done; i=$((i+1))
done
# The byte scanner's target: each fixture's shared strings, a zero byte, its first sheet.
mkdir -p fuzz/seeds-sheet fuzz/corpus/xlsx_sheet
i=0
for f in fuzz/seeds-xlsx/*.xlsx; do
  [ -f "$f" ] || continue
  { unzip -p "$f" xl/sharedStrings.xml 2>/dev/null || true; printf "\x00"; unzip -p "$f" xl/worksheets/sheet1.xml 2>/dev/null || true; } \
    | head -c 1000000 > "fuzz/seeds-sheet/seed-$i"; i=$((i+1))
done
seeds=../fuzz/seeds
[ "$target" = xlsx_stream ] && seeds=../fuzz/seeds-xlsx
[ "$target" = returned ] && seeds=../fuzz/seeds-xlsx
if [ "$target" = parts ]; then
  # A sheet is read in parts from 128 KB of XML on: most fixtures are smaller,
  # so the 10k-row benchmark report (scripts/bench.sh makes it) seeds the splits.
  [ -f target/bench/bench-10k.xlsx ] || cargo run --release --example make_bench -- target/bench
  cp target/bench/bench-10k.xlsx fuzz/seeds-xlsx/bench-10k.xlsx
  seeds=../fuzz/seeds-xlsx
fi
# The link decoder's target starts from nothing (its inputs are link payloads, not files).
[ "$target" = share_link ] && seeds=../fuzz/seeds-link && mkdir -p fuzz/seeds-link
mkdir -p "fuzz/corpus/$target"
[ "$target" = xlsx_sheet ] && seeds=../fuzz/seeds-sheet
[ "$target" = web_formats ] && seeds=../fuzz/seeds-web
# The charset target takes the text fixtures as they are (the web formats' seeds carry a picking byte).
[ "$target" = charset ] && seeds=../fuzz/seeds-web
cd fuzz
cargo +nightly fuzz run "$target" "corpus/$target" "$seeds" -- \
  -max_total_time=$((minutes * 60)) -rss_limit_mb=4096 -timeout=20 -max_len=2000000 -print_final_stats=1
