#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to search results: installs the
# dependencies, builds, indexes the bundled sample corpus and runs example
# searches in English, Russian and Arabic.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

akhbar="$root/build/cli/akhbar"
export AKHBAR_DB=${AKHBAR_DB:-$root/build/demo.db}

echo "== akhbar index (bundled sample corpus -> $AKHBAR_DB)"
"$akhbar" index --db "$AKHBAR_DB" "$root/corpus/samples" || true
echo
for query in 'Khmeimim air base' '"naval facility" Tartus' 'санкции Сирия' 'Тартус контракт' 'العقوبات على سوريا' 'قاعدة حميميم'; do
  echo "== akhbar search --limit 3 $query"
  "$akhbar" search --limit 3 "$query"
  echo
done
echo "== akhbar stats"
"$akhbar" stats
