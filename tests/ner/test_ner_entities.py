"""find_entities on real news sentences: exact offsets, and the names a reader would mark."""
from hadath.ner import find_entities, tag_tokens, uncovered_entities
from hadath.record import Mention


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.surface, m.label) for m in find_entities(text)}


def test_offsets_index_the_original_text_with_diacritics_and_tatweel() -> None:
    # "The Syrian Observatory for Human Rights said that the army withdrew from Aleppo."
    text = "وقالَ المرصد السوري لحقوق الإنسان، إنّ الجيش انسحب من حلـب مساء السبت.\nوزار بوتين دمشق."
    mentions = find_entities(text)
    assert mentions
    for m in mentions:
        assert text[m.start:m.end] == m.surface
        assert m.source == "tagger"
        assert 0.0 < m.score <= 1.0
        assert m.label in {"person", "org", "place"}


def test_known_places_and_persons_in_news_sentences() -> None:
    # "Russian President Vladimir Putin received his Syrian counterpart in Moscow."
    found = _found("استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في موسكو أمس.")
    assert ("فلاديمير بوتين", "person") in found
    assert ("بشار الأسد", "person") in found
    assert ("موسكو", "place") in found


def test_organisations_in_news_sentences() -> None:
    # "The UN Security Council held an emergency session on Gaza."
    found = _found("عقد مجلس الأمن الدولي جلسة طارئة بشأن غزة بطلب من الجامعة العربية.")
    assert ("مجلس الأمن الدولي", "org") in found
    assert ("غزة", "place") in found


def test_tag_tokens_returns_one_iob2_label_per_token() -> None:
    tokens = ["وصل", "وزير", "الخارجية", "الأمريكي", "جون", "كيري", "إلى", "القاهرة", "."]
    labels = tag_tokens(tokens)
    assert len(labels) == len(tokens)
    assert labels[4:6] == ["B-PERS", "I-PERS"]
    assert labels[7] == "B-LOC"
    assert labels[-1] == "O"


def test_empty_text_has_no_entities() -> None:
    assert find_entities("") == []
    assert tag_tokens([]) == []


def test_uncovered_entities_skip_what_the_gazetteer_found() -> None:
    text = "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في موسكو أمس."
    start = text.index("موسكو")
    gazetteer = [Mention(start=start, end=start + 5, surface="موسكو", label="place")]
    found = {m.surface for m in uncovered_entities(text, gazetteer)}
    assert "موسكو" not in found
    assert "فلاديمير بوتين" in found


def test_conjunctions_and_prepositions_are_left_out_of_the_name() -> None:
    # "Clashes in Idlib and Aleppo, according to Reuters."
    text = "اشتباكات عنيفة بإدلب وحلب، بحسب ما نقلت وكالة رويترز عن مصادر في دمشق."
    mentions = find_entities(text)
    surfaces = {m.surface for m in mentions}
    assert "إدلب" in surfaces
    assert "بإدلب" not in surfaces
    for m in mentions:
        assert text[m.start:m.end] == m.surface


def test_the_accurate_tier_keeps_offsets_and_finds_the_same_known_names() -> None:
    # "Russian President Vladimir Putin received his Syrian counterpart in Moscow."
    text = "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في موسكو أمس.\nوزار بوتين دمشق."
    mentions = find_entities(text, accurate=True)
    for m in mentions:
        assert text[m.start:m.end] == m.surface and m.source == "tagger"
    found = {(m.surface, m.label) for m in mentions}
    assert {("فلاديمير بوتين", "person"), ("بشار الأسد", "person"), ("موسكو", "place")} <= found
    assert uncovered_entities(text, mentions, accurate=True) == []  # all covered by themselves


def test_names_that_begin_like_a_proclitic_keep_their_letters() -> None:
    from hadath.ner.entities import _proclitic_length

    def name(word: str) -> str:
        return word[_proclitic_length(word):]

    # ك and ف begin names (Kerry, Kabul, Faisal) far more often than they precede them
    assert [name(w) for w in ["كيري", "كابل", "فيصل", "كمال", "وكيري", "لكيري"]] == [
        "كيري", "كابل", "فيصل", "كمال", "كيري", "كيري"]
    # a word that is a whole gazetteer name is not و + a name (Washington, Warsaw)
    assert name("واشنطن") == "واشنطن" and name("وارسو") == "وارسو"
    # the usual conjunctions and prepositions still go, the article stays
    assert [name(w) for w in ["وبإدلب", "لرويترز", "كالعراق", "بالرياض", "للأمم"]] == [
        "إدلب", "رويترز", "العراق", "الرياض", "للأمم"]
