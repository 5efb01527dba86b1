#!/usr/bin/env python3
"""Whole-process benchmark, every figure a ratio measured in the same run.

1. Throughput on one arXiv-like JSON Lines corpus: ripgrep finding URLs and
   author-year citations (the baseline), citex -j1 and citex -j2 doing the
   whole extraction. Ratios: each against ripgrep, and -j2 against -j1.
   Beside them, two citex -j1 processes at once over the same file: the
   work of two shares nothing, so what two of them do against one is as
   much as two cores of this machine give, the ceiling for -j2 against -j1.
2. Many small files: the corpus's first FILES x 100 records as FILES files,
   citex -j1 and -j2 over all of them in one call (threads serve every
   file: started anew for each, -j2 was slower than -j1 here), against
   ripgrep over the same files.
3. First-abstract cost: one short abstract (from samples/daily-papers.txt:
   a link and two author-year citations), one process per call, CALLS calls
   in a row, citex against ripgrep with a plain URL pattern.

The commands take turns, REPEAT rounds, and each figure is the median of its
rounds, so a load that comes and goes weighs on all of them alike. Output
is read through a pipe and discarded, so no tool can skip work by seeing
/dev/null.

usage: bench/run.py [--megabytes N] [--repeat R] [--calls C] [--files F] [--citex build/citex] [--corpus FILE]
"""
import argparse
import os
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ripgrep's share of the job: links and author-year citations, as a regex
# script would find them.
RG_URL = r"https?://[^\s)\]}>,;]+|(?:github\.com|huggingface\.co)/[\w.-]+/[\w.-]+"
RG_CITE = r"[A-Z][\w'-]+(?: et al\.| and [A-Z][\w'-]+)?,? \(?(?:19|20)\d{2}[a-z]?\)?"
RG_PLAIN_URL = r"https?://\S+"

ABSTRACT_TITLE = "Ensemble-Instruct: Generating Instruction-Tuning Data with a Heterogeneous"


