"""Interrupted and concurrent runs: `hadath run` killed (SIGKILL, as the OOM killer or a
power cut would) at random points of a bounded loop, then resumed, must end with exactly the
articles and events of one uninterrupted run — nothing lost, nothing twice — in a store that
passes SQLite's integrity check; two `hadath run` processes writing one store at once must
both finish with every article of both inputs saved."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hardening_cli import ARTICLES, REPO, hadath, stored_articles, stored_events
from test_bad_input_matrix import summary

KILLS = 6  # kills per loop: bounded, each at a random moment of the run
SEED = int(os.environ.get("HADATH_KILL_SEED", "20"))


def crawl(path: Path, first: int, count: int) -> Path:
    """JSON Lines of `count` development-set articles from line `first` on."""
    with ARTICLES.open(encoding="utf-8") as stream:
        lines = stream.read().splitlines()[first:first + count]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def article_ids(path: Path) -> set[str]:
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()}


def start_run(inputs: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hadath", "run", str(inputs), "--db", str(db), "--no-tagger"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, "COLUMNS": "400"}, start_new_session=True)


def kill(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)


def store_shape(db: Path) -> dict[str, object]:
    """What a store holds, to compare two stores: article ids, event ids per article, and the
    number of rows of every table (a row saved twice shows up there)."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('skips', 'alembic_version')")]
        # an FTS5 index's segment tables depend on the order of writes, not on what it holds
        counts = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables
                  if not ("fts" in t and t.endswith(("_data", "_idx")))}
    events: dict[str, list[str]] = {}
    for event_id, article_id in stored_events(db):
        events.setdefault(article_id, []).append(event_id)
    return {"articles": sorted(stored_articles(db)), "counts": counts,
            "events": {k: sorted(v) for k, v in sorted(events.items())}}


def integrity(db: Path) -> tuple[str, str]:
    with sqlite3.connect(db) as conn:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("PRAGMA journal_mode").fetchone()[0])


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object], float]:
    """One uninterrupted run of 20 articles: its store's shape and how long it took (only to
    spread the kills over the run; nothing asserts a duration)."""
    root = tmp_path_factory.mktemp("reference")
    inputs = crawl(root / "crawl.jsonl", 0, 20)
    started = time.monotonic()
    result = hadath("run", str(inputs), "--db", str(root / "ref.db"), "--no-tagger")
    took = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    return inputs, store_shape(root / "ref.db"), took


def test_killed_runs_resume_to_the_uninterrupted_store(
        reference: tuple[Path, dict[str, object], float], tmp_path: Path) -> None:
    inputs, expected, took = reference
    db = tmp_path / "killed.db"
    rng = random.Random(SEED)
    saved_before: list[int] = []
    for kill_number in range(KILLS):
        process = start_run(inputs, db)
        if kill_number % 2:
            # at a random moment of the whole run: loading models, reading, saving
            time.sleep(rng.uniform(0.2, max(0.5, took)))
        else:
            # soon after the run has saved an article more, so that one is surely in progress
            _wait_for_more_articles(db, process, len(stored_articles(db)) if db.exists() else 0)
            time.sleep(rng.uniform(0, 0.3))
        kill(process)
        if db.exists():
            assert integrity(db)[0] == "ok"
            saved_before.append(len(stored_articles(db)))
    final = hadath("run", str(inputs), "--db", str(db), "--no-tagger")
    assert final.returncode == 0, final.stderr[-2000:]
    tally, rows = summary(final.stdout)
    assert tally["failed"] == 0 and not rows
    assert tally["new"] + tally["unchanged"] == len(article_ids(inputs))
    assert integrity(db) == ("ok", "wal")
    assert store_shape(db) == expected
    # the loop did interrupt work in progress, not only before or after it
    assert any(0 < n < len(article_ids(inputs)) for n in saved_before), saved_before


def _wait_for_more_articles(db: Path, process: subprocess.Popen[str], count: int) -> None:
    for _ in range(6000):  # at most about ten minutes: a hang guard
        if process.poll() is not None:
            return
        try:
            if db.exists() and len(stored_articles(db)) > count:
                return
        except sqlite3.OperationalError:
            pass  # the store is being created
        time.sleep(0.1)


def _concurrent_runs(db: Path, inputs: list[Path]) -> None:
    runs = [start_run(path, db) for path in inputs]
    outputs = [p.communicate(timeout=900) for p in runs]
    for process, (stdout, stderr) in zip(runs, outputs):
        assert process.returncode == 0, stderr[-3000:]
        tally, rows = summary(stdout)
        assert tally["failed"] == 0, rows


def test_two_runs_write_one_store_at_once(tmp_path: Path) -> None:
    first = crawl(tmp_path / "first.jsonl", 20, 12)
    second = crawl(tmp_path / "second.jsonl", 32, 12)
    seed = crawl(tmp_path / "seed.jsonl", 44, 1)
    db = tmp_path / "shared.db"
    assert hadath("run", str(seed), "--db", str(db), "--no-tagger").returncode == 0
    # two runs of different inputs and a third of the same input as the first, all at once
    _concurrent_runs(db, [first, second, first])
    assert set(stored_articles(db)) == article_ids(first) | article_ids(second) | article_ids(seed)
    assert integrity(db) == ("ok", "wal")
    alone = tmp_path / "alone.db"
    for inputs in (seed, first, second):
        assert hadath("run", str(inputs), "--db", str(alone), "--no-tagger").returncode == 0
    assert store_shape(db) == store_shape(alone)


def test_two_runs_create_one_new_store_at_once(tmp_path: Path) -> None:
    first = crawl(tmp_path / "first.jsonl", 20, 3)
    second = crawl(tmp_path / "second.jsonl", 32, 3)
    _concurrent_runs(tmp_path / "new.db", [first, second])
