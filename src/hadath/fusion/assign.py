"""Which stored fused event each new report of one article joins, and how the reports of a
fused event regroup when one of them leaves.

A fused event takes at most one report of each type from an article: the events stage has
already applied ACLED's one-event-per-type-place-day rule within the article, so two of its
reports of one type are two events (two of different types, a clash and the takeover it ended
in, may be one). Ties go to the older fused event, so the result does not depend on storage
order.
"""
from __future__ import annotations

from dataclasses import dataclass

from hadath.fusion.profile import Profile, match_score, profile
from hadath.fusion.record import fused_record
from hadath.fusion.report import Report


@dataclass(frozen=True)
class Candidate:
    """A stored fused event a report may join: its id, its profile, when it was first reported
    (the older wins a tie) and the types of the reports it already holds from the article
    being fused."""

    id: str
    profile: Profile
    first_reported: str | None = None
    article_types: frozenset[str] = frozenset()


def assign(reports: list[Report], candidates: list[Candidate]) -> dict[str, str | None]:
    """{report event id: the candidate it joins, or None for a new fused event}."""
    pairs: list[tuple[float, str, str, str, Candidate]] = []
    for report in reports:
        mine = profile(report.record)
        scored = [(score, c) for c in candidates if (report.record.get("type") or "")
                  not in c.article_types and (score := match_score(mine, c.profile)) is not None]
        for score, candidate in without_conflicts(mine, scored):
            pairs.append((-score, candidate.first_reported or "", candidate.id,
                          report.event_id, candidate))
    joined: dict[str, str | None] = {r.event_id: None for r in reports}
    types = {r.event_id: r.record.get("type") or "" for r in reports}
    taken: set[tuple[str, str]] = set()
    for _, _, candidate_id, event_id, _candidate in sorted(pairs, key=lambda p: p[:4]):
        if joined[event_id] is None and (candidate_id, types[event_id]) not in taken:
            joined[event_id] = candidate_id
            taken.add((candidate_id, types[event_id]))
    return joined


def without_conflicts(mine: Profile, scored: list[tuple[float, Candidate]]
                       ) -> list[tuple[float, Candidate]]:
    """An admin-level report ("in Idlib governorate") joins a town-level event inside it only
    when it is the one such town: with two, the report could be either, and joins neither."""
    if (mine.geo_precision or 3) < 3:
        return scored
    finer = {c.profile.place for _, c in scored if (c.profile.geo_precision or 3) < 3}
    if len(finer) <= 1:
        return scored
    return [(s, c) for s, c in scored if (c.profile.geo_precision or 3) >= 3]


def regroup(reports: list[Report]) -> list[list[Report]]:
    """The reports of a fused event that lost one, grouped again as if fused one by one in
    publication order; the first group holds the earliest report (and keeps the event's id).
    A copy goes with its original."""
    originals = sorted((r for r in reports if not r.copy_of), key=lambda r: r.order)
    groups: list[list[Report]] = []
    for report in originals:
        mine = profile(report.record)
        best: tuple[float, int] | None = None
        for index, group in enumerate(groups):
            if any(r.article_id == report.article_id and r.record.get("type") == report.record.get("type")
                   for r in group):
                continue
            score = match_score(mine, profile(fused_record("", group)))
            if score is not None and (best is None or score > best[0]):
                best = (score, index)
        if best is None:
            groups.append([report])
        else:
            groups[best[1]].append(report)
    if not groups:
        return [sorted(reports, key=lambda r: r.order)] if reports else []
    home = {r.event_id: i for i, group in enumerate(groups) for r in group}
    for copy in (r for r in reports if r.copy_of):
        groups[home.get(copy.copy_of or "", 0)].append(copy)
    return groups
