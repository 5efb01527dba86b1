#!/bin/sh
# Installs the Debian 12 packages citex needs (only those missing), then
# configures and builds citex into build/. Run as root, or with sudo present.
set -eu
cd "$(dirname "$0")/.."

# One package per line, with what it is for, so additions merge cleanly.
packages="
  g++ cmake make pkg-config
  libre2-dev libfmt-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libbenchmark-dev
  python3
  cmark
  biber
  texlive-binaries
  texlive-base
  texlive-latex-base
  texlive-latex-recommended
  texlive-bibtex-extra
  poppler-utils
  sqlite3
  parallel
  ripgrep
  jq
  clang
  libclang-rt-14-dev
  unicode-data
  chromium
  python3-dev pybind11-dev
  python3-venv python3-pip python3-setuptools python3-wheel
  python3-pytest
  python3-dask python3-distributed
  libbtparse-dev
  libabsl-dev
"
# Build: the compiler, CMake and the libraries citex links.
# Tests: the real consumers of what citex writes (cmark renders the Markdown;
# biber, bibtex from texlive-binaries/-base and pdflatex read and typeset the
# BibTeX; biblatex (texlive-bibtex-extra, with etoolbox from
# texlive-latex-recommended) typesets arXiv titles' math and pdftotext
# (poppler-utils) reads the PDF back; python3 and sqlite3 read the CSV), GNU
# parallel for the sharding test,
# ripgrep and jq for the benchmarks and README commands, clang and its runtime
# for the sanitizer build and fuzz targets, unicode-data to check the generated
# letter table, chromium (headless) to open the HTML pages; libbtparse-dev
# (btparse) reads the --library .bib files; libabsl-dev (Abseil) gives the
# key stage flat hash tables, so its memory per key stays small.
# Python module: pybind11 and the headers to build it; venv, pip, setuptools
# and wheel to install it offline; pytest for its tests; Dask (dask and
# distributed) for the test on a real cluster.

missing=""
for package in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $package" ;;
  esac
done
if [ -n "$missing" ]; then
  echo "citex: installing$missing" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCITEX_BENCH=ON -DCITEX_PYTHON=ON >/dev/null
cmake --build build -j "$(nproc)"
