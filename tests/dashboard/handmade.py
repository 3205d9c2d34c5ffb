"""A small store made by hand: who holds Saraqib and Maarat al-Numan over a week of late 2024,
and an article whose text, title, outlet and names carry markup that must stay text.

Articles go through `Store.save`, the same call the pipeline ends with, so the store's fusion
and the API see them as they see any article; only the extraction is written by hand."""
from __future__ import annotations

from typing import Any

from hadath.record import Article, ArticleMeta, Mention
from hadath.store.db import Store

HTS = {"canonical": "Hayat Tahrir al-Sham", "surface": "هيئة تحرير الشام", "kind": "armed_group",
       "country": "SYR"}
ARMY = {"canonical": "Military Forces of Syria", "surface": "الجيش السوري", "kind": "state_forces",
        "country": "SYR"}
SARAQIB = {"surface": "سراقب", "canonical": "Saraqib", "country": "SY", "admin1": "Idlib",
           "admin2": None, "lat": 35.8621, "lon": 36.8006, "geo_precision": 1}
MAARAT = {"surface": "معرة النعمان", "canonical": "Maarat al-Numan", "country": "SY",
          "admin1": "Idlib", "admin2": None, "lat": 35.6476, "lon": 36.6737, "geo_precision": 1}

# What the control view must show (place -> day -> (holder, modality)).
EXPECTED_CONTROL = {
    "Saraqib": {"2024-11-28": (HTS["canonical"], "asserted"),
                "2024-12-02": (ARMY["canonical"], "claimed")},
    "Maarat al-Numan": {"2024-11-29": (HTS["canonical"], "claimed")},
}
MARKUP = {
    "title": '<img src=x onerror="window.__xss=1">اشتباكات <script>window.__xss=2</script>',
    "text_script": "<script>window.__xss=3</script>",
    "text_img": "<img src=x onerror=window.__xss=4>",
    "actor": "<img src=x onerror=window.__xss=5>",
    "summary": "<b onmouseover=window.__xss=6>Clashes</b> in Idlib",
    "source": "<svg onload=window.__xss=7>",
    "outlet": "<iframe src=javascript:window.__xss=8>",
    "url": "javascript:window.__xss=9",
}


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _event(article_id: str, text: str, sentence: str, **fields: Any) -> dict[str, Any]:
    start, end = _span(text, sentence)
    record: dict[str, Any] = {
        "time_precision": 1, "date_end": None, "actor2": None, "assoc_actors": [],
        "fatalities": [], "injured": [], "detained": [], "confidence": 0.9,
        "evidence": [{"article_id": article_id, "sentence": 0, "start": start, "end": end,
                      "text": text[start:end]}],
    }
    record.update(fields)
    return record


def _article(article_id: str, title: str, body: str, published: str, outlet: str,
             events: list[dict[str, Any]], mentions: list[Mention] | None = None,
             url: str | None = None) -> Article:
    text = f"{title}\n\n{body}"
    built = [_event(article_id, text, **event) for event in events]
    return Article(article=ArticleMeta(id=article_id, text=text, title=title, outlet=outlet,
                                       published=published, language="ar", url=url),
                   mentions=mentions or [], events=built)


def _control_event(sentence: str, event_id: str, type_: str, modality: str, date: str,
                   actor1: dict[str, Any], actor2: dict[str, Any], location: dict[str, Any],
                   source: str, summary: str) -> dict[str, Any]:
    return {"sentence": sentence, "id": event_id, "type": type_, "modality": modality,
            "date": date, "actor1": actor1, "actor2": actor2, "location": location,
            "sources": [source], "summary_en": summary}


def control_articles() -> list[Article]:
    # "HTS took Saraqib after battles with the Syrian army" (a monitor's word: asserted);
    # "HTS said it took Maarat al-Numan" (a party's claim); "the Syrian army announced it
    # regained Saraqib" (the army's own claim about the fight: claimed).
    taken = "سيطرت هيئة تحرير الشام على مدينة سراقب بعد معارك مع الجيش السوري"
    claimed = "قالت هيئة تحرير الشام إنها سيطرت على معرة النعمان"
    regained = "أعلن الجيش السوري استعادة السيطرة على مدينة سراقب"
    return [
        _article("saraqib-taken", "هيئة تحرير الشام تسيطر على سراقب", taken + ".", "2024-11-28",
                 "Enab Baladi", [_control_event(
                     taken, "hand-saraqib-taken", "territory_taken", "asserted", "2024-11-28", HTS,
                     ARMY, SARAQIB, "Syrian Observatory for Human Rights",
                     "Hayat Tahrir al-Sham took Saraqib from the Syrian army.")]),
        _article("maarat-claimed", "الهيئة تعلن السيطرة على معرة النعمان", claimed + ".",
                 "2024-11-29", "Al-Watan", [_control_event(
                     claimed, "hand-maarat-claimed", "territory_taken", "claimed", "2024-11-29", HTS,
                     ARMY, MAARAT, "Hayat Tahrir al-Sham",
                     "Hayat Tahrir al-Sham said it took Maarat al-Numan.")]),
        _article("saraqib-regained", "الجيش السوري يعلن استعادة سراقب", regained + ".",
                 "2024-12-02", "SANA", [_control_event(
                     regained, "hand-saraqib-regained", "territory_regained", "claimed", "2024-12-02",
                     ARMY, HTS, SARAQIB, "Military Forces of Syria",
                     "The Syrian army said it regained Saraqib.")]),
    ]


def markup_article() -> Article:
    body = (f"قال مصدر إن {MARKUP['text_script']} اشتباكات اندلعت في إدلب {MARKUP['text_img']} "
            f"بين {MARKUP['actor']} والجيش السوري.")
    text = f"{MARKUP['title']}\n\n{body}"
    start, end = _span(text, MARKUP["actor"])
    mention = Mention(start=start, end=end, surface=MARKUP["actor"], label="actor",
                      canonical=MARKUP["actor"], kind="armed_group")
    actor = {"canonical": MARKUP["actor"], "surface": MARKUP["actor"], "kind": "armed_group",
             "country": None}
    idlib = {"surface": "إدلب", "canonical": "Idlib", "country": "SY", "admin1": "Idlib",
             "admin2": None, "lat": 35.9306, "lon": 36.6339, "geo_precision": 1}
    figure = {"count": 3, "min": None, "approx": False, "vague": False, "side": MARKUP["actor"],
              "source": MARKUP["source"], "article_id": "markup-article"}
    event = {"sentence": body, "id": "hand-markup", "type": "armed_clash", "modality": "asserted",
             "date": "2024-11-30", "actor1": actor, "actor2": ARMY, "location": idlib,
             "sources": [MARKUP["source"]], "summary_en": MARKUP["summary"], "fatalities": [figure]}
    return _article("markup-article", MARKUP["title"], body, "2024-11-30", MARKUP["outlet"],
                    [event], mentions=[mention], url=MARKUP["url"])


def build_store(path: str) -> None:
    store = Store(path)
    try:
        for article in [*control_articles(), markup_article()]:
            store.save(article)
    finally:
        store.close()
