"""Speed of toponym resolution: places and articles per second on one core, gazetteer load cost.

Usage: python bench/bench_geo.py [--articles N] [--repeat R]
Times the first `load_gazetteer()` and automaton build (one-off, with the memory they take), then
runs `resolve_places` over the first N ANT articles (international news, politics, local news,
in file-name order) R times and reports places/s, articles/s and characters/s.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc

from ant import SHARED_DATA, ant_texts  # bench/ant.py


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not SHARED_DATA.exists():
        print(f"no public data at {SHARED_DATA}", file=sys.stderr)
        return 1
    texts = ant_texts(args.articles, with_title=True)

    tracemalloc.start()
    started = time.perf_counter()
    from hadath.geo import load_gazetteer, resolve_places
    from hadath.geo.matcher import find_names
    from hadath.text.normalize import normalize

    gazetteer = load_gazetteer()
    loaded = time.perf_counter() - started
    find_names("حلب")  # builds the Aho-Corasick automaton
    ready = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    places = 0
    started = time.perf_counter()
    for _ in range(args.repeat):
        normalize.cache_clear()  # whole-text cache: a repeat must not reuse the last pass's work
        for text in texts:
            places += len(resolve_places(text))
    elapsed = time.perf_counter() - started
    chars = sum(len(t) for t in texts) * args.repeat
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer: {len(gazetteer.places)} places, {len(gazetteer.names)} names")
    print(f"load: {loaded * 1000:.0f} ms; with automaton: {ready * 1000:.0f} ms; "
          f"Python memory for both: {peak / 2**20:.1f} MB")
    print(f"articles: {len(texts)} x {args.repeat}; places found: {places}")
    print(f"places/s: {places / elapsed:,.0f}   articles/s: {len(texts) * args.repeat / elapsed:,.0f}"
          f"   chars/s: {chars / elapsed:,.0f}")
    print(f"peak RSS of the process: {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
