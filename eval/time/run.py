"""Accuracy of the time stage on hand-coded expressions from real articles.

Takes `dev.jsonl` (sentences whose values were checked while the grammar was written) and
`test.jsonl` (sentences coded blind, before the system was run on them); each line holds
a sentence, its publication date and every time expression in it with the value an analyst
gives. Prints, per file, value accuracy (a gold expression counts when a found expression
overlaps it and has the same value), detection recall and precision, and with -v the errors.

    python eval/time/run.py [-v]
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from hadath.record import TimeExpr
from hadath.time import find_times

HERE = Path(__file__).resolve().parent
FILES = ("dev.jsonl", "test.jsonl")


@dataclass
class Score:
    gold: int = 0
    correct: int = 0
    found: int = 0  # gold expressions overlapped by a system expression
    system: int = 0
    spurious: int = 0
    errors: list[str] = field(default_factory=list)


def _gold_spans(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for surface in surfaces:
        at = text.find(surface, cursor)
        at = at if at >= 0 else text.find(surface)
        spans.append((at, at + len(surface)))
        cursor = at + len(surface)
    return spans


def score_case(case: dict, score: Score) -> None:
    text, gold = case["text"], case["times"]
    system: list[TimeExpr] = find_times(text, case["ref"])
    used: set[int] = set()
    score.gold += len(gold)
    score.system += len(system)
    for item, (start, end) in zip(gold, _gold_spans(text, [g["surface"] for g in gold])):
        match = next(
            (i for i, t in enumerate(system) if i not in used and t.start < end and start < t.end),
            None,
        )
        if match is None:
            score.errors.append(f"MISS  {case['ref']} {item['surface']!r} → {item['value']}")
            continue
        used.add(match)
        score.found += 1
        got = system[match]
        if got.value == item["value"]:
            score.correct += 1
        else:
            score.errors.append(
                f"WRONG {case['ref']} {item['surface']!r} → {item['value']}, got {got.value}"
            )
    for i, t in enumerate(system):
        if i not in used:
            score.spurious += 1
            score.errors.append(f"EXTRA {case['ref']} {t.surface!r} → {t.value}")


def main(verbose: bool = False) -> None:
    for name in FILES:
        score = Score()
        lines = (HERE / name).read_text(encoding="utf-8").splitlines()
        cases = [json.loads(line) for line in lines if line.strip()]
        for case in cases:
            score_case(case, score)
        accuracy = score.correct / score.gold if score.gold else 0.0
        recall = score.found / score.gold if score.gold else 0.0
        precision = (score.system - score.spurious) / score.system if score.system else 0.0
        print(
            f"{name}: {len(cases)} sentences, {score.gold} expressions; "
            f"value accuracy {accuracy:.3f} ({score.correct}/{score.gold}); "
            f"detection recall {recall:.3f}, precision {precision:.3f} "
            f"({score.spurious} extra)"
        )
        if verbose:
            for line in score.errors:
                print("   ", line)


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
