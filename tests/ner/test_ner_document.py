"""Document memory: a name tagged in one sentence informs the same word in its neighbours."""
from hadath.ner.corpora import without_overlap
from hadath.ner.document import memory_features


def test_memory_reports_types_from_neighbouring_sentences_only() -> None:
    sentences = [["قال", "وزير", "الدفاع", "دونالد", "رامسفيلد"],
                 ["واكد", "رامسفيلد", "ان", "الحرب", "مستمره"],
                 ["وصل", "رامسفيلد", "الي", "بغداد"]]
    first_pass = [["O", "O", "O", "B-PERS", "I-PERS"],
                  ["O", "O", "O", "O", "O"],
                  ["O", "B-LOC", "O", "B-LOC"]]
    memory = memory_features(sentences, first_pass, window=1)
    # sentence 1 sees PERS (sentence 0) and LOC (sentence 2) for رامسفيلد
    assert memory[1][1] == ["doc=LOC", "doc=PERS"]
    # sentence 2 is two away from sentence 0: only its neighbour, which said nothing
    assert memory[2][1] == []
    # a word never sees its own sentence's labels
    assert memory[0][4] == []
    assert memory[1][0] == []


def test_training_text_that_repeats_held_out_text_is_dropped() -> None:
    held_out = [[("قال", "O"), ("الرئيس", "O"), ("الامريكي", "O"), ("جورج", "B-PERS"),
                 ("بوش", "I-PERS"), ("امس", "O")]]
    repeated = [("وقال", "O"), ("الرئيس", "O"), ("الامريكي", "O"), ("جورج", "B-PERS"),
                ("بوش", "I-PERS"), ("امس", "O")]
    fresh = [("زار", "O"), ("الرئيس", "O"), ("الفرنسي", "O"), ("باريس", "B-LOC"), (".", "O")]
    # shares the five words "الرئيس الامريكي جورج بوش امس" with the held-out sentence
    assert without_overlap([repeated, fresh], held_out) == [fresh]
