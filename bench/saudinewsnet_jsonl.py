"""Writes the SaudiNewsNet day archives (../shared/data/saudinewsnet/dataset/*.zip, JSON arrays of
articles) as one JSON Lines file, one article a line in the corpus's own fields, for
`bench/bench_scale.py`: 31,022 articles.

Usage: python bench/saudinewsnet_jsonl.py OUT.jsonl [--dataset FOLDER]
"""
from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

DATASET = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet" / "dataset"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dataset", type=Path, default=DATASET)
    args = parser.parse_args()
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for archive in sorted(args.dataset.glob("*.zip")):
            with zipfile.ZipFile(archive) as days:
                for name in sorted(n for n in days.namelist() if n.endswith(".json")):
                    for article in json.loads(days.read(name)):
                        out.write(json.dumps(article, ensure_ascii=False) + "\n")
                        written += 1
    print(f"{written} articles in {args.out}")


if __name__ == "__main__":
    main()
