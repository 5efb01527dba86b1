"""What the Python tests share: the CLI to compare with and the data they read.

Run from ctest (python/CMakeLists.txt), which puts the build tree's citex
package on PYTHONPATH and names the CLI in CITEX_BINARY.
"""
import json
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CITEX = os.environ.get("CITEX_BINARY", os.path.join(ROOT, "build", "citex"))
SAMPLES = [os.path.join(ROOT, "samples", name) for name in
           ("daily-papers.txt", "arxiv-snapshot.jsonl", "hf-daily-2025-03-04.json",
            "hostile-input.jsonl", "other-fields.jsonl")]
HF_DAILY = os.path.join(ROOT, "..", "shared", "eval", "hf-daily")


def missing(what):
    """Skips a test whose data or tool is absent; under CI that is a failure."""
    if os.environ.get("CI"):
        pytest.fail("%s is missing, and CI is set" % what)
    pytest.skip("%s is missing" % what)


def cli(*args):
    """The CLI's stdout for args (exit 0 or 1: something or nothing found)."""
    run = subprocess.run([CITEX, *args], capture_output=True)
    assert run.returncode in (0, 1), run.stderr.decode()
    return run.stdout.decode("utf-8")


def cli_records(*args):
    """The CLI's records for args, from -f jsonl."""
    return [json.loads(line) for line in cli("-f", "jsonl", *args).splitlines()]


def hf_daily_files():
    if not os.path.isdir(HF_DAILY):
        return []
    return sorted(os.path.join(HF_DAILY, name) for name in os.listdir(HF_DAILY)
                  if name.endswith(".json"))
