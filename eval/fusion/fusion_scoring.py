"""Scoring fusion against the gold: the store's reports labelled with the gold event each one
is (by the facts, or by the facts or the quoted sentence), pairwise precision and recall of
fusion over pairs of reports, and which gold figures a story's fused event keeps."""
from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

RADIUS_KM = 15.0  # a report placed this close to the story's place is placed there
AMBIGUOUS = "?"  # a report of a story's type and days that names no place precise enough
HAPPENED = {"asserted", "claimed", "denied"}  # a plan, a threat or background is another event


@dataclass
class Report:
    """One row of the store's `events` table: an article's event (or a wire copy's report)."""
    event_id: str
    article_id: str
    record: dict[str, Any]
    fused_id: str | None
    copy_of: str | None
    label: str | None = None  # the gold event it is, AMBIGUOUS, or None (another event)

    @property
    def sentence(self) -> str:
        return " ".join(e.get("text") or "" for e in (self.record.get("evidence") or [])[:1])


def stored_reports(store: Any) -> list[Report]:
    from sqlalchemy import select

    from hadath.store import schema

    events = schema.events
    query = select(events.c.id, events.c.article_id, events.c.record, events.c.fused_id,
                   events.c.copy_of)
    with store.engine.connect() as conn:
        return [Report(r.id, r.article_id, r.record, r.fused_id, r.copy_of) for r in conn.execute(query)]


def _days(first: str | None, last: str | None) -> tuple[date, date] | None:
    try:
        start = date.fromisoformat((first or "")[:10]) if first and len(first) >= 10 else None
        end = date.fromisoformat((last or first or "")[:10]) if (last or first) else None
    except ValueError:
        return None
    if start is None or end is None:
        return None
    return start, max(start, end)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _fold(name: str | None) -> str:
    """ASCII letters of a place name, lower-cased: 'Minţaqat Jāzān' → 'mintaqatjazan'."""
    text = unicodedata.normalize("NFKD", name or "")
    return re.sub(r"[^a-z]", "", text.encode("ascii", "ignore").decode().lower())


def place_fits(location: dict[str, Any] | None, event: dict[str, Any]) -> str:
    """'yes' when the report's place is the story's (within RADIUS_KM, or the admin unit or,
    for stories that allow it, the country that contains it), 'vague' when it names no place
    or only the story's country, 'no' when it names another place."""
    story = event["event"]["place"]
    if not location or (location.get("lat") is None and not location.get("country")):
        return "vague"
    if location.get("country") and location["country"] != story["country"]:
        return "yes" if location["country"] in event.get("match_countries", []) and \
            location.get("geo_precision") == 3 else "no"
    if location.get("lat") is not None and \
            km(location["lat"], location["lon"], story["lat"], story["lon"]) <= event.get("radius_km", RADIUS_KM):
        return "yes"
    if location.get("geo_precision") == 3:
        admin = _fold(location.get("admin1") or location.get("canonical"))
        if admin and _fold(story["admin1"]) in admin:
            return "yes"
        if not location.get("admin1"):
            return "vague"  # the country alone
    return "no"


def label_reports(reports: list[Report], gold: dict[str, Any], by_sentence: bool = False) -> None:
    """Each report's gold event, by the facts: its article reports the event, its type is one
    the event accepts, its modality says it happened, its days meet the event's days widened
    by one, and its place fits. With `by_sentence`, a report of an accepted type and modality
    whose evidence overlaps a span the gold quotes for the event in that article is the
    event's too, whatever date and place extraction gave it (the facts decide first). A
    report whose facts fit one event but whose evidence is a span the gold quotes for another
    is ambiguous."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for event in gold["events"]:
        for rep in event["reports"]:
            by_article[rep["article_id"]].append(event)
            for span in [rep["evidence"]] + rep["fatalities"] + rep["injured"]:
                spans[(event["id"], rep["article_id"])].append((span["start"], span["end"]))
    for report in reports:
        facts: list[tuple[str, str]] = []
        quoted: list[str] = []
        record = report.record
        elsewhere = {e["id"] for e in by_article.get(report.article_id, []) if _quotes(record, spans, e["id"])}
        for event in by_article.get(report.article_id, []):
            if record.get("type") not in event["types"] or record.get("modality") not in HAPPENED:
                continue
            if by_sentence and event["id"] in elsewhere:
                quoted.append(event["id"])
            days = _days(record.get("date"), record.get("date_end"))
            story = _days(event["event"]["date"], event["event"]["date_end"])
            assert story
            if days is None or days[0] > story[1] + timedelta(days=1) or days[1] < story[0] - timedelta(days=1):
                continue
            place = place_fits(record.get("location"), event)
            if place != "no":
                facts.append((event["id"], place))
        sure = [e for e, p in facts if p == "yes"]
        if len(sure) == 1 and elsewhere - {sure[0]}:
            report.label = AMBIGUOUS  # its facts say one event, its sentence tells another
        elif len(sure) == 1:
            report.label = sure[0]
        elif len(set(quoted)) == 1 and not sure:
            report.label = quoted[0]
        else:
            report.label = AMBIGUOUS if facts or quoted else None


def _quotes(record: dict[str, Any], spans: dict[tuple[str, str], list[tuple[int, int]]],
            event_id: str) -> bool:
    """Does one of the record's evidence spans overlap a span the gold quotes for the event in
    the evidence's article? (A wire copy's report carries its original's evidence.)"""
    for evidence in record.get("evidence") or []:
        for start, end in spans.get((event_id, evidence.get("article_id") or ""), []):
            if evidence["start"] < end and start < evidence["end"]:
                return True
    return False


