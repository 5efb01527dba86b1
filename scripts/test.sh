#!/bin/sh
# Runs every test: the unit, golden and command-line tests on the release
# build; then, in a clang build under AddressSanitizer and UBSan, the unit
# tests again and each libFuzzer target for CITEX_FUZZ_SECONDS (default 60)
# seeded from samples/ and tests/fuzz/regressions/. Expects
# scripts/bootstrap.sh to have built build/.
set -eu
cd "$(dirname "$0")/.."
seconds=${CITEX_FUZZ_SECONDS:-60}
jobs=$(nproc)

ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCITEX_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$jobs"
# The Python module is not built here (CITEX_PYTHON is off): an extension
# under ASan needs the runtime preloaded into the interpreter, so the Python
# tests run against the release build only.
# The packaging test is left to the release build: a consumer built with the
# default compiler cannot link libraries instrumented by clang's sanitizers.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-fuzz --output-on-failure -j "$jobs" -E find_package_consumer

for fuzzer in build-fuzz/tests/fuzz/fuzz_*; do
  name=$(basename "$fuzzer")
  corpus=build-fuzz/corpus/$name
  mkdir -p "$corpus"
  python3 tests/fuzz/make_seeds.py "$name" "$corpus"
  if [ -d "tests/fuzz/regressions/$name" ]; then cp tests/fuzz/regressions/"$name"/* "$corpus"/; fi
  echo "fuzzing $name for ${seconds}s"
  status=0
  "$fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=build-fuzz/"$name"- "$corpus" \
    > build-fuzz/"$name".log 2>&1 || status=$?
  grep -E "^stat::number_of_executed_units|^Done|ERROR|SUMMARY" build-fuzz/"$name".log || true
  # libFuzzer exits non-zero and leaves a crash-/timeout-/oom- file on a find.
  if [ "$status" -ne 0 ]; then
    echo "fuzzer $name failed (status $status): see build-fuzz/$name.log and build-fuzz/$name-*" >&2
    exit 1
  fi
done
