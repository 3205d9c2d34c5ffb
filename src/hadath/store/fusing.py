"""The store's side of fusion: an article's reports in and out of the stored fused events.

`fuse_article` runs inside `Store.save`'s transaction. Reports that did not change keep their
fused event; changed, new and removed reports leave and join fused events found through the
(country, first day) index, never by a scan; each fused event touched is written again from
its reports, and one left with none is deleted; a touched event that has become compatible
with another stored one merges with it (`merge_compatible`), the absorbed id kept as an alias.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from hadath.fusion import Candidate, Report, assign, fused_record, match_score, profile, regroup
from hadath.fusion.assign import without_conflicts
from hadath.fusion.profile import MAX_PRECISE_SPAN_DAYS, Profile, day_interval
from hadath.fusion.types import STATEMENT_TYPES, fusing_types
from hadath.store import schema
from hadath.store.search import write_document

events, articles, fused = schema.events, schema.articles, schema.fused_events
aliases = schema.fused_aliases


def report_rows(conn: Connection, condition: Any) -> list[Report]:
    """The reports matching `condition` on `events`, with their article's metadata."""
    query = (select(events.c.id, events.c.article_id, events.c.record, events.c.copy_of,
                    articles.c.outlet, articles.c.url, articles.c.title, articles.c.published)
             .join(articles, articles.c.id == events.c.article_id).where(condition))
    return [Report(row.id, row.article_id, row.record, row.outlet, row.url, row.title,
                   row.published, row.copy_of) for row in conn.execute(query)]


def fuse_article(conn: Connection, article_id: str, new_ids: list[str],
                 left: set[str]) -> None:
    """Fuse the article's reports `new_ids` (already written, without a fused event) into the
    store; `left` are the fused events that lost a report of it."""
    touched = set(left)
    for fused_id in sorted(left):
        touched |= _regroup(conn, fused_id)
    reports = report_rows(conn, events.c.id.in_(new_ids)) if new_ids else []
    joined = assign(reports, _candidates(conn, article_id, reports))
    for report in sorted(reports, key=lambda r: r.order):
        fused_id = joined[report.event_id] or _new_id(conn, report.event_id)
        _set_fused(conn, [report.event_id], fused_id)
        touched.add(fused_id)
    touched |= copy_reports(conn, article_id)
    for fused_id in sorted(touched):
        write_fused(conn, fused_id)
    merge_compatible(conn, touched)


def copy_reports(conn: Connection, article_id: str) -> set[str]:
    """Copy reports for the wire copies of this article and, when it is itself a copy, for
    it: each original report without one gets one, in the original's fused event. A near
    duplicate extracted with reports of its own gets none."""
    copies = select(articles.c.id, articles.c.duplicate_of).where(
        articles.c.duplicate_of == article_id)
    itself = select(articles.c.id, articles.c.duplicate_of).where(
        articles.c.id == article_id, articles.c.duplicate_of.is_not(None))
    touched: set[str] = set()
    for copy_id, original_id in [*conn.execute(copies), *conn.execute(itself)]:
        own = select(events.c.id).where(events.c.article_id == copy_id, events.c.copy_of.is_(None))
        if conn.execute(own.limit(1)).first() is not None:
            continue  # a near duplicate with reports of its own
        have = select(events.c.copy_of).where(events.c.article_id == copy_id)
        originals = conn.execute(select(events).where(
            events.c.article_id == original_id, events.c.copy_of.is_(None),
            events.c.id.not_in(have))).mappings().all()
        for row in originals:
            conn.execute(insert(events).values(
                {**row, "id": _copy_id(copy_id, row["id"]), "article_id": copy_id,
                 "copy_of": row["id"]}))
            if row["fused_id"]:
                touched.add(row["fused_id"])
    return touched


def _copy_id(copy_article_id: str, event_id: str) -> str:
    return "c" + hashlib.sha1(f"{copy_article_id}\n{event_id}".encode()).hexdigest()[:15]


def _candidates(conn: Connection, article_id: str, reports: list[Report]) -> list[Candidate]:
    """Fused events in the reports' countries whose dates come near theirs, each with the
    types of the reports of this article it holds already."""
    found: dict[str, Any] = {}
    for report in reports:
        for row in _nearby(conn, profile(report.record)):
            found.setdefault(row.id, row)
    held: dict[str, set[str]] = {}
    if found:
        mine = select(events.c.fused_id, events.c.type).where(
            events.c.article_id == article_id, events.c.fused_id.in_(sorted(found)))
        for fused_id, type_ in conn.execute(mine):
            held.setdefault(fused_id, set()).add(type_ or "")
    return [_candidate(found[i], frozenset(held.get(i, ()))) for i in sorted(found)]


