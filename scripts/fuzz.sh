#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UndefinedBehaviorSanitizer)
# into build-fuzz and runs each for SECONDS (default 60) on a copy of its
# seeds (tests/fuzz/seeds/<target>). Prints, per target, the executions and
# time from libFuzzer's final "Done N runs in S second(s)" line. Exits
# non-zero if any target crashes, leaks, times out or runs out of memory;
# the input that did it is left in build-fuzz/fuzz-runs/<target>/.
#
#   scripts/fuzz.sh [SECONDS]      FUZZ_BUILD_DIR, JOBS override the defaults
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build_dir=${FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${JOBS:-$(nproc)}
targets=(corpus analysis query)

"$root/scripts/install-deps.sh" --fuzz

echo "== fuzz build (clang, libFuzzer + ASan + UBSan) in $build_dir"
# The whole library is instrumented (fuzzer-no-link adds coverage without
# libFuzzer's main); UBSan findings abort so that libFuzzer records them.
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
  -DAKHBAR_FUZZ=ON -DAKHBAR_BUILD_TESTS=OFF -DAKHBAR_BUILD_BENCH=OFF -DAKHBAR_INSTALL=OFF >/dev/null
cmake --build "$build_dir" -j"$jobs" --target "${targets[@]/#/fuzz_}"

failed=()
summary=()
for target in "${targets[@]}"; do
  work="$build_dir/fuzz-runs/$target"
  rm -rf "$work"
  mkdir -p "$work/corpus"
  cp "$root/tests/fuzz/seeds/$target/"* "$work/corpus/"
  echo "== fuzz_$target for ${seconds}s"
  status=0
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build_dir/tests/fuzz/fuzz_$target" "$work/corpus" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$work/" \
    >"$work/fuzz.log" 2>&1 || status=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$work/fuzz.log" | tail -n 1 || true)
  if [ $status -ne 0 ] || [ -z "$done_line" ]; then
    artifacts=$(find "$work" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | tr '\n' ' ')
    summary+=("fuzz_$target: FAILED (exit $status); input: ${artifacts:-none}; log: $work/fuzz.log")
    failed+=("$target")
    grep -E 'ERROR|SUMMARY|broken promise|==[0-9]+==' "$work/fuzz.log" | head -n 20 >&2 || true
  else
    runs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/' <<<"$done_line")
    secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/' <<<"$done_line")
    summary+=("fuzz_$target: $runs executions in $secs s, no crash")
  fi
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "akhbar: fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
