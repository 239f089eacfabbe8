#!/usr/bin/env bash
# Installs what building, serving and testing otop-kpi needs, from the package
# registries only (crates.io, npm, Debian apt, rustup targets). Idempotent: each
# step checks first and installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
step() { printf '\n== setup: %s\n' "$*" >&2; }

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. rustfmt and clippy, which the test command runs.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "rustup component add $component"
    rustup component add "$component"
  fi
done

# 2. Trunk, pinned (0.22 needs a newer rustc than this machine's).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  step "cargo install trunk@$TRUNK_VERSION"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#    (without --locked: the locked build wants a dependency the registry lacks).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  step "cargo install wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml pins a wasm_bindgen other than Cargo.lock's $WB_VERSION; update [tools]" >&2
  exit 1
fi

# 3b. cargo-deny, which the test command runs (scripts/deny.sh), pinned.
DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q " $DENY_VERSION\$"; then
  step "cargo install cargo-deny@$DENY_VERSION"
  cargo install --locked "cargo-deny@$DENY_VERSION"
fi

# 3c. Every crate of Cargo.lock, for every platform. A build downloads only this
#     platform's crates, but `cargo deny --offline` (scripts/deny.sh) reads the
#     metadata of all of them (windows-sys and the like); on a machine whose cargo
#     registry is empty it would stop there. `cargo fetch` is quick when all are here.
step "cargo fetch --locked (every platform's crates, for cargo deny --offline)"
cargo fetch --locked

# 4. Debian's Chromium and ChromeDriver for the browser tests, and Thai fonts for
#    its screenshots. With --fixtures, also what makes the fixture files.
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "apt-get install ${missing[*]}"
  local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
# LibreOffice and openpyxl check the files sent back (tests/fixtures/check_returned.py).
# WebKitGTK's WebKitWebDriver and MiniBrowser, on a virtual display, for the WebKit suite.
apt_install chromium chromium-driver fonts-thai-tlwg libreoffice-calc firefox-esr webkit2gtk-driver xvfb xauth
python3 -c "import openpyxl" 2>/dev/null || { step "pip install openpyxl"; pip install -q openpyxl==3.1.5; }
if [ "${1:-}" = "--fixtures" ]; then
  python3 -c "import openpyxl, xlwt, msoffcrypto" 2>/dev/null || { step "pip install openpyxl xlwt msoffcrypto-tool"; pip install -q openpyxl==3.1.5 xlwt==1.3.0 msoffcrypto-tool; }
fi

# 5. npm packages: binaryen (wasm-opt 132) and playwright-core, from the lockfile.
if ! [ -x tests/e2e/node_modules/.bin/wasm-opt ] || ! [ -d tests/e2e/node_modules/playwright-core ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  step "npm ci (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
