"""The read endpoints against a real server: /events with every filter, paging, order and
total; /events/{id} with every report and figure; /articles/{id} with every layer; /actors,
/places and /stats counting exactly what /events lists."""
from __future__ import annotations

from typing import Any

import httpx
import pytest

from hadath.api.models import ActorPage, Article, Event, EventPage, PlacePage, Stats
from hadath.vocabulary import EVENT_TYPES

from .conftest import MARKUP, TOKEN, XSS


def _events(api: httpx.Client, **params: Any) -> dict[str, Any]:
    response = api.get("/events", params=params)
    assert response.status_code == 200, response.text
    EventPage.model_validate(response.json())  # the documented shape
    return response.json()


def _places(api: httpx.Client, **params: Any) -> list[str]:
    return [e["location"]["canonical"] for e in _events(api, **params)["events"]]


def test_two_outlets_reports_of_one_clash_are_one_event(api: httpx.Client) -> None:
    page = _events(api)
    assert page["total"] == 4  # Aleppo (two articles, fused), Baghdad, Gaza, Homs
    assert page["limit"] == 50 and page["offset"] == 0
    aleppo = next(e for e in page["events"] if e["location"]["canonical"] == "Aleppo")
    assert sorted(aleppo["outlets"]) == ["الجزيرة نت", "عنب بلدي"]
    assert aleppo["n_reports"] == 2


def test_newest_first_and_each_order(api: httpx.Client) -> None:
    assert _places(api) == ["Baghdad", "Aleppo", "Gaza", "Homs"]
    assert _places(api, sort="date") == ["Homs", "Gaza", "Aleppo", "Baghdad"]
    # the highest figure one source gave: 155 (never 155 + 150), then 30
    assert _places(api, sort="fatalities")[:2] == ["Aleppo", "Gaza"]
    bad = api.get("/events", params={"sort": "loudest"})
    assert bad.status_code == 422
    assert "fatalities" in bad.text  # the allowed orders are named


def test_paging_keeps_the_total(api: httpx.Client) -> None:
    first = _events(api, limit=2)
    second = _events(api, limit=2, offset=2)
    beyond = _events(api, limit=2, offset=10)
    assert first["total"] == second["total"] == beyond["total"] == 4
    assert len(first["events"]) == len(second["events"]) == 2 and beyond["events"] == []
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert len(set(ids)) == 4
    assert (first["limit"], second["offset"]) == (2, 2)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1},
                                    {"limit": "ten"}, {"offset": 10**30}])
def test_page_bounds_are_checked(api: httpx.Client, params: dict[str, Any]) -> None:
    assert api.get("/events", params=params).status_code == 422


@pytest.mark.parametrize(("params", "places"), [
    ({"type": "protest"}, ["Baghdad"]),
    ({"type": ["protest", "air_strike"]}, ["Baghdad", "Gaza"]),
    ({"modality": "asserted"}, ["Baghdad", "Aleppo", "Gaza", "Homs"]),
    ({"date_from": "2024-11"}, ["Baghdad", "Aleppo"]),
    ({"date_to": "2024-11"}, ["Aleppo", "Gaza", "Homs"]),
    ({"date_from": "2024-10-10", "date_to": "2024-10-10"}, ["Gaza"]),
    ({"date_from": "2024", "date_to": "2024"}, ["Baghdad", "Aleppo", "Gaza"]),
    ({"actor": "tahrir"}, ["Aleppo"]),
    ({"actor": "Military Forces of Syria"}, ["Aleppo", "Homs"]),
    ({"place": "bagh"}, ["Baghdad"]),
    ({"country": "SY"}, ["Aleppo", "Homs"]),
    ({"country": "Iraq"}, ["Baghdad"]),
    ({"country": "PSE"}, ["Gaza"]),
    ({"bbox": "35.5,32.3,42.4,37.4"}, ["Aleppo", "Homs"]),
    ({"bbox": "34,31,35,32"}, ["Gaza"]),
    ({"source": "observatory"}, ["Aleppo"]),
    ({"source": "Ministry of Health"}, ["Gaza"]),
    ({"outlet": "الجزيرة"}, ["Baghdad", "Aleppo"]),
    ({"outlet": "عنب"}, ["Aleppo"]),
    ({"min_fatalities": 28}, ["Aleppo", "Gaza"]),
    ({"min_fatalities": 151}, ["Aleppo"]),
    ({"min_confidence": 0.7}, ["Aleppo", "Gaza", "Homs"]),
    ({"q": "حلب"}, ["Aleppo"]),  # Arabic, in an evidence sentence
    ({"q": "Tahrir Square"}, ["Baghdad"]),  # English, in the summary
    ({"q": "50%"}, ["Baghdad"]),  # LIKE's wildcard is only a character
    ({"q": "%"}, ["Baghdad"]),
    ({"q": "_"}, []),
    ({"type": "armed_clash", "outlet": "عنب", "country": "SY", "min_fatalities": 100}, ["Aleppo"]),
])
def test_each_filter(api: httpx.Client, params: dict[str, Any], places: list[str]) -> None:
    page = _events(api, **params)
    assert _places(api, **params) == places
    assert page["total"] == len(places)


