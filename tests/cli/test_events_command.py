"""`hadath events` as an analyst uses it: checked filters, the filters and orders an analyst
expects, a table that fits the terminal, evidence that names its report, and one row per
fused event with its outlets and reports."""
import json
import os
from pathlib import Path

import pytest
from hadath_cli import EXAMPLE, run_hadath

from hadath.vocabulary import EVENT_TYPES, MODALITIES


@pytest.mark.parametrize(("option", "value", "allowed"), [
    ("--type", "airstrike", "'air_strike'"),
    ("--modality", "bogus", "'asserted', 'claimed', 'denied', 'planned', 'conditional', 'historical'"),
    ("--from", "30/11/2024", "YYYY-MM-DD"),
    ("--to", "2024-02-30", "YYYY-MM-DD"),
    ("--country", "Narnia", "ISO 3166 code"),
    ("--sort", "newest", "'-date', 'date', 'fatalities', 'confidence'"),
])
def test_a_wrong_filter_is_an_error_not_an_empty_store(
        example_store: str, option: str, value: str, allowed: str) -> None:
    result = run_hadath("events", "--db", example_store, option, value)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"hadath: error: Invalid value for '{option}': ")
    assert allowed in result.stderr


def test_help_lists_the_types_and_modalities() -> None:
    result = run_hadath("events", "--help", env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0
    flat = " ".join(result.stdout.split())
    for value in EVENT_TYPES + MODALITIES:
        assert value in flat
    for option in ("--actor", "--country", "--place", "--outlet", "--min-fatalities",
                   "--min-confidence", "--text", "--sort", "--wide"):
        assert option in flat


def _listed(db: str, *args: str) -> list[dict]:
    result = run_hadath("events", "--db", db, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_newest_first_unless_told_otherwise(example_store: str) -> None:
    dates = [e["date"] for e in _listed(example_store)]
    assert dates == sorted(dates, reverse=True) and dates[-2:] == ["2020-03", "2016"]
    oldest = [e["date"] for e in _listed(example_store, "--sort", "date")]
    assert oldest == sorted(dates) and oldest[0] == "2016"
    assert [e["date"] for e in _listed(example_store, "--limit", "1")] == ["2024-11-30"]
    most_killed = _listed(example_store, "--sort", "fatalities", "--limit", "2")
    assert [max(f["count"] for f in e["fatalities"]) for e in most_killed] == [200, 155]
    confidence = [e["confidence"] for e in _listed(example_store, "--sort", "confidence")]
    assert confidence == sorted(confidence, reverse=True)


def test_the_filters_an_analyst_expects(example_store: str) -> None:
    def types(*args: str) -> set[str]:
        return {e["type"] for e in _listed(example_store, *args)}

    assert types("--type", "armed_clash", "--min-fatalities", "150") == {"armed_clash"}
    assert len(_listed(example_store, "--min-fatalities", "150")) == 2  # 200 (Russia), 155 (SOHR)
    assert types("--actor", "kurdish") == {"threaten"}
    assert types("--place", "Khmeimim") == {"military_aid"}
    assert types("--text", "حميميم") == {"military_aid"}  # the Arabic evidence sentence
    everything = _listed(example_store)
    assert _listed(example_store, "--country", "Syria") == _listed(example_store, "--country", "SY")
    assert len(_listed(example_store, "--country", "SYR")) == len(everything) - 1  # one has no place
    assert _listed(example_store, "--outlet", "العرب") == everything
    assert _listed(example_store, "--outlet", "Reuters") == []
    assert all(e["confidence"] >= 0.8 for e in _listed(example_store, "--min-confidence", "0.8"))
    assert types("--modality", "historical", "--to", "2020") == {"territory_regained", "agreement"}
    assert types("--from", "2024-11", "--to", "2024-11-29") == {"armed_clash"}


def test_the_table_fits_the_terminal(example_store: str) -> None:
    for width in (80, 100, 160):
        result = run_hadath("events", "--db", example_store,
                            env={**os.environ, "COLUMNS": str(width)})
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= width
        header = " ".join(lines[:4])
        assert "outlet" in header and "reports" in header
        assert "17 events, newest first" in lines[0]
    # one row per event at full width, with the id and sources, however narrow the terminal
    wide = run_hadath("events", "--db", example_store, "--wide", "--type", "armed_clash",
                      "--min-fatalities", "150", env={**os.environ, "COLUMNS": "80"})
    lines = wide.stdout.splitlines()
    assert max(len(line) for line in lines) > 80
    assert lines[1].split()[:2] == ["id", "date"] and "sources" in lines[1]
    rows = [line for line in lines[3:] if line.strip()]
    assert len(rows) == 2
    assert "Syrian Observatory for Human Rights" in " ".join(rows)


def test_evidence_names_outlet_url_title_and_time(example_store: str) -> None:
    extracted = run_hadath("extract", str(EXAMPLE), "--published", "2024-11-30",
                           "--url", "https://alarab.example/aleppo")
    listed = _listed(example_store)
    for events in (json.loads(extracted.stdout)["events"], listed):
        for evidence in (ev for event in events for ev in event["evidence"]):
            assert evidence["outlet"] == "العرب"
            assert evidence["title"].endswith("الجيش السوري يعترف بالانسحاب من حلب")
            assert evidence["published"] == "2024-11-30"
    extracted_evidence = json.loads(extracted.stdout)["events"][0]["evidence"][0]
    assert extracted_evidence["url"] == "https://alarab.example/aleppo"
    assert {"article_id", "sentence", "start", "end", "text"} <= set(extracted_evidence)


# Two outlets report one Russian air strike on Aleppo, with different death tolls: "the Syrian
# Observatory said 12 civilians were killed in Russian air strikes on the city of Aleppo today,
# Saturday" / "a medical source in Aleppo reported 15 civilians killed in a Russian air raid on
# the city's districts yesterday" (published the next day).
TWO_OUTLETS = [
    {"url": "https://enabbaladi.example/1", "outlet": "عنب بلدي", "title": "غارات روسية على حلب",
     "published": "2024-11-30",
     "text": "غارات روسية على حلب\n\nقال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في غارات "
             "جوية روسية على مدينة حلب اليوم السبت."},
    {"url": "https://aljazeera.example/2", "outlet": "الجزيرة نت",
     "title": "قتلى مدنيون في قصف جوي على حلب", "published": "2024-12-01",
     "text": "قتلى مدنيون في قصف جوي على حلب\n\nأفاد مصدر طبي في حلب بمقتل 15 مدنيا في قصف جوي "
             "روسي استهدف أحياء المدينة أمس."},
]


def test_reports_of_one_event_from_two_outlets_are_one_row(tmp_path: Path) -> None:
    articles = tmp_path / "two.jsonl"
    articles.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in TWO_OUTLETS),
                        encoding="utf-8")
    db = str(tmp_path / "events.db")
    assert run_hadath("run", str(articles), "--db", db).returncode == 0
    [event] = _listed(db)
    assert event["type"] == "air_strike" and event["date"] == "2024-11-30"
    assert event["n_reports"] == 2 and event["outlets"] == ["عنب بلدي", "الجزيرة نت"]
    assert sorted(f["count"] for f in event["fatalities"]) == [12, 15]  # both kept, not added
    assert event["fatalities_best"] == 12
    table = run_hadath("events", "--db", db, env={**os.environ, "COLUMNS": "160"}).stdout
    header, row = (line for line in table.splitlines()[1:] if line.strip() and "─" not in line)
    assert header.split()[-2:] == ["outlets", "reports"]
    assert "عنب بلدي, الجزيرة نت" in row and row.split()[-1] == "2"
    # the same filters find it through either report
    assert len(_listed(db, "--outlet", "الجزيرة")) == len(_listed(db, "--source", "Observatory")) == 1
    assert len(_listed(db, "--text", "أحياء المدينة")) == 1
    assert len(_listed(db, "--bbox", "36.9,36.0,37.4,36.4")) == 1
    assert _listed(db, "--bbox", "44.0,33.0,45.0,34.0") == []


def test_a_box_that_is_not_four_numbers_is_an_error(example_store: str) -> None:
    result = run_hadath("events", "--db", example_store, "--bbox", "36,35,37")
    assert result.returncode == 2 and "min_lon,min_lat,max_lon,max_lat" in result.stderr
