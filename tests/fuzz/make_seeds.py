#!/usr/bin/env python3
"""Writes libFuzzer seeds from samples/: one file per abstract (for the
passes and writers) and small slices of each sample file in every format
(for the readers, whose first byte picks the reader).

usage: make_seeds.py FUZZER_NAME OUT_DIR
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def abstracts():
    with open(os.path.join(ROOT, "samples", "daily-papers.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i in range(12, len(lines) - 2, 4):
        yield lines[i], lines[i + 2]
    with open(os.path.join(ROOT, "samples", "arxiv-snapshot.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield record["title"], record["abstract"]


def main():
    name, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seeds = []
    if name == "fuzz_readers":
        for sample in sorted(os.listdir(os.path.join(ROOT, "samples"))):
            path = os.path.join(ROOT, "samples", sample)
            if os.path.isfile(path) and not sample.endswith(".md"):
                data = open(path, "rb").read()[:6000]
                for selector in range(5):
                    seeds.append(bytes([selector]) + data)
    else:
        for title, abstract in abstracts():
            text = abstract if name == "fuzz_passes" else title + "\n" + abstract
            seeds.append(text.encode("utf-8"))
    for i, seed in enumerate(seeds):
        with open(os.path.join(out, "seed-%03d" % i), "wb") as f:
            f.write(seed)


if __name__ == "__main__":
    main()
