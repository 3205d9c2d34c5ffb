"""CoNLL exact-span scoring: boundaries and labels must both match."""
import pytest

from hadath.ner.scoring import entity_spans, score


def test_entity_spans_follow_iob2() -> None:
    labels = ["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG", "O"]
    assert entity_spans(labels) == [("PERS", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 6)]


def test_partial_match_counts_as_wrong() -> None:
    gold = [["B-ORG", "I-ORG", "I-ORG", "O", "B-PERS"]]
    predicted = [["B-ORG", "I-ORG", "O", "O", "B-PERS"]]
    rows = {r.label: r for r in score(gold, predicted)}
    assert rows["PERS"].f1 == 1.0
    assert rows["ORG"].f1 == 0.0
    assert rows["overall"].precision == pytest.approx(0.5)
    assert rows["overall"].recall == pytest.approx(0.5)
