"""The store keeps articles, layers and events, and saving again changes nothing."""
from hadath.record import Article, ArticleMeta, Mention, Sentence
from hadath.store.db import Store, database_url

TEXT = "الجيش السوري يعترف بالانسحاب من حلب\n\nأفاد المرصد السوري بمقتل 155 عنصرا من هيئة تحرير الشام."


def make_article(article_id: str = "a1") -> Article:
    start = TEXT.index("بمقتل")
    event = {
        "id": f"{article_id}-e1",
        "type": "armed_clash",
        "modality": "asserted",
        "date": "2024-11-30",
        "time_precision": 1,
        "actor1": {"canonical": "Hayat Tahrir al-Sham", "surface": "هيئة تحرير الشام",
                   "kind": "armed_group", "country": "SYR"},
        "location": {"surface": "حلب", "canonical": "Aleppo", "country": "SY", "lat": 36.2, "lon": 37.13,
                     "geo_precision": 1},
        "fatalities": [{"count": 155, "side": "Hayat Tahrir al-Sham",
                        "source": "Syrian Observatory for Human Rights", "article_id": article_id}],
        "evidence": [{"article_id": article_id, "sentence": 1, "start": start, "end": len(TEXT),
                      "text": TEXT[start:]}],
        "summary_en": "Clashes in Aleppo; 155 HTS fighters killed.",
        "confidence": 0.8,
    }
    return Article(
        article=ArticleMeta(id=article_id, text=TEXT, outlet="العرب", published="2024-11-30", language="ar"),
        sentences=[Sentence(0, 36)],
        mentions=[Mention(33, 36, "حلب", "place", "Aleppo", "city", "SY", lat=36.2, lon=37.13)],
        events=[event],
    )


def test_save_is_idempotent(store: Store) -> None:
    article = make_article()
    store.save(article, source="seed.txt")
    first = store.counts()
    store.save(article, source="seed.txt")
    assert store.counts() == first
    assert first["articles"] == 1 and first["events"] == 1 and first["figures"] == 1


def test_round_trip(store: Store) -> None:
    article = make_article()
    store.save(article)
    loaded = store.article("a1")
    assert loaded is not None
    assert loaded.to_dict() == article.to_dict()
    assert store.is_stored("a1", TEXT)
    assert not store.is_stored("a1", TEXT + " تعديل")


def test_event_filters(store: Store) -> None:
    store.save(make_article("a1"))
    store.save(make_article("a2"))
    # two articles telling of one clash: one fused event with both reports
    [fused] = store.events()
    assert [r["article_id"] for r in fused["reports"]] == ["a1", "a2"]
    assert store.count_events() == 1
    assert store.event(fused["id"]) == fused
    assert store.event("F-none") is None
    assert store.events(type="air_strike") == []
    assert store.events(type="armed_clash", date_from="2024-11-30", date_to="2024-11-30") == [fused]
    assert store.events(date_from="2024-12-01") == []
    # a filter value that looks like SQL is only ever a value
    assert store.events(type="x' OR '1'='1") == []


def test_skips_are_recorded_and_cleared(store: Store) -> None:
    store.record_skip("a1", "not Arabic")
    assert store.counts()["skips"] == 1
    store.save(make_article("a1"))
    assert store.counts()["skips"] == 0


def test_database_url() -> None:
    assert database_url("x/events.db") == "sqlite:///x/events.db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
