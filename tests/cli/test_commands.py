"""The command line end to end: extract, run (twice: nothing changes), events, bad inputs."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aleppo_2024-11-30.txt"


def hadath(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hadath", *args],
        capture_output=True, text=True, cwd=cwd, timeout=300, check=False,
    )


def test_extract_prints_the_article_record() -> None:
    result = hadath("extract", str(EXAMPLE), "--published", "2024-11-30", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"article", "sentences", "mentions", "times", "numbers", "claims", "events"}
    article = data["article"]
    assert article["title"].endswith("الجيش السوري يعترف بالانسحاب من حلب")
    assert article["published"].startswith("2024-11-30")
    assert "زر الذهاب إلى الأعلى" not in article["text"]
    text = article["text"]
    for layer in ("sentences", "mentions", "times", "numbers", "claims"):
        for span in data[layer]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            if "surface" in span:
                assert text[span["start"] : span["end"]] == span["surface"]
    for event in data["events"]:
        for evidence in event["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_extract_jsonl_keeps_input_ids(tmp_path: Path) -> None:
    lines = [
        {"id": "n-1", "url": "https://example.org/1", "outlet": "مثال", "title": "قصف على حلب",
         "published": "2024-11-30", "text": "قصف على حلب\n\nقتل خمسة مدنيين في قصف على مدينة حلب أمس."},
        {"id": "n-2", "title": "احتجاجات في بغداد", "published": "2024-12-01",
         "text": "احتجاجات في بغداد\n\nتظاهر مئات الأشخاص في ساحة التحرير وسط بغداد اليوم."},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = hadath("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["id"] for r in records] == ["n-1", "n-2"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("english.txt", b"The quick brown fox jumps over the lazy dog. " * 20),
        ("image.txt", bytes(range(256)) * 40),
    ],
)
def test_extract_bad_input_is_one_line_and_non_zero(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = hadath("extract", str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_run_is_idempotent_and_reports_bad_inputs(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "seed.txt").write_bytes(EXAMPLE.read_bytes())
    (inputs / "english.txt").write_text("Nothing in Arabic here at all. " * 20)
    db = str(tmp_path / "events.db")
    first = hadath("run", str(inputs), "--db", db, "--published", "2024-11-30")
    assert first.returncode == 0, first.stderr
    assert "english.txt" in first.stdout
    events_1 = hadath("events", "--db", db, "--format", "json")
    second = hadath("run", str(inputs), "--db", db, "--published", "2024-11-30")
    assert second.returncode == 0, second.stderr
    assert "unchanged" in second.stdout
    events_2 = hadath("events", "--db", db, "--format", "json")
    assert json.loads(events_1.stdout) == json.loads(events_2.stdout)
    table = hadath("events", "--db", db)
    assert table.returncode == 0


def test_events_without_a_store_is_a_clear_error(tmp_path: Path) -> None:
    result = hadath("events", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert "no store" in result.stderr


def test_run_marks_a_copy_as_duplicate_and_resumes(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes(EXAMPLE.read_bytes())
    db = str(tmp_path / "events.db")
    assert hadath("run", str(inputs), "--db", db, "--published", "2024-11-30").returncode == 0
    # a second crawl brings the same page again under another name, and one new input
    (inputs / "b_copy.txt").write_bytes(EXAMPLE.read_bytes())
    result = hadath("run", str(inputs), "--db", db, "--published", "2024-11-30")
    assert result.returncode == 0, result.stderr
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip()
            for line in result.stdout.splitlines() if line.count("│") == 3}
    assert rows["unchanged"] == "1"
    assert rows["duplicate"] == "1"
    assert rows["new"] == "0"


def test_no_tagger_leaves_out_tagger_mentions_only() -> None:
    args = ("extract", str(EXAMPLE), "--published", "2024-11-30")
    with_tagger = json.loads(hadath(*args).stdout)
    without = json.loads(hadath(*args, "--no-tagger").stdout)
    assert all(m["source"] != "tagger" for m in without["mentions"])
    gazetteer = [m for m in with_tagger["mentions"] if m["source"] != "tagger"]
    assert without["mentions"] == gazetteer


def test_accurate_tagger_changes_only_tagger_mentions(tmp_path: Path) -> None:
    # "Spokesman Jean-Luc Marbeau said in Lyon that the company would close." (no list has him)
    page = tmp_path / "p.txt"
    page.write_text("قال المتحدث جان لوك ماربو في مؤتمر صحفي عقده في مدينة ليون إن الشركة "
                    "ستغلق مصنعها بعد خسائر كبيرة خلال العام الماضي.", encoding="utf-8")
    for source in (EXAMPLE, page):
        args = ("extract", str(source), "--published", "2024-11-30")
        fast = json.loads(hadath(*args).stdout)
        accurate = json.loads(hadath(*args, "--accurate-tagger").stdout)
        text = accurate["article"]["text"]
        for m in accurate["mentions"]:
            assert text[m["start"]:m["end"]] == m["surface"]
        assert [m for m in accurate["mentions"] if m["source"] != "tagger"] == [
            m for m in fast["mentions"] if m["source"] != "tagger"]
    assert {(m["surface"], m["label"]) for m in accurate["mentions"]
            if m["source"] == "tagger"} >= {("جان لوك ماربو", "person")}
