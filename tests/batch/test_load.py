"""`hadath load` saves a batch through the store: the store then holds what `hadath run` on
the same inputs gives, and loading twice changes nothing."""
from __future__ import annotations

import json
from pathlib import Path

from batch_crawl import hadath

from hadath.ingest.ids import id_from_url
from hadath.store.db import Store


def _state(db: Path) -> tuple[dict[str, int], list[tuple[str, str | None]], list[str]]:
    store = Store(str(db))
    try:
        with store.engine.connect() as conn:
            from sqlalchemy import select

            from hadath.store import schema

            articles = sorted((r.id, r.duplicate_of) for r in conn.execute(
                select(schema.articles.c.id, schema.articles.c.duplicate_of)))
            events = sorted(r.id for r in conn.execute(select(schema.events.c.id)))
        return store.counts(), articles, events
    finally:
        store.close()


def test_loading_twice_changes_nothing_and_matches_run(
        crawl: list[Path], whole_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "batch.db"
    first = hadath("load", str(whole_batch), "--db", str(db))
    assert first.returncode == 0, first.stderr
    loaded = _state(db)
    assert loaded[0]["articles"] == 12 + 8 + 6 + 2 and loaded[0]["events"] > 0
    copies = dict(row for row in loaded[1] if row[1])
    lines = [json.loads(line) for line in crawl[1].read_text(encoding="utf-8").splitlines()[9:]
             if line.startswith("{") and "?" in line]
    planted = {id_from_url(row["url"]): id_from_url(row["url"].split("?")[0]) for row in lines
               if "?copy=" in row["url"]}
    assert planted.items() <= copies.items()  # the copy in its original's partition
    near = next(id_from_url(row["url"]) for row in lines if "?via=" in row["url"])
    assert copies[near] == "JA-politic-1-20170121"  # the copy in another partition
    second = hadath("load", str(whole_batch), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert "unchanged" in second.stdout
    assert _state(db) == loaded

    run_db = tmp_path / "run.db"
    ran = hadath("run", *map(str, crawl), "--db", str(run_db))
    assert ran.returncode == 0, ran.stderr
    assert _state(run_db) == loaded


def test_loading_what_is_not_a_batch_is_one_line(tmp_path: Path) -> None:
    result = hadath("load", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "not a batch folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
