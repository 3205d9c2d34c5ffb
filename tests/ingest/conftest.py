"""Shared paths for the ingest tests: the committed fixtures and the project's shared public
data (tests that need it skip when it is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("the shared public data folder (../shared next to the repository) is absent")
    return SHARED
