#!/usr/bin/python3
"""The Python module against the CLI on the same corpus, in one run.

Loads the corpus's abstracts into memory as str, then measures the best
wall time of REPEAT runs of: citex -j1 over the file (the baseline),
citex.extract_many over the strings at threads=1 and threads=2, and two
Python threads each calling extract_many(threads=1) on half the strings.
A call is timed until it returns its records; freeing them afterwards is
the caller's and is shown on its own line. Rates are corpus MB per second and papers per second; ratios are against
citex -j1 and extract_many at one thread. Run it with /usr/bin/python3 (the
module is built against it), after cmake -DCITEX_PYTHON=ON.

usage: bench/python_bench.py [--megabytes N] [--repeat R] [--build build] [--corpus FILE]
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import run as cli_bench  # noqa: E402  (bench/run.py: how the CLI is timed)


def best(repeat, work, freeing=None):
    """The best wall time of `work`; its result lives until the clock stops.
    The time freeing that result takes goes to freeing[] when given: it is the
    caller's, paid whenever the records are let go."""
    seconds = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        elapsed = time.perf_counter() - start
        del result
        if freeing is not None:
            freeing.append(time.perf_counter() - start - elapsed)
        seconds = elapsed if seconds is None else min(seconds, elapsed)
    return seconds


def two_python_threads(citex, abstracts):
    half = len(abstracts) // 2
    parts = [abstracts[:half], abstracts[half:]]
    results = [None, None]

    def work(i):
        results[i] = citex.extract_many(parts[i], threads=1)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results[0]) + len(results[1]) == len(abstracts)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--corpus")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.build, "python"))
    import citex

    corpus = args.corpus or "/tmp/citex-bench-%dMB.jsonl" % args.megabytes
    if not os.path.exists(corpus):
        subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"),
                               str(args.megabytes), corpus])
    size_mb = os.path.getsize(corpus) / 1e6
    with open(corpus, encoding="utf-8") as f:
        abstracts = [json.loads(line)["abstract"] for line in f]
    command = [os.path.join(args.build, "citex"), "-j", "1", "-f", "jsonl", "--no-progress", corpus]
    freeing = []
    rows = [
        ("citex -j1 jsonl (baseline)", best(args.repeat, lambda: cli_bench.run(command))),
        ("extract_many threads=1", best(args.repeat,
                                        lambda: citex.extract_many(abstracts, threads=1),
                                        freeing)),
        ("extract_many threads=2", best(args.repeat,
                                        lambda: citex.extract_many(abstracts, threads=2))),
        ("2 Python threads x 1", best(args.repeat, lambda: two_python_threads(citex, abstracts))),
    ]
    print("corpus: %s, %.1f MB, %d papers" % (corpus, size_mb, len(abstracts)))
    print("%-28s %8s %8s %10s %9s %9s" % ("run", "seconds", "MB/s", "papers/s", "vs -j1",
                                          "vs 1 thr"))
    for name, seconds in rows:
        print("%-28s %8.2f %8.1f %10.0f %9.2f %9.2f" % (
            name, seconds, size_mb / seconds, len(abstracts) / seconds, rows[0][1] / seconds,
            rows[1][1] / seconds))
    print("freeing one call's records afterwards: %.2f s (best of %d; not in the times above)"
          % (min(freeing), len(freeing)))


if __name__ == "__main__":
    main()
