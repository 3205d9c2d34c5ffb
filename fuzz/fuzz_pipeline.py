"""Fuzz harness of the whole pipeline: arbitrary text through ingest's cleaning
(`build_article`) and every stage (`process`), checking the article invariants.

The first byte chooses the tagger and a publication date; the rest is the article as a text
file would give it. Whether ingest keeps the text or not, the pipeline also reads it raw, as
a library caller may pass it. Run through `fuzz/run.py`.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["hadath"]):
    from common import REPO, Broken, article_problems
    from hadath.ingest.articles import build_article
    from hadath.ingest.records import RawRecord
    from hadath.pipeline import process
    from hadath.record import ArticleMeta

DATES = (None, "2024-11-30", "2016-02-29T23:59:00+03:00", "1990-01-01")


def check_article(meta: ArticleMeta, tagger: bool) -> None:
    problems = article_problems(process(meta, tagger=tagger).to_dict())
    if problems:
        raise Broken("; ".join(problems)[:2000])


def test_one_input(data: bytes) -> None:
    if not data:
        return
    tagger = bool(data[0] & 1)
    published = DATES[(data[0] >> 1) % len(DATES)]
    text = data[1:].decode("utf-8", "ignore")
    cleaned = build_article(RawRecord(source="fuzz", relpath="fuzz.txt", text=text,
                                      published=published))
    if isinstance(cleaned, ArticleMeta):
        check_article(cleaned, tagger)
    if text:
        check_article(ArticleMeta(id="fuzz", text=text, published=published), tagger)


def _load_models() -> None:
    """The first article loads lexicons, gazetteer and models (seconds): before fuzzing, so
    the per-input timeout measures the input, not the start-up."""
    example = (REPO / "examples" / "aleppo_2024-11-30.txt").read_text(encoding="utf-8")
    check_article(ArticleMeta(id="warm", text=example, published="2024-11-30"), True)


if __name__ == "__main__":
    _load_models()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
