"""The schema is versioned: a new store is made at the newest revision, a store made before
migrations (by the code before fusion, or older still) upgrades in place and its reports are
fused, and the revisions build exactly the tables `schema.py` describes."""
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, inspect, text

from hadath.store import schema
from hadath.store.db import Store
from hadath.store.migrate import MIGRATIONS, SCHEMA_VERSION, current_version

PG_URL = os.environ.get("HADATH_TEST_PG_URL")

# The tables as the store made them before migrations and fusion (SQLAlchemy's DDL of that
# schema; {serial} is INTEGER on SQLite, SERIAL on PostgreSQL).
BEFORE_FUSION = """
CREATE TABLE articles (id VARCHAR(200) NOT NULL, url TEXT, outlet VARCHAR(200), title TEXT,
  published VARCHAR(40), published_from VARCHAR(20), language VARCHAR(10), text TEXT NOT NULL,
  text_hash VARCHAR(64) NOT NULL, duplicate_of VARCHAR(200), source TEXT, ingested_at VARCHAR(40),
  PRIMARY KEY (id));
CREATE INDEX ix_articles_text_hash ON articles (text_hash);
CREATE INDEX ix_articles_published ON articles (published);
CREATE TABLE skips (source TEXT NOT NULL, reason TEXT NOT NULL, at VARCHAR(40), PRIMARY KEY (source));
CREATE TABLE events (id VARCHAR(64) NOT NULL, article_id VARCHAR(200), type VARCHAR(40),
  modality VARCHAR(20), date VARCHAR(10), date_end VARCHAR(10), time_precision INTEGER,
  actor1 VARCHAR(200), actor2 VARCHAR(200), place VARCHAR(200), country VARCHAR(2), lat FLOAT,
  lon FLOAT, geo_precision INTEGER, confidence FLOAT, summary_en TEXT, record JSON NOT NULL,
  PRIMARY KEY (id), FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE);
CREATE INDEX ix_events_article_id ON events (article_id);
CREATE INDEX ix_events_date_type ON events (date, type);
CREATE INDEX ix_events_place ON events (place);
CREATE INDEX ix_events_date ON events (date);
CREATE INDEX ix_events_actor1 ON events (actor1);
CREATE INDEX ix_events_type ON events (type);
CREATE INDEX ix_events_modality ON events (modality);
CREATE TABLE layers (article_id VARCHAR(200) NOT NULL, name VARCHAR(40) NOT NULL, data JSON NOT NULL,
  PRIMARY KEY (article_id, name), FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE);
CREATE TABLE evidence (id {serial} NOT NULL, event_id VARCHAR(64), article_id VARCHAR(200),
  sentence INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT, PRIMARY KEY (id),
  FOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE);
CREATE INDEX ix_evidence_event_id ON evidence (event_id);
CREATE TABLE figures (id {serial} NOT NULL, event_id VARCHAR(64), kind VARCHAR(20) NOT NULL,
  count INTEGER, min BOOLEAN, approx BOOLEAN, vague BOOLEAN, side VARCHAR(200), source VARCHAR(200),
  article_id VARCHAR(200), PRIMARY KEY (id), FOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE);
CREATE INDEX ix_figures_event_id ON figures (event_id);
"""

# Two outlets' reports of one air strike on Aleppo, stored as that code stored them.
_RECORD = ('{{"id": "{id}", "type": "air_strike", "modality": "asserted", "date": "2024-11-30", '
           '"time_precision": 1, "actor1": {{"canonical": "Military Forces of Russia"}}, '
           '"location": {{"canonical": "Aleppo", "country": "SY", "lat": 36.2, "lon": 37.16, '
           '"geo_precision": 1}}, "fatalities": [{{"count": {killed}, "source": "{source}"}}], '
           '"sources": ["{source}"], "evidence": [{{"article_id": "{article}", "sentence": 0, '
           '"start": 0, "end": 4, "text": "غارة"}}], "summary_en": "Air strike on Aleppo."}}')
