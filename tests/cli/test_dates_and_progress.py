"""Publication dates said out loud (`extract`, `run`) and `run`'s progress bar."""
import json
import os
from pathlib import Path

from hadath_cli import EXAMPLE, REPO, run_hadath

# "The army announced today, Saturday, that it withdrew from the town last night."
TEXT = "الجيش ينسحب من البلدة\n\nأعلن الجيش اليوم السبت أنه انسحب من البلدة الليلة الماضية."


def test_no_publication_date_is_a_warning_that_says_what_to_do(tmp_path: Path) -> None:
    page = tmp_path / "withdrawal.txt"
    page.write_text(TEXT, encoding="utf-8")
    result = run_hadath("extract", str(page))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["published"] is None
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("hadath: warning: no publication date for withdrawal-")
    assert "relative dates" in warning and "--published YYYY-MM-DD" in warning


def test_a_date_in_the_file_name_is_used_and_said(tmp_path: Path) -> None:
    page = tmp_path / "withdrawal_2024-11-30.txt"
    page.write_text(TEXT, encoding="utf-8")
    result = run_hadath("extract", str(page))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["article"]["published"] == "2024-11-30"
    assert data["article"]["published_from"] == "file name"
    assert {t["surface"]: t["value"] for t in data["times"]} == {
        "اليوم السبت": "2024-11-30", "الليلة الماضية": "2024-11-29"}
    (note,) = result.stderr.splitlines()
    assert note.endswith("publication date 2024-11-30 taken from the file name")


def test_the_inputs_own_date_is_said_and_the_option_is_not(tmp_path: Path) -> None:
    lines = tmp_path / "news.jsonl"
    lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [
        {"id": "n-1", "published": "2024-11-30", "text": TEXT},
        {"id": "n-2", "published": "2024-12-01", "text": TEXT.replace("البلدة", "المدينة")}]),
        encoding="utf-8")
    result = run_hadath("extract", str(lines), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "hadath: publication dates of 2 articles taken from the input's own metadata\n"
    given = run_hadath("extract", str(EXAMPLE), "--published", "2024-11-30")
    assert given.returncode == 0 and given.stderr == ""
    bad = run_hadath("extract", str(EXAMPLE), "--published", "yesterday")
    assert bad.returncode == 2
    assert bad.stderr == ("hadath: error: Invalid value for '--published': 'yesterday' is not "
                          "a date; use YYYY-MM-DD (2024-11-30)\n")


def _progress_frames(*args: str) -> str:
    """What `run` draws on a terminal (Rich told it is one), control codes turned to newlines."""
    env = {**os.environ, "TTY_INTERACTIVE": "1", "TTY_COMPATIBLE": "1", "COLUMNS": "120"}
    result = run_hadath("run", *args, env=env)
    assert result.returncode == 0, result.stderr
    frames = result.stderr
    for code in ("\x1b[?25l", "\x1b[?25h", "\x1b[2K", "\x1b[1A", "\r"):
        frames = frames.replace(code, "\n")
    return frames


def test_run_shows_done_of_total_rate_and_time_left(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "aleppo_2024-11-30.txt").write_bytes(EXAMPLE.read_bytes())
    (inputs / "withdrawal.txt").write_text(TEXT, encoding="utf-8")
    (inputs / "english.txt").write_text("Nothing in Arabic here at all. " * 20)
    frames = _progress_frames(str(inputs), "--db", str(tmp_path / "events.db"))
    assert "loading models" in frames  # not "0 articles" with no word of why
    assert "0/3" in frames and "3/3" in frames and "100%" in frames
    assert "articles/s" in frames
    assert "-:--:--" in frames or "0:00:0" in frames  # the time left
    # after the bar: where the dates came from
    assert "aleppo_2024-11-30-" in frames and "taken from the file name" in frames
    assert "warning: no publication date for withdrawal-" in frames


def test_run_counts_without_a_total_when_an_archive_must_be_read_to_know(tmp_path: Path) -> None:
    feed = REPO / "tests" / "ingest" / "fixtures" / "feed.rss"
    frames = _progress_frames(str(feed), "--db", str(tmp_path / "events.db"))
    assert " articles" in frames
    assert "/2 " not in frames and "%" not in frames
