"""The fused event's figures: every fatality, injury and detention figure of every report with
its source, article and outlet (never added, never averaged), and `fatalities_best` by ACLED's
rule for conflicting reports.
"""
from __future__ import annotations

from typing import Any

from hadath.fusion.report import Report

FIGURE_KINDS = ("fatalities", "injured", "detained")

FATALITIES_RULE = (
    "ACLED: fatalities is the event's total, and where reports conflict the most conservative "
    "credible figure. Credible: figures of reports that assert the event (a party's own claim "
    "only when no report asserts it; denied, planned and conditional reports count none). Each "
    "source of each report gives one total: the sum of its figures for distinct named sides "
    "(155 fighters of one group and 79 soldiers are 234), or its figure for no side or a "
    "generic one (people, civilians, fighters) if that is larger, since a generic toll (30 "
    "people, among them 10 children) is already a total. The event's figure is the lowest of "
    "those totals."
)

# sides that name no actor: the events stage's bare casualty nouns (data/events/victims.tsv)
GENERIC_SIDES = frozenset({"people", "civilians", "combatants"})

_CREDIBLE = ("asserted", "claimed")


def figures(reports: list[Report], kind: str) -> list[dict[str, Any]]:
    """Every figure of `kind` of the reports, each with its article and outlet; a wire copy's
    figure (the same source, count and article) is listed once, with its own article's outlet
    (a copy's report carries its original's figures, which the original's outlet published)."""
    outlets = {r.article_id: r.outlet for r in reports if r.outlet}
    seen: set[tuple[Any, ...]] = set()
    listed: list[dict[str, Any]] = []
    for report in reports:
        for figure in report.record.get(kind) or []:
            entry = {**figure, "article_id": figure.get("article_id") or report.article_id}
            key = (entry.get("count"), bool(entry.get("min")), name(entry.get("side")),
                   name(entry.get("source")), entry["article_id"])
            if key in seen:
                continue
            seen.add(key)
            entry.setdefault("outlet", outlets.get(entry["article_id"]))
            listed.append(entry)
    return listed


def fatalities_best(reports: list[Report]) -> tuple[int | None, str | None]:
    """(figure, its source) by `FATALITIES_RULE`; (None, None) when no credible report counts."""
    for modality in _CREDIBLE:
        credible = [(r, f) for r in reports if r.record.get("modality") == modality
                    for f in r.record.get("fatalities") or [] if isinstance(f.get("count"), int)]
        if credible:
            break
    else:
        return None, None
    by_source: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for report, figure in credible:
        key = (figure.get("article_id") or report.article_id, name(figure.get("source")))
        by_source.setdefault(key, []).append(figure)
    totals = sorted(((_source_total(found), key) for key, found in by_source.items()),
                    key=lambda t: (t[0], t[1][0], t[1][1] or ""))  # an unnamed source is None
    total, (_, source) = totals[0]
    return total, source


def _source_total(found: list[dict[str, Any]]) -> int:
    """One source's total: its named sides added (each side's lowest figure, should it give
    one side twice), or its largest generic figure if that is more."""
    named: dict[str, int] = {}
    generic = 0
    for figure in found:
        side = name(figure.get("side"))
        if side is None or side.casefold() in GENERIC_SIDES:
            generic = max(generic, figure["count"])
        else:
            named[side] = min(named.get(side, figure["count"]), figure["count"])
    return max(sum(named.values()), generic)


def name(value: Any) -> str | None:
    """The canonical name of an actor given as a record or as a name."""
    if isinstance(value, dict):
        return value.get("canonical") or value.get("name")
    return value
