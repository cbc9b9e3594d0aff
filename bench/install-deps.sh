#!/usr/bin/env bash
# Installs the Debian packages the benchmarks need beyond the build itself:
# word lists for the generated corpus (wamerican, hunspell-ru, hunspell-ar),
# gnuplot for the charts, zstd for compressed corpora, sqlite3 for the FTS5
# peer and GNU time for peak memory. Packages already present are left alone.
set -euo pipefail

packages=(wamerican hunspell-ru hunspell-ar gnuplot-nox zstd sqlite3 time)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bench dependencies already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

echo "installing: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