def _nearby(conn: Connection, mine: Profile) -> list[Any]:
    """The stored fused events of `mine`'s country, of a type that fuses with its type, whose
    dates come near its dates (through the (country, first day) index)."""
    place = fused.c.country == mine.country if mine.country else fused.c.country.is_(None)
    if mine.vague:
        when = and_(fused.c.date == mine.date,
                    fused.c.date_end == mine.date_end if mine.date_end else fused.c.date_end.is_(None))
    else:
        assert mine.first and mine.last
        day = timedelta(days=1)
        when = and_(fused.c.day_first >= (mine.first - day * (MAX_PRECISE_SPAN_DAYS + 1)).isoformat(),
                    fused.c.day_first <= (mine.last + day).isoformat(),
                    fused.c.day_last >= (mine.first - day).isoformat())
    query = select(*_PROFILE_COLUMNS).where(place, when)
    if mine.type:
        query = query.where(fused.c.type.in_(sorted(fusing_types(mine.type))))
    return list(conn.execute(query))


def merge_compatible(conn: Connection, fused_ids: set[str]) -> set[str]:
    """Fused events that a new report made compatible with another stored one become one: a
    later report that matches two events is evidence they are one (an article that split one
    act over two days founds a second event, which draws the next reports to it). The older
    event (first reported, then the smaller id) keeps its id; the other's id becomes its alias
    and still resolves; `_mergeable` says which compatible events merge. Returns the
    surviving ids touched."""
    queue = sorted(fused_ids)
    survivors: set[str] = set()
    while queue:
        fused_id = queue.pop(0)
        row = conn.execute(select(*_PROFILE_COLUMNS).where(fused.c.id == fused_id)).first()
        if row is None:
            continue
        survivors.add(fused_id)
        mine = _candidate(row, frozenset()).profile
        scored = [(score, c) for other in _nearby(conn, mine) if other.id != fused_id
                  and (score := match_score(mine, (c := _candidate(other, frozenset())).profile))
                  is not None and _mergeable(conn, (fused_id, mine), (other.id, c.profile))]
        scored = without_conflicts(mine, scored)
        if not scored:
            continue
        _, partner = min(scored, key=lambda sc: (-sc[0], sc[1].first_reported or "", sc[1].id))
        keep, absorbed = sorted([(row.first_reported or "", row.id),
                                 (partner.first_reported or "", partner.id)])
        _absorb(conn, absorbed[1], keep[1])
        survivors.discard(absorbed[1])
        queue = [keep[1], *(i for i in queue if i not in (keep[1], absorbed[1]))]
    return survivors


def _mergeable(conn: Connection, a: tuple[str, Profile], b: tuple[str, Profile]) -> bool:
    """Two events of the same type at the same place, each of whose reports could have joined
    the other on its own by type, days and place (a merged event's days are its reports'
    union, and would otherwise drift from day to day). An article may then hold two reports
    of the type in one event: extraction split one act over two days (aawsat's Abha bombing,
    told on the 6th and on the 7th–9th), and other outlets' reports matching both say so."""
    if (a[1].place, a[1].type) != (b[1].place, b[1].type):
        return False
    held = [report_rows(conn, and_(events.c.fused_id == fused_id, events.c.copy_of.is_(None)))
            for fused_id, _ in (a, b)]
    return all(match_score(_placed_in_time(profile(r.record)), _placed_in_time(other)) is not None
               for reports, other in ((held[0], b[1]), (held[1], a[1])) for r in reports)


def _placed_in_time(p: Profile) -> Profile:
    """The profile without its actors (a statement keeps its speaker)."""
    return p if p.type in STATEMENT_TYPES else replace(p, actor1=None, actor2=None)


def _absorb(conn: Connection, absorbed: str, into: str) -> None:
    """`absorbed`'s reports move to `into`; its id, and every alias of it, resolve to `into`."""
    conn.execute(update(events).where(events.c.fused_id == absorbed).values(fused_id=into))
    conn.execute(update(aliases).where(aliases.c.fused_id == absorbed).values(fused_id=into))
    conn.execute(delete(aliases).where(aliases.c.alias == absorbed))
    conn.execute(insert(aliases).values(alias=absorbed, fused_id=into))
    write_fused(conn, absorbed)
    write_fused(conn, into)


_PROFILE_COLUMNS = [fused.c[name] for name in (
    "id", "type", "modality", "date", "date_end", "actor1", "actor2", "place", "country",
    "admin1", "lat", "lon", "geo_precision", "first_reported")]


def _candidate(row: Any, article_types: frozenset[str]) -> Candidate:
    first, last = day_interval(row.date, row.date_end)
    return Candidate(row.id, Profile(
        type=row.type, modality=row.modality, date=row.date, date_end=row.date_end,
        first=first, last=last, actor1=row.actor1, actor2=row.actor2, place=row.place,
        country=row.country, admin1=row.admin1, lat=row.lat, lon=row.lon,
        geo_precision=row.geo_precision), row.first_reported, article_types)


