#!/usr/bin/env python3
"""Whole-process benchmark: citex -j1 and -j2 against ripgrep on one file.

Builds (or reuses) an arXiv-like corpus, then in one run measures, for each
command, the best wall time of REPEAT runs and the peak RSS, and prints
MB/s and ratios to the ripgrep baseline. Output of every command is read
through a pipe and discarded, so no tool can skip work by seeing /dev/null.

usage: bench/run.py [--megabytes N] [--repeat R] [--citex build/citex] [--corpus FILE]
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ripgrep's share of the job: links and author-year citations, as a regex
# script would find them.
RG_URL = r"https?://[^\s)\]}>,;]+|(?:github\.com|huggingface\.co)/[\w.-]+/[\w.-]+"
RG_CITE = r"[A-Z][\w'-]+(?: et al\.| and [A-Z][\w'-]+)?,? \(?(?:19|20)\d{2}[a-z]?\)?"


def run(command):
    """Runs command, draining stdout; returns (seconds, peak RSS in MB, output bytes)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    size = 0
    while True:
        chunk = process.stdout.read(1 << 20)
        if not chunk:
            break
        size += len(chunk)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("%s failed with %d" % (" ".join(command), code))
    return seconds, usage.ru_maxrss / 1024.0, size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--citex", default=os.path.join(ROOT, "build", "citex"))
    parser.add_argument("--corpus")
    args = parser.parse_args()
    corpus = args.corpus or "/tmp/citex-bench-%dMB.jsonl" % args.megabytes
    if not os.path.exists(corpus):
        subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"),
                               str(args.megabytes), corpus])
    size_mb = os.path.getsize(corpus) / 1e6
    commands = [
        ("ripgrep (baseline)", ["rg", "-o", "-e", RG_URL, "-e", RG_CITE, corpus]),
        ("citex -j1 jsonl", [args.citex, "-j", "1", "-f", "jsonl", "--no-progress", corpus]),
        ("citex -j2 jsonl", [args.citex, "-j", "2", "-f", "jsonl", "--no-progress", corpus]),
    ]
    subprocess.run(["cat", corpus], stdout=subprocess.DEVNULL)  # warm the page cache
    results = []
    for name, command in commands:
        best = None
        for _ in range(args.repeat):
            seconds, rss, out = run(command)
            if best is None or seconds < best[0]:
                best = (seconds, rss, out)
        results.append((name, best))
    base_rate = size_mb / results[0][1][0]
    one_rate = size_mb / results[1][1][0]
    print("corpus: %s, %.1f MB" % (corpus, size_mb))
    print("%-20s %9s %9s %10s %10s %9s" % ("command", "seconds", "MB/s", "vs rg", "vs -j1",
                                           "peak MB"))
    for name, (seconds, rss, _) in results:
        rate = size_mb / seconds
        print("%-20s %9.2f %9.1f %10.2f %10.2f %9.1f" % (name, seconds, rate, rate / base_rate,
                                                        rate / one_rate, rss))


if __name__ == "__main__":
    main()
