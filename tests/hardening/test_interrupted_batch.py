"""`hadath batch` killed (SIGKILL of its whole process group: client, scheduler, workers) at
random moments of a bounded loop — while it plans, starts its cluster or writes partitions —
then run again to the end, must give the articles and events of one uninterrupted batch, none
twice, and `hadath load` must give the store of the uninterrupted one. The crawl and the
readers of a batch's output are the batch tests' own (tests/batch)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hardening_cli import REPO, hadath, stored_articles, stored_events

sys.path.insert(0, str(REPO / "tests" / "batch"))
from batch_crawl import ANT, ENV, batch_command, make_crawl
from batch_outputs import event_keys, finished, planned, rows

KILLS = 3
SEED = int(os.environ.get("HADATH_KILL_SEED", "20"))


def _run_killed(command: list[str], after: float) -> None:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True, env=ENV)
    try:
        process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    # the group's workers die with it; wait until none holds the output folder
    for _ in range(500):
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)


@pytest.mark.slow
def test_a_batch_killed_at_random_moments_resumes_to_the_uninterrupted_one(
        tmp_path: Path) -> None:
    if not ANT.is_dir():
        pytest.skip("the shared public data folder (../shared next to the repository) is absent")
    crawl = make_crawl(tmp_path / "crawl")
    whole = tmp_path / "whole"
    started = time.monotonic()
    reference = subprocess.run(batch_command(crawl, whole), capture_output=True, text=True,
                               timeout=1200, check=False, env=ENV)
    took = time.monotonic() - started
    assert reference.returncode == 0, reference.stdout + reference.stderr

    out = tmp_path / "killed"
    rng = random.Random(SEED)
    for _ in range(KILLS):
        _run_killed(batch_command(crawl, out), rng.uniform(0.5, took))
    resumed = subprocess.run(batch_command(crawl, out), capture_output=True, text=True,
                             timeout=1200, check=False, env=ENV)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert finished(out) == set(planned(out)) == set(planned(whole))

    articles = [r["id"] for r in rows(out, "articles")]
    assert not [i for i, n in Counter(articles).items() if n > 1]
    assert sorted(articles) == sorted(r["id"] for r in rows(whole, "articles"))
    assert event_keys(out) == event_keys(whole) and event_keys(out)

    loaded, expected = tmp_path / "killed.db", tmp_path / "whole.db"
    assert hadath("load", str(out), "--db", str(loaded)).returncode == 0
    assert hadath("load", str(whole), "--db", str(expected)).returncode == 0
    assert stored_articles(loaded) == stored_articles(expected)
    assert sorted(stored_events(loaded)) == sorted(stored_events(expected))
