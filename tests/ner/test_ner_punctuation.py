"""Tokens with punctuation stuck to them are tagged as the word and its punctuation apart
(on ANERcorp test with the punctuation glued back on, F1 fell from 74 to 66 without this)."""
from hadath.ner.model import load_model, split_punctuation


def test_split_punctuation_keeps_where_every_piece_came_from() -> None:
    assert split_punctuation([["زار", "برلين", "."], ["2006/07", "U.S"]]) is None
    pieces, owners = split_punctuation([["زار", "«برلين»،", "أمس."], ["(", "قال"]])
    assert pieces == [["زار", "«", "برلين", "»،", "أمس", "."], ["(", "قال"]]
    assert owners == [[0, 1, 1, 1, 2, 2], [0, 1]]


def test_glued_punctuation_tags_as_separate_punctuation() -> None:
    tagger = load_model()
    apart = ["وقال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن", "،",
             "إن", "«", "حزب", "الله", "»", "خطر", "."]
    glued = ["وقال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن،", "إن",
             "«حزب", "الله»", "خطر."]
    labels = tagger.tag(apart)
    assert labels[3:5] == ["B-PERS", "I-PERS"] and labels[6] == "B-LOC"
    kept = [0, 1, 2, 3, 4, 5, 6, 8, 10, 11, 13]  # where each glued token's word is
    assert tagger.tag(glued) == [labels[k] for k in kept]
    entities = tagger.tag_document_entities([glued])[0]
    apart_entities = tagger.tag_document_entities([apart])[0]
    position = {k: i for i, k in enumerate(kept)}
    assert [(kind, first, last) for kind, first, last, _ in entities] == [
        (kind, position[first], position[last - 1] + 1)
        for kind, first, last, _ in apart_entities]
