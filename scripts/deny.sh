#!/usr/bin/env bash
# cargo deny (advisories, licences, bans, sources) with fetching off: the
# advisories are those of the snapshot in ../shared/advisory-db (see its README),
# made a git repository where cargo-deny looks for its database (deny.toml's
# db-path; the folder name is cargo-deny's for the default database URL), with
# the snapshot's own date as its commit date.
set -euo pipefail
cd "$(dirname "$0")/.."
SNAPSHOT="${OTOP_ADVISORY_DB:-../shared/advisory-db}"
DB=target/advisory-dbs/advisory-db-3157b0e258782691
if [ ! -d "$SNAPSHOT/crates" ]; then
  cat >&2 <<EOF
deny: no advisory snapshot at $SNAPSHOT.
  cargo deny checks the dependencies against RustSec's advisory database, which
  this machine cannot download (no internet but the package registries). The
  test command uses a snapshot of it kept beside the repository, ../shared/advisory-db
  (a copy of github.com/rustsec/advisory-db: its crates/ folder). Put one there,
  or point OTOP_ADVISORY_DB at one, and run the test command again.
EOF
  exit 1
fi
rm -rf "$DB"
mkdir -p "$DB"
cp -r "$SNAPSHOT/." "$DB/"
(
  cd "$DB"
  export GIT_AUTHOR_NAME=snapshot GIT_AUTHOR_EMAIL=snapshot@localhost GIT_COMMITTER_NAME=snapshot \
    GIT_COMMITTER_EMAIL=snapshot@localhost GIT_AUTHOR_DATE="2026-08-21T00:00:00Z" GIT_COMMITTER_DATE="2026-08-21T00:00:00Z"
  git init -q -b main . && git add -A && git commit -qm "advisory-db snapshot (bf5c0d245a92)"
)
cargo deny --offline check advisories licenses bans sources
