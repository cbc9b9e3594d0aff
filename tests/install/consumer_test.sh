#!/usr/bin/env bash
# Installs the built akhbar into a temporary prefix, then builds examples/
# against it twice, once through find_package(akhbar) and once through
# pkg-config, runs both programs and checks what they found.
#   consumer_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null

# find_package(akhbar) -> akhbar::akhbar
cmake -S "$source_dir/examples" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
out=$("$work/cmake-build/embed_search" "$work/db1" "Тартус")
echo "$out"
grep -q 'port-2' <<<"$out" || { echo "FAIL: expected port-2 for Тартус" >&2; exit 1; }
grep -q '\[Тартусе\]' <<<"$out" || { echo "FAIL: inflected form not highlighted" >&2; exit 1; }

# pkg-config akhbar
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib/x86_64-linux-gnu/pkgconfig"
libdir=$(pkg-config --variable=libdir akhbar)
g++ -o "$work/embed_search_pc" "$source_dir/examples/embed_search.cc" \
  $(pkg-config --cflags --libs akhbar) -Wl,-rpath,"$libdir"
out=$("$work/embed_search_pc" "$work/db2" contract)
echo "$out"
grep -q 'port-1' <<<"$out" || { echo "FAIL: pkg-config build did not find port-1" >&2; exit 1; }

# The installed command and the installed sample corpus.
[ -x "$work/prefix/bin/akhbar" ] || { echo "FAIL: akhbar command not installed" >&2; exit 1; }
[ -d "$work/prefix/share/akhbar/samples" ] || { echo "FAIL: samples not installed" >&2; exit 1; }
# The resources compiled at build time, installed beside the lexicon.
for resource in gazetteer translations; do
  head -n 1 "$work/prefix/share/akhbar/$resource.tsv" | grep -q "^#akhbar $resource " ||
    { echo "FAIL: $resource.tsv not installed in share/akhbar" >&2; exit 1; }
done
echo "consumer build: OK"
