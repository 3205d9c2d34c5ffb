"""Fusion in the store: later articles fuse into stored events, saving again changes nothing,
a fused event keeps its id, a re-extracted article updates its reports, a fused event without
reports disappears, one whose reports split regroups deterministically, and a wire copy adds
an outlet and a report. Real article text through the events stage, and hand-made records."""
from pathlib import Path
from typing import Any

from event_articles import article as text_article
from hand_records import event, killed
from sqlalchemy.event import listen, remove

from hadath.events import extract_events
from hadath.ingest import Deduplicator, IngestDefaults, read_one
from hadath.pipeline import process
from hadath.record import Article, ArticleMeta
from hadath.store.db import Store

# "The Syrian Observatory said 12 civilians were killed in Russian air strikes on Aleppo today,
# Saturday." / "A medical source reported 15 civilians killed in an air raid on Aleppo
# yesterday." (published the day after)
OBSERVATORY = "قال المرصد السوري إن 12 مدنيا قتلوا في غارات جوية روسية على حلب اليوم السبت."
MEDICAL = "أفاد مصدر طبي بمقتل 15 مدنيا في قصف جوي استهدف حلب أمس."


def real(article_id: str, text: str, published: str, outlet: str) -> Article:
    built = text_article(text, published, outlet)
    built.article.id = article_id
    built.events = extract_events(built)
    for record in built.events:
        for ev in record["evidence"]:
            ev["article_id"] = article_id
    return built


def made(article_id: str, *records: dict[str, Any], outlet: str = "enabbaladi.net",
         published: str = "2024-11-30", duplicate_of: str | None = None) -> Article:
    meta = ArticleMeta(id=article_id, text=f"نص {article_id}", outlet=outlet, published=published,
                       url=f"https://{outlet}/{article_id}", duplicate_of=duplicate_of)
    return Article(meta, events=list(records))


def snapshot(store: Store) -> list[dict[str, Any]]:
    return store.events(sort="date")


def test_two_outlets_one_strike(store: Store) -> None:
    store.save(real("obs", OBSERVATORY, "2024-11-30", "العرب"))
    [first] = store.events()
    store.save(real("med", MEDICAL, "2024-12-01", "الجزيرة نت"))
    [fused] = store.events()
    assert fused["id"] == first["id"]  # the event keeps its id when a report joins it
    assert fused["type"] == "air_strike" and fused["location"]["canonical"] == "Aleppo"
    assert fused["date"] == "2024-11-30"  # "yesterday" of the 1st is the day of the strike
    assert fused["outlets"] == ["العرب", "الجزيرة نت"] and fused["n_reports"] == 2
    assert sorted((f["count"], f["article_id"]) for f in fused["fatalities"]) == [(12, "obs"), (15, "med")]
    assert fused["fatalities_best"] == 12
    assert (fused["first_reported"], fused["last_reported"]) == ("2024-11-30", "2024-12-01")
    assert {ev["article_id"] for ev in fused["evidence"]} == {"obs", "med"}
    assert store.count_events(outlet="الجزيرة") == 1 and store.count_events(source="العرب") == 1


def test_saving_again_changes_nothing(store: Store) -> None:
    articles = [made("a", event("a-1")), made("b", event("b-1"), outlet="sana.sy"),
                made("c", event("c-1", date="2024-11-29"), outlet="alquds.co.uk")]
    for built in articles:
        store.save(built)
    before, counts = snapshot(store), store.counts()
    for built in articles[::-1]:
        store.save(built)
    assert snapshot(store) == before and store.counts() == counts
    assert counts["fused_events"] == 1 and before[0]["n_reports"] == 3


def test_a_reextracted_article_updates_its_reports(store: Store) -> None:
    store.save(made("a", event("a-1", fatalities=[killed(5, "SOHR", "a")])))
    store.save(made("b", event("b-1"), outlet="sana.sy"))
    [fused] = store.events()
    # the same article, extracted again with another figure: its report changes in place
    store.save(made("a", event("a-1", fatalities=[killed(7, "SOHR", "a")])))
    [again] = store.events()
    assert again["id"] == fused["id"] and again["n_reports"] == 2
    assert [f["count"] for f in again["fatalities"]] == [7]
    # extracted again with the strike in Taiz: it leaves the Aleppo event for one of its own
    store.save(made("a", event("a-1", place="Taiz")))
    events = {e["location"]["canonical"]: e for e in store.events()}
    assert set(events) == {"Aleppo", "Taiz"}
    assert events["Aleppo"]["id"] == fused["id"]
    assert [r["article_id"] for r in events["Aleppo"]["reports"]] == ["b"]
    assert store.counts()["events"] == 2  # reports: no duplicate