def run(command):
    """Runs command, draining stdout; returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    while process.stdout.read(1 << 20):
        pass
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("%s failed with %d" % (" ".join(command), code))
    return seconds, usage.ru_maxrss / 1024.0


def run_pair(command):
    """Runs two copies of command at once, draining both; returns the seconds
    until both are done."""
    start = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                 for _ in range(2)]

    def drain(process):
        while process.stdout.read(1 << 20):
            pass

    drains = [threading.Thread(target=drain, args=(p,)) for p in processes]
    for thread in drains:
        thread.start()
    for thread in drains:
        thread.join()
    for process in processes:
        if process.wait() not in (0, 1):
            sys.exit("%s failed with %d" % (" ".join(command), process.returncode))
    return time.perf_counter() - start


def run_many(command, calls):
    """Seconds for `calls` runs of command, one after another."""
    start = time.perf_counter()
    for _ in range(calls):
        subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def write_abstract(path):
    """The abstract after ABSTRACT_TITLE in the Daily Papers sample."""
    with open(os.path.join(ROOT, "samples", "daily-papers.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith(ABSTRACT_TITLE))
    abstract = next(line for line in lines[title + 1:] if line.strip())
    with open(path, "w", encoding="utf-8") as out:
        out.write(abstract + "\n")


def write_files(corpus, directory, count, records=100):
    """The corpus's first count * records lines, as count files; their paths."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    with open(corpus, "rb") as f:
        for i in range(count):
            path = os.path.join(directory, "part%04d.jsonl" % i)
            with open(path, "wb") as out:
                for _ in range(records):
                    out.write(f.readline())
            paths.append(path)
    return paths


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--citex", default=os.path.join(ROOT, "build", "citex"))
    parser.add_argument("--corpus")
    args = parser.parse_args()
    corpus = args.corpus or "/tmp/citex-bench-%dMB.jsonl" % args.megabytes
    if not os.path.exists(corpus):
        subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"),
                               str(args.megabytes), corpus])
    abstract = "/tmp/citex-bench-abstract.txt"
    write_abstract(abstract)
    size_mb = os.path.getsize(corpus) / 1e6
    corpus_commands = {
        "rg": ["rg", "-o", "-e", RG_URL, "-e", RG_CITE, corpus],
        "j1": [args.citex, "-j", "1", "-f", "jsonl", "--no-progress", corpus],
        "j2": [args.citex, "-j", "2", "-f", "jsonl", "--no-progress", corpus],
    }
    files = write_files(corpus, "/tmp/citex-bench-files", args.files)
    files_commands = {
        "rg": ["rg", "-o", "-e", RG_URL, "-e", RG_CITE] + files,
        "j1": [args.citex, "-j", "1", "-f", "jsonl", "--no-progress"] + files,
        "j2": [args.citex, "-j", "2", "-f", "jsonl", "--no-progress"] + files,
    }
    abstract_commands = {
        "rg": ["rg", "-o", RG_PLAIN_URL, abstract],
        "citex": [args.citex, "-f", "jsonl", "--no-progress", abstract],
    }
    subprocess.run(["cat", corpus], stdout=subprocess.DEVNULL)  # warm the page cache
    seconds = {name: [] for name in corpus_commands}
    rss = {name: 0.0 for name in corpus_commands}
    files_seconds = {name: [] for name in files_commands}
    calls = {name: [] for name in abstract_commands}
    pairs = []
    for _ in range(args.repeat):
        for name, command in corpus_commands.items():
            took, peak = run(command)
            seconds[name].append(took)
            rss[name] = max(rss[name], peak)
        pairs.append(run_pair(corpus_commands["j1"]))
        for name, command in files_commands.items():
            files_seconds[name].append(run(command)[0])
        for name, command in abstract_commands.items():
            calls[name].append(run_many(command, args.calls))
    t = {name: statistics.median(values) for name, values in seconds.items()}
    f = {name: statistics.median(values) for name, values in files_seconds.items()}
    c = {name: statistics.median(values) for name, values in calls.items()}
    pair = statistics.median(pairs)

    print("corpus: %s, %.1f MB; medians of %d rounds" % (corpus, size_mb, args.repeat))
    print("| figure | median | ratio | target | peak RSS |")
    print("|---|---|---|---|---|")
    print("| `rg -o -e URL -e AUTHOR_YEAR` corpus | %.2f s, %.0f MB/s | 1.00 | baseline | %.0f MB |"
          % (t["rg"], size_mb / t["rg"], rss["rg"]))
    print("| `citex -j 1 -f jsonl` corpus, speed vs rg | %.2f s, %.0f MB/s | %.2f | >= 1.00 | %.0f MB |"
          % (t["j1"], size_mb / t["j1"], t["rg"] / t["j1"], rss["j1"]))
    print("| `citex -j 2 -f jsonl` corpus, speed vs rg | %.2f s, %.0f MB/s | %.2f | | %.0f MB |"
          % (t["j2"], size_mb / t["j2"], t["rg"] / t["j2"], rss["j2"]))
    print("| `citex -j 2` speed vs `citex -j 1` | | %.2f | >= 1.85 | |" % (t["j1"] / t["j2"]))
    print("| two `citex -j 1` at once, work vs one (two cores' ceiling) | %.2f s | %.2f | | |"
          % (pair, 2 * t["j1"] / pair))
    print("| `rg -o -e URL -e AUTHOR_YEAR`, %d files of 100 records | %.3f s | 1.00 | baseline | |"
          % (args.files, f["rg"]))
    print("| `citex -j 1 -f jsonl` the same files, speed vs rg | %.3f s | %.2f | | |"
          % (f["j1"], f["rg"] / f["j1"]))
    print("| `citex -j 2 -f jsonl` the same files, speed vs `-j 1` | %.3f s | %.2f | | |"
          % (f["j2"], f["j1"] / f["j2"]))
    print("| `rg -o URL` one abstract, %d calls | %.1f ms a call | 1.00 | baseline | |"
          % (args.calls, 1000 * c["rg"] / args.calls))
    print("| `citex -f jsonl` one abstract, time vs rg | %.1f ms a call | %.2f | <= 2.00 | |"
          % (1000 * c["citex"] / args.calls, c["citex"] / c["rg"]))


if __name__ == "__main__":
    main()
