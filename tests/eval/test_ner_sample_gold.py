"""The out-of-domain NER sample loads as CoNLL, in IOB2 over ANERcorp's four labels."""
from pathlib import Path

from hadath.ner.conll import read_conll_file
from hadath.ner.scoring import entity_spans

SAMPLE = Path(__file__).resolve().parents[2] / "eval" / "ner" / "ant_sample.conll"
LABELS = {"O"} | {f"{p}-{k}" for p in "BI" for k in ("PERS", "LOC", "ORG", "MISC")}


def test_sample_is_iob2_with_the_documented_counts() -> None:
    sentences = read_conll_file(SAMPLE)
    assert len(sentences) == 40 and sum(map(len, sentences)) == 1111
    labels = [[label for _, label in s] for s in sentences]
    assert {label for s in labels for label in s} <= LABELS
    for s in labels:  # an I- label continues an entity of its own type
        for previous, label in zip(["O", *s], s):
            assert not label.startswith("I-") or previous[2:] == label[2:]
    assert sum(len(entity_spans(s)) for s in labels) == 83