def test_an_event_left_without_reports_disappears(store: Store) -> None:
    store.save(made("a", event("a-1"), event("a-2", "protest", place="Idlib", actor1=None)))
    assert store.count_events() == 2
    store.save(made("a", event("a-2", "protest", place="Idlib", actor1=None)))
    [left] = store.events()
    assert left["type"] == "protest" and store.counts()["fused_events"] == 1
    store.save(made("a"))
    assert store.events() == [] and store.counts()["fused_events"] == 0


def test_reports_that_no_longer_hold_together_split_deterministically(store: Store) -> None:
    # the 29th and the 31st are one event only through the report of the 30th
    store.save(made("a", event("a-1", date="2024-11-29"), published="2024-11-29"))
    store.save(made("b", event("b-1", date="2024-11-30"), published="2024-11-30"))
    store.save(made("c", event("c-1", date="2024-12-01"), published="2024-12-01"))
    [whole] = store.events()
    assert whole["n_reports"] == 3
    store.save(made("b", published="2024-11-30"))  # re-extracted: no event any more
    parts = store.events(sort="date")
    assert [[r["article_id"] for r in e["reports"]] for e in parts] == [["a"], ["c"]]
    assert parts[0]["id"] == whole["id"]  # the group with the earliest report keeps the id


def test_a_wire_copy_adds_an_outlet_and_a_report(store: Store) -> None:
    store.save(made("a", event("a-1", fatalities=[killed(12, "SOHR", "a")])))
    [original] = store.events()
    store.save(made("c", outlet="alquds.co.uk", published="2024-11-30T12:00", duplicate_of="a"))
    [fused] = store.events()
    assert fused["id"] == original["id"] and store.counts()["fused_events"] == 1
    assert fused["outlets"] == ["enabbaladi.net", "alquds.co.uk"] and fused["n_reports"] == 2
    assert fused["reports"][1]["copy_of"] == "a-1" and len(fused["fatalities"]) == 1
    assert store.article("c").events == []  # the copy's own record has no events
    # the original re-extracted: the copy follows its new report
    store.save(made("a", event("a-1", place="Taiz")))
    [moved] = store.events()
    assert moved["location"]["canonical"] == "Taiz" and moved["n_reports"] == 2
    assert store.counts()["events"] == 2


def test_statements_fuse_only_with_the_same_speaker(store: Store) -> None:
    store.save(made("a", event("a-1", "accuse", place="Syria", actor1="Government of Russia")))
    store.save(made("b", event("b-1", "accuse", place="Syria", actor1="Government of Russia"),
                    outlet="sana.sy"))
    store.save(made("c", event("c-1", "accuse", place="Syria", actor1="Government of Turkey"),
                    outlet="sana.sy"))
    assert sorted(e["n_reports"] for e in store.events()) == [1, 2]


SEED = Path(__file__).resolve().parents[2] / "examples" / "aleppo_2024-11-30.txt"


def _seed_as(outlet: str) -> ArticleMeta:
    [meta] = read_one(SEED, IngestDefaults(published="2024-11-30"))
    assert isinstance(meta, ArticleMeta)
    meta.outlet, meta.id = outlet, f"seed-{outlet}"
    return meta


def test_the_seed_article_twice_one_event_each(store: Store) -> None:
    """The example article (17 events) published again by a second outlet: as a wire copy
    found by deduplication, and as an undetected copy extracted again — its reports fuse
    with their twins one for one, and nothing else changes."""
    original, again = _seed_as("العرب"), _seed_as("syndication.example")
    store.save(process(original, tagger=False))
    alone = store.events()
    assert len(alone) == 17 and all(e["n_reports"] == 1 for e in alone)
    dedup = Deduplicator()
    dedup.check(original)
    copy = _seed_as("wire.example")
    copy.id = "seed-copy"
    assert dedup.check(copy) == original.id
    copy.duplicate_of = original.id
    store.save(process(copy, tagger=False))
    store.save(process(again, tagger=False))
    fused = store.events()
    assert [e["id"] for e in fused] == [e["id"] for e in alone]
    assert all(e["n_reports"] == 3 and e["n_outlets"] == 3 for e in fused)
    assert all(len(e["fatalities"]) == 2 * len(a["fatalities"]) for e, a in zip(fused, alone))
    assert store.counts()["fused_events"] == 17


