"""Streaming and laziness change no output: `extract` prints article by article what it
printed when it held them all, in input order; the compiled-data cache, the lazily loaded
modules and the tagger read only where names can change an event give the same events."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from hadath.commands import DEFAULT_DB, write_json_stream
from hadath.ingest import IngestDefaults, read_inputs
from hadath.pipeline import process

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "eval" / "events" / "articles.jsonl"


def _some_articles(tmp_path: Path, count: int = 6) -> Path:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()[:count]
    path = tmp_path / "some.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _hadath(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True,
                          text=True, timeout=600, check=False, env={**os.environ, **env})


def test_the_default_store_is_the_stores_own() -> None:
    from hadath.store.db import DEFAULT_DB as STORE_DEFAULT

    assert DEFAULT_DB == STORE_DEFAULT


def test_a_streamed_list_is_the_text_of_the_whole_list() -> None:
    records = [{"article": {"id": "a", "text": "الجيش\nينسحب", "url": None}, "events": []},
               {"article": {"id": "b", "tags": {}}, "events": [{"n": [1, 2]}]},
               {"article": {"id": "c"}, "events": []}]
    for count in (1, 2, 3):
        out = io.StringIO()
        assert write_json_stream(iter(records[:count]), out) == count
        whole = records[0] if count == 1 else records[:count]
        assert out.getvalue() == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"


def test_extract_streams_every_article_in_input_order(tmp_path: Path) -> None:
    path = _some_articles(tmp_path)
    env = {"HADATH_CACHE_DIR": str(tmp_path / "cache")}
    expected = [process(item).to_dict() for item in read_inputs([path], IngestDefaults())]
    lines = _hadath("extract", str(path), "--format", "jsonl", env=env)
    assert lines.returncode == 0, lines.stderr
    assert [json.loads(line) for line in lines.stdout.splitlines()] == expected
    whole = _hadath("extract", str(path), env=env)
    assert whole.returncode == 0, whole.stderr
    assert json.loads(whole.stdout) == expected


def test_built_and_cached_data_give_the_same_output(tmp_path: Path) -> None:
    """A first run builds the compiled data, a second reads it back, and a run with the cache
    switched off builds everything in memory: the three print the same."""
    path = _some_articles(tmp_path, 4)
    env = {"HADATH_CACHE_DIR": str(tmp_path / "cache")}
    built = _hadath("extract", str(path), "--format", "jsonl", env=env)
    cached = _hadath("extract", str(path), "--format", "jsonl", env=env)
    eager = _hadath("extract", str(path), "--format", "jsonl", env={**env, "HADATH_CACHE": "0"})
    assert built.returncode == cached.returncode == eager.returncode == 0
    assert built.stdout == cached.stdout == eager.stdout
    stored = {p.name.rsplit("-", 1)[0] for p in (tmp_path / "cache").glob("*.pickle")}
    assert {"actors", "actor-automaton", "time-rules", "ner-clusters", "ner-places",
            "ner-actors"} <= stored


def test_the_tagger_read_where_names_matter_changes_no_event(tmp_path: Path) -> None:
    items = list(read_inputs([_some_articles(tmp_path, 12)], IngestDefaults()))
    for item in items:
        full = process(item, all_mentions=True).to_dict()
        default = process(item).to_dict()
        assert default["events"] == full["events"]
        assert default["claims"] == full["claims"]
        assert {m["start"] for m in default["mentions"]} <= {m["start"] for m in full["mentions"]}


def test_help_lists_the_commands_without_loading_them(tmp_path: Path) -> None:
    env = {"HADATH_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "100"}
    first = _hadath("--help", env=env)  # builds the command index
    listed = _hadath("--help", env=env)  # reads it
    whole = _hadath("--help", env={**env, "HADATH_CACHE": "0"})  # registers every module
    assert first.returncode == listed.returncode == whole.returncode == 0
    assert first.stdout == listed.stdout == whole.stdout
    assert "extract" in listed.stdout and "run" in listed.stdout
    probe = ("import sys, runpy; sys.argv = ['hadath', '--help']\n"
             "try: runpy.run_module('hadath', run_name='__main__')\n"
             "except SystemExit: pass\n"
             "print(sorted(m for m in ('hadath.pipeline', 'hadath.commands', 'sqlalchemy',"
             " 'datasketch', 'numpy') if m in sys.modules), file=sys.stderr)")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=300, check=False, env={**os.environ, **env})
    assert loaded.stderr.strip().splitlines()[-1] == "[]"
