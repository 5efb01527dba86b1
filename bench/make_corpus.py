#!/usr/bin/env python3
"""Builds an arXiv-snapshot-like JSON Lines corpus of a chosen size by
repeating the real abstracts bundled in samples/, each copy with a fresh id.

usage: make_corpus.py MEGABYTES OUT.jsonl
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sample_records():
    records = []
    with open(os.path.join(ROOT, "samples", "arxiv-snapshot.jsonl"), encoding="utf-8") as f:
        records += [json.loads(line) for line in f if line.strip()]
    with open(os.path.join(ROOT, "samples", "hf-daily-2025-03-04.json"), encoding="utf-8") as f:
        for item in json.load(f):
            paper = item["paper"]
            records.append({"title": paper["title"], "abstract": paper["summary"],
                            "authors": ", ".join(a["name"] for a in paper["authors"])})
    # The Daily Papers page: title line, blank line, abstract line.
    with open(os.path.join(ROOT, "samples", "daily-papers.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i in range(12, len(lines) - 2, 4):
        if lines[i] and lines[i + 2]:
            records.append({"title": lines[i], "abstract": lines[i + 2], "authors": ""})
    return records


def main():
    megabytes, out_path = float(sys.argv[1]), sys.argv[2]
    target = int(megabytes * 1e6)
    records = sample_records()
    written = 0
    serial = 0
    with open(out_path, "w", encoding="utf-8") as out:
        while written < target:
            for record in records:
                serial += 1
                copy = dict(record)
                copy["id"] = "%02d%02d.%05d" % (7 + serial // 1200000 % 19, 1 + serial // 100000 % 12,
                                                serial % 100000)
                line = json.dumps(copy, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                if written >= target:
                    break


if __name__ == "__main__":
    main()