# ---------------------------------------------------------------- pairs

@dataclass
class Pairs:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    wrong: list[tuple[Report, Report]] = field(default_factory=list)
    missed: list[tuple[Report, Report]] = field(default_factory=list)

    def add(self, predicted: bool, same: bool, a: Report, b: Report) -> None:
        if predicted and same:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.wrong.append((a, b))
        elif same:
            self.fn += 1
            self.missed.append((a, b))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluated_pairs(reports: list[Report], kinds: dict[str, str], kind: str | None = None
                    ) -> Iterator[tuple[Report, Report, bool]]:
    """Pairs of reports of different articles, neither ambiguous, at least one a gold event's
    report (of `kind` when given); with whether gold says they are one event."""
    usable = [r for r in reports if r.label != AMBIGUOUS]
    for a, b in itertools.combinations(usable, 2):
        if a.article_id == b.article_id or (a.label is None and b.label is None):
            continue
        if kind and kinds.get(a.label or "") != kind and kinds.get(b.label or "") != kind:
            continue
        yield a, b, a.label is not None and a.label == b.label


def fusion_pairs(reports: list[Report], kinds: dict[str, str], kind: str | None = None) -> Pairs:
    pairs = Pairs()
    for a, b, same in evaluated_pairs(reports, kinds, kind):
        pairs.add(a.fused_id is not None and a.fused_id == b.fused_id, same, a, b)
    return pairs


# ---------------------------------------------------------------- figures

def figure_survival(gold: dict[str, Any], reports: list[Report], store: Any) -> list[dict[str, Any]]:
    """Per story: its main fused event (the one holding most of its reports) and which of the
    gold's figures it keeps (kind, count and article; a wire copy's figure may be kept under
    its original's article), aggregate figures aside; and the figures extracted in a story's
    report that its own fused event dropped (the fused record must keep every one)."""
    copies = {r.article_id: r.copy_of for r in reports}
    original = {r.event_id: r.article_id for r in reports}
    source_article = {a: original.get(c or "", a) for a, c in copies.items()}
    records: dict[str, dict[str, Any]] = {}

    def fused(fused_id: str) -> dict[str, Any]:
        if fused_id not in records:
            records[fused_id] = store.event(fused_id) or {}
        return records[fused_id]

    def figures(record: dict[str, Any]) -> set[tuple[str, Any, Any]]:
        return {(kind, f.get("count"), f.get("article_id"))
                for kind in ("fatalities", "injured") for f in record.get(kind) or []}

    rows = []
    for event in (e for e in gold["events"] if e["kind"] == "story"):
        mine = [r for r in reports if r.label == event["id"]]
        fused_ids = Counter(r.fused_id for r in mine if r.fused_id)
        main = fused(fused_ids.most_common(1)[0][0]) if fused_ids else {}
        kept_in_main = figures(main)
        wanted = {(kind, f["count"], rep["article_id"])
                  for rep in event["reports"] for kind in ("fatalities", "injured")
                  for f in rep[kind] if not f.get("aggregate")}

        lost = {(r.fused_id, *fig) for r in mine if r.fused_id
                for fig in figures(r.record) if fig not in figures(fused(r.fused_id))}
        values = {(k, c) for k, c, _ in wanted}
        rows.append({
            "id": event["id"], "conflicting": event["conflicting_figures"], "reports": len(mine),
            "fused": len(fused_ids), "main": main, "wanted": wanted, "kept": {f for f in wanted if _kept(f, kept_in_main, source_article)},
            "values": values, "values_kept": values & {(k, c) for k, c, _ in kept_in_main}, "lost": lost,
            "best": main.get("fatalities_best")})
    return rows


def _kept(figure: tuple[str, Any, Any], kept: set[tuple[str, Any, Any]],
          source_article: dict[str, str]) -> bool:
    kind, count, article = figure
    return bool({(kind, count, article), (kind, count, source_article.get(article, article))} & kept)




def wire_copies(gold: dict[str, Any], reports: list[Report], store: Any) -> dict[str, Any]:
    """The gold's wire copies against what ingest marked `duplicate_of`, and whether every
    marked copy only adds copy reports to its original's fused events (never a new event)."""
    marked = {}
    for article_id in gold["articles"]:
        article = store.article(article_id)
        if article is not None and article.article.duplicate_of:
            marked[article_id] = article.article.duplicate_of
    group = {c["copy_of"]: c["copy_of"] for c in gold["wire_copies"]}
    group.update({c["article_id"]: c["copy_of"] for c in gold["wire_copies"]})
    own_events = Counter(r.article_id for r in reports if not r.copy_of)
    copy_fused = {r.fused_id for r in reports if r.copy_of}
    original_fused = {r.fused_id for r in reports if not r.copy_of}
    return {
        "gold": len(gold["wire_copies"]), "identical": sum(1 for c in gold["wire_copies"] if c["identical"]),
        "marked": len(marked),
        "marked_in_gold": sum(1 for a, o in marked.items() if a in group and group[a] == group.get(o)),
        "marked_not_in_gold": sorted(f"{a}→{o}" for a, o in marked.items() if not (a in group and group[a] == group.get(o))),
        "copies_with_own_events": sorted(a for a in marked if own_events[a]),
        "copy_only_fused_events": len(copy_fused - original_fused),
    }
