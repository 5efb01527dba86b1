#!/bin/sh
# README's Python set-up, as written, offline: a venv from Debian's
# interpreter that sees Debian's packages, `pip install --no-build-isolation .`
# from the repository root with no package index, then the README's import.
set -eu
python=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m venv --system-site-packages "$work/venv"
(cd "$root" && "$work/venv/bin/pip" install --no-index --no-build-isolation . > "$work/pip.log" 2>&1) ||
  { cat "$work/pip.log"; exit 1; }
cd "$work"  # import the installed package, not the source tree
"$work/venv/bin/python" -c "import citex; print(citex.extract('Code: https://github.com/a/b (Wang et al., 2023).'))" > out
cat out
grep -q "'name': 'a/b'" out && grep -q "'key': 'wang2023'" out
