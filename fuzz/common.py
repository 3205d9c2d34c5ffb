"""What the fuzz harnesses share: the invariants of an article record (from the hardening
tests) and the import of hadath under atheris' coverage instrumentation.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hardening"))

from invariants import article_problems  # noqa: E402

__all__ = ["REPO", "article_problems", "Broken"]


class Broken(AssertionError):
    """An invariant that does not hold: a crash for the fuzzer, a failure for a test."""
