"""CoNLL exact-span scoring of IOB2 label sequences: precision, recall and F1 per label.

`entity_spans(labels)` gives `(label, start, end)` token spans; `score(gold, predicted)` counts
a predicted entity as right only when its label and both boundaries equal a gold entity's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


def entity_spans(labels: list[str]) -> list[tuple[str, int, int]]:
    """Entities of one IOB2 sentence as (label, first token, end token exclusive)."""
    spans: list[tuple[str, int, int]] = []
    kind, start = None, 0
    for i, label in enumerate([*labels, "O"]):
        continues = label.startswith("I-") and label[2:] == kind
        if kind is not None and not continues:
            spans.append((kind, start, i))
            kind = None
        if label != "O" and not continues:
            # a stray I- opens an entity, as the CoNLL script does
            kind, start = label[2:], i
    return spans


@dataclass(frozen=True)
class Score:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold entities


def score(gold: list[list[str]], predicted: list[list[str]]) -> list[Score]:
    """Per-label and overall ("overall", last) exact-span scores over aligned sentences."""
    right: Counter[str] = Counter()
    found: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    for gold_labels, predicted_labels in zip(gold, predicted, strict=True):
        gold_spans = set(entity_spans(gold_labels))
        predicted_spans = set(entity_spans(predicted_labels))
        for spans, counter in ((gold_spans, wanted), (predicted_spans, found),
                               (gold_spans & predicted_spans, right)):
            counter.update(kind for kind, _, _ in spans)
    labels = sorted(set(wanted) | set(found))
    rows = [_row(k, right[k], found[k], wanted[k]) for k in labels]
    rows.append(_row("overall", sum(right.values()), sum(found.values()), sum(wanted.values())))
    return rows


def _row(label: str, right: int, found: int, wanted: int) -> Score:
    precision = right / found if found else 0.0
    recall = right / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(label, precision, recall, f1, wanted)


def format_scores(rows: list[Score]) -> str:
    """A fixed-width table: label, P, R, F1 (percent) and gold support."""
    lines = [f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    lines += [f"{r.label:<8} {100 * r.precision:6.2f} {100 * r.recall:6.2f} {100 * r.f1:6.2f} "
              f"{r.support:6d}" for r in rows]
    return "\n".join(lines)
