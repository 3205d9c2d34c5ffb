"""Where the pipeline's time goes: CPU milliseconds per ANT article for each stage, in order.

Usage: python bench/bench_stages.py [--articles N] [--repeat R] [--tagger]
Runs the stages of `hadath.pipeline.process` one by one over the first N ANT articles of
`bench_events` (sentences, numbers, places, actors, the mention layer, times, claims, events;
with `--tagger` also the tagger's extra entities) R times after a warm-up pass and prints, per
stage, the smallest total over the repeats (the least disturbed by other processes). Places
and actors are also timed inside the mention layer, which is what later stages receive.
The normalisation cache is cleared before every article, so the first stage that normalises
a text pays for it, as in a run over new articles.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

from bench_events import SHARED_DATA, ant_articles  # bench/bench_events.py

from hadath.claims import find_claims
from hadath.events import extract_events
from hadath.geo import resolve_places
from hadath.mentions import find_actors
from hadath.ner import uncovered_entities
from hadath.pipeline import find_mentions, main_country, process, reference_date
from hadath.record import Article, ArticleMeta
from hadath.text.normalize import normalize
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_sentences
from hadath.time import find_times

STAGES = ("sentences", "numbers", "places", "actors", "mentions", "tagger", "times", "claims",
          "events")


def _timed(totals: dict[str, float], stage: str, run: Callable[..., Any], *args: Any,
           **kwargs: Any) -> Any:
    started = time.process_time()
    result = run(*args, **kwargs)
    totals[stage] += time.process_time() - started
    return result


def one_pass(metas: list[ArticleMeta], tagger: bool) -> dict[str, float]:
    """CPU seconds per stage over all `metas`."""
    totals = dict.fromkeys(STAGES, 0.0)
    for meta in metas:
        normalize.cache_clear()
        text = meta.text
        article = Article(article=meta)
        article.sentences = _timed(totals, "sentences", split_sentences, text)
        article.numbers = _timed(totals, "numbers", find_numbers, text)
        places = _timed(totals, "places", resolve_places, text)
        _timed(totals, "actors", find_actors, text, country=main_country(places))
        mentions = _timed(totals, "mentions", find_mentions, text, tagger=False)
        if tagger:
            extra = _timed(totals, "tagger", uncovered_entities, text, mentions)
            mentions = sorted(mentions + extra, key=lambda m: (m.start, -m.end))
        article.mentions = mentions
        article.times = _timed(totals, "times", find_times, text, reference_date(meta))
        article.claims = _timed(totals, "claims", find_claims, article)
        article.events = _timed(totals, "events", extract_events, article)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tagger", action="store_true", help="also time the tagger's entities")
    args = parser.parse_args()
    if not (SHARED_DATA / "antcorpus").is_dir():
        print(f"error: no ANT corpus under {SHARED_DATA}", file=sys.stderr)
        return 1
    metas = ant_articles(args.articles)
    for meta in metas:  # warm-up: loads lexicons, gazetteers, models
        process(meta, tagger=args.tagger)
    passes = [one_pass(metas, args.tagger) for _ in range(args.repeat)]
    best = {stage: min(p[stage] for p in passes) for stage in STAGES}
    per_article = {stage: 1000 * seconds / len(metas) for stage, seconds in best.items()}
    print(f"articles: {len(metas)}; repeat {args.repeat} (smallest total kept); CPU ms/article")
    for stage in STAGES:
        if stage == "tagger" and not args.tagger:
            continue
        note = "  (inside mentions)" if stage in ("places", "actors") else ""
        print(f"{stage:10s} {per_article[stage]:7.3f}{note}")
    layers = [s for s in STAGES if s not in ("places", "actors")]
    total = sum(per_article[s] for s in layers)
    print(f"{'total':10s} {total:7.3f}  = {1000 / total:,.0f} articles/s per core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
