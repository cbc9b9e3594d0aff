#!/usr/bin/env bash
# Configures and builds akhbar into BUILD_DIR (default: build), warnings as errors.
# TARGETS (default: all) names the targets to build, separated by spaces.
# Extra arguments go to cmake's configure step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
jobs=${JOBS:-$(nproc)}
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} \
  -DAKHBAR_WARNINGS_AS_ERRORS=ON "$@" >/dev/null
targets=()
for target in ${TARGETS:-}; do targets+=(--target "$target"); done
cmake --build "$build_dir" -j"$jobs" "${targets[@]}"
