"""The checks the fuzz harnesses run on each input, without atheris: the harnesses
(`fuzz_ingest.py`, `fuzz_text.py`, `fuzz_pipeline.py`) import this module under coverage
instrumentation, and tests/hardening/test_fuzz_regressions.py runs every saved crashing input
through the same functions. Each raises `Broken` (or lets an exception out) on a bad input.

    ingest_input(data)    stage 1: the bytes as a file of every kind ingest reads
    text_input(data)      stage 2 and the time parser: offset invariants
    pipeline_input(data)  ingest's cleaning and every stage: the article invariants
"""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hardening"))

from invariants import article_problems

from hadath.ingest import read_one
from hadath.ingest.articles import build_article
from hadath.ingest.decode import decode_bytes
from hadath.ingest.records import InputProblem, RawRecord
from hadath.pipeline import process
from hadath.record import ArticleMeta
from hadath.text.normalize import normalize, normalize_key
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_clauses, split_sentences
from hadath.text.tokens import WordTokens, tokenize
from hadath.time import find_times


class Broken(AssertionError):
    """An invariant that does not hold: a crash for the fuzzer, a failure for a test."""


# -- stage 1 ---------------------------------------------------------------------------------
NAMES = ("page.html", "a.txt", "lines.jsonl", "list.json", "feed.rss", "feed.xml",
         "crawl.warc", "crawl.warc.gz", "noname", "feed.atom", "day.zip", "doc.xml")
_FOLDER: list[str] = []  # the scratch folder the inputs are written to, made on first use


def check_file(name: str, body: bytes) -> None:
    if not _FOLDER:
        _FOLDER.append(tempfile.mkdtemp(prefix="hadath-fuzz-ingest-"))
    path = os.path.join(_FOLDER[0], name)
    with open(path, "wb") as stream:
        stream.write(body)
    try:
        items = read_one(path)
    finally:
        os.unlink(path)
    if not items:
        raise Broken(f"{name}: read_one yielded nothing, not even a Skipped")
    for item in items:
        if isinstance(item, ArticleMeta):
            if not item.text.strip() or not item.id or item.language != "ar":
                raise Broken(f"{name}: article without text, id or Arabic: {item!r}"[:500])
        elif not item.reason or "\n" in item.reason:
            raise Broken(f"{name}: a Skipped reason must be one non-empty line: {item!r}")


def check_decode(body: bytes) -> None:
    try:
        text = decode_bytes(body)
    except InputProblem:
        return
    if not isinstance(text, str):
        raise Broken("decode_bytes returned no text")


def warm_ingest() -> None:
    """Import the HTML extractor and the archive reader (seconds) before fuzzing, so that
    the per-input timeout measures the input, not the start-up."""
    ingest_input(bytes([NAMES.index("page.html")]) + b"<html><body><p>\xd8\xae\xd8\xa8\xd8\xb1</p></body></html>")
    ingest_input(bytes([NAMES.index("crawl.warc")]) + b"WARC/1.0\r\n\r\n")


def ingest_input(data: bytes) -> None:
    """The first byte picks the file name (its extension picks the reader); the rest is the
    file. `read_one` must never raise and must say something of every input."""
    if not data:
        return
    check_file(NAMES[data[0] % len(NAMES)], data[1:])
    check_decode(data[1:])


# -- stage 2 and times ---------------------------------------------------------------------
REFERENCE = date(2024, 11, 30)


def check_normalize(text: str) -> None:
    norm = normalize(text)
    if norm.to_orig is not None:
        if len(norm.to_orig) != len(norm.text):
            raise Broken("offset map and normalised text differ in length")
        if any(b < a for a, b in zip(norm.to_orig, norm.to_orig[1:])):
            raise Broken("offset map goes backwards")
        if norm.to_orig and not 0 <= norm.to_orig[-1] < len(text):
            raise Broken("offset map points outside the text")
    elif len(norm.text) != len(text):
        raise Broken("identity map but the lengths differ")
    for start in range(0, len(norm.text) + 1, max(1, len(norm.text) // 7)):
        for end in (start, min(len(norm.text), start + 3)):
            o_start, o_end = norm.original_span(start, end)
            if not 0 <= o_start <= o_end <= len(text):
                raise Broken(f"original_span({start}, {end}) = {o_start}, {o_end}")
    normalize_key(text)


def check_segments(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        if not previous_end <= sentence.start < sentence.end <= len(text):
            raise Broken(f"sentence {sentence} after {previous_end} in {len(text)} chars")
        previous_end = sentence.end
        for clause in split_clauses(text, sentence):
            if not sentence.start <= clause.start <= clause.end <= sentence.end:
                raise Broken(f"clause {clause} outside its sentence {sentence}")


def check_tokens(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        if text[token.start:token.end] != token.text:
            raise Broken(f"token {token.text!r} is not text[{token.start}:{token.end}]")
        if not token.start <= token.stem_start <= token.stem_end <= token.end:
            raise Broken(f"stem {token.stem_start}..{token.stem_end} outside {token}")
    words = WordTokens(text)
    expected = [t for t in tokens if t.is_word]
    if len(words) != len(expected):
        raise Broken(f"WordTokens has {len(words)} words, tokenize {len(expected)}")
    for i in range(0, len(words), max(1, len(words) // 5)):
        if (words[i].start, words[i].end) != (expected[i].start, expected[i].end):
            raise Broken(f"word {i}: WordTokens {words[i]} but tokenize {expected[i]}")


def check_spans(kind: str, spans: list, text: str) -> None:
    for span in spans:
        if text[span.start:span.end] != span.surface:
            raise Broken(f"{kind} {span.surface!r} is not text[{span.start}:{span.end}]")


def text_input(data: bytes) -> None:
    text = data.decode("utf-8", "ignore")
    check_normalize(text)
    check_segments(text)
    check_tokens(text)
    check_spans("number", find_numbers(text), text)
    check_spans("time", find_times(text, REFERENCE), text)
    check_spans("time without a reference", find_times(text, None), text)


# -- the whole pipeline ---------------------------------------------------------------------
DATES = (None, "2024-11-30", "2016-02-29T23:59:00+03:00", "1990-01-01")


def check_article(meta: ArticleMeta, tagger: bool) -> None:
    problems = article_problems(process(meta, tagger=tagger).to_dict())
    if problems:
        raise Broken("; ".join(problems)[:2000])


def pipeline_input(data: bytes) -> None:
    """The first byte picks the tagger and a publication date; the rest is a text file's
    contents, read cleaned by ingest and also raw, as a library caller may pass it."""
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


def load_models() -> None:
    """The first article loads lexicons, gazetteer and models (seconds): before fuzzing, so
    the per-input timeout measures the input, not the start-up."""
    example = (REPO / "examples" / "aleppo_2024-11-30.txt").read_text(encoding="utf-8")
    check_article(ArticleMeta(id="warm", text=example, published="2024-11-30"), True)
