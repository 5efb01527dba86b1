#!/bin/sh
# Rewrites samples/expected/ from the current build: every sample in every
# format. Review `git diff samples/expected` before committing.
set -eu
cd "$(dirname "$0")/.."
for sample in daily-papers.txt arxiv-snapshot.jsonl hf-daily-2025-03-04.json; do
  for pair in json:json jsonl:jsonl csv:csv bibtex:bib markdown:md; do
    format=${pair%%:*}
    extension=${pair#*:}
    status=0
    build/citex -j 2 -f "$format" "samples/$sample" > "samples/expected/$sample.$extension" || status=$?
    if [ "$status" -gt 1 ]; then
      echo "citex -f $format samples/$sample failed with status $status" >&2
      exit 1
    fi
  done
done
