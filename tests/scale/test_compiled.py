"""The compiled-data cache: reused while the data and code stay the same, rebuilt when a data
file changes, and what it returns is what building returns."""
from __future__ import annotations

from pathlib import Path

import pytest

from hadath import compiled as cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    monkeypatch.delenv(cache.SWITCH_ENV, raising=False)
    return folder


def _counting_build(data: Path, calls: list[str]):  # type: ignore[no-untyped-def]
    def build() -> dict[str, str]:
        calls.append("built")
        rows = [line.split("\t") for line in data.read_text(encoding="utf-8").splitlines()]
        return {form: value for form, value in rows}
    return build


def test_reused_until_a_data_file_changes(cache_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "cues.tsv"
    data.write_text("قال\tverb\n", encoding="utf-8")
    calls: list[str] = []
    build = _counting_build(data, calls)
    first = cache.compiled("test-cues", build, data=[data], code=[__name__])
    again = cache.compiled("test-cues", build, data=[data], code=[__name__])
    assert first == again == {"قال": "verb"}
    assert calls == ["built"]  # the second call read the stored copy
    data.write_text("قال\tverb\nأعلن\tverb\n", encoding="utf-8")
    changed = cache.compiled("test-cues", build, data=[data], code=[__name__])
    assert changed == {"قال": "verb", "أعلن": "verb"}
    assert calls == ["built", "built"]
    assert len(list(cache_dir.glob("test-cues-*.pickle"))) == 1  # the stale copy is removed


def test_a_damaged_file_is_rebuilt(cache_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "cues.tsv"
    data.write_text("قال\tverb\n", encoding="utf-8")
    calls: list[str] = []
    build = _counting_build(data, calls)
    cache.compiled("test-cues", build, data=[data], code=[__name__])
    (stored,) = cache_dir.glob("test-cues-*.pickle")
    stored.write_bytes(stored.read_bytes()[:5])
    assert cache.compiled("test-cues", build, data=[data], code=[__name__]) == {"قال": "verb"}
    assert calls == ["built", "built"]


def test_switched_off_builds_every_time(cache_dir: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.SWITCH_ENV, "0")
    data = tmp_path / "cues.tsv"
    data.write_text("قال\tverb\n", encoding="utf-8")
    calls: list[str] = []
    build = _counting_build(data, calls)
    for _ in range(2):
        cache.compiled("test-cues", build, data=[data], code=[__name__])
    assert calls == ["built", "built"]
    assert not cache_dir.exists()


def test_an_unwritable_folder_only_means_building(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    data = tmp_path / "cues.tsv"
    data.write_text("قال\tverb\n", encoding="utf-8")
    calls: list[str] = []
    assert cache.compiled("test-cues", _counting_build(data, calls), data=[data],
                          code=[__name__]) == {"قال": "verb"}


def test_the_stages_compiled_data_equals_a_fresh_build(cache_dir: Path) -> None:
    """The actor dictionary and the time rules' analysis read back equal what is built."""
    from hadath.mentions.actor_lexicon import BUILD_CODE, actor_data_files, build_lexicon
    from hadath.time.lexicon import load_lexicon as time_lexicon
    from hadath.time.prefilter import analyse

    built = build_lexicon()
    for _ in range(2):  # built and stored, then read back
        stored = cache.compiled("actors", build_lexicon, data=actor_data_files(), code=BUILD_CODE)
        assert stored.aliases == built.aliases
        assert stored.entries == built.entries
    rules = time_lexicon().rules
    fresh = analyse(rules)
    for _ in range(2):
        analysis = cache.compiled("time-rules", lambda: analyse(rules), data=[], code=[])
        assert [[c.pattern for c in checks] for checks in analysis[2]] == [
            [c.pattern for c in checks] for checks in fresh[2]]
        assert (analysis[0], analysis[1], analysis[3], analysis[4]) == (
            fresh[0], fresh[1], fresh[3], fresh[4])
