#!/bin/sh
# Runs every `build/citex ...` command in README.md's sh blocks as written,
# from a scratch directory that sees the real build/ and samples/, and
# fails if one exits with an error or prints nothing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$root/build" "$work/build"
ln -s "$root/samples" "$work/samples"
cp -r "$root/bench" "$work/bench"
python3 - "$root/README.md" > "$work/commands" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for block in re.findall(r"```sh\n(.*?)```", text, re.S):
    command = ""
    for line in block.splitlines():
        command += line.rstrip("\\").rstrip() + " " if line.endswith("\\") else line
        if not line.endswith("\\"):
            if command.startswith("build/citex"):
                print(command)
            command = ""
PY
count=0
while IFS= read -r command; do
  count=$((count + 1))
  status=0
  (cd "$work" && bash -o pipefail -c "$command" > "$work/out" 2> "$work/err") || status=$?
  # A command that writes to a file (-o, >>) prints nothing itself.
  if [ "$status" -gt 1 ] || { [ ! -s "$work/out" ] && ! echo "$command" | grep -qE -- "-o |>"; }; then
    echo "README command failed (status $status): $command" >&2
    cat "$work/err" >&2
    exit 1
  fi
done < "$work/commands"
test "$count" -ge 3
echo "ran $count README commands"
