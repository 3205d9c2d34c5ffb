"""The fused event's figures: every fatality, injury and detention figure of every report with
its source, article and outlet (never added, never averaged), and `fatalities_best` by ACLED's
rule for conflicting reports.
"""
from __future__ import annotations

from typing import Any

from hadath.fusion.report import Report

FIGURE_KINDS = ("fatalities", "injured", "detained")

FATALITIES_RULE = (
    "ACLED: where reports conflict, the most conservative credible figure. Credible: figures of "
    "reports that assert the event (a party's own claim only when no report asserts it; denied, "
    "planned and conditional reports count none). The lowest figure for each side killed; sides "
    "are not added, as their counts may overlap: the event's figure is the highest of those."
)

_CREDIBLE = ("asserted", "claimed")


def figures(reports: list[Report], kind: str) -> list[dict[str, Any]]:
    """Every figure of `kind` of the reports, each with its article and outlet; a wire copy's
    figure (the same source, count and article) is listed once."""
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
            entry.setdefault("outlet", report.outlet)
            listed.append(entry)
    return listed


def fatalities_best(reports: list[Report]) -> tuple[int | None, str | None]:
    """(figure, its source) by `FATALITIES_RULE`; (None, None) when no credible report counts."""
    for modality in _CREDIBLE:
        credible = [f for r in reports if r.record.get("modality") == modality
                    for f in r.record.get("fatalities") or [] if isinstance(f.get("count"), int)]
        if credible:
            break
    else:
        return None, None
    lowest: dict[str | None, dict[str, Any]] = {}
    for figure in credible:
        side = name(figure.get("side"))
        if side not in lowest or figure["count"] < lowest[side]["count"]:
            lowest[side] = figure
    best = max(lowest.values(), key=lambda f: f["count"])
    return best["count"], name(best.get("source"))


def name(value: Any) -> str | None:
    """The canonical name of an actor given as a record or as a name."""
    if isinstance(value, dict):
        return value.get("canonical") or value.get("name")
    return value
