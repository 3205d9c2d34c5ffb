"""The events an export writes, streamed from the store a page of rows at a time (a million
events never sit in memory at once), and the fields every format shares, read from a fused
record (docs/fused_events.md) with a fallback for each field a per-article record lacks.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from hadath.store.db import Store
from hadath.store.queries import EventQuery, select_events

PAGE_SIZE = 500


def iter_events(store: Store, query: EventQuery, page_size: int = PAGE_SIZE
                ) -> Iterator[dict[str, Any]]:
    """The records matching `query` (its order, limit and offset kept), streamed from one
    query `page_size` rows at a time: one sort of the matches, where paging by offset would
    sort them again for every page (minutes per page at a million events)."""
    with store.engine.connect() as conn:
        result = conn.execution_options(yield_per=page_size).execute(select_events(query))
        for row in result:
            yield row.record


def actor_name(actor: Any) -> str:
    if isinstance(actor, dict):
        return str(actor.get("canonical") or actor.get("name") or "")
    return str(actor or "")


def location(record: dict[str, Any]) -> dict[str, Any]:
    return record.get("location") or {}


def coordinates(record: dict[str, Any]) -> tuple[float, float] | None:
    """(lon, lat) of the event's place, or None when it has none."""
    place = location(record)
    lat, lon = place.get("lat"), place.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lon), float(lat)
    return None


def reports(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The fused record's reports; for a per-article record, one report per article its
    evidence comes from, with that article's metadata."""
    if record.get("reports"):
        return list(record["reports"])
    by_article: dict[str, dict[str, Any]] = {}
    for span in record.get("evidence") or []:
        article_id = str(span.get("article_id") or "")
        report = by_article.setdefault(article_id, {
            "event_id": record.get("id"), "article_id": article_id or None,
            "outlet": span.get("outlet"), "url": span.get("url"), "title": span.get("title"),
            "published": span.get("published"), "type": record.get("type"),
            "modality": record.get("modality"), "confidence": record.get("confidence"),
            "evidence": []})
        report["evidence"].append(span)
    return list(by_article.values())


def outlets(record: dict[str, Any]) -> list[str]:
    if record.get("outlets"):
        return [str(o) for o in record["outlets"]]
    return list(dict.fromkeys(str(r["outlet"]) for r in reports(record) if r.get("outlet")))


def sources(record: dict[str, Any]) -> list[str]:
    """The attributed sources, without the outlets (a per-article record lists its outlet
    among its sources)."""
    published_by = set(outlets(record))
    return [str(s) for s in record.get("sources") or [] if s and str(s) not in published_by]


def figure_name(value: Any) -> str | None:
    """The name of a figure's side or source, given as a name or as an actor record."""
    if isinstance(value, dict):
        value = value.get("canonical") or value.get("name")
    return str(value) if value else None


def fatalities_best(record: dict[str, Any]) -> int | None:
    """The fused record's `fatalities_best`; for a record without one, the same rule read off
    its own figures: the lowest figure for each side, the highest of those (sides are never
    added, their counts may overlap)."""
    if "fatalities_best" in record:
        best = record["fatalities_best"]
        return int(best) if isinstance(best, int | float) else None
    lowest: dict[str | None, int] = {}
    for figure in record.get("fatalities") or []:
        count = figure.get("count")
        if isinstance(count, int):
            side = figure_name(figure.get("side"))
            lowest[side] = min(count, lowest.get(side, count))
    return max(lowest.values()) if lowest else None


def figures_by_source(record: dict[str, Any], kind: str = "fatalities") -> str:
    """Every figure of `kind` with its source, as the source gave it: "27 civilians according
    to Syrian Observatory for Human Rights (عنب بلدي); 30 people according to Government of
    Syria (الجزيرة نت)"; "at least" and "about" kept."""
    parts = []
    for figure in record.get(kind) or []:
        count = figure.get("count")
        if count is None:
            continue
        text = f"at least {count}" if figure.get("min") else \
            f"about {count}" if figure.get("vague") or figure.get("approx") else str(count)
        side, source = figure_name(figure.get("side")), figure_name(figure.get("source"))
        text += f" {side}" if side else ""
        text += f" according to {source}" if source else ""
        text += f" ({figure['outlet']})" if figure.get("outlet") else ""
        parts.append(text)
    return "; ".join(parts)


def parse_time(value: Any) -> datetime | None:
    """An ISO date or date-time as an aware UTC date-time (a date is its midnight)."""
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def last_change(record: dict[str, Any]) -> datetime | None:
    """When the event last changed: the publication of its newest report (a fused event changes
    when a report joins it)."""
    times = [parse_time(record.get("last_reported"))]
    times += [parse_time(r.get("published")) for r in reports(record)]
    known = [t for t in times if t is not None]
    return max(known) if known else None


def parse_day(value: Any) -> date | None:
    """An ISO day; a month ("2020-03") or a year ("2016") is its first day."""
    if not value:
        return None
    text = str(value)
    parts = (text.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
    except ValueError:
        return None
