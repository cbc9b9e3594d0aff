#!/usr/bin/env bash
# The installed package, as a user and an administrator get it:
#  1. `cmake --install` into a temporary prefix; the nightly-update files it
#     wrote for that prefix pass contrib/check-units.sh; the man page, the
#     bash completion and the license are installed;
#  2. the prefix is moved elsewhere (so nothing can rely on where it was
#     installed) and is on no loader path: the installed akhbar runs through
#     its RUNPATH ($ORIGIN/../lib), and nothing installed names the source or
#     build tree;
#  3. with the source and build trees hidden (a private mount namespace, when
#     unshare allows one), the installed akhbar indexes its installed samples
#     (`akhbar index` with no sources) and answers `search --explain
#     sanctions` exactly as the build tree's akhbar does; a data file taken
#     away is an error, not a silent loss;
#  4. examples/ builds against it through find_package(akhbar) with C++23,
#     and through pkg-config with -std=c++23 (the .pc file sets no -std; the
#     program finds the library through -Wl,-rpath from `pkg-config
#     --variable=libdir akhbar`), and both programs run.
#   consumer_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset LD_LIBRARY_PATH
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# --- 1. install ------------------------------------------------------------------
staged="$work/staged"
cmake --install "$build_dir" --prefix "$staged" >/dev/null
sh "$source_dir/contrib/check-units.sh" "$staged"
for file in bin/akhbar share/man/man1/akhbar.1 share/bash-completion/completions/akhbar \
            share/doc/akhbar/LICENSE share/akhbar/aliases.txt share/akhbar/topics.txt; do
  [ -s "$staged/$file" ] || fail "$file was not installed"
done
[ -d "$staged/share/akhbar/samples" ] || fail "the samples were not installed"
# The resources compiled at build time, installed beside the lexicon.
for resource in gazetteer translations; do
  head -n 1 "$staged/share/akhbar/$resource.tsv" | grep -q "^#akhbar $resource " ||
    fail "$resource.tsv was not installed in share/akhbar"
done

# --- 2. moved, on no loader path --------------------------------------------------
prefix="$work/moved/akhbar"
mkdir -p "$work/moved"
mv "$staged" "$prefix"
akhbar="$prefix/bin/akhbar"
runpath=$(readelf -d "$akhbar" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
case "$runpath" in
  '$ORIGIN/../lib'*) ;;
  *) fail "the installed akhbar has RUNPATH '$runpath', not \$ORIGIN/../<libdir>" ;;
esac
"$akhbar" --version >/dev/null || fail "the installed akhbar does not start from a moved prefix"
# Nothing installed may name the trees it was built from. Debug information
# does (compilation directories), and is no path the program reads: it is
# left out of the check.
while IFS= read -r -d '' file; do
  checked=$file
  if [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ]; then
    checked="$work/stripped"
    objcopy --strip-debug "$file" "$checked"
  fi
  if grep -qF -- "$source_dir" "$checked"; then fail "${file#"$prefix"/} names $source_dir"; fi
done < <(find "$prefix" -type f -print0)

# --- 3. the same results as the build tree, with the trees out of sight ----------
# Runs a command with the source and build trees hidden under empty file
# systems, when this host lets us mount in a private mount namespace.
can_hide() { unshare -m sh -c 'mount -t tmpfs none "$1"' hide "$work" 2>/dev/null; }
hidden() {
  if can_hide; then
    unshare -m sh -c 'mount -t tmpfs none "$1" && mount -t tmpfs none "$2" && shift 2 && exec "$@"' \
      hide "$build_dir" "$source_dir" "$@"
  else
    "$@"
  fi
}
if can_hide; then
  echo "the installed akhbar runs with $source_dir and $build_dir hidden"
else
  echo "mounting in a private namespace is not permitted here: the installed akhbar runs with the trees in place"
fi
articles() { sed -n 's/.*"articles":\([0-9]*\).*/\1/p'; }
built=$("$build_dir/cli/akhbar" index --json --db "$work/built.db" | articles)
installed=$(hidden "$akhbar" index --json --db "$work/installed.db" | articles)
[ -n "$built" ] && [ "$built" -gt 0 ] || fail "the build tree's akhbar indexed no samples"
[ "$installed" = "$built" ] || fail "the installed akhbar indexed $installed sample articles, the build tree's $built"
"$build_dir/cli/akhbar" search --explain --color never --db "$work/built.db" sanctions >"$work/built.out"
hidden "$akhbar" search --explain --color never --db "$work/installed.db" sanctions >"$work/installed.out"
cmp -s "$work/built.out" "$work/installed.out" ||
  fail "search --explain sanctions differs: $(diff "$work/built.out" "$work/installed.out" | head -20)"
echo "installed and build tree agree: $built sample articles; sanctions: $(head -n 1 "$work/installed.out")"
mv "$prefix/share/akhbar/aliases.txt" "$work/aliases.txt"
if hidden "$akhbar" search --db "$work/installed.db" sanctions >/dev/null 2>"$work/missing.err"; then
  fail "the installed akhbar searched without its aliases.txt"
fi
grep -q "aliases.txt is not in $prefix/share/akhbar" "$work/missing.err" ||
  fail "a missing data file is not named: $(cat "$work/missing.err")"
mv "$work/aliases.txt" "$prefix/share/akhbar/aliases.txt"

# --- 4. consumers -----------------------------------------------------------------
# find_package(akhbar) -> akhbar::akhbar, in a program built with C++23: the
# package asks for C++20 at least, never at most.
cmake -S "$source_dir/examples" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_STANDARD=23 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
cmake --build "$work/cmake-build" >/dev/null
grep -Eq -- '-std=(c|gnu)\+\+(23|2b)' "$work/cmake-build/compile_commands.json" ||
  fail "find_package consumer not compiled as C++23: $(grep -o -- '-std=[^ ]*' "$work/cmake-build/compile_commands.json")"
out=$("$work/cmake-build/embed_search" "$work/db1" "Тартус")
echo "$out"
grep -q 'port-2' <<<"$out" || fail "expected port-2 for Тартус"
grep -q '\[Тартусе\]' <<<"$out" || fail "inflected form not highlighted"

# pkg-config akhbar
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name akhbar.pc)")
cflags=$(pkg-config --cflags akhbar)
if grep -q -- '-std=' <<<"$cflags"; then fail "pkg-config --cflags sets a standard: $cflags"; fi
libdir=$(pkg-config --variable=libdir akhbar)
printf '#include <akhbar/query/searcher.h>\nstatic_assert(__cplusplus > 202002L, "not C++23");\nint main() {}\n' \
  >"$work/standard.cc"
g++ -std=c++23 $cflags -fsyntax-only "$work/standard.cc" || fail "a C++23 consumer does not compile as C++23"
g++ -std=c++23 -o "$work/embed_search_pc" "$source_dir/examples/embed_search.cc" $cflags \
  $(pkg-config --libs akhbar) -Wl,-rpath,"$libdir"
out=$("$work/embed_search_pc" "$work/db2" contract)
echo "$out"
grep -q 'port-1' <<<"$out" || fail "pkg-config build did not find port-1"
echo "installed package: OK"
