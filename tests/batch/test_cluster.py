"""`hadath batch --scheduler ADDRESS` on a cluster started apart from it (a `dask scheduler`
and a `dask worker` process, as on real machines): the same articles and events as a run on
the default local cluster."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_crawl import ENV, hadath
from batch_outputs import event_keys, rows


def _start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True, env=ENV)


def _stop(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    address_file = tmp_path / "scheduler.json"
    started = [_start("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                      "--no-dashboard", "--scheduler-file", str(address_file))]
    try:
        for _ in range(6000):  # until the scheduler has written where it listens
            if address_file.exists() and address_file.stat().st_size:
                break
            assert started[0].poll() is None, "the scheduler did not start"
            time.sleep(0.01)
        started.append(_start("distributed.cli.dask_worker", "--scheduler-file", str(address_file),
                              "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                              "--local-directory", str(tmp_path / "worker")))
        yield json.loads(address_file.read_text())["address"]
    finally:
        for process in reversed(started):
            _stop(process)


def test_a_batch_on_a_cluster_by_address(crawl: list[Path], whole_batch: Path, tmp_path: Path,
                                         scheduler: str) -> None:
    out = tmp_path / "out"
    result = hadath("batch", *map(str, crawl), "--out", str(out), "--scheduler", scheduler,
                    "--workers", "1", "--partition-size", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(r["id"] for r in rows(out, "articles")) == sorted(
        r["id"] for r in rows(whole_batch, "articles"))
    assert event_keys(out) == event_keys(whole_batch)
