"""The hardening tests' folder and the fuzz checks on the import path, and the `slow`
marker for the cases that write large files or run a cluster."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "fuzz"))
sys.path.insert(0, str(HERE))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: writes or reads inputs of 100 MB, or runs a Dask cluster (a minute or two)")
