"""A store with the example article, built once through `hadath run` for the tests that query it."""
import pytest
from hadath_cli import EXAMPLE, run_hadath


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("store") / "events.db")
    result = run_hadath("run", str(EXAMPLE), "--published", "2024-11-30", "--db", db)
    assert result.returncode == 0, result.stderr
    return db
