#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to search results: installs the
# dependencies, builds the akhbar command (and nothing else: no tests, no
# benchmarks), indexes the bundled sample corpus and runs example searches in
# English, Russian and Arabic. BUILD_DIR (default: build) is the build tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
BUILD_DIR="$build_dir" TARGETS=akhbar_cli "$root/scripts/build.sh"

akhbar="$build_dir/cli/akhbar"
export AKHBAR_DB=${AKHBAR_DB:-$build_dir/demo.db}

echo "== akhbar index (the bundled sample corpus -> $AKHBAR_DB)"
"$akhbar" index --db "$AKHBAR_DB"
echo
for query in 'Khmeimim air base' '"naval facility" Tartus' 'санкции Сирия' 'Тартус контракт' 'العقوبات على سوريا' 'قاعدة حميميم'; do
  echo "== akhbar search --limit 3 $query"
  "$akhbar" search --limit 3 "$query"
  echo
done
echo "== akhbar stats"
"$akhbar" stats
