"""Score the event extractor on the third blind held-out set.

Takes articles.jsonl and gold/<id>.json beside this file and prints what ../events_holdout/run.py
prints (per-article and total P/R/F1, modality accuracy, fatality recall), pointed at this folder.
The set is blind: run it to report a score, never to debug or tune the extractor.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
HOLDOUT_RUNNER = HERE.parent / "events_holdout" / "run.py"


def load_holdout_runner() -> ModuleType:
    """Import ../events_holdout/run.py by path and point it at this folder."""
    spec = importlib.util.spec_from_file_location("hadath_events_holdout_run", HOLDOUT_RUNNER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = HERE  # it hands HERE on to the development runner, which reads articles and gold from it
    return module


if __name__ == "__main__":
    sys.exit(load_holdout_runner().main())
