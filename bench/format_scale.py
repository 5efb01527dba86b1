#!/usr/bin/env python3
"""Throughput and peak RSS of one format against -f jsonl, over arXiv-like
corpora of growing size (make_corpus.py: every record a fresh id, so keys
really grow). BibTeX must stream: its peak RSS must stay near flat and its
speed within a fair ratio of jsonl's, measured in the same run.

usage: bench/format_scale.py [--citex build/citex] [--sizes 50,200,2000]
                             [--format bibtex] [--threads 2] [--repeat 1] [--keep]
With --repeat N the two formats take turns N times and each figure is the
median: at -j2 peak RSS varies by a few MB from run to run (how many
batches wait for the writer depends on scheduling).
Corpora go to /tmp/citex-scale-<MB>MB.jsonl and are deleted afterwards
unless --keep (2 GB needs 2 GB free: check `df -h /tmp`).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(citex, fmt, threads, path):
    """Seconds and peak RSS (MB) of one run, output discarded."""
    process = subprocess.Popen([citex, "-j", threads, "-f", fmt, "--no-progress", path],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit("citex -f %s %s failed with status %d" % (fmt, path, status))
    return seconds, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--citex", default=os.path.join(ROOT, "build", "citex"))
    parser.add_argument("--sizes", default="50,200,2000")
    parser.add_argument("--format", default="bibtex")
    parser.add_argument("--threads", default="2")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    print("%7s %-7s %8s %7s %9s %8s %11s" % ("MB in", "format", "seconds", "MB/s", "vs jsonl",
                                             "peak MB", "peak range"))
    for size in [int(s) for s in args.sizes.split(",")]:
        path = "/tmp/citex-scale-%dMB.jsonl" % size
        if not os.path.exists(path):
            subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"),
                                   str(size), path])
        megabytes = os.path.getsize(path) / 1e6
        runs = {"jsonl": [], args.format: []}
        for _ in range(args.repeat):
            for fmt in runs:
                runs[fmt].append(run(args.citex, fmt, args.threads, path))
        base_seconds = statistics.median(s for s, _ in runs["jsonl"])
        for fmt, results in runs.items():
            s = statistics.median(s for s, _ in results)
            rss = [r for _, r in results]
            print("%7d %-7s %8.1f %7.0f %9.2f %8.1f %5.1f-%5.1f" % (
                megabytes, fmt, s, megabytes / s, base_seconds / s, statistics.median(rss),
                min(rss), max(rss)))
        sys.stdout.flush()
        if not args.keep:
            os.remove(path)


if __name__ == "__main__":
    main()
