"""The test crawl and one uninterrupted batch of it, made once for the tests that compare."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from batch_crawl import ANT, ENV, batch_command, make_crawl


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The commands these tests start (and their Dask workers) build compiled data into a
    cache of their own, whatever the user's cache holds."""
    ENV["HADATH_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if not ANT.is_dir():
        pytest.skip("the shared public data folder (../shared next to the repository) is absent")
    return make_crawl(tmp_path_factory.mktemp("crawl"))


@pytest.fixture(scope="session")
def whole_batch(crawl: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The crawl's batch, run once from start to end."""
    out = tmp_path_factory.mktemp("whole") / "out"
    result = subprocess.run(batch_command(crawl, out), capture_output=True, text=True,
                            timeout=900, check=False, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return out
