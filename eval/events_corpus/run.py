"""Cross-validate the learned event models on the hand-coded sentence corpus.

Prints, over held-out folds of whole articles: type P/R/F1 per type, trigger F1, sentence
recall and precision of violent and protest events, role F1 per role, modality accuracy, the
reliability table of the calibrated confidence with its expected calibration error, and a
learning curve (a quarter, half and all of each training part) that says whether more coding
would still pay.

    python eval/events_corpus/run.py                  # all of the above
    python eval/events_corpus/run.py --no-curve       # without the learning curve
    python eval/events_corpus/run.py --corpus DIR     # another coded corpus folder
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from hadath.events.cli import default_corpus
from hadath.events.learned.report import print_report, summary_line
from hadath.events.learned.train import cross_validate, load_examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-curve", action="store_true")
    args = parser.parse_args()
    examples = load_examples(args.corpus)
    print(f"{len(examples)} sentences, {sum(len(e.events) for e in examples)} events, "
          f"{len({e.article for e in examples})} articles")
    result = cross_validate(examples, k=args.folds)
    print_report(result)
    if args.no_curve:
        return
    print("Learning curve (share of each training part)")
    for fraction in (0.25, 0.5, 1.0):
        line = summary_line(result if fraction == 1.0 else
                            cross_validate(examples, k=args.folds, fraction=fraction))
        print(f"  {fraction:4.2f} {json.dumps(line)}")


if __name__ == "__main__":
    main()
