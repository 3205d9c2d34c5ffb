"""Word splitting in the ANERcorp way: punctuation apart, clitics kept, offsets exact."""
from hadath.ner.words import split_words


def test_punctuation_is_split_off_and_clitics_stay() -> None:
    # "The Syrian army announced on Saturday its withdrawal from Aleppo, (Reuters)."
    text = "أعلن الجيش السوري، اليوم (السبت)، انسحابه من حلب وبحماة «رويترز»."
    words = [text[s:e] for s, e in split_words(text)]
    assert words == ["أعلن", "الجيش", "السوري", "،", "اليوم", "(", "السبت", ")", "،", "انسحابه",
                     "من", "حلب", "وبحماة", "«", "رويترز", "»", "."]


def test_numbers_keep_their_separators_and_marks_stay_on_words() -> None:
    text = "قُتل ٣٫٥ ألف و1,200 شخصٍ."
    spans = split_words(text)
    assert [text[s:e] for s, e in spans] == ["قُتل", "٣٫٥", "ألف", "و1", ",", "200", "شخصٍ", "."]
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)
