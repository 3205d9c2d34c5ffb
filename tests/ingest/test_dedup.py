"""Duplicates: exact (same words after normalisation), near (a few words changed), different
reports of the same day not flagged, and the store's articles seeded for re-runs."""
from __future__ import annotations

from hadath.ingest import Deduplicator
from hadath.record import ArticleMeta

REPORT = (
    "مقتل 155 عنصرا من هيئة تحرير الشام في معارك حلب\n\n"
    "أفاد المرصد السوري لحقوق الإنسان، اليوم السبت، بمقتل 155 عنصرا من هيئة تحرير الشام و79 "
    "عنصرا من القوات المسلحة السورية منذ بدء الهجوم على مدينة حلب وريفها.\n\n"
    "وقال المرصد إن الفصائل المسلحة سيطرت على معظم أجزاء المدينة والمراكز الحكومية والسجون، "
    "فيما انسحبت قوات الجيش من الأحياء الغربية باتجاه الطريق الدولي.\n\n"
    "وأضاف أن طائرات روسية شنت غارات على أطراف المدينة للمرة الأولى منذ عام 2016، بينما أعلن "
    "الجيش السوري أنه يعيد تنظيم صفوفه استعدادا لهجوم مضاد."
)
OTHER = (
    "الحوثيون يعلنون استهداف سفينة تجارية في البحر الأحمر\n\n"
    "أعلن المتحدث العسكري باسم جماعة الحوثي يحيى سريع، مساء الجمعة، استهداف سفينة تجارية في "
    "البحر الأحمر بعدد من الصواريخ البحرية، قائلا إن السفينة تابعة لشركة تتعامل مع موانئ "
    "إسرائيل.\n\nولم تعلق الشركة المالكة على الإعلان، فيما قالت هيئة عمليات التجارة البحرية "
    "البريطانية إنها تلقت بلاغا عن حادث على بعد 50 ميلا بحريا غربي الحديدة."
)


def _meta(article_id: str, text: str) -> ArticleMeta:
    return ArticleMeta(id=article_id, text=text)


def test_exact_duplicate_despite_spelling_and_punctuation() -> None:
    dedup = Deduplicator()
    assert dedup.check(_meta("a", REPORT)) is None
    respelled = REPORT.replace("أفاد", "افاد").replace("،", " ,").replace("الجيش", "الجيشُ")
    copy = _meta("b", respelled)
    assert dedup.check(copy) == "a"
    assert copy.duplicate_of == "a"


def test_near_duplicate_with_a_few_words_changed() -> None:
    dedup = Deduplicator()
    dedup.check(_meta("a", REPORT))
    edited = (REPORT.replace("اليوم السبت", "مساء السبت")
              .replace("معظم أجزاء", "أغلب أجزاء")
              .replace("الطريق الدولي", "طريق حلب دمشق الدولي"))
    assert dedup.check(_meta("b", edited)) == "a"


def test_different_articles_are_not_flagged() -> None:
    dedup = Deduplicator()
    assert dedup.check(_meta("a", REPORT)) is None
    assert dedup.check(_meta("b", OTHER)) is None
    # Same event, same day, written independently: not a duplicate.
    independent = (
        "المعارضة السورية تدخل حلب\n\n"
        "دخلت فصائل المعارضة المسلحة بقيادة هيئة تحرير الشام أحياء واسعة من مدينة حلب بعد "
        "هجوم مباغت بدأ قبل أيام من ريف إدلب، وسط تقارير عن انسحاب القوات الحكومية."
    )
    assert dedup.check(_meta("c", independent)) is None


def test_seeded_store_and_rerun_give_the_same_answers() -> None:
    dedup = Deduplicator()
    dedup.add("stored-1", REPORT)
    dedup.add("stored-2", OTHER)
    # A re-run sees the same articles again: none duplicates itself or a later one.
    assert dedup.check(_meta("stored-1", REPORT)) is None
    assert dedup.check(_meta("stored-2", OTHER)) is None
    # A new copy of a stored article points at it.
    assert dedup.check(_meta("new", REPORT + "\n\nالمصدر: وكالات")) == "stored-1"
    assert len(dedup) == 3


def test_duplicate_keeps_pointing_at_the_earlier_article_on_rerun() -> None:
    dedup = Deduplicator()
    dedup.add("first", REPORT)
    dedup.add("second", REPORT)
    assert dedup.check(_meta("second", REPORT)) == "first"
    assert dedup.check(_meta("first", REPORT)) is None


def test_a_reused_template_months_later_is_a_new_report() -> None:
    notice = (
        "بلاغ مروري بمناسبة الدربي\n\n"
        "بمناسبة مقابلة الجولة السادسة لمرحلة {leg} لبطولة الرابطة المحترفة الأولى لكرة القدم "
        "التي ستدور بالملعب الأولمبي برادس، تعلم الإدارة العامة للحرس الوطني مستعملي الطريق "
        "أنه سيتم اتخاذ إجراءات مرورية استثنائية بداية من الساعة العاشرة صباحا، وتدعو "
        "المواطنين إلى استعمال الطرقات البديلة والامتثال لتوجيهات أعوان المرور."
    )
    dedup = Deduplicator()
    first = ArticleMeta(id="a", text=notice.format(leg="الذهاب"), published="2016-10-28")
    later = ArticleMeta(id="b", text=notice.format(leg="الإياب"), published="2017-02-07")
    reworded = notice.format(leg="الذهاب").replace("العاشرة صباحا", "التاسعة صباحا")
    next_day = ArticleMeta(id="c", text=reworded, published="2016-10-29")
    assert dedup.check(first) is None
    assert dedup.check(later) is None
    assert dedup.check(next_day) == "a"
