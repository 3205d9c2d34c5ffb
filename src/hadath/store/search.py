"""Full-text search over fused events: each event's searchable text (the Arabic evidence
sentences and headlines, the English summary, actor and place names, Arabic surfaces too)
normalised the project's way (`hadath.text.normalize`: alef forms, ta marbuta, alef maqsura,
diacritics, tatweel) and case-folded, and the condition a query becomes.

The text is matched as a substring, as the LIKE search before it: Arabic attaches clitics to
words (وحلب, بحلب), so a word is rarely a token. SQLite indexes it with FTS5's trigram
tokenizer, PostgreSQL with pg_trgm; a query shorter than three characters has no trigram and
is read with LIKE. Every query value is a bound parameter.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Integer,
    MetaData,
    Table,
    Text,
    delete,
    insert,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement as _Element
from sqlalchemy.types import NullType

from hadath.store import schema
from hadath.text.normalize import normalize_key

search = schema.fused_search
# SQLite's FTS5 table over fused_search.body (rowid = fused_search.id), made by migration 0003
# and kept by its triggers; outside `schema.metadata`, which would create it as a plain table.
fts = Table("fused_fts", MetaData(), Column("rowid", Integer), Column("body", Text))
_TRIGRAM = 3


def search_key(text: str) -> str:
    """`text` as the index holds it: normalised Arabic, case-folded English, single spaces."""
    return normalize_key(text).casefold()


def document(record: dict[str, Any]) -> str:
    """The searchable text of a fused record, one piece per line."""
    pieces: list[str] = [ev.get("text") or "" for ev in record.get("evidence") or []]
    pieces += [r.get("title") or "" for r in record.get("reports") or []]
    pieces.append(record.get("summary_en") or "")
    for role in ("actor1", "actor2"):
        actor = record.get(role) or {}
        pieces += [actor.get("canonical") or "", actor.get("surface") or ""]
    location = record.get("location") or {}
    pieces += [location.get("canonical") or "", location.get("surface") or ""]
    return "\n".join(dict.fromkeys(search_key(p) for p in pieces if p.strip()))


def write_document(conn: Connection, fused_id: str, record: dict[str, Any] | None) -> None:
    """The fused event's row in the index replaced (removed when `record` is None)."""
    conn.execute(delete(search).where(search.c.fused_id == fused_id))
    if record is not None:
        conn.execute(insert(search).values(fused_id=fused_id, body=document(record)))


def index_unsearched(conn: Connection) -> None:
    """Index the fused events the index lacks (a store upgraded to the index)."""
    missing = select(schema.fused_events.c.id, schema.fused_events.c.record).where(
        schema.fused_events.c.id.not_in(select(search.c.fused_id)))
    for fused_id, record in conn.execute(missing).all():
        write_document(conn, fused_id, record)


def matches_text(text: str) -> ColumnElement[bool]:
    """The condition "this fused event's searchable text contains `text`"."""
    key = search_key(text)
    like = search.c.body.contains(key, autoescape=True)
    if len(key) < _TRIGRAM:
        return schema.fused_events.c.id.in_(select(search.c.fused_id).where(like))
    phrase = '"' + key.replace('"', '""') + '"'
    on_sqlite = search.c.id.in_(select(fts.c.rowid).where(fts.c.body.match(phrase)))
    return schema.fused_events.c.id.in_(
        select(search.c.fused_id).where(_ByDialect(on_sqlite, like)))


class _ByDialect(_Element[bool]):
    """One condition on SQLite, another elsewhere, chosen when the statement is compiled (the
    listing's select is built before it meets a database)."""

    # untyped: a Boolean-typed element gets "= 1" appended on SQLite, which hides the FTS
    # look-up from its planner
    type = NullType()
    inherit_cache = False

    def __init__(self, sqlite: ColumnElement[bool], other: ColumnElement[bool]) -> None:
        self.sqlite = sqlite
        self.other = other


@compiles(_ByDialect)
def _compile_by_dialect(element: _ByDialect, compiler: Any, **kw: Any) -> str:
    chosen = element.sqlite if compiler.dialect.name == "sqlite" else element.other
    return str(compiler.process(chosen, **kw))
