"""Near-duplicate detection keeps bounded state: the last `window` originals are compared,
older ones are forgotten, and within the window copies are still found."""
from __future__ import annotations

from hadath.ingest import Deduplicator
from hadath.record import ArticleMeta

REPORT = (
    "أفاد المرصد السوري لحقوق الإنسان، اليوم السبت، بمقتل 155 عنصرا من هيئة تحرير الشام و79 "
    "عنصرا من القوات المسلحة السورية منذ بدء الهجوم على مدينة حلب وريفها، وقال المرصد إن "
    "الفصائل المسلحة سيطرت على معظم أجزاء المدينة والمراكز الحكومية والسجون."
)


def _article(k: int) -> str:
    # distinct reports: each names its own figure and town in every sentence
    return f"قصفت الطائرات بلدة رقم {k} وقتل {k} مدنيا في البلدة {k} بحسب مصادر محلية {k}"


def test_state_stays_within_the_window() -> None:
    dedup = Deduplicator(window=5, exact_window=8)
    for k in range(40):
        dedup.check(ArticleMeta(id=f"a{k}", text=_article(k)))
    assert len(dedup) == 8
    assert len(dedup._signatures) == 5


def test_a_copy_of_a_recent_original_is_found_and_an_old_one_forgotten() -> None:
    dedup = Deduplicator(window=3, exact_window=3)
    assert dedup.check(ArticleMeta(id="report", text=REPORT)) is None
    copy = REPORT.replace("اليوم السبت", "مساء السبت")
    assert dedup.check(ArticleMeta(id="copy", text=copy)) == "report"
    assert dedup.check(ArticleMeta(id="exact", text=REPORT)) == "report"
    for k in range(5):
        dedup.check(ArticleMeta(id=f"other{k}", text=_article(k)))
    assert dedup.check(ArticleMeta(id="late copy", text=REPORT)) is None


def test_one_article_does_not_load_the_minhash_library() -> None:
    dedup = Deduplicator()
    dedup.check(ArticleMeta(id="only", text=REPORT))
    assert dedup._lsh is None
    assert dedup.check(ArticleMeta(id="second", text=REPORT.replace("السبت", "الأحد"))) == "only"
