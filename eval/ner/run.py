"""Score the NER tagger on the ANERcorp test split (CAMeL Lab), CoNLL exact-span P/R/F1.

Usage: python eval/ner/run.py [--model DIR] [--data DIR] [--fast] [--conll FILE]
Prints precision, recall and F1 (percent) per label and overall, with the gold entity counts,
of the accurate models (what `hadath ner tag` uses) or, with --fast, of the fast ones.
`--conll FILE` scores another `token label` file instead, such as `ant_sample.conll` (news of
another outlet and years, `README.md`).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hadath.ner.conll import read_conll_file
from hadath.ner.corpora import anercorp_test
from hadath.ner.model import load_model
from hadath.ner.scoring import format_scores, score

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model folder")
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="public data folder")
    parser.add_argument("--fast", action="store_true", help="the fast models only")
    parser.add_argument("--conll", type=Path, default=None,
                        help="score this `token label` file instead of ANERcorp test")
    args = parser.parse_args()
    if args.conll is not None:
        title, sentences = args.conll.name, read_conll_file(args.conll)
    elif (args.data / "anercorp").is_dir():
        title, sentences = "ANERcorp test (CAMeL split)", anercorp_test(args.data)
    else:
        print(f"error: no ANERcorp under {args.data}; pass --data", file=sys.stderr)
        return 1
    tagger = load_model(args.model, accurate=not args.fast)
    predicted = tagger.tag_document([[word for word, _ in s] for s in sentences])
    gold = [[label for _, label in s] for s in sentences]
    print(f"{title}: {len(sentences)} sentences, {sum(len(s) for s in sentences)} tokens")
    print(format_scores(score(gold, predicted)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
