"""Ingest throughput: reads a corpus folder (default: the ANT corpus in the shared public data)
with `hadath.ingest.read_inputs`, then runs the Deduplicator over the articles; prints
articles per second for each step (one process, one core) and the peak resident memory.

    python bench/bench_ingest.py [FOLDER] [--limit N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from hadath.ingest import Deduplicator, Skipped, read_inputs
from hadath.record import ArticleMeta

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "antcorpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"corpus folder not found: {args.folder}", file=sys.stderr)
        return 1

    articles: list[ArticleMeta] = []
    skipped = 0
    start = time.perf_counter()
    for item in read_inputs([args.folder]):
        if isinstance(item, Skipped):
            skipped += 1
            continue
        articles.append(item)
        if args.limit and len(articles) >= args.limit:
            break
    read_seconds = time.perf_counter() - start

    dedup = Deduplicator()
    start = time.perf_counter()
    duplicates = sum(1 for meta in articles if dedup.check(meta))
    dedup_seconds = time.perf_counter() - start

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    characters = sum(len(meta.text) for meta in articles)
    print(f"corpus        {args.folder.resolve()}")
    print(f"articles      {len(articles)} ({skipped} inputs skipped, "
          f"{characters / 1e6:.1f} M characters)")
    print(f"read+clean    {len(articles) / read_seconds:,.0f} articles/s ({read_seconds:.1f} s)")
    print(f"dedup         {len(articles) / dedup_seconds:,.0f} articles/s "
          f"({duplicates} duplicates marked)")
    total = read_seconds + dedup_seconds
    print(f"ingest total  {len(articles) / total:,.0f} articles/s per core")
    print(f"peak RSS      {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