ROWS = [
    ("INSERT INTO articles (id, outlet, published, text, text_hash) VALUES "
     "('a', 'enabbaladi.net', '2024-11-30', 'غارة على حلب', 'x1')"),
    ("INSERT INTO articles (id, outlet, published, text, text_hash) VALUES "
     "('b', 'sana.sy', '2024-12-01', 'غارة جوية على حلب', 'x2')"),
    ("INSERT INTO events (id, article_id, type, date, country, record) VALUES ('a-1', 'a', "
     "'air_strike', '2024-11-30', 'SY', '" + _RECORD.format(id="a-1", article="a", killed=12,
                                                          source="Syrian Civil Defence") + "')"),
    ("INSERT INTO events (id, article_id, type, date, country, record) VALUES ('b-1', 'b', "
     "'air_strike', '2024-11-30', 'SY', '" + _RECORD.format(id="b-1", article="b", killed=15,
                                                          source="SANA") + "')"),
    "INSERT INTO evidence (event_id, article_id, start, \"end\", text) VALUES ('a-1', 'a', 0, 4, 'غارة')",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables: a new SQLite file, or a schema of its own on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    if not PG_URL:
        pytest.skip("HADATH_TEST_PG_URL is not set: no PostgreSQL server to test against")
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS hadath_upgrade_test CASCADE"))
        conn.execute(text("CREATE SCHEMA hadath_upgrade_test"))
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3Dhadath_upgrade_test"
    with admin.begin() as conn:
        conn.execute(text("DROP SCHEMA hadath_upgrade_test CASCADE"))
    admin.dispose()


def schema_differences(conn: Connection) -> list[object]:
    """What the migrated database has that schema.py does not say, or lacks; the full-text
    index (SQLite's FTS5 tables, PostgreSQL's trigram index) lives outside schema.py."""
    def described(obj: object, name: str | None, kind: str, *_: object) -> bool:
        return not (name or "").startswith(("fused_fts", "ix_fused_search_trgm"))

    context = MigrationContext.configure(conn, opts={"include_object": described})
    return list(compare_metadata(context, schema.metadata))


def _make_old_store(url: str, *, without: str | None = None) -> None:
    engine = create_engine(url)
    serial = "SERIAL" if engine.dialect.name == "postgresql" else "INTEGER"
    ddl = BEFORE_FUSION.replace("{serial}", serial)
    if without:
        ddl = ddl.replace(f" {without} VARCHAR(20),", "")
    with engine.begin() as conn:
        for statement in filter(str.strip, ddl.split(";")):
            conn.execute(text(statement))
        for row in ROWS:
            conn.execute(text(row))
    engine.dispose()


def test_a_store_from_before_fusion_upgrades_in_place(empty_url: str) -> None:
    _make_old_store(empty_url)
    store = Store(empty_url)
    with store.engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        assert schema_differences(conn) == []
    [fused] = store.events()
    assert [r["event_id"] for r in fused["reports"]] == ["a-1", "b-1"]
    assert fused["outlets"] == ["enabbaladi.net", "sana.sy"] and fused["fatalities_best"] == 12
    assert store.count_events(text="غارة") == 1
    assert store.article("a") is not None
    store.close()
    again = Store(empty_url)  # opening it again changes nothing
    assert again.events() == [fused]
    again.close()


def test_an_older_store_gains_the_columns_added_since(empty_url: str) -> None:
    _make_old_store(empty_url, without="published_from")
    store = Store(empty_url)
    assert "published_from" in {c["name"] for c in inspect(store.engine).get_columns("articles")}
    assert store.count_events() == 1
    store.close()


def test_a_new_store_is_at_the_newest_revision(store: Store) -> None:
    with store.engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        assert schema_differences(conn) == []


def test_the_version_is_the_newest_revision() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_VERSION]
