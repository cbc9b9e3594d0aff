#!/usr/bin/env bash
# Installs akhbar's build and test dependencies from Debian 12 packages
# (with --fuzz, the fuzzing toolchain instead).
# Does nothing when they are all present; otherwise needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools
  libicu-dev libzstd-dev zstd zlib1g-dev
  iso-codes mueller7-dict dict-freedict-eng-rus dict-freedict-eng-ara dict-freedict-ara-eng
  libcli11-dev
  libgtest-dev libgmock-dev googletest
  libbenchmark-dev
  sqlite3 libsqlite3-dev
  python3
  help2man groff-base           # the man page, written at build time, and its check
  systemd                       # systemd-analyze and systemd-sysusers check the installed units
)
# The fuzz stage alone (scripts/fuzz.sh) needs clang and its libFuzzer and
# sanitizer runtimes: `install-deps.sh --fuzz` installs just those.
fuzz_packages=(clang libclang-rt-14-dev)
[ "${1:-}" = "--fuzz" ] && packages=("${fuzz_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "akhbar: installing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "akhbar: these packages are missing and installing them needs root: ${missing[*]}" >&2
  exit 1
fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
