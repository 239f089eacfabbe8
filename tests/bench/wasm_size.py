#!/usr/bin/env python3
"""What the page's and the worker's wasm hold, by crate (see BENCHMARKS.md).

Runs `twiggy top -n 100000 --format csv` on the wasm files of the last
`trunk build --release` (before wasm-bindgen and wasm-opt: both in
target/wasm32-unknown-unknown/release, one Cargo profile)
and sums the shallow sizes by the first path segment of each item's
name. The name and custom sections are left out (the shipped files do not carry
them). Prints a Markdown table, KB.  Usage: python3 tests/bench/wasm_size.py
"""
import csv
import io
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILES = {
    "page": ROOT / "target/wasm32-unknown-unknown/release/otop-kpi-page.wasm",
    "worker": ROOT / "target/wasm32-unknown-unknown/release/otop-kpi-worker.wasm",
}
GROUPS = {
    "tachys": "leptos UI (tachys, reactive_graph, leptos)",
    "reactive_graph": "leptos UI (tachys, reactive_graph, leptos)",
    "leptos": "leptos UI (tachys, reactive_graph, leptos)",
    "std": "std / core / alloc",
    "core": "std / core / alloc",
    "alloc": "std / core / alloc",
    "zopfli": "zip, deflate (zip, zopfli, zlib_rs, flate2, crc32fast)",
    "zip": "zip, deflate (zip, zopfli, zlib_rs, flate2, crc32fast)",
    "zlib_rs": "zip, deflate (zip, zopfli, zlib_rs, flate2, crc32fast)",
    "flate2": "zip, deflate (zip, zopfli, zlib_rs, flate2, crc32fast)",
    "crc32fast": "zip, deflate (zip, zopfli, zlib_rs, flate2, crc32fast)",
    "otop_kpi_page": "the page / worker binaries",
    "otop_kpi_worker": "the page / worker binaries",
}


def group(name: str) -> str:
    if name.startswith("data[") or name.startswith("data segment"):
        return "data (strings, tables)"
    m = re.match(r"[<&*\s]*(?:dyn\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    if not m:
        return "unattributed (trait impls, closures, glue)"
    return GROUPS.get(m.group(1), m.group(1))


def sizes(path: Path) -> Counter:
    try:
        out = subprocess.run(["twiggy", "top", "-n", "100000", "--format", "csv", str(path)],
                             check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:
        sys.exit("twiggy is not installed: cargo install twiggy")
    total = Counter()
    for row in csv.DictReader(io.StringIO(out)):
        name = row["Name"]
        if name.startswith("custom section") or name.startswith('"'):
            continue
        total[group(name)] += int(row["ShallowSize"])
    return total


def main() -> int:
    found = {k: sizes(p) for k, p in FILES.items() if p.exists()}
    if not found:
        print("no wasm: run trunk build --release first", file=sys.stderr)
        return 1
    names = sorted(set().union(*found.values()), key=lambda n: -sum(c[n] for c in found.values()))
    print("| crate | " + " | ".join(f"{k} KB" for k in found) + " |")
    print("|---|" + "---:|" * len(found))
    for n in names:
        cells = [f"{c[n] / 1024:.0f}" if c[n] else "—" for c in found.values()]
        if any(c[n] >= 5 * 1024 for c in found.values()):
            print(f"| {n} | " + " | ".join(cells) + " |")
    rest = [sum(v for n, v in c.items() if all(d[n] < 5 * 1024 for d in found.values())) for c in found.values()]
    print("| everything under 5 KB | " + " | ".join(f"{r / 1024:.0f}" for r in rest) + " |")
    print("| total | " + " | ".join(f"{sum(c.values()) / 1024:.0f}" for c in found.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
