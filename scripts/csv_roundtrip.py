#!/usr/bin/env python3
"""Reads a citex CSV file with Python's csv module, the reader pandas and
most scripts build on, and prints its rows as a JSON array of arrays.

With --rewrite it also writes the rows back with csv.writer (RFC 4180:
minimal quoting, CRLF) and fails unless the bytes are the same, so citex
writes what Python would write as well as what Python can read.

usage: csv_roundtrip.py [--rewrite] FILE
"""
import csv
import io
import json
import sys


def main(argv):
    rewrite = "--rewrite" in argv
    path = [a for a in argv if a != "--rewrite"][0]
    with open(path, "rb") as f:
        data = f.read()
    # strict: a stray quote or a bad field is an error, not a guess.
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))
    if rewrite:
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        if out.getvalue().encode("utf-8") != data:
            sys.stderr.write("csv.writer writes these rows differently\n")
            return 1
    json.dump(rows, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
