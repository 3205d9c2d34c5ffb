"""What must hold of every article the pipeline returns, whatever its input: the checks the
property tests and the fuzz harnesses share.

`article_problems(record)` takes an `Article.to_dict()` and returns a list of broken
invariants (empty when all hold): every span lies inside `article.text` and slices it to
its surface, sentences are ordered and disjoint, evidence quotes the text it points at, and
the record is JSON (what `hadath extract` prints and the store keeps).
"""
from __future__ import annotations

import itertools
import json
import math
from typing import Any


def _span_problems(kind: str, rows: list[dict[str, Any]], text: str,
                   surface_key: str | None) -> list[str]:
    problems = []
    for row in rows:
        start, end = row.get("start"), row.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{kind}: span {start}..{end} outside the text ({len(text)} chars)")
            continue
        if surface_key and row.get(surface_key) is not None and text[start:end] != row[surface_key]:
            problems.append(f"{kind}: text[{start}:{end}] = {text[start:end]!r}, "
                            f"{surface_key} = {row[surface_key]!r}")
    return problems


def _sentence_problems(sentences: list[dict[str, Any]], text: str) -> list[str]:
    problems = _span_problems("sentence", sentences, text, None)
    for before, after in itertools.pairwise(sentences):
        if before["end"] > after["start"]:
            problems.append(f"sentences overlap or are out of order: {before} then {after}")
    problems += [f"empty sentence at {s['start']}" for s in sentences if s["start"] == s["end"]]
    return problems


def _claim_problems(claims: list[dict[str, Any]], text: str) -> list[str]:
    problems = _span_problems("claim", claims, text, None)
    for claim in claims:
        cue_start, cue_end = claim.get("cue_start"), claim.get("cue_end")
        if cue_start is None:
            continue
        if not 0 <= cue_start <= cue_end <= len(text):
            problems.append(f"claim cue span {cue_start}..{cue_end} outside the text")
    return problems


def _event_problems(events: list[dict[str, Any]], text: str, n_sentences: int,
                    article_id: str) -> list[str]:
    problems = []
    for event in events:
        evidence = event.get("evidence") or []
        if not evidence:
            problems.append(f"event {event.get('id')} has no evidence")
        problems += _span_problems(f"event {event.get('id')} evidence", evidence, text, "text")
        for piece in evidence:
            if piece.get("article_id") != article_id:
                problems.append(f"evidence names article {piece.get('article_id')!r}")
            if not 0 <= piece.get("sentence", -1) < n_sentences:
                problems.append(f"evidence sentence {piece.get('sentence')} of {n_sentences}")
        confidence = event.get("confidence")
        if confidence is not None and not 0 <= confidence <= 1:
            problems.append(f"event confidence {confidence} outside 0..1")
        for side in ("fatalities", "injured", "detained"):
            for figure in event.get(side) or []:
                count = figure.get("count")
                if isinstance(count, float) and not math.isfinite(count):
                    problems.append(f"{side} count {count} is not finite")
    return problems


def article_problems(record: dict[str, Any]) -> list[str]:
    """Every broken invariant of one article record (`Article.to_dict()`)."""
    text = record["article"]["text"]
    problems = _sentence_problems(record["sentences"], text)
    problems += _span_problems("mention", record["mentions"], text, "surface")
    problems += _span_problems("time", record["times"], text, "surface")
    problems += _span_problems("number", record["numbers"], text, "surface")
    problems += _claim_problems(record["claims"], text)
    problems += _event_problems(record["events"], text, len(record["sentences"]),
                                record["article"]["id"])
    try:
        json.dumps(record, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        problems.append(f"record is not JSON: {exc}")
    return problems
