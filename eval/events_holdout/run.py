"""Score the event extractor on the first held-out set (now used for development).

Takes articles.jsonl and gold/<id>.json beside this file, runs `hadath extract` on them, and
prints per-article and total precision/recall/F1, modality accuracy and fatality recall. The
running, pairing and scoring are those of ../events/run.py, pointed at this folder.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DEVSET_RUNNER = HERE.parent / "events" / "run.py"


def load_devset_runner() -> ModuleType:
    """Import ../events/run.py by path and point its folder at this one."""
    spec = importlib.util.spec_from_file_location("hadath_events_devset_run", DEVSET_RUNNER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = HERE  # read_inputs, gold_as_output and score_devset read articles and gold from HERE
    return module


def main(argv: list[str] | None = None) -> int:
    dev = load_devset_runner()
    args = dev.parse_arguments(__doc__.splitlines()[0], argv)
    try:
        scorer = dev.load_scorer()
        cmd = None if args.self_check else dev.hadath_command()
        with tempfile.TemporaryDirectory() as tmp:
            workdir = args.keep or Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            total, missed = dev.score_devset(cmd, scorer, workdir)
    except dev.EvalError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    holdout = dev.summary(total)
    print("\nheld-out set:", ", ".join(f"{k}={v}" for k, v in holdout.items()))
    print("missed:", " ".join(missed) or "none")
    if args.json:
        print(json.dumps({"holdout": holdout, "missed": missed}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
