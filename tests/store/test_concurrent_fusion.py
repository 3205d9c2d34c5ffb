"""Two processes saving reports of one event into one PostgreSQL store at once make one fused
event, not two: fusion is serialised per transaction by an advisory lock."""
import multiprocessing
import os
import time

import pytest
from hand_records import event
from sqlalchemy import func, select, text

from hadath.record import Article, ArticleMeta
from hadath.store import schema
from hadath.store.db import FUSION_LOCK, Store

PG_URL = os.environ.get("HADATH_TEST_PG_URL")


def _save_one(url: str, article_id: str, outlet: str) -> None:
    meta = ArticleMeta(id=article_id, text=f"نص {article_id}", outlet=outlet,
                       published="2024-11-30", url=f"https://{outlet}/{article_id}")
    store = Store(url)
    try:
        store.save(Article(meta, events=[event(f"{article_id}-1")]))
    finally:
        store.close()


@pytest.mark.skipif(not PG_URL, reason="HADATH_TEST_PG_URL is not set: no PostgreSQL server")
def test_two_writers_fuse_one_event() -> None:
    store = Store(PG_URL)
    with store.engine.begin() as conn:
        for table in reversed(schema.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))  # test reset, fixed names
    spawn = multiprocessing.get_context("spawn")
    writers = [spawn.Process(target=_save_one, args=(PG_URL, name, outlet))
               for name, outlet in (("a", "enabbaladi.net"), ("b", "sana.sy"))]
    try:
        # the test holds the fusion lock, so both writers reach the fusion step and wait
        with store.engine.connect() as holder, holder.begin():
            holder.execute(select(func.pg_advisory_xact_lock(FUSION_LOCK)))
            for writer in writers:
                writer.start()
            time.sleep(4)
            assert store.counts()["fused_events"] == 0  # both wait for the lock
        for writer in writers:
            writer.join(60)
            assert writer.exitcode == 0
        [fused] = store.events()
        assert fused["n_reports"] == 2 and sorted(fused["outlets"]) == ["enabbaladi.net", "sana.sy"]
    finally:
        store.close()
