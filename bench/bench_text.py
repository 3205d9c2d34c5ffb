"""Ingest + text-layer throughput on the fixed ANT corpus: articles/s per core and peak RSS.

usage: python bench/bench_text.py [CORPUS_DIR] [--limit N]
Runs in one process (one core): ingest (read, decode, clean, language check, dedup) and the
text layer (normalisation, sentences, clitic-split tokens, numbers) for every article.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from hadath.ingest import Deduplicator, Skipped, read_inputs
from hadath.text.normalize import normalize
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_sentences
from hadath.text.tokens import tokenize

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "antcorpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))[: args.limit]
    dedup = Deduplicator()
    t0 = time.perf_counter()
    metas = []
    skipped = 0
    for item in read_inputs(files):
        if isinstance(item, Skipped):
            skipped += 1
            continue
        item.duplicate_of = dedup.check(item)
        metas.append(item)
    t1 = time.perf_counter()
    tokens = 0
    for meta in metas:
        normalize(meta.text)
        split_sentences(meta.text)
        tokens += len(tokenize(meta.text))
        find_numbers(meta.text)
    t2 = time.perf_counter()
    n = len(metas)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.corpus} ({len(files)} files, {n} articles, {skipped} skipped, "
          f"{sum(1 for m in metas if m.duplicate_of)} duplicates, {tokens} tokens)")
    print(f"ingest:        {n / (t1 - t0):8.1f} articles/s/core")
    print(f"text layer:    {n / (t2 - t1):8.1f} articles/s/core")
    print(f"ingest + text: {n / (t2 - t0):8.1f} articles/s/core")
    print(f"peak RSS:      {peak_mb:8.1f} MB")


if __name__ == "__main__":
    main()