def test_saving_reads_through_indexes(tmp_path: Path) -> None:
    """Every statement a save runs finds its rows through an index (SQLite's plan says SEARCH,
    never SCAN of a table): the cost of fusing an article does not grow with the store."""
    store = Store(str(tmp_path / "plans.db"))
    for n in range(3):
        store.save(made(f"s{n}", event(f"s{n}-1", date=f"2024-11-2{n}")))
    statements: list[tuple[str, Any]] = []

    def remember(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                 executemany: bool) -> None:
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
            statements.append((statement, parameters))

    listen(store.engine, "before_cursor_execute", remember)
    store.save(made("a", event("a-1"), event("a-2", "protest", place="Idlib", actor1=None)))
    store.save(made("c", outlet="alquds.co.uk", duplicate_of="a"))
    store.save(made("a", event("a-1", place="Taiz")))
    remove(store.engine, "before_cursor_execute", remember)
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for statement, parameters in statements:
            plan = [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            scans = [step for step in plan if step.startswith("SCAN")]
            assert not scans, (statement, plan)
    store.close()


def test_compatible_fused_events_merge_and_old_ids_resolve(store: Store) -> None:
    # one article tells one bombing twice, on the 30th and (extraction's reading of "أمس" in
    # an update) the 1st: two reports of one type, which alone would found two events
    import hashlib

    split = made("a", event("a-1", "explosion", actor1="Islamic State"),
                 event("a-2", "explosion", actor1=None, date="2024-12-01"),
                 published="2024-12-01T08:00")
    store.save(split)
    [merged] = store.events()
    assert merged["n_reports"] == 2 and merged["id"] == "F-" + hashlib.sha1(b"a-1").hexdigest()[:14]
    # the second report's event was absorbed: its id resolves to the merged one
    absorbed = "F-" + hashlib.sha1(b"a-2").hexdigest()[:14]
    assert store.event(absorbed)["id"] == merged["id"]
    # another outlet's report (the police as actor 1: the victims) joins it; saving again
    # changes nothing
    store.save(made("b", event("b-1", "explosion", actor1="Police Forces of Saudi Arabia"),
                    outlet="sana.sy", published="2024-12-01T09:00"))
    before = snapshot(store)
    assert len(before) == 1 and before[0]["n_reports"] == 3
    store.save(split)
    assert snapshot(store) == before


def test_events_of_one_place_and_type_a_day_apart_do_not_drift(store: Store) -> None:
    # the 29th and the 1st are two events; a report of the 30th joins one, and the other does
    # not follow it across two days
    store.save(made("a", event("a-1", "explosion", date="2024-11-29"), published="2024-11-29"))
    store.save(made("c", event("c-1", "explosion", date="2024-12-01"), published="2024-12-01"))
    store.save(made("b", event("b-1", "explosion"), published="2024-12-02"))
    assert sorted(e["n_reports"] for e in store.events()) == [1, 2]


def test_a_near_duplicate_keeps_its_own_figures(store: Store) -> None:
    # the Ministry's update (12 killed) and its first statement as another outlet ran it (10):
    # a near duplicate is extracted, and its figure joins the event with its own outlet
    store.save(made("a", event("a-1", "explosion", fatalities=[killed(12, "Ministry of Interior", "a")]),
                    outlet="alriyadh"))
    store.save(made("n", event("n-1", "explosion", fatalities=[killed(10, "Ministry of Interior", "n")]),
                    outlet="alweeam", published="2024-11-30T12:00", duplicate_of="a"))
    [fused] = store.events()
    assert sorted((f["count"], f["article_id"], f["outlet"]) for f in fused["fatalities"]) == [
        (10, "n", "alweeam"), (12, "a", "alriyadh")]
    assert not any(r.get("copy_of") for r in fused["reports"])
    # an identical text's reports are its original's: it adds a copy report, not its own
    original = store.article("a")
    same = Article(ArticleMeta(id="i", text=original.article.text, outlet="okaz",
                               published="2024-11-30T13:00", duplicate_of="a"),
                   events=[event("i-1", "explosion", fatalities=[killed(12, "Ministry of Interior", "i")])])
    store.save(same)
    [fused] = store.events()
    assert [r["copy_of"] for r in fused["reports"] if r["article_id"] == "i"] == ["a-1"]
    assert len(fused["fatalities"]) == 2
