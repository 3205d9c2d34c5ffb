"""Speed of the time stage: articles and expressions per second on one core.

Usage: python bench/bench_time.py [--articles N] [--repeat R]
Runs `find_times` over the first N articles of the ANT corpus (Jawhara FM, in file-name order,
each against its own publication date) R times after one warm-up pass that compiles the
grammar, and reports articles/s, expressions/s, characters/s and peak memory.
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

from hadath.text.normalize import normalize
from hadath.time import find_times

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def ant_articles(limit: int) -> list[tuple[str, str]]:
    """(text, publication date) of the first `limit` ANT articles."""
    articles = []
    for path in sorted((SHARED_DATA / "antcorpus").glob("*/*.txt"))[:limit]:
        raw = path.read_text(encoding="utf-8")
        when = re.search(r"<TIME>(\d{4}-\d\d-\d\d)", raw)
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        if when and body:
            articles.append((body.group(1), when.group(1)))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (SHARED_DATA / "antcorpus").is_dir():
        print(f"error: no ANT corpus under {SHARED_DATA}", file=sys.stderr)
        return 1
    articles = ant_articles(args.articles)
    chars = sum(len(text) for text, _ in articles)
    expressions = sum(len(find_times(text, ref)) for text, ref in articles)  # warm-up
    started = time.process_time()
    for _ in range(args.repeat):
        normalize.cache_clear()  # whole-text cache: a repeat must not reuse the last pass's work
        for text, ref in articles:
            find_times(text, ref)
    seconds = time.process_time() - started
    runs = args.repeat * len(articles)
    print(
        f"find_times: {runs / seconds:,.0f} articles/s/core, "
        f"{args.repeat * expressions / seconds:,.0f} expressions/s/core, "
        f"{args.repeat * chars / seconds / 1e6:.2f} M chars/s/core "
        f"({len(articles)} articles, {chars:,} chars, {expressions} expressions, x{args.repeat})"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
