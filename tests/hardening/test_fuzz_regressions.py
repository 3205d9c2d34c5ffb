"""Every input the fuzzers found crashing (fuzz/crashes/<target>/) runs through the check it
broke, and each bug found has a test of its own that names what was wrong."""
from __future__ import annotations

from pathlib import Path

import checks
import pytest
from hardening_cli import REPO

from hadath.ingest import read_one
from hadath.ingest.records import Skipped

CRASHES = REPO / "fuzz" / "crashes"
SAVED = sorted(p for p in CRASHES.glob("*/*") if p.is_file())


@pytest.mark.parametrize("path", SAVED, ids=[f"{p.parent.name}/{p.name}" for p in SAVED])
def test_saved_crash_passes_its_check(path: Path) -> None:
    check = {"ingest": checks.ingest_input, "text": checks.text_input,
             "pipeline": checks.pipeline_input}[path.parent.name]
    check(path.read_bytes())


def test_a_warc_without_html_pages_is_named_with_its_reason(tmp_path: Path) -> None:
    # Found by fuzz_ingest: a WARC whose records are damaged into non-responses yielded
    # nothing at all, so `hadath run` counted it nowhere and said nothing of it.
    data = (CRASHES / "ingest" / "warc-without-html-page").read_bytes()[1:]
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    [item] = read_one(path)
    assert isinstance(item, Skipped)
    assert item.reason.startswith("WARC holds no HTML page")


@pytest.mark.parametrize("name", ["lines.jsonl", "lines.ndjson"])
def test_a_json_lines_file_of_blank_lines_is_named_as_empty(tmp_path: Path, name: str) -> None:
    # Found by fuzz_ingest: a .jsonl holding only "\n" yielded nothing, so the run was silent.
    path = tmp_path / name
    path.write_bytes((CRASHES / "ingest" / "jsonl-blank-lines-only").read_bytes()[1:] + b" \r\n")
    [item] = read_one(path)
    assert isinstance(item, Skipped)
    assert item.reason.startswith("empty")


def test_a_json_lines_file_of_unicode_blanks_is_named_as_empty(tmp_path: Path) -> None:
    # Found by fuzz_ingest after the fix above: b"\x1e" is not blank as bytes but is as text
    # (str.strip takes the record separator), so the file again yielded nothing.
    path = tmp_path / "lines.jsonl"
    path.write_bytes((CRASHES / "ingest" / "jsonl-record-separator-only").read_bytes()[1:])
    [item] = read_one(path)
    assert isinstance(item, Skipped)
    assert item.reason.startswith("empty")
