"""citex on a real Dask cluster: a scheduler and two worker processes on
127.0.0.1, citex.extract_many mapped over a Bag of JSON Lines shards; the
records must equal a single CLI run's. The cluster is always shut down.
"""
import json
import os
import shutil
import socket
import subprocess
import sys

import pytest

import citex
from conftest import SAMPLES, cli, cli_records, missing

try:
    import dask.bag
    import distributed
except ImportError:
    dask = distributed = None

SHARDS = 4


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command, tmp_path, name):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    log = open(tmp_path / (name + ".log"), "wb")
    return subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def cluster(tmp_path):
    """The address of a scheduler with two single-threaded workers."""
    if distributed is None:
        missing("python3-distributed")
    if shutil.which("dask") is None:
        missing("the dask command")
    address = "tcp://127.0.0.1:%d" % free_port()
    processes = []
    try:
        processes.append(start(["dask", "scheduler", "--host", "127.0.0.1", "--port",
                                address.rsplit(":", 1)[1], "--no-dashboard"], tmp_path,
                               "scheduler"))
        for n in range(2):
            processes.append(start(["dask", "worker", address, "--host", "127.0.0.1",
                                    "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                    "--name", "worker-%d" % n, "--local-directory",
                                    str(tmp_path / ("worker-%d" % n))], tmp_path,
                                   "worker-%d" % n))
        yield address
    finally:
        stop(processes)


def test_extract_many_on_a_dask_cluster_equals_one_cli_run(cluster, tmp_path):
    lines = open(SAMPLES[1], encoding="utf-8").read().splitlines() * 2  # 40 records
    size = len(lines) // SHARDS
    paths = []
    for n in range(SHARDS):
        path = tmp_path / ("shard-%d.jsonl" % n)
        path.write_text("\n".join(lines[n * size:(n + 1) * size]) + "\n", encoding="utf-8")
        paths.append(str(path))
    whole = tmp_path / "whole.jsonl"
    whole.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with distributed.Client(cluster, timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
        # As README.md and docs/scaling.md give it.
        bag = dask.bag.read_text(paths).map(json.loads).map_partitions(citex.extract_many,
                                                                      threads=1)
        with distributed.get_task_stream(client) as tasks:
            records = bag.compute()
        used = {task["worker"] for task in tasks.data}
        workers = set(client.scheduler_info()["workers"])
    assert len(workers) == 2
    assert used and used <= workers  # the work ran on the cluster's workers

    expected = cli_records(str(whole))
    assert len(records) == len(expected) == 40

    # Per shard, each worker numbers and keys its own papers; everything
    # else is the single run's.
    def comparable(record):
        # Keys are handed out in run order, so shards key papers afresh.
        record = dict(record, index=None, source=None, key=None)
        record["citations"] = [dict(c, key=None) for c in record["citations"]]
        return record
    assert [comparable(r) for r in records] == [comparable(r) for r in expected]
    # Formatting the gathered records keys them afresh, as one run would.
    assert citex.format(records, "bibtex") == cli("-f", "bibtex", str(whole))
