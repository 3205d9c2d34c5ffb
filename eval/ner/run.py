"""Score the NER tagger on the ANERcorp test split (CAMeL Lab), CoNLL exact-span P/R/F1.

Usage: python eval/ner/run.py [--model DIR] [--data DIR] [--fast]
Prints precision, recall and F1 (percent) per label and overall, with the gold entity counts,
of the accurate models (what `hadath ner tag` uses) or, with --fast, of the fast ones.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hadath.ner.corpora import anercorp_test
from hadath.ner.model import load_model
from hadath.ner.scoring import format_scores, score

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model folder")
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="public data folder")
    parser.add_argument("--fast", action="store_true", help="the fast models only")
    args = parser.parse_args()
    if not (args.data / "anercorp").is_dir():
        print(f"error: no ANERcorp under {args.data}; pass --data", file=sys.stderr)
        return 1
    sentences = anercorp_test(args.data)
    tagger = load_model(args.model, accurate=not args.fast)
    predicted = tagger.tag_document([[word for word, _ in s] for s in sentences])
    gold = [[label for _, label in s] for s in sentences]
    print(f"ANERcorp test (CAMeL split): {len(sentences)} sentences, "
          f"{sum(len(s) for s in sentences)} tokens")
    print(format_scores(score(gold, predicted)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
