"""A batch killed part-way (SIGKILL of its whole process group: client, scheduler and
workers) and run again ends with what an uninterrupted run gives: the same articles and
events, none twice."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import psutil
import pyarrow.parquet as pq
from batch_crawl import ENV, batch_command, hadath
from batch_outputs import event_keys, finished, planned, rows

from hadath.store.db import Store


def _kill_after_first_partition(command: list[str], out: Path) -> set[str]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True, env=ENV)  # its own process group
    try:
        while not finished(out) and process.poll() is None:
            time.sleep(0.01)
        done_at_kill = finished(out)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait()
        _wait_until_gone(process.pid)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    return done_at_kill


def _store_counts(db: Path) -> dict[str, int]:
    store = Store(str(db))
    try:
        return store.counts()
    finally:
        store.close()


def _wait_until_gone(group: int) -> None:
    """Until no live process of the killed group is left (the workers die with the client;
    one that is only a zombie waiting to be reaped is dead)."""
    for _ in range(2000):
        if not _alive_in(group):
            return
        time.sleep(0.01)
    raise AssertionError(f"processes of group {group} outlived SIGKILL")


def _alive_in(group: int) -> list[int]:
    alive = []
    for process in psutil.process_iter(["pid", "status"]):
        try:
            if os.getpgid(process.pid) == group and process.info["status"] != psutil.STATUS_ZOMBIE:
                alive.append(process.pid)
        except (ProcessLookupError, psutil.Error):
            continue
    return alive


def test_a_killed_batch_resumes_with_nothing_lost_and_nothing_doubled(
        crawl: list[Path], whole_batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = batch_command(crawl, out)
    done_at_kill = _kill_after_first_partition(command, out)
    total = planned(out)
    assert 1 <= len(done_at_kill) < len(total), "the batch was not caught part-way"
    # What the killed run left visible is whole: every Parquet file reads.
    for table in ("articles", "events"):
        for path in (out / table).glob("*.parquet"):
            pq.read_table(path)

    # What is finished can be loaded already; the rest is said to be unfinished.
    partial = hadath("load", str(out), "--db", str(tmp_path / "store.db"))
    assert partial.returncode == 0, partial.stderr
    assert "partitions of" in partial.stderr and "are not finished" in partial.stderr

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False,
                             env=ENV)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    before = re.search(r"partitions done before this run\D+(\d+)", resumed.stdout)
    now = re.search(r"partitions done in this run\D+(\d+)", resumed.stdout)
    assert before and now, resumed.stdout
    assert int(before.group(1)) >= len(done_at_kill)
    assert int(before.group(1)) + int(now.group(1)) == len(total)
    assert finished(out) == set(total)

    articles = [r["id"] for r in rows(out, "articles")]
    assert not [i for i, n in Counter(articles).items() if n > 1]
    assert sorted(articles) == sorted(r["id"] for r in rows(whole_batch, "articles"))
    events = event_keys(out)
    assert len({key[0] for key in events}) == len(events)  # no event twice
    assert events == event_keys(whole_batch)
    assert events, "the crawl's articles report events"
    # Loading the rest after the partial load gives the store a whole load gives.
    rest = hadath("load", str(out), "--db", str(tmp_path / "store.db"))
    whole = hadath("load", str(whole_batch), "--db", str(tmp_path / "whole.db"))
    assert rest.returncode == 0 and whole.returncode == 0, rest.stderr + whole.stderr
    assert "not finished" not in rest.stderr
    assert _store_counts(tmp_path / "store.db") == _store_counts(tmp_path / "whole.db")
    assert not (out / ".tmp").exists()  # the killed run's half-written files are gone
