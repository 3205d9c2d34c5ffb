"""Full-text search over fused events, on SQLite (FTS5) and PostgreSQL (pg_trgm): Arabic
queries match whatever diacritics, alef forms, ta marbuta or digits either side writes, English
ignores case, and the index is what answers."""
import pytest
from hand_records import event
from sqlalchemy import text

from hadath.record import Article, ArticleMeta
from hadath.store.db import Store

# "12 civilians were killed in an air strike on the city of Idlib" — written with diacritics,
# hamza on the alef and ta marbuta, as a vocalised wire text would
VOCALISED = "قُتِلَ 12 مدنياً في غارةٍ جويّةٍ على مدينة إدلب"
# "The army shelled the town of Saraqib" — plain
PLAIN = "قصف الجيش مدينة سراقب"


def _article(article_id: str, sentence: str, **fields: object) -> Article:
    record = event(f"{article_id}-1", evidence=[
        {"article_id": article_id, "sentence": 0, "start": 0, "end": len(sentence), "text": sentence}],
        **fields)
    return Article(ArticleMeta(id=article_id, text=sentence, outlet="enabbaladi.net",
                               title="عنوان الخبر", published="2024-11-30"), events=[record])


@pytest.fixture
def searchable(store: Store) -> Store:
    store.save(_article("idlib", VOCALISED, place="Idlib",
                        summary_en="Russian air strike on Idlib kills 12 civilians."))
    store.save(_article("saraqib", PLAIN, type="shelling", place="Saraqib",
                        actor1="Military Forces of Syria", summary_en="Army shells Saraqib."))
    return store


def _places(store: Store, query: str) -> list[str]:
    return [e["location"]["canonical"] for e in store.events(text=query)]


@pytest.mark.parametrize("query", [
    "غارة جوية",       # no diacritics in the query
    "غارةٍ جويّةٍ",    # the diacritics of the text
    "مدينه ادلب",      # ta marbuta as ha, bare alef
    "مدينة أدلب",      # another hamza form
    "إدلب",
    "١٢ مدنيا",        # Arabic-Indic digits, no tanween
    "CIVILIANS",       # English, any case
    "russian air",
    "idlib",           # the place's English name
])
def test_arabic_and_english_queries_match_however_written(searchable: Store, query: str) -> None:
    assert _places(searchable, query) == ["Idlib"]


def test_other_words_other_events(searchable: Store) -> None:
    assert _places(searchable, "سراقب") == ["Saraqib"]
    assert _places(searchable, "الجيش") == ["Saraqib"]
    assert sorted(_places(searchable, "مدينة")) == ["Idlib", "Saraqib"]
    assert _places(searchable, "حلب") == []
    assert _places(searchable, "12") == ["Idlib"]  # shorter than a trigram: read by LIKE
    assert searchable.count_events(text="عنوان") == 2  # the headline of the reporting article


def test_a_report_joining_an_event_makes_its_words_findable(searchable: Store) -> None:
    # "Civil Defence: the strike on Idlib hit a market" — another outlet, same strike
    searchable.save(_article("second", "الدفاع المدني: الغارة على إدلب استهدفت سوقا شعبيا",
                             place="Idlib"))
    assert searchable.count_events() == 2
    assert _places(searchable, "سوقا شعبيا") == ["Idlib"]
    searchable.save(_article("second", "الدفاع المدني: الغارة على إدلب", place="Idlib"))
    assert _places(searchable, "سوقا شعبيا") == []  # re-extracted: the old words are gone


def test_the_index_answers(searchable: Store) -> None:
    with searchable.engine.connect() as conn:
        if searchable.engine.dialect.name == "sqlite":
            assert conn.execute(text("SELECT count(*) FROM fused_fts")).scalar() == 2
        else:
            indexes = conn.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'fused_search'")).scalars().all()
            assert any("gin_trgm_ops" in i for i in indexes)
