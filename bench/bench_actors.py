"""Speed of actor matching: mentions and articles per second on one core.

Usage: python bench/bench_actors.py [--articles N] [--repeat R]
Runs `find_actors` over the first N articles of the ANT corpus (international news and
politics first, in file-name order) R times after one warm-up pass that loads the dictionary
and builds the automaton, and reports mentions/s, articles/s, characters/s, the one-off
load time and peak memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time

from ant import SHARED_DATA, ant_texts  # bench/ant.py

from hadath.mentions import find_actors
from hadath.text.normalize import normalize


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (SHARED_DATA / "antcorpus").is_dir():
        print(f"error: no ANT corpus under {SHARED_DATA}", file=sys.stderr)
        return 1
    texts = ant_texts(args.articles)
    chars = sum(len(text) for text in texts)
    started = time.process_time()
    find_actors("أعلن الجيش السوري")  # loads the dictionary and builds the automaton
    load_seconds = time.process_time() - started
    mentions = sum(len(find_actors(text)) for text in texts)  # warm-up
    started = time.process_time()
    for _ in range(args.repeat):
        normalize.cache_clear()  # whole-text cache: a repeat must not reuse the last pass's work
        for text in texts:
            find_actors(text)
    seconds = time.process_time() - started
    print(
        f"find_actors: {args.repeat * mentions / seconds:,.0f} mentions/s/core, "
        f"{args.repeat * len(texts) / seconds:,.0f} articles/s/core, "
        f"{args.repeat * chars / seconds / 1e6:.2f} M chars/s/core "
        f"({len(texts)} articles, {chars:,} chars, {mentions} mentions, x{args.repeat}); "
        f"dictionary load {load_seconds:.2f} s"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
