"""The fused record of a set of reports (docs/fused_events.md): the reports' shared reading
(type, modality, date, actors, the most precise place), every report, figure, source, outlet
and evidence span, first and last report time. A function of its id and its reports only, so
that writing it again from the same reports gives the same record.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from hadath.fusion.figures import FATALITIES_RULE, FIGURE_KINDS, fatalities_best, figures
from hadath.fusion.profile import day_interval
from hadath.fusion.report import REPORT_FIELDS, Report
from hadath.fusion.types import kept_type


def fused_record(fused_id: str, reports: list[Report]) -> dict[str, Any]:
    reports = sorted(reports, key=lambda r: r.order)
    records = [r.record for r in reports]
    date, date_end, precision = _dates(records)
    best, best_source = fatalities_best(reports)
    outlets = list(dict.fromkeys(r.outlet for r in reports if r.outlet))
    published = sorted(r.published for r in reports if r.published)
    confidences = [r["confidence"] for r in records if isinstance(r.get("confidence"), int | float)]
    record: dict[str, Any] = {
        "id": fused_id,
        "type": kept_type([r.get("type") for r in records]),
        "modality": _modality(records),
        "date": date, "date_end": date_end, "time_precision": precision,
        "actor1": _actor(records, "actor1"),
        "actor2": _actor(records, "actor2"),
        "assoc_actors": _assoc_actors(records),
        "location": _location(records),
        **{kind: figures(reports, kind) for kind in FIGURE_KINDS},
        "fatalities_best": best,
        "fatalities_best_source": best_source,
        "fatalities_rule": FATALITIES_RULE,
        "sources": list(dict.fromkeys(s for r in records for s in r.get("sources") or [])),
        "outlets": outlets,
        "reports": [_report_entry(r) for r in reports],
        "evidence": _evidence(reports),
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "n_reports": len(reports),
        "n_outlets": len(outlets),
        "confidence": max(confidences) if confidences else None,
    }
    record["summary_en"] = _summary(records, record)
    return record


def _modality(records: list[dict[str, Any]]) -> str | None:
    """asserted if any report asserts it, else the most frequent (the first on a tie)."""
    modalities = [r.get("modality") for r in records if r.get("modality")]
    if "asserted" in modalities:
        return "asserted"
    return Counter(modalities).most_common(1)[0][0] if modalities else None


def _dates(records: list[dict[str, Any]]) -> tuple[str | None, str | None, int | None]:
    """The dates of the most precise reports: their earliest start to their latest end; two
    days that disagree become an interval of precision 2."""
    dated = [r for r in records if r.get("date")]
    if not dated:
        return None, None, None
    best = min(r.get("time_precision") or 3 for r in dated)
    precise = [r for r in dated if (r.get("time_precision") or 3) == best]
    stated = {(r["date"], r.get("date_end")) for r in precise}
    if len(stated) == 1:
        date, date_end = stated.pop()
        return date, date_end, best
    intervals = [day_interval(r["date"], r.get("date_end")) for r in precise]
    first = min(i[0] for i in intervals if i[0])
    last = max(i[1] for i in intervals if i[1])
    return first.isoformat(), (last.isoformat() if last > first else None), max(best, 2)


def _actor(records: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    """The actor most reports name in this role (the first named on a tie)."""
    named = [r[role] for r in records if isinstance(r.get(role), dict) and r[role].get("canonical")]
    if not named:
        return None
    counts = Counter(a["canonical"] for a in named)
    top = max(counts.values())
    return next(a for a in named if counts[a["canonical"]] == top)


def _assoc_actors(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for r in records:
        for actor in r.get("assoc_actors") or []:
            key = actor.get("canonical") if isinstance(actor, dict) else str(actor)
            seen.setdefault(str(key), actor)
    return list(seen.values())


def _location(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most precise place any report gives (the most often given on a tie)."""
    placed = [r["location"] for r in records if isinstance(r.get("location"), dict)
              and (r["location"].get("canonical") or r["location"].get("country"))]
    if not placed:
        return None
    counts = Counter(p.get("canonical") for p in placed)
    return min(placed, key=lambda p: (p.get("geo_precision") or 3, -counts[p.get("canonical")]))


def _report_entry(report: Report) -> dict[str, Any]:
    record = report.record
    entry: dict[str, Any] = {
        "event_id": report.event_id, "article_id": report.article_id,
        **{field: getattr(report, field) for field in REPORT_FIELDS},
        "type": record.get("type"), "modality": record.get("modality"),
        "confidence": record.get("confidence"),
        "evidence": [_span(ev, report) for ev in record.get("evidence") or []],
    }
    if report.copy_of:
        entry["copy_of"] = report.copy_of
    return entry


def _span(evidence: dict[str, Any], report: Report) -> dict[str, Any]:
    """A span with the metadata of the article it is in (a copy's spans are in its original)."""
    span = dict(evidence)
    if span.get("article_id", report.article_id) == report.article_id:
        span.setdefault("article_id", report.article_id)
        for field in REPORT_FIELDS:
            span.setdefault(field, getattr(report, field))
    return span


def _evidence(reports: list[Report]) -> list[dict[str, Any]]:
    """Every report's spans, each once (a wire copy points at its original's spans)."""
    spans: dict[tuple[Any, ...], dict[str, Any]] = {}
    for report in reports:
        for evidence in report.record.get("evidence") or []:
            span = _span(evidence, report)
            spans.setdefault((span.get("article_id"), span.get("start"), span.get("end")), span)
    return list(spans.values())


def _summary(records: list[dict[str, Any]], fused: dict[str, Any]) -> str | None:
    """The summary of the first report that reads the event as the fused record does."""
    place = (fused.get("location") or {}).get("canonical")
    for r in records:
        same = r.get("type") == fused["type"] and (r.get("location") or {}).get("canonical") == place
        if same and r.get("summary_en"):
            return str(r["summary_en"])
    return next((str(r["summary_en"]) for r in records if r.get("summary_en")), None)
