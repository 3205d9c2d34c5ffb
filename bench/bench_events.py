"""Speed of extraction after ingest: ANT articles per second on one core, claims and events.

Usage: python bench/bench_events.py [--articles N] [--repeat R]
Builds `ArticleMeta` records from the first N ANT articles (international news and politics
first, title and body, publication date from the file) and times, in CPU seconds of this one
process: the whole pipeline after ingest (`hadath.pipeline.process`: sentences, numbers,
mentions, times, claims, events), and the claims and events stages alone on the articles the
earlier stages filled. One warm-up pass loads every lexicon and model first.
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

from hadath.claims import find_claims
from hadath.events import extract_events
from hadath.pipeline import process
from hadath.record import Article, ArticleMeta

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
CATEGORIES = ("internationalNews", "politic", "localNews")
_FIELD = r"<{0}>(.*?)</{0}>"


def _field(doc: str, name: str) -> str:
    found = re.search(_FIELD.format(name), doc, re.DOTALL)
    return found.group(1).strip() if found else ""


def ant_articles(limit: int) -> list[ArticleMeta]:
    """The first `limit` ANT articles of the news categories, as ingest would give them."""
    metas: list[ArticleMeta] = []
    for category in CATEGORIES:
        for path in sorted((SHARED_DATA / "antcorpus" / category).glob("*.txt")):
            doc = path.read_text(encoding="utf-8")
            title, body = _field(doc, "TITLE"), _field(doc, "TEXT")
            stamp = re.search(r"(\d{4})(\d{2})(\d{2})$", path.stem)
            published = "-".join(stamp.groups()) if stamp else None
            metas.append(ArticleMeta(id=path.stem, text=f"{title}\n\n{body}", title=title,
                                     outlet="Jawhara FM", published=published))
            if len(metas) >= limit:
                return metas
    return metas


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} articles/s" if seconds > 0 else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-tagger", action="store_true",
                        help="skip the statistical tagger, as `hadath run --no-tagger` does")
    args = parser.parse_args()
    if not (SHARED_DATA / "antcorpus").is_dir():
        print(f"error: no ANT corpus under {SHARED_DATA}", file=sys.stderr)
        return 1
    metas = ant_articles(args.articles)
    started = time.process_time()
    filled = [process(meta, tagger=not args.no_tagger) for meta in metas]  # warm-up: loads lexicons, gazetteers, models
    warm = time.process_time() - started

    started = time.process_time()
    for _ in range(args.repeat):
        for meta in metas:
            process(meta, tagger=not args.no_tagger)
    pipeline = (time.process_time() - started) / args.repeat

    started = time.process_time()
    events = 0
    for _ in range(args.repeat):
        for article in filled:
            layer = Article(article.article, article.sentences, article.mentions, article.times,
                            article.numbers)
            layer.claims = find_claims(layer)
            events += len(extract_events(layer))
    stages = (time.process_time() - started) / args.repeat

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(metas)} (ANT {', '.join(CATEGORIES)}); repeat {args.repeat}")
    print(f"first pass with loading: {warm:.2f} s")
    print(f"pipeline after ingest:   {pipeline:.2f} s  {_rate(len(metas), pipeline)} per core")
    print(f"claims + events only:    {stages:.2f} s  {_rate(len(metas), stages)} per core, "
          f"{events // args.repeat} events")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
