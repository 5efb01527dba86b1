#!/bin/sh
# Installs the citex build tree into a temporary prefix, then builds and runs
# a separate project that finds it with find_package(citex).
set -eu
build_dir=$1
source_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -x "$work/prefix/bin/citex"
cmake -S "$source_dir" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer" | grep -q '"name":"a/b"'
echo "find_package(citex) consumer built and ran"
