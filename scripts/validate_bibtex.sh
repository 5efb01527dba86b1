#!/bin/sh
# Checks BibTeX files the way their users' tools read them: biber's data
# model validation (no ERROR, and no WARN but "Missing mandatory field",
# which a stub for a person to complete may have), then classic bibtex with
# plain.bst through a \nocite{*} document (no warning, no error).
#
# usage: scripts/validate_bibtex.sh FILE.bib...
# needs: biber; bibtex (texlive-binaries) and plain.bst (texlive-base)
set -eu
status=0
for bib in "$@"; do
  work=$(mktemp -d)
  cp "$bib" "$work/refs.bib"
  if ! (cd "$work" && biber --tool --validate-datamodel --output-file out.bib refs.bib >biber.log 2>&1); then
    echo "$bib: biber failed"; cat "$work/biber.log"; status=1
  fi
  if grep -E '^(WARN|ERROR)' "$work/biber.log" | grep -v 'Missing mandatory field'; then
    echo "$bib: biber complained"; status=1
  fi
  printf '\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n' >"$work/doc.aux"
  if ! (cd "$work" && bibtex doc >bibtex.log 2>&1) || grep -Ei 'warning|error' "$work/bibtex.log"; then
    echo "$bib: bibtex complained"; cat "$work/bibtex.log"; status=1
  fi
  rm -rf "$work"
done
[ "$status" -eq 0 ] && echo "ok: $*"
exit "$status"
