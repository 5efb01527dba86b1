#!/usr/bin/env python3
"""Peak RSS of citex over corpora of growing size (50 MB to 2 GB by
default): memory must stay flat. Larger corpora are the 50 MB corpus
repeated, which is what matters for memory (chunks, buffers), not the
text itself. Each corpus is deleted after its run (2 GB of /tmp each).
A figure below this script's own peak (about 11 MB) reads as that peak:
the kernel counts a spawned process's memory from its spawner's.

usage: bench/rss_curve.py [--citex build/citex] [--sizes 50,200,1000,2000] [--threads 2]
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--citex", default=os.path.join(ROOT, "build", "citex"))
    parser.add_argument("--sizes", default="50,200,1000,2000")
    parser.add_argument("--threads", default="2")
    parser.add_argument("--format", default="jsonl")
    args = parser.parse_args()
    base = "/tmp/citex-bench-50MB.jsonl"
    if not os.path.exists(base):
        subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"),
                               "50", base])
    print("%8s %10s %9s" % ("MB in", "seconds", "peak MB"))
    for size in [int(s) for s in args.sizes.split(",")]:
        path = "/tmp/citex-rss-%dMB.jsonl" % size
        if not os.path.exists(path):
            # cat copies, not this process: a child's peak RSS counts the
            # memory of the process that spawned it, and reading the corpus
            # here in 16 MiB pieces made every figure 43 MB.
            with open(path, "wb") as out:
                subprocess.check_call(["cat"] + [base] * (size // 50), stdout=out)
        process = subprocess.Popen([args.citex, "-j", args.threads, "-f", args.format,
                                    "--no-progress", path],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.perf_counter()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        print("%8d %10.1f %9.1f" % (os.path.getsize(path) / 1e6, seconds, usage.ru_maxrss / 1024))
        os.remove(path)


if __name__ == "__main__":
    main()
