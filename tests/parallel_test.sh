#!/bin/sh
# citex as a stateless mapper: GNU parallel splits a JSON Lines input into
# shards for two jobs, the shards' outputs are merged with `-i citex`, and the
# merged records must equal a single run's (only `source`, which names the
# shard's stdin, differs).
set -eu
citex=$1
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input="$root/samples/arxiv-snapshot.jsonl"
cat "$input" "$root/samples/arxiv-snapshot.jsonl" > "$work/input.jsonl"

"$citex" -f jsonl "$work/input.jsonl" > "$work/single.jsonl" || test $? -eq 1
parallel --will-cite --pipe --keep-order -N 7 -j 2 "$citex -f jsonl -i jsonl -j 1 || test \$? -eq 1" \
  < "$work/input.jsonl" > "$work/shards.jsonl"
"$citex" -i citex -f jsonl "$work/shards.jsonl" > "$work/merged.jsonl" || test $? -eq 1

python3 - "$work/single.jsonl" "$work/merged.jsonl" <<'PY'
import json, sys
def load(path):
    records = [json.loads(line) for line in open(path, encoding="utf-8")]
    for record in records:
        record.pop("source")
    return records
single, merged = load(sys.argv[1]), load(sys.argv[2])
assert len(single) == 40, len(single)
assert single == merged, "merged shards differ from a single run"
print("GNU parallel, 2 jobs over %d records: merged output equals a single run" % len(single))
PY