@pytest.mark.parametrize(("params", "named"), [
    ({"type": "airstrike"}, "air_strike"),
    ({"modality": "rumoured"}, "asserted"),
    ({"date_from": "30/11/2024"}, "YYYY-MM-DD"),
    ({"date_to": "2024-02-30"}, "YYYY-MM-DD"),
    ({"country": "Atlantis"}, "ISO 3166"),
    ({"bbox": "35,32,42"}, "min_lon,min_lat,max_lon,max_lat"),
    ({"bbox": "42,32,35,37"}, "minimum before maximum"),
    ({"bbox": "35,32,nan,37"}, "min_lon"),
    ({"bbox": "a,b,c,d"}, "min_lon"),
    ({"min_fatalities": -1}, "greater than or equal"),
    ({"min_confidence": 2}, "less than or equal"),
    ({"actor": "x" * 201}, "at most 200"),
])
def test_bad_filters_are_422_naming_what_is_allowed(api: httpx.Client, params: dict[str, Any],
                                                     named: str) -> None:
    response = api.get("/events", params=params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"][:2] == ["query", next(iter(params))]
    assert named in response.text


def test_unknown_type_lists_every_type(api: httpx.Client) -> None:
    message = api.get("/events", params={"type": "airstrike"}).json()["detail"][0]["msg"]
    assert all(f"'{t}'" in message for t in EVENT_TYPES)


def test_one_event_with_every_report_figure_and_span(api: httpx.Client) -> None:
    listed = _events(api, place="Aleppo")["events"][0]
    response = api.get(f"/events/{listed['id']}")
    assert response.status_code == 200
    event = response.json()
    Event.model_validate(event)
    assert event == listed
    assert sorted(r["article_id"] for r in event["reports"]) == ["aleppo-enab", "aleppo-jazeera"]
    # conflicting figures stay, each with its source and article; never added, never averaged
    figures = sorted((f["count"], f["source"], f["article_id"]) for f in event["fatalities"])
    assert figures == [(150, "Military Forces of Syria", "aleppo-jazeera"),
                       (155, "Syrian Observatory for Human Rights", "aleppo-enab")]
    assert {"Syrian Observatory for Human Rights", "Military Forces of Syria"} <= set(event["sources"])
    for span in event["evidence"]:
        article = api.get(f"/articles/{span['article_id']}").json()["article"]
        assert article["text"][span["start"]:span["end"]] == span["text"]


def test_unknown_ids_are_404(api: httpx.Client) -> None:
    for path in ("/events/F-nothing", "/articles/nothing", "/events/x'%20OR%20'1'='1"):
        response = api.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/json"
    assert api.get("/events/" + "x" * 201).status_code == 422


def test_article_with_every_layer(api: httpx.Client) -> None:
    response = api.get("/articles/gaza")
    assert response.status_code == 200
    article = response.json()
    Article.model_validate(article)
    assert set(article) >= {"article", "sentences", "mentions", "times", "numbers", "claims",
                            "events"}
    assert article["article"]["text"].startswith("قتل 27 شخصا")
    assert article["article"]["outlet"] == "العربي الجديد"
    assert [e["id"] for e in article["events"]] == ["gaza-e1"]


def test_markup_in_text_and_titles_comes_back_as_json_strings(api: httpx.Client) -> None:
    response = api.get("/articles/homs-markup")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    article = response.json()["article"]
    assert article["text"] == MARKUP and article["title"] == XSS
    event = _events(api, place="Homs")["events"][0]
    assert event["summary_en"].endswith(XSS + ".")


def test_actors_count_the_events_of_either_side(api: httpx.Client) -> None:
    response = api.get("/actors")
    assert response.status_code == 200
    page = ActorPage.model_validate(response.json())
    counts = {a.name: (a.events, a.as_actor1, a.as_actor2) for a in page.actors}
    assert counts["Military Forces of Syria"][0] == 2  # Aleppo and Homs
    assert counts["Hayat Tahrir al-Sham"][0] == 1
    assert page.total == len(counts) == 4
    assert page.actors[0].name == "Military Forces of Syria"  # most events first
    named = api.get("/actors", params={"name": "israel"}).json()
    assert [a["name"] for a in named["actors"]] == ["Military Forces of Israel"]
    in_iraq = api.get("/actors", params={"country": "IQ"}).json()
    assert [a["name"] for a in in_iraq["actors"]] == ["Protesters (Iraq)"]
    assert api.get("/actors", params={"limit": 1}).json()["total"] == 4


def test_places_with_coordinates_and_counts(api: httpx.Client) -> None:
    page = PlacePage.model_validate(api.get("/places").json())
    places = {p.name: p for p in page.places}
    assert set(places) == {"Aleppo", "Baghdad", "Gaza", "Homs"}
    assert places["Gaza"].country == "PS" and places["Gaza"].lat == pytest.approx(31.50161)
    assert places["Aleppo"].events == 1
    syrian = api.get("/places", params={"country": "Syria", "name": "hom"}).json()
    assert [p["name"] for p in syrian["places"]] == ["Homs"] and syrian["total"] == 1


def test_stats_count_what_events_lists(api: httpx.Client) -> None:
    stats = Stats.model_validate(api.get("/stats").json())
    assert stats.total == _events(api)["total"] == 4
    assert [(c.key, c.events) for c in stats.by_day] == [
        ("2023-05-02", 1), ("2024-10-10", 1), ("2024-11-30", 1), ("2024-12-01", 1)]
    assert {c.key: c.events for c in stats.by_country} == {"SY": 2, "IQ": 1, "PS": 1}
    assert stats.by_country[0].key == "SY"  # most first
    assert {c.key for c in stats.by_type} == {"armed_clash", "protest", "air_strike",
                                              "withdrawal"}
    filtered = api.get("/stats", params={"country": "SY"}).json()
    assert filtered["total"] == _events(api, country="SY")["total"] == 2
    for params in ({"q": "حلب"}, {"source": "Ministry"}, {"bbox": "34,31,45,38"},
                   {"outlet": "الجزيرة", "min_fatalities": 100}):
        assert api.get("/stats", params=params).json()["total"] == _events(api, **params)["total"]
    assert api.get("/stats", params={"type": "riot"}).json()["total"] == 0
    assert api.get("/stats", params={"date_from": "2024-13"}).status_code == 422


def test_a_read_only_server_refuses_every_write(api: httpx.Client) -> None:
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        response = api.post("/articles", json={"text": "نص"}, headers=headers)
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]
    assert api.get("/stats").json()["total"] == 4
