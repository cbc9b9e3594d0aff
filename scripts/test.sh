#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a tested build: installs the
# dependencies, builds with warnings as errors, runs every test, then builds
# again with AddressSanitizer + UndefinedBehaviorSanitizer and runs every
# test there too, then runs each fuzz target for a minute (scripts/fuzz.sh).
# Between the two, smoke runs of the benchmark comparisons (bench/compare,
# bench/relevance).
# --quick skips the sanitizer build and the fuzzing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quick=0
[ "${1:-}" = "--quick" ] && quick=1

"$root/scripts/install-deps.sh"

echo "== release build and tests"
BUILD_DIR="$root/build" "$root/scripts/build.sh"
ctest --test-dir "$root/build" -j"$(nproc)" --output-on-failure

# A few hundred articles through every engine of the benchmark, so that the
# comparison keeps working; its figures mean nothing at this size. The same
# for the relevance comparison, on a tiny judged collection (seconds).
echo "== benchmark smoke run (bench/compare --smoke, bench/relevance --smoke)"
"$root/bench/install-deps.sh"
"$root/bench/compare" --smoke --build-dir "$root/build" --out "$root/build/bench-smoke"
"$root/bench/growth" --sizes 300 --build-dir "$root/build" --out "$root/build/bench-smoke"
"$root/bench/relevance" --smoke --build-dir "$root/build" --out "$root/build/bench-smoke/relevance"

if [ $quick -eq 0 ]; then
  echo "== sanitizer build (ASan + UBSan) and tests"
  BUILD_DIR="$root/build-asan" BUILD_TYPE=Debug "$root/scripts/build.sh" \
    -DAKHBAR_SANITIZE=ON -DAKHBAR_BUILD_BENCH=OFF
  # new_delete_type_mismatch=0: Debian's libxapian (not instrumented) frees
  # with a sized delete of another size inside Xapian::Database::check, which
  # `akhbar check` calls; every other ASan check stays on.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:new_delete_type_mismatch=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" -j"$(nproc)" --output-on-failure

  echo "== fuzz: each libFuzzer target for 60 s (clang build in build-fuzz)"
  "$root/scripts/fuzz.sh" 60
fi
