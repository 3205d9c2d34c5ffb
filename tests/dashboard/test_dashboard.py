"""The dashboard in Debian's Chromium against a real `hadath serve`: offline loading, the map's
markers against the API's count, filters and the brush moving map, timeline and list together,
the reader's highlighted spans, markup that stays text, and the control layer."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import handmade
from conftest import Page, Server

MARKERS_JS = """() => ({
  clustered: [...document.querySelectorAll('#map .ev-cluster')].reduce((n, e) => n + Number(e.dataset.count), 0),
  single: document.querySelectorAll('#map .ev-marker .ev-dot').length,
  areas: document.querySelectorAll('#map path.ev-area').length,
})"""
TIMELINE_JS = """() => [...document.querySelectorAll('#timeline .tl-bin')]
  .reduce((n, g) => n + Number(g.dataset.count), 0)"""
LIST_JS = "() => document.querySelectorAll('#list .event-row').length"


def only_loopback(page: Page, server: Server) -> None:
    outside = [url for url in page.requests if not url.startswith(server.url + "/")
               and not url.startswith("data:")]
    assert outside == [], f"requests left {server.url}: {outside}"
    assert page.errors == []


def located(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e.get("location") and e["location"].get("lat") is not None
            and e["location"].get("lon") is not None]


def drawn(page: Any) -> tuple[int, int, int]:
    markers = page.evaluate(MARKERS_JS)
    on_map = markers["clustered"] + markers["single"] + markers["areas"]
    return on_map, page.evaluate(TIMELINE_JS), page.evaluate(LIST_JS)


def first_day(value: str) -> dt.date:
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    return dt.date(int(year), int(month), int(day))


def last_day(value: str) -> dt.date:
    parts = value.split("-")
    if len(parts) == 3:
        return first_day(value)
    if len(parts) == 2:
        start = first_day(value)
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return dt.date(int(value), 12, 31)


def test_page_loads_with_every_request_on_loopback(page: Page, pipeline_server: Server,
                                                   screenshots: Any) -> None:
    tab = page.open(pipeline_server.url + "/")
    assert tab.title() == "hadath — events"
    # The basemap, the libraries and the events all came from this server.
    paths = {urlsplit(url).path for url in page.requests}
    assert {"/geo/basemap.geojson", "/vendor/leaflet/leaflet.js", "/js/app.js", "/events"} <= paths
    assert tab.locator(".leaflet-basemap-pane path").count() > 10  # land, lakes, borders
    tab.screenshot(path=str(screenshots / "overview.png"))
    print("screenshot:", screenshots / "overview.png")
    only_loopback(page, pipeline_server)


def test_markers_list_and_timeline_equal_the_apis_count(page: Page, pipeline_server: Server) -> None:
    events = pipeline_server.all_events()
    tab = page.open(pipeline_server.url + "/")
    on_map, on_timeline, in_list = drawn(tab)
    assert on_map == len(located(events))
    assert on_timeline == len(events)  # every stored event has a date
    assert in_list == len(events)
    assert int(tab.get_attribute("[data-testid=list-count]", "data-count")) == len(events)
    # Governorate-level events are areas, never a town's dot.
    regional = [e for e in located(events) if e["location"]["geo_precision"] == 3]
    assert regional, [e["location"] for e in located(events)][:5]
    assert tab.locator("#map path.ev-area").count() == len(regional)
    only_loopback(page, pipeline_server)


def test_a_filter_changes_map_timeline_and_list_together(page: Page, pipeline_server: Server) -> None:
    everything = pipeline_server.all_events()
    clashes = pipeline_server.all_events("type=armed_clash")
    assert 0 < len(clashes) < len(everything)
    tab = page.open(pipeline_server.url + "/")
    before = drawn(tab)
    tab.click("#types-summary")
    tab.check("#filter-types input[value=armed_clash]")
    page.wait_ready()
    after = drawn(tab)
    assert after == (len(located(clashes)), len(clashes), len(clashes))
    assert all(a < b for a, b in zip(after, before, strict=True))
    assert parse_qs(urlsplit(tab.url).query)["type"] == ["armed_clash"]
    assert tab.locator("#timeline rect.tl-bar:not([data-type=armed_clash])").count() == 0
    # The URL keeps the view: a reload shows the same.
    page.open(tab.url)
    assert drawn(tab) == after
    assert tab.is_checked("#filter-types input[value=armed_clash]")
    # Free text in Arabic, with the type still ticked: the API's answer and the page agree.
    aleppo = pipeline_server.all_events("type=armed_clash&q=%D8%AD%D9%84%D8%A8")
    assert 0 < len(aleppo) < len(clashes)
    tab.fill("input[name=q]", "حلب")
    tab.press("input[name=q]", "Enter")
    page.wait_ready()
    assert drawn(tab) == (len(located(aleppo)), len(aleppo), len(aleppo))
    # A modality too: only the clashes a party claims.
    claimed = pipeline_server.all_events("type=armed_clash&modality=claimed&q=%D8%AD%D9%84%D8%A8")
    tab.click("#modalities-summary")
    tab.check("#filter-modalities input[value=claimed]")
    page.wait_ready()
    assert drawn(tab) == (len(located(claimed)), len(claimed), len(claimed))
    assert tab.locator("#list .event-row .badge:not(.modality-claimed)").count() == 0
    only_loopback(page, pipeline_server)


def test_the_brush_narrows_map_and_list_to_its_days(page: Page, pipeline_server: Server) -> None:
    query = "date_from=2015-01-01&date_to=2015-12-31"
    events = pipeline_server.all_events(query)
    tab = page.open(f"{pipeline_server.url}/?{query}")
    box = tab.locator("#timeline .brush-overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    tab.mouse.move(box["x"] + box["width"] * 0.55, y)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    tab.mouse.up()
    brush = parse_qs(urlsplit(tab.url).query)["brush"][0].split(",")
    start, end = dt.date.fromisoformat(brush[0]), dt.date.fromisoformat(brush[1])
    inside = [e for e in events if first_day(e["date"]) <= end
              and last_day(e.get("date_end") or e["date"]) >= start]
    assert 0 < len(inside) < len(events)
    on_map, on_timeline, in_list = drawn(tab)
    assert (on_map, in_list) == (len(located(inside)), len(inside))
    assert on_timeline == len(events)  # the timeline keeps the whole range, dimmed outside
    assert tab.locator("#timeline .tl-bin.dim").count() > 0
    page.open(tab.url)  # the brush survives a reload
    assert drawn(tab) == (on_map, on_timeline, in_list)
    only_loopback(page, pipeline_server)


def test_an_event_opens_the_reader_with_its_spans(page: Page, pipeline_server: Server,
                                                  screenshots: Any) -> None:
    events = pipeline_server.all_events("type=armed_clash&place=Aleppo")
    event = next(e for e in events if len(e["fatalities"]) >= 2)
    article_id = event["reports"][0]["article_id"]
    article = pipeline_server.get(f"/articles/{article_id}")
    text = article["article"]["text"]
    tab = page.open(pipeline_server.url + "/?type=armed_clash&place=Aleppo")
    tab.click(f"#list .event-row[data-event-id='{event['id']}']")
    tab.wait_for_selector("#reader .article-text .selected-event")
    # The reader's text is the article's, piece by piece at the API's offsets.
    pieces = tab.eval_on_selector_all("#reader .article-text > span",
                                      "ns => ns.map(n => [Number(n.dataset.start), Number(n.dataset.end), n.textContent])")
    assert "".join(p[2] for p in pieces) == text
    assert all(text[s:e] == piece for s, e, piece in pieces)
    for layer in ("actor", "place", "time", "number", "claim", "event"):
        assert tab.locator(f"#reader .article-text .hl-{layer}").count() > 0, layer
    evidence = [(ev["start"], ev["end"]) for r in event["reports"] for ev in r["evidence"]
                if ev["article_id"] == article_id]
    selected = [p for p, cls in zip(pieces, tab.eval_on_selector_all(
        "#reader .article-text > span", "ns => ns.map(n => n.classList.contains('selected-event'))"), strict=True) if cls]
    assert selected and all(any(a <= s and e <= b for a, b in evidence) for s, e, _ in selected)
    # Figures side by side, each with its source.
    cards = tab.locator(".figure-row[data-figure=fatalities] .figure")
    assert cards.count() == len(event["fatalities"])
    for figure in event["fatalities"]:
        card = tab.locator(f".figure-row[data-figure=fatalities] .figure[data-count='{figure['count']}']").first
        assert f"according to {figure['source']}" in card.inner_text()
    # Clicking a figure flashes the number it was read from.
    figure = event["fatalities"][0]
    tab.click(f".figure[data-count='{figure['count']}'] button.field")
    start = int(tab.get_attribute("#reader .article-text", "data-flash-start"))
    end = int(tab.get_attribute("#reader .article-text", "data-flash-end"))
    assert any(n["start"] == start and n["end"] == end and n["value"] == figure["count"]
               for n in article["numbers"])
    flashed = "".join(tab.eval_on_selector_all("#reader .flash", "ns => ns.map(n => n.textContent)"))
    assert flashed == text[start:end]
    # Clicking actor 1 flashes a mention of that actor.
    tab.click(".facts dd .actor button.field >> nth=0")
    start = int(tab.get_attribute("#reader .article-text", "data-flash-start"))
    end = int(tab.get_attribute("#reader .article-text", "data-flash-end"))
    assert any(m["start"] == start and m["end"] == end and m["canonical"] == event["actor1"]["canonical"]
               for m in article["mentions"])
    # Right to left, in the shipped Arabic font.
    reader = tab.locator("#reader .article-text")
    assert reader.get_attribute("dir") == "rtl"
    assert "Amiri" in reader.evaluate("n => getComputedStyle(n).fontFamily")
    assert tab.evaluate("document.fonts.check('19px Amiri')")
    assert any(urlsplit(u).path == "/fonts/Amiri-Regular.ttf" for u in page.requests)
    tab.screenshot(path=str(screenshots / "reader.png"))
    print("screenshot:", screenshots / "reader.png")
    # A span of another event of this article opens that event.
    other = next(e for e in events if e["id"] != event["id"]
                 and any(r["article_id"] == article_id for r in e["reports"]))
    report_id = next(r["event_id"] for r in other["reports"] if r["article_id"] == article_id)
    tab.click(f"#reader .article-text span[data-events~='{report_id}'] >> nth=0")
    tab.wait_for_selector(f"#list .event-row.selected[data-event-id='{other['id']}']")
    assert parse_qs(urlsplit(tab.url).query)["event"] == [other["id"]]
    assert other["summary_en"] in tab.inner_text("#panel .summary")
    only_loopback(page, pipeline_server)


def test_markup_in_an_article_stays_text(page: Page, handmade_server: Server, screenshots: Any) -> None:
    dialogs: list[str] = []
    tab = page.page
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.open(handmade_server.url + "/")
    event = next(e for e in handmade_server.all_events() if e["type"] == "armed_clash")
    row = tab.locator(f"#list .event-row[data-event-id='{event['id']}']")
    assert handmade.MARKUP["actor"] in row.inner_text()
    row.click()
    tab.wait_for_selector("#reader .article-text .selected-event")
    tab.hover(f"#map .ev-dot[data-event-id='{event['id']}']")
    tab.wait_for_selector(".leaflet-tooltip")
    assert handmade.MARKUP["summary"] in tab.inner_text(".leaflet-tooltip")
    tab.click(".facts dd .actor button.field >> nth=0")
    reader_text = tab.inner_text("#reader .article-text")
    for key in ("text_script", "text_img", "actor"):
        assert handmade.MARKUP[key] in reader_text
    assert handmade.MARKUP["title"] in tab.inner_text("#reader .reader-title")
    panel = tab.inner_text("#panel")
    for key in ("summary", "source", "outlet", "actor"):
        assert handmade.MARKUP[key] in panel
    assert tab.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    assert tab.locator("img[src=x], iframe, svg[onload], b[onmouseover]").count() == 0
    assert tab.locator("script").count() == 3  # Leaflet, the cluster plugin and the app
    # A javascript: address is no link.
    assert tab.locator("a[href^='javascript']").count() == 0
    tab.screenshot(path=str(screenshots / "markup.png"))
    print("screenshot:", screenshots / "markup.png")
    only_loopback(page, handmade_server)


def control_state(tab: Any) -> dict[str, tuple[str, str]]:
    items = tab.eval_on_selector_all(
        "#list .control-place", "ns => ns.map(n => [n.dataset.place, n.dataset.holder, n.dataset.modality])")
    return {place: (holder, modality) for place, holder, modality in items}


def map_marks(tab: Any) -> dict[str, tuple[str, str]]:
    items = tab.eval_on_selector_all(
        "#map .control-mark", "ns => ns.map(n => [n.dataset.place, n.dataset.holder, n.className])")
    return {place: (holder, re.search(r"control-(asserted|claimed|unknown)", cls).group(1))
            for place, holder, cls in items}


def test_the_control_layer_shows_who_holds_each_place(page: Page, handmade_server: Server,
                                                      screenshots: Any) -> None:
    expected = handmade.EXPECTED_CONTROL
    tab = page.open(handmade_server.url + "/?view=control")
    # On the last day: Saraqib was retaken according to the army alone, so it is a claim.
    last = {place: days[max(days)] for place, days in expected.items()}
    assert control_state(tab) == last
    assert map_marks(tab) == {place: hm for place, hm in last.items()}
    assert tab.inner_text("[data-testid=control-day]").endswith("2024-12-02")
    assert "last asserted: Hayat Tahrir al-Sham (2024-11-28)" in tab.inner_text(
        "#list .control-place[data-place=Saraqib]")
    tab.screenshot(path=str(screenshots / "control.png"))
    print("screenshot:", screenshots / "control.png")
    # The slider goes back in time, and the URL keeps the day.
    slider = tab.locator("[data-testid=control-slider]")
    slider.focus()
    tab.keyboard.press("Home")
    assert parse_qs(urlsplit(tab.url).query)["at"] == ["2024-11-28"]
    assert control_state(tab) == {"Saraqib": ("Hayat Tahrir al-Sham", "asserted"),
                                  "Maarat al-Numan": ("", "")}
    assert map_marks(tab)["Saraqib"] == ("Hayat Tahrir al-Sham", "asserted")
    assert map_marks(tab)["Maarat al-Numan"] == ("", "unknown")
    tab.keyboard.press("ArrowRight")
    assert control_state(tab)["Maarat al-Numan"] == ("Hayat Tahrir al-Sham", "claimed")
    page.open(handmade_server.url + "/?view=control&at=2024-11-29")
    assert map_marks(tab) == {"Saraqib": ("Hayat Tahrir al-Sham", "asserted"),
                              "Maarat al-Numan": ("Hayat Tahrir al-Sham", "claimed")}
    only_loopback(page, handmade_server)