def _regroup(conn: Connection, fused_id: str) -> set[str]:
    """A fused event that lost a report: its reports regrouped; the group with the earliest
    report keeps the id, each other group becomes a new fused event."""
    groups = regroup(report_rows(conn, events.c.fused_id == fused_id))
    touched = {fused_id}
    for group in groups[1:]:
        founder = min((r for r in group if not r.copy_of), key=lambda r: r.order, default=group[0])
        new_id = _new_id(conn, founder.event_id)
        _set_fused(conn, [r.event_id for r in group], new_id)
        touched.add(new_id)
    return touched


def _set_fused(conn: Connection, event_ids: list[str], fused_id: str) -> None:
    conn.execute(update(events).where(events.c.id.in_(event_ids)).values(fused_id=fused_id))
    # a placeholder row, so that the next new id sees this one as taken
    if conn.execute(select(fused.c.id).where(fused.c.id == fused_id)).first() is None:
        conn.execute(insert(fused).values(id=fused_id, n_reports=0, n_outlets=0, record={}))


def _new_id(conn: Connection, event_id: str) -> str:
    """F- and a hash of the founding report's id; salted on the rare clash with a stored id
    (a fused event that kept its id after its founding report left)."""
    salt = 0
    while True:
        key = event_id if salt == 0 else f"{event_id}#{salt}"
        fused_id = "F-" + hashlib.sha1(key.encode()).hexdigest()[:14]
        taken = conn.execute(select(fused.c.id).where(fused.c.id == fused_id)).first() or \
            conn.execute(select(aliases.c.alias).where(aliases.c.alias == fused_id)).first()
        if taken is None:
            return fused_id
        salt += 1


def write_fused(conn: Connection, fused_id: str) -> None:
    """The fused event's row written again from its reports; deleted when it has none."""
    reports = report_rows(conn, events.c.fused_id == fused_id)
    conn.execute(delete(schema.fused_names).where(schema.fused_names.c.fused_id == fused_id))
    write_document(conn, fused_id, None)
    conn.execute(delete(fused).where(fused.c.id == fused_id))
    if not reports:
        return
    record = fused_record(fused_id, reports)
    location = record.get("location") or {}
    first, last = day_interval(record.get("date"), record.get("date_end"))
    counts = [f["count"] for f in record["fatalities"] if isinstance(f.get("count"), int)]
    founder = min(reports, key=lambda r: r.order)
    starts = [ev.get("start") for ev in founder.record.get("evidence") or []
              if isinstance(ev.get("start"), int)]
    conn.execute(insert(fused).values(
        id=fused_id, type=record["type"], modality=record["modality"], date=record["date"],
        date_end=record["date_end"], time_precision=record["time_precision"],
        actor1=(record["actor1"] or {}).get("canonical"),
        actor2=(record["actor2"] or {}).get("canonical"),
        place=location.get("canonical"), country=location.get("country"),
        admin1=location.get("admin1"), lat=location.get("lat"), lon=location.get("lon"),
        geo_precision=location.get("geo_precision"), confidence=record["confidence"],
        fatalities_best=record["fatalities_best"], fatalities_max=max(counts, default=None),
        n_reports=record["n_reports"], n_outlets=record["n_outlets"],
        first_reported=record["first_reported"], last_reported=record["last_reported"],
        summary_en=record["summary_en"],
        day_first=first.isoformat() if first else None,
        day_last=last.isoformat() if last else None,
        position=min(starts, default=None), record=record,
    ))
    write_document(conn, fused_id, record)
    names = {("source", str(s)) for s in record["sources"]} | {("outlet", str(o)) for o in record["outlets"]}
    if names:
        conn.execute(insert(schema.fused_names),
                     [{"fused_id": fused_id, "kind": k, "name": n} for k, n in sorted(names)])


def fuse_unfused(conn: Connection) -> None:
    """Fuse the reports a store holds without a fused event (stored before fusion existed),
    article by article in the order they were published, as `Store.save` would have."""
    unfused = (select(events.c.article_id).where(events.c.fused_id.is_(None),
                                                 events.c.copy_of.is_(None)).distinct())
    order = (select(articles.c.id).where(articles.c.id.in_(unfused))
             .order_by(articles.c.published.asc().nulls_last(), articles.c.id))
    for article_id in conn.execute(order).scalars().all():
        report_ids = conn.execute(select(events.c.id).where(
            events.c.article_id == article_id, events.c.fused_id.is_(None),
            events.c.copy_of.is_(None)).order_by(events.c.id)).scalars().all()
        fuse_article(conn, article_id, list(report_ids), set())
