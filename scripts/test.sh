#!/bin/sh
# Runs every test: the unit, golden and command-line tests on the release
# build. Expects scripts/bootstrap.sh to have built build/.
set -eu
cd "$(dirname "$0")/.."
ctest --test-dir build --output-on-failure -j "$(nproc)"
