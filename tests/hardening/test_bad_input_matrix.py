"""The bad-input matrix through the real command line: one `hadath run` over a folder of every
case (bad_inputs.py). A bad input never stops the run; the summary names each one with its
reason; every good article reaches the store, once; a second run changes nothing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bad_inputs import Case, build_matrix, write_huge
from hardening_cli import hadath, stored_articles, stored_events

_ROW = re.compile(r"^│\s*(skipped|failed)\s*│\s*(.+?)\s*│\s*(.+?)\s*│$")
_COUNT = re.compile(r"^│\s*(new|unchanged|duplicate|skipped|failed|events in store)\s*│\s*(\d+)\s*│$")


def summary(stdout: str) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    """The run's tally and its rows of skipped or failed inputs (outcome, input, reason)."""
    tally = {m.group(1): int(m.group(2)) for line in stdout.splitlines()
             if (m := _COUNT.match(line.strip()))}
    rows = [(m.group(1), m.group(2), m.group(3)) for line in stdout.splitlines()
            if (m := _ROW.match(line.strip()))]
    return tally, rows


class MatrixRun:
    def __init__(self, folder: Path, db: Path, cases: list[Case]) -> None:
        self.folder, self.db, self.cases = folder, db, cases
        self.result = hadath("run", str(folder), "--db", str(db), "--no-tagger",
                             "--published", "2024-11-30")
        self.tally, self.rows = summary(self.result.stdout)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> MatrixRun:
    root = tmp_path_factory.mktemp("matrix")
    cases = build_matrix(root / "inputs")
    return MatrixRun(root / "inputs", root / "store.db", cases)


def test_the_run_finishes_and_reports(matrix: MatrixRun) -> None:
    assert matrix.result.returncode == 0, matrix.result.stderr[-3000:]
    assert "Traceback" not in matrix.result.stderr
    assert matrix.tally.get("failed", 0) == 0, matrix.rows


def test_every_bad_input_is_named_with_its_reason(matrix: MatrixRun) -> None:
    missing = []
    for case in matrix.cases:
        path = str(matrix.folder / case.name)
        for where, words in case.skips:
            found = [r for r in matrix.rows if words in r[2] and (
                r[1].startswith(path + where[:-1]) if where.endswith("*") else r[1] == path + where)]
            if not found:
                missing.append((case.name, where, words))
    assert not missing, f"not reported as expected: {missing}\nrows: {matrix.rows}"


def test_nothing_is_reported_that_the_matrix_does_not_expect(matrix: MatrixRun) -> None:
    expected = {c.name for c in matrix.cases if c.skips}
    reported = {Path(r[1].split("#")[0].split(":")[0]).name for r in matrix.rows}
    assert reported <= expected, f"unexpected reports: {reported - expected}"


def test_every_good_article_is_stored_once(matrix: MatrixRun) -> None:
    articles = stored_articles(matrix.db)
    lost = []
    for case in matrix.cases:
        for words in case.articles:
            holders = [i for i, (text, _) in articles.items() if words in text]
            if not holders:
                lost.append((case.name, words))
    assert not lost, f"good articles lost: {lost}"
    originals = [i for i, (_, duplicate_of) in articles.items() if duplicate_of is None]
    expected = sum(len(c.articles) for c in matrix.cases if not c.duplicate)
    assert len(originals) == expected
    assert matrix.tally["new"] == expected
    assert matrix.tally["duplicate"] == sum(1 for c in matrix.cases if c.duplicate)


def test_encoded_articles_are_stored_as_the_text_they_encode(matrix: MatrixRun) -> None:
    articles = stored_articles(matrix.db)
    for case in matrix.cases:
        if case.name.endswith(".txt") and case.name.startswith(("cp1256", "iso", "utf")):
            [words] = case.articles
            assert any(words in text for text, _ in articles.values()), case.name


def test_bidi_and_zero_width_marks_stay_in_the_stored_text(matrix: MatrixRun) -> None:
    # The article text is kept exactly as written (offsets index it); the marks are dropped
    # only in the normalised copy the matchers read.
    [case] = [c for c in matrix.cases if c.name == "bidi_marks.txt"]
    [words] = case.articles
    [text] = [t for t, _ in stored_articles(matrix.db).values() if words in t]
    assert "\u200f" in text and "\u200b" in text


def test_a_second_run_changes_nothing(matrix: MatrixRun) -> None:
    before_articles, before_events = stored_articles(matrix.db), sorted(stored_events(matrix.db))
    again = hadath("run", str(matrix.folder), "--db", str(matrix.db), "--no-tagger",
                   "--published", "2024-11-30")
    assert again.returncode == 0, again.stderr[-3000:]
    tally, rows = summary(again.stdout)
    assert tally["new"] == 0 and tally["failed"] == 0
    assert tally["unchanged"] == matrix.tally["new"] + matrix.tally["duplicate"]
    assert stored_articles(matrix.db) == before_articles
    assert sorted(stored_events(matrix.db)) == before_events
    assert sorted(rows) == sorted(matrix.rows)


@pytest.mark.parametrize("name, words", [
    ("empty.txt", "empty"), ("image.txt", "binary file"), ("persian.txt", "not Arabic"),
    ("notes.xml", "neither an RSS/Atom feed"),
])
def test_extract_on_a_bad_input_is_one_line_and_exit_1(tmp_path: Path, name: str,
                                                       words: str) -> None:
    build_matrix(tmp_path)
    result = hadath("extract", str(tmp_path / name))
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("hadath: error: ") and words in line


@pytest.mark.slow
def test_100_mb_files_are_refused_without_reading_them_whole(tmp_path: Path) -> None:
    cases = write_huge(tmp_path / "huge")
    result = hadath("run", str(tmp_path / "huge"), "--db", str(tmp_path / "s.db"), "--no-tagger")
    assert result.returncode == 0, result.stderr[-2000:]
    tally, rows = summary(result.stdout)
    assert tally["skipped"] == len(cases) and tally["new"] == 0
    for case in cases:
        assert any(r[1].endswith(case.name) and "too large" in r[2] for r in rows), rows
