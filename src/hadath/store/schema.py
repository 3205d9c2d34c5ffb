"""The store's tables (SQLAlchemy 2 Core), the same on SQLite and PostgreSQL.

articles: one row per article (metadata and cleaned text); layers: the article's extracted
layers as JSON (sentences, mentions, times, numbers, claims); events: one row per event with
the searchable fields and the whole record; evidence and figures: the event's evidence spans and
its fatality / injured / detained figures per source; skips: inputs that gave no article.
fused_events: one row per real-world event, fused from the reports (`events` rows, each with
its `fused_id`) of any number of articles (docs/fused_events.md); fused_names: the sources
and outlets of each fused event, for filtering; fused_aliases: the ids of fused events merged into
another; fused_search: each fused event's searchable
text, normalised (`search.py`), indexed by SQLite FTS5 or PostgreSQL pg_trgm.
Every change here is also a revision in `migrations/versions/` (and `SCHEMA_VERSION` in
`migrate.py`): `Store` upgrades existing stores in place with them.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("url", Text),
    Column("outlet", String(200)),
    Column("title", Text),
    Column("published", String(40), index=True),
    Column("published_from", String(20)),  # input | option | file name | crawl date
    Column("language", String(10)),
    Column("text", Text, nullable=False),
    Column("text_hash", String(64), nullable=False, index=True),
    Column("duplicate_of", String(200), index=True),
    Column("source", Text),  # the input path or feed it came from
    Column("ingested_at", String(40)),
)

layers = Table(
    "layers",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(40), primary_key=True),
    Column("data", JSON, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), index=True),
    Column("type", String(40), index=True),
    Column("modality", String(20), index=True),
    Column("date", String(10), index=True),
    Column("date_end", String(10)),
    Column("time_precision", Integer),
    Column("actor1", String(200), index=True),
    Column("actor2", String(200)),
    Column("place", String(200), index=True),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("confidence", Float),
    Column("summary_en", Text),
    Column("record", JSON, nullable=False),
    Column("fused_id", String(64), index=True),
    # a wire copy's report: the id of its original's event (its record is the original's)
    Column("copy_of", String(64), index=True),
)

fused_events = Table(
    "fused_events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(40), index=True),
    Column("modality", String(20)),
    Column("date", String(10), index=True),
    Column("date_end", String(10)),
    Column("time_precision", Integer),
    Column("actor1", String(200)),
    Column("actor2", String(200)),
    Column("place", String(200)),
    Column("country", String(2)),
    Column("admin1", String(200)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("confidence", Float),
    Column("fatalities_best", Integer),
    Column("fatalities_max", Integer),  # the highest figure one source gave
    Column("n_reports", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("first_reported", String(40)),
    Column("last_reported", String(40)),
    Column("summary_en", Text),
    # the days the event's date covers, and where its first report tells of it: the
    # candidates of a new report are looked up by country and first day
    Column("day_first", String(10)),
    Column("day_last", String(10)),
    Column("position", Integer),
    Column("record", JSON, nullable=False),
)

fused_names = Table(
    "fused_names",
    metadata,
    Column("fused_id", String(64), ForeignKey("fused_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("kind", String(10), primary_key=True),  # source | outlet
    Column("name", String(300), primary_key=True),
)

# the id of a fused event merged into another (`fusing.merge_compatible`) and the id of the
# event it is now part of, so that an id once published still resolves
fused_aliases = Table(
    "fused_aliases",
    metadata,
    Column("alias", String(64), primary_key=True),
    Column("fused_id", String(64), nullable=False, index=True),
)

fused_search = Table(
    "fused_search",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the FTS5 rowid on SQLite
    Column("fused_id", String(64), ForeignKey("fused_events.id", ondelete="CASCADE"),
           nullable=False, unique=True),
    Column("body", Text, nullable=False),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), index=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE")),
    Column("sentence", Integer),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text),
)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), index=True),
    Column("kind", String(20), nullable=False),  # fatalities | injured | detained
    Column("count", Integer),
    Column("min", Boolean),
    Column("approx", Boolean),
    Column("vague", Boolean),
    Column("side", String(200)),
    Column("source", String(200)),
    Column("article_id", String(200)),
)

skips = Table(
    "skips",
    metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", String(40)),
)

Index("ix_events_date_type", events.c.date, events.c.type)
Index("ix_fused_country_day", fused_events.c.country, fused_events.c.day_first)
Index("ix_fused_lat_lon", fused_events.c.lat, fused_events.c.lon)
