"""Tagging speed of the NER tagger in tokens per second on one core.

Usage: python bench/bench_ner.py [--repeat N]
Tags the ANERcorp test split (words already split) as one document N times after a warm-up
pass, with the fast models (what the pipeline's tagger stage uses) and with the accurate ones
(`hadath ner tag`'s default), and also times `find_entities` on the same text joined back
into raw sentences.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hadath.ner import find_entities
from hadath.ner.corpora import anercorp_test
from hadath.ner.model import has_accurate_model, load_model

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (SHARED_DATA / "anercorp").is_dir():
        print(f"error: no ANERcorp under {SHARED_DATA}", file=sys.stderr)
        return 1
    sentences = [[word for word, _ in s] for s in anercorp_test(SHARED_DATA)]
    tokens = sum(len(s) for s in sentences)
    for name, accurate in (("fast", False), ("accurate", True)):
        if accurate and not has_accurate_model():
            print("tag_tokens accurate: no accurate model in the package")
            continue
        tagger = load_model(accurate=accurate)
        tagger.tag_document(sentences)  # warm-up: loads the model, clusters, word caches
        repeat = args.repeat if not accurate else 1
        started = time.process_time()
        for _ in range(repeat):
            tagger.tag_document(sentences)
        seconds = time.process_time() - started
        print(f"tag_tokens {name}: {repeat * tokens / seconds:,.0f} tokens/s/core "
              f"({tokens} tokens x {repeat})")
    text = "\n".join(" ".join(s) for s in sentences)
    started = time.process_time()
    for _ in range(args.repeat):
        find_entities(text)
    seconds = time.process_time() - started
    print(f"find_entities: {args.repeat * tokens / seconds:,.0f} tokens/s/core (raw text)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
