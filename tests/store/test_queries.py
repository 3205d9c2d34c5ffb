"""Event queries: every filter an analyst uses, each order, and values that look like SQL."""
import pytest

from hadath.record import Article, ArticleMeta
from hadath.store.db import Store
from hadath.store.queries import EventQuery, check_date_bound

# "The Syrian Observatory reported that 155 members of Hayat Tahrir al-Sham were killed."
ALEPPO = "أفاد المرصد السوري بمقتل 155 عنصرا من هيئة تحرير الشام في حلب."
# "Demonstrators gathered in Tahrir Square in central Baghdad today."
BAGHDAD = "تظاهر مئات الأشخاص في ساحة التحرير وسط بغداد اليوم."


def _event(article_id: str, text: str, **fields: object) -> dict:
    record = {
        "id": f"{article_id}-e1", "modality": "asserted", "time_precision": 1,
        "evidence": [{"article_id": article_id, "sentence": 0, "start": 0, "end": len(text),
                      "text": text}],
        "fatalities": [], "injured": [], "detained": [],
    }
    record.update(fields)
    return record


def _article(article_id: str, text: str, outlet: str, published: str, event: dict) -> Article:
    return Article(article=ArticleMeta(id=article_id, text=text, outlet=outlet, title=text[:20],
                                       url=f"https://example.org/{article_id}",
                                       published=published, language="ar"),
                   events=[event])


@pytest.fixture
def filled(store: Store) -> Store:
    store.save(_article("aleppo", ALEPPO, "العرب", "2024-11-30", _event(
        "aleppo", ALEPPO, type="armed_clash", date="2024-11-30", confidence=0.8,
        actor1={"canonical": "Hayat Tahrir al-Sham"}, actor2={"canonical": "Military Forces of Syria"},
        location={"canonical": "Aleppo", "country": "SY"},
        summary_en="Clashes in Aleppo; 155 HTS fighters killed.",
        fatalities=[{"count": 155, "source": "Syrian Observatory for Human Rights",
                     "article_id": "aleppo"}, {"count": 20, "source": "Syrian army"}])))
    store.save(_article("baghdad", BAGHDAD, "الجزيرة نت", "2024-12-01", _event(
        "baghdad", BAGHDAD, type="protest", date="2024-12-01", confidence=0.6,
        actor1={"canonical": "Protesters (Iraq)"}, location={"canonical": "Baghdad", "country": "IQ"},
        summary_en="Protest in Tahrir Square, Baghdad (50% of them students).")))
    store.save(_article("old", ALEPPO + " ", "العرب", "2016-12-22", _event(
        "old", ALEPPO, id="old-e1", type="territory_regained", modality="historical", date="2016",
        confidence=None, actor1={"canonical": "Military Forces of Syria"},
        location={"canonical": "Aleppo", "country": "SY"})))
    return store


def _ids(store: Store, **filters: object) -> list[str]:
    """The fused events found, each named by its reports (here one each: the articles tell of
    three different events)."""
    return ["+".join(r["event_id"] for r in e["reports"]) for e in store.events(**filters)]


def test_newest_first_by_default_and_each_order(filled: Store) -> None:
    assert _ids(filled) == ["baghdad-e1", "aleppo-e1", "old-e1"]
    assert _ids(filled, sort="date") == ["old-e1", "aleppo-e1", "baghdad-e1"]
    # fatalities: the highest figure one source gave (155, never 155 + 20); none last
    assert _ids(filled, sort="fatalities") == ["aleppo-e1", "baghdad-e1", "old-e1"]
    assert _ids(filled, sort="confidence") == ["aleppo-e1", "baghdad-e1", "old-e1"]
    assert _ids(filled, limit=1) == ["baghdad-e1"]
    with pytest.raises(ValueError, match="unknown order"):
        filled.events(sort="newest")


def test_filters(filled: Store) -> None:
    assert _ids(filled, type=["protest", "riot"]) == ["baghdad-e1"]
    assert _ids(filled, modality="historical") == ["old-e1"]
    assert _ids(filled, actor="military forces") == ["aleppo-e1", "old-e1"]  # actor 1 or 2
    assert _ids(filled, country="IQ") == _ids(filled, country="IRQ") == ["baghdad-e1"]
    assert _ids(filled, country="Syria") == ["aleppo-e1", "old-e1"]
    assert _ids(filled, place="bagh") == ["baghdad-e1"]
    assert _ids(filled, outlet="الجزيرة") == ["baghdad-e1"]
    assert _ids(filled, min_fatalities=155) == ["aleppo-e1"]
    assert _ids(filled, min_fatalities=156) == []
    assert _ids(filled, min_confidence=0.7) == ["aleppo-e1"]


def test_free_text_in_arabic_and_english(filled: Store) -> None:
    assert _ids(filled, text="ساحة التحرير") == ["baghdad-e1"]  # the evidence sentence
    assert _ids(filled, text="hts fighters") == ["aleppo-e1"]  # the summary, any case
    assert _ids(filled, text="Protesters") == ["baghdad-e1"]  # an actor


def test_dates_take_a_day_a_month_or_a_year(filled: Store) -> None:
    assert _ids(filled, date_from="2024-12") == ["baghdad-e1"]
    assert _ids(filled, date_to="2024-11") == ["aleppo-e1", "old-e1"]  # through 30 November
    assert _ids(filled, date_from="2016", date_to="2016") == ["old-e1"]
    assert _ids(filled, date_from="2024-11-30", date_to="2024-11-30") == ["aleppo-e1"]
    for bad in ("30/11/2024", "2024-13", "2024-02-30", "yesterday"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            check_date_bound(bad)


def test_values_are_only_ever_values(filled: Store) -> None:
    assert _ids(filled, actor="x' OR '1'='1") == []
    # LIKE's wildcards are characters here: only the summary with "50%" has a "%"
    assert _ids(filled, text="%") == _ids(filled, text="50%") == ["baghdad-e1"]
    assert _ids(filled, text="5_%") == []
    assert _ids(filled, place="_") == []


def test_evidence_names_its_report(filled: Store) -> None:
    # records stored before evidence carried its article's metadata get it from the article
    evidence = filled.events(EventQuery(type="protest"))[0]["evidence"][0]
    assert evidence["outlet"] == "الجزيرة نت"
    assert evidence["url"] == "https://example.org/baghdad"
    assert evidence["title"] == BAGHDAD[:20]
    assert evidence["published"] == "2024-12-01"
