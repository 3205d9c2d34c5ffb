"""Sentences and clauses of real news text."""
from hadath.text.sentences import split_clauses, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_full_stops_question_marks_and_line_breaks() -> None:
    text = "قتل 3 أشخاص في غارة. هل تتوقف الحرب؟ لا أحد يعلم\nسطر جديد"
    assert texts(text) == ["قتل 3 أشخاص في غارة.", "هل تتوقف الحرب؟", "لا أحد يعلم", "سطر جديد"]


def test_no_split_on_decimals_abbreviations_and_inside_quotes() -> None:
    text = "ارتفع المؤشر 3.5 بالمئة، وقال د. أحمد لـ أ.ف.ب إن “الوضع صعب. جدا” أمس. انتهى"
    assert texts(text) == [
        "ارتفع المؤشر 3.5 بالمئة، وقال د. أحمد لـ أ.ف.ب إن “الوضع صعب. جدا” أمس.",
        "انتهى",
    ]


def test_offsets_index_the_text() -> None:
    text = "  أعلن الجيش انسحابه.   وقال المرصد إن الاشتباكات مستمرة.  "
    for s in split_sentences(text):
        assert text[s.start : s.end].strip() == text[s.start : s.end]


def test_clauses_cut_at_the_arabic_comma() -> None:
    text = "أعلن الجيش السوري انسحابه مؤقتا من حلب، مشيرا إلى أنه يخوض “اشتباكات، عنيفة”."
    sentence = split_sentences(text)[0]
    clauses = [text[c.start : c.end] for c in split_clauses(text, sentence)]
    assert clauses == ["أعلن الجيش السوري انسحابه مؤقتا من حلب", "مشيرا إلى أنه يخوض “اشتباكات، عنيفة”."]
