#!/usr/bin/env bash
# Keeps ranking quality from regressing: indexes the bundled sample corpus,
# scores a judged query set with `akhbar eval`, and fails (exit code 4 from
# akhbar) when MAP or nDCG@10 fall below the figures measured and written in
# the README.
#   quality_test.sh AKHBAR SOURCE_DIR NAME MIN_MAP MIN_NDCG [EVAL FLAGS...]
set -euo pipefail
akhbar=$1 source_dir=$2 name=$3 min_map=$4 min_ndcg=$5
shift 5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$akhbar" index --quiet --db "$work/db" "$source_dir/corpus/samples"
"$akhbar" eval --db "$work/db" \
  --queries "$source_dir/tests/eval/$name.queries.tsv" --qrels "$source_dir/tests/eval/$name.qrels" \
  --min-map "$min_map" --min-ndcg "$min_ndcg" "$@"
