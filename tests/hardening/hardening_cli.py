"""How the hardening tests call the project: the `hadath` command line in a subprocess
(nothing mocked) and the store read back with sqlite3 itself; the paths of the example and
the development set. (A module of its own name: every test folder has a `conftest`.)"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aleppo_2024-11-30.txt"
ARTICLES = REPO / "eval" / "events" / "articles.jsonl"


def hadath(*args: str, timeout: float = 600, cwd: Path | None = None,
           ) -> subprocess.CompletedProcess[str]:
    """`python -m hadath ARGS`; a wide terminal so that the summary's rows stay on one line.
    The timeout only guards against a hang: no test here asserts how fast anything is."""
    env = {**os.environ, "COLUMNS": "400", "PYTHONHASHSEED": "0"}
    return subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True,
                          text=True, timeout=timeout, check=False, env=env, cwd=cwd)


def stored_articles(db: Path) -> dict[str, tuple[str, str | None]]:
    """id → (text, duplicate_of) of every article in a SQLite store, read with sqlite3 itself."""
    with sqlite3.connect(db) as conn:
        return {row[0]: (row[1], row[2])
                for row in conn.execute("SELECT id, text, duplicate_of FROM articles")}


def stored_events(db: Path) -> list[tuple[str, str]]:
    """(event id, article id) of every event row in a SQLite store."""
    with sqlite3.connect(db) as conn:
        return list(conn.execute("SELECT id, article_id FROM events"))
