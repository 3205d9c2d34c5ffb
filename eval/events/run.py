"""Score the event extractor on the hand-coded development set and on the seed article.

Takes articles.jsonl and gold/<id>.json beside this file, runs `hadath extract` on them, and
prints per-article and total precision/recall/F1, modality accuracy and fatality recall.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO / ".." / "shared"
SCORER = SHARED / "tools" / "score.py"
EXTRACT_OPTIONS: list[str] = []  # extra `hadath extract` options ("--no-tagger")
TALLY_KEYS = ("tp", "fp", "fn", "modality_ok", "fatal_gold", "fatal_found", "evidence_ok", "hist_as_current")


class EvalError(Exception):
    """A problem the user can fix (missing command, missing shared data, bad output)."""


def load_scorer() -> ModuleType:
    """Import the shared scorer from its file; it is not a package."""
    if not SCORER.is_file():
        raise EvalError(f"scorer not found at {SCORER}; the shared data folder must sit beside the repository")
    spec = importlib.util.spec_from_file_location("hadath_shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hadath_command() -> list[str]:
    """The `hadath` CLI, checked to have an `extract` command."""
    exe = shutil.which("hadath")
    if exe is None:
        raise EvalError("the `hadath` command is not installed; run `pip install -e . --no-deps` in the repository")
    probe = subprocess.run([exe, "extract", "--help"], check=False, capture_output=True, text=True)
    if probe.returncode != 0:
        raise EvalError("`hadath extract` is not available yet; the events stage needs it to be scored")
    return [exe]


def run_extract(cmd: list[str], args: list[str]) -> str:
    """Run `hadath extract ARGS` and return its stdout, failing with its last stderr line."""
    done = subprocess.run(cmd + ["extract", *args, *EXTRACT_OPTIONS], check=False,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise EvalError(f"`hadath extract {' '.join(args)}` failed: {error_line(done.stderr)}")
    return done.stdout


def error_line(stderr: str) -> str:
    """The exception line of a traceback (which may wrap), else the last line of stderr."""
    lines = [line.strip() for line in stderr.strip().splitlines()]
    starts = [i for i, line in enumerate(lines) if re.match(r"^[\w.]+(Error|Exception|Exit)\b.*:", line)]
    if starts:
        return " ".join(lines[starts[-1]:])
    return lines[-1] if lines else "no message"


def parse_outputs(stdout: str) -> list[dict]:
    """One JSON object per line (jsonl) or a single JSON array/object."""
    text = stdout.strip()
    if not text:
        return []
    if text.startswith("["):
        return list(json.loads(text))
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError:
        return [json.loads(text)]


def pair_outputs(inputs: list[dict], outputs: list[dict]) -> dict[str, dict]:
    """Match each input article to its output by id, then by URL, then by position."""
    by_key: dict[str, dict] = {}
    for out in outputs:
        art = out.get("article") or {}
        for key in (art.get("id"), art.get("url")):
            if key:
                by_key.setdefault(str(key), out)
    paired = {}
    for pos, art in enumerate(inputs):
        out = by_key.get(art["id"]) or by_key.get(art["url"])
        if out is None and len(outputs) == len(inputs):
            out = outputs[pos]
        if out is None:
            raise EvalError(f"no extractor output for article {art['id']}")
        paired[art["id"]] = out
    return paired


def f1_row(tally: dict) -> tuple[float, float, float]:
    tp, fp, fn = tally["tp"], tally["fp"], tally["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary(total: dict) -> dict:
    p, r, f1 = f1_row(total)
    tp = total["tp"]
    return {
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
        "tp": tp, "fp": total["fp"], "fn": total["fn"],
        "modality_acc": round(total["modality_ok"] / tp, 3) if tp else 0.0,
        "fatalities_found": total["fatal_found"], "fatalities_gold": total["fatal_gold"],
        "fatalities_recall": round(total["fatal_found"] / total["fatal_gold"], 3) if total["fatal_gold"] else None,
        "evidence_acc": round(total["evidence_ok"] / tp, 3) if tp else 0.0,
        "historical_as_current": total["hist_as_current"],
    }


def read_inputs() -> list[dict]:
    lines = (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold_as_output(art: dict) -> dict:
    """A gold coding dressed as extractor output; scoring it must give F1 = 1 (checks the set)."""
    gold = json.loads((HERE / "gold" / f"{art['id']}.json").read_text(encoding="utf-8"))
    events = [{**ev, "evidence": [{"text": q} for q in ev["evidence"]]} for ev in gold["events"]]
    return {"article": {"id": art["id"], "url": art["url"], "text": art["text"]}, "events": events}


def warn_changed_text(inputs: list[dict], outputs: dict[str, dict]) -> None:
    """Gold evidence quotes the input text; say so when ingest stored different words.

    Whitespace is ignored: ingest may rewrite paragraph breaks, and the scorer collapses it.
    """
    def words(text: str | None) -> list[str]:
        return (text or "").split()

    changed = [art["id"] for art in inputs if words((outputs[art["id"]].get("article") or {}).get("text")) != words(art["text"])]
    if changed:
        print(f"warning: stored text differs from the input for {len(changed)} article(s): {' '.join(changed[:5])}", file=sys.stderr)


def score_devset(cmd: list[str] | None, scorer: ModuleType, workdir: Path) -> tuple[dict, list[str]]:
    """Extract every development article, score it, print one line per article."""
    inputs = read_inputs()
    if cmd is None:
        outputs = {art["id"]: gold_as_output(art) for art in inputs}
    else:
        stdout = run_extract(cmd, [str(HERE / "articles.jsonl"), "--format", "jsonl"])
        outputs = pair_outputs(inputs, parse_outputs(stdout))
        warn_changed_text(inputs, outputs)
    total = dict.fromkeys(TALLY_KEYS, 0)
    missed: list[str] = []
    print(f"{'article':<34} {'tp':>3} {'fp':>3} {'fn':>3} {'P':>6} {'R':>6} {'F1':>6}  missed")
    for art in inputs:
        out_path = workdir / f"{art['id']}.json"
        out_path.write_text(json.dumps(outputs[art["id"]], ensure_ascii=False), encoding="utf-8")
        gold = json.loads((HERE / "gold" / f"{art['id']}.json").read_text(encoding="utf-8"))
        tally, miss = scorer.score_pair(gold, outputs[art["id"]])
        for key in TALLY_KEYS:
            total[key] += tally[key]
        missed += [f"{art['id']}:{m}" for m in miss]
        p, r, f1 = f1_row(tally)
        print(f"{art['id']:<34} {tally['tp']:>3} {tally['fp']:>3} {tally['fn']:>3} {p:>6.3f} {r:>6.3f} {f1:>6.3f}  {' '.join(miss)}")
    return total, missed


def score_seed(cmd: list[str], scorer: ModuleType, workdir: Path) -> dict:
    """Extract the seed article with its publication date and score it against its gold coding."""
    seeds = sorted((SHARED / "seed").glob("*.txt"))
    golds = sorted((SHARED / "gold").glob("*.json"))
    if not seeds or not golds:
        raise EvalError(f"seed article or its gold coding not found under {SHARED}")
    output = parse_outputs(run_extract(cmd, [str(seeds[0]), "--published", "2024-11-30", "--format", "json"]))
    if not output:
        raise EvalError("`hadath extract` printed nothing for the seed article")
    (workdir / "seed.json").write_text(json.dumps(output[0], ensure_ascii=False), encoding="utf-8")
    tally, _ = scorer.score_pair(json.loads(golds[0].read_text(encoding="utf-8")), output[0])
    return summary(tally)


def parse_arguments(description: str, argv: list[str] | None) -> argparse.Namespace:
    """The options every events runner takes; --no-tagger is passed on to `hadath extract`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--keep", type=Path, help="write the extractor outputs to this folder instead of a temp dir")
    parser.add_argument("--self-check", action="store_true", help="score the gold codings against themselves (no extractor)")
    parser.add_argument("--json", action="store_true", help="print the totals as one JSON object at the end")
    parser.add_argument("--no-tagger", action="store_true", help="extract without the statistical tagger")
    args = parser.parse_args(argv)
    if args.no_tagger:
        EXTRACT_OPTIONS.append("--no-tagger")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(__doc__.splitlines()[0], argv)
    try:
        scorer = load_scorer()
        cmd = None if args.self_check else hadath_command()
        with tempfile.TemporaryDirectory() as tmp:
            workdir = args.keep or Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            total, missed = score_devset(cmd, scorer, workdir)
            dev = summary(total)
            seed = score_seed(cmd, scorer, workdir) if cmd else {}
    except EvalError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print("\ndevelopment set:", ", ".join(f"{k}={v}" for k, v in dev.items()))
    print("missed:", " ".join(missed) or "none")
    if seed:
        print("seed:", ", ".join(f"{k}={v}" for k, v in seed.items()))
    if args.json:
        print(json.dumps({"devset": dev, "seed": seed, "missed": missed}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
