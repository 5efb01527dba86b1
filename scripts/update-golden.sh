#!/bin/sh
# Rewrites samples/expected/ from the current build: every sample in every
# format of the format table, by the golden test itself. Review
# `git diff samples/expected` before committing.
set -eu
cd "$(dirname "$0")/.."
cmake --build build --target golden_test citex >/dev/null
CITEX_UPDATE_GOLDEN=1 build/tests/golden_test --gtest_brief=1
