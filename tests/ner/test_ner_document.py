"""Document memory: a name tagged in one sentence informs the same word in its neighbours."""
from hadath.ner.corpora import without_overlap
from hadath.ner.document import Consistency, common_words, memory_features, propagate


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


def test_a_confident_name_is_repeated_where_it_recurs_untagged() -> None:
    # "Defence Secretary Donald Rumsfeld said" ... "and Rumsfeld stressed" ... far away
    sentences = [["قال", "وزير", "الدفاع", "دونالد", "رامسفيلد"],
                 ["واكد", "ورامسفيلد", "ان", "الحرب", "مستمره"],
                 ["وقال", "دونالد", "رامسفيلد", "ان"]]
    labels = [["O", "O", "O", "B-PERS", "I-PERS"], ["O"] * 5, ["O", "B-PERS", "O", "O"]]
    entities = [[("PERS", 3, 5, 0.9)], [], [("PERS", 1, 2, 0.6)]]
    entities[0].append(("PERS", 4, 5, 0.95))  # as if the surname alone had been tagged
    new_labels, new_entities = propagate(sentences, labels, entities,
                                         Consistency(window=2, min_probability=0.7))
    # the clitic و does not hide the name; the entity keeps the confidence it repeats
    assert new_labels[1] == ["O", "B-PERS", "O", "O", "O"]
    assert new_entities[1] == [("PERS", 1, 2, 0.95)]
    # tagged words are never relabelled, and a doubtful name (0.6) is not repeated
    assert new_labels[2] == ["O", "B-PERS", "B-PERS", "O"]
    assert new_labels[0] == labels[0]


def test_nothing_is_repeated_beyond_the_window() -> None:
    sentences = [["وصل", "كيري", "الي", "القاهره"], ["هطلت", "امطار"], ["وقال", "كيري"]]
    labels = [["O", "B-PERS", "O", "B-LOC"], ["O", "O"], ["O", "O"]]
    entities = [[("PERS", 1, 2, 0.99), ("LOC", 3, 4, 0.99)], [], []]
    assert propagate(sentences, labels, entities, Consistency(window=1))[0][2] == ["O", "O"]
    assert propagate(sentences, labels, entities, Consistency(window=2))[0][2] == ["O", "B-PERS"]


def test_a_lone_common_word_repeats_no_name() -> None:
    # "علي محمد علي" then "على الأقل" (على written علي): the surname rule would make it a person
    sentences = [["وقال", "علي", "محمد", "علي", "و", "مهدي", "جمعه"],
                 ["قتل", "علي", "الاقل", "يوم", "الجمعه", "وعاد", "جمعه"]]
    labels = [["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-PERS", "I-PERS"], ["O"] * 7]
    entities = [[("PERS", 1, 4, 0.95), ("PERS", 5, 7, 0.95)], []]
    consistency = Consistency(window=2)
    unguarded = propagate(sentences, labels, entities, consistency)[0][1]
    # الجمعه is not جمعه: a lone word keeps its article
    assert unguarded == ["O", "B-PERS", "O", "O", "O", "O", "B-PERS"]
    guarded = propagate(sentences, labels, entities, consistency, frozenset({"علي"}))[0][1]
    # the surname alone, as written, is still the person
    assert guarded == ["O", "O", "O", "O", "O", "O", "B-PERS"]


def test_a_lone_surname_is_repeated_with_its_article_only() -> None:
    # "عبد الكريم الروسي" ... "روسي" (Russian) ... "والروسي" (and al-Rusi)
    sentences = [["قال", "عبد", "الكريم", "الروسي"], ["وصل", "وفد", "روسي", "والروسي"]]
    labels = [["O", "B-PERS", "I-PERS", "I-PERS"], ["O"] * 4]
    entities = [[("PERS", 1, 4, 0.9)], []]
    repeated = propagate(sentences, labels, entities, Consistency(window=2))[0][1]
    assert repeated == ["O", "O", "O", "B-PERS"]


def test_common_words_are_frequent_and_rarely_names() -> None:
    sentence = [("علي", "B-PERS"), ("صالح", "I-PERS")] + [("علي", "O"), ("امس", "O")] * 9
    sentences = [sentence, [("صالح", "B-PERS")] * 10]
    keys = [w for s in sentences for w, _ in s]
    # علي: 10 times, once in a name; امس: 9 times (too rare to judge); صالح always a name
    assert common_words(sentences, keys) == ["علي"]
    assert common_words(sentences, keys, min_count=5) == ["امس", "علي"]
