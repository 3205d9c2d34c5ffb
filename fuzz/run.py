"""Runs the fuzz harnesses one after another, each for a CPU budget, at the lowest priority,
and prints what they did: executions, CPU seconds, the crashing inputs they found.

    python fuzz/run.py --seconds 1200 ingest text pipeline   # 20 minutes each
    python fuzz/run.py --replay                              # every saved crash, once

A harness that crashes is started again (with the corpus it built so far) until its budget is
spent. Crashing inputs land in fuzz/crashes/<target>/; each one found becomes a regression test
in tests/hardening/test_fuzz_regressions.py and stays there as that test's input. Needs the
`atheris` package (the test extra).
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
TARGETS = {"ingest": 65536, "text": 20000, "pipeline": 8000}  # largest input, in bytes
_EXECS = re.compile(r"stat::number_of_executed_units:\s*(\d+)")


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fuzz_target(target: str, seconds: float, work: Path, timeout: int,
                wall: float | None = None) -> dict[str, object]:
    """Fuzz `target` until `seconds` of CPU are spent (or `wall` seconds have passed, on a
    machine too busy to give the budget); the tally of what it did."""
    corpus = work / target
    corpus.mkdir(parents=True, exist_ok=True)
    crashes = FUZZ / "crashes" / target
    crashes.mkdir(parents=True, exist_ok=True)
    before = set(crashes.iterdir())
    cpu_start, wall_start = _cpu_seconds(), time.monotonic()
    executions, sessions = 0, 0
    deadline = wall_start + (wall or float("inf"))
    while (spent := _cpu_seconds() - cpu_start) < seconds - 5 and time.monotonic() < deadline - 5:
        sessions += 1
        left = min(seconds - spent, deadline - time.monotonic())
        # libFuzzer counts wall time; at nice 19 on a shared machine CPU time is less, so the
        # loop goes on until the CPU budget is used.
        command = [
            "nice", "-n", "19", sys.executable, str(FUZZ / f"fuzz_{target}.py"),
            f"-max_total_time={int(left) + 1}", f"-max_len={TARGETS[target]}",
            f"-timeout={timeout}", "-rss_limit_mb=4096", "-print_final_stats=1",
            f"-dict={FUZZ / 'hadath.dict'}", f"-artifact_prefix={crashes}/",
            str(corpus), str(FUZZ / "seeds" / target),
        ]
        log = work / f"{target}-{time.strftime('%H%M%S')}-{sessions}.log"
        with log.open("w") as out:
            subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False)
        found = _EXECS.findall(log.read_text(errors="replace"))
        executions += int(found[-1]) if found else 0
    new = sorted(p.name for p in set(crashes.iterdir()) - before)
    return {"target": target, "cpu_seconds": round(_cpu_seconds() - cpu_start),
            "wall_seconds": round(time.monotonic() - wall_start), "executions": executions,
            "sessions": sessions, "new_crashes": new}


def replay() -> int:
    """Run every saved crashing input through its harness once; non-zero if any still fails."""
    failed = 0
    for folder in sorted((FUZZ / "crashes").iterdir()):
        inputs = sorted(p for p in folder.iterdir() if p.is_file())
        if not inputs:
            continue
        command = [sys.executable, str(FUZZ / f"fuzz_{folder.name}.py"), "-runs=1",
                   *map(str, inputs)]
        code = subprocess.run(command, check=False, capture_output=True).returncode
        print(f"{folder.name}: {len(inputs)} inputs, {'ok' if code == 0 else 'FAILS'}")
        failed += code != 0
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help=f"{', '.join(TARGETS)} (all by default)")
    parser.add_argument("--seconds", type=float, default=1200, help="CPU budget per target")
    parser.add_argument("--wall", type=float, help="wall-clock limit per target, seconds")
    parser.add_argument("--timeout", type=int, default=30, help="seconds one input may take")
    parser.add_argument("--work", type=Path, help="folder for the growing corpora and logs")
    parser.add_argument("--replay", action="store_true", help="rerun the saved crashes")
    args = parser.parse_args()
    if unknown := [t for t in args.targets if t not in TARGETS]:
        parser.error(f"unknown target {unknown[0]!r}; use {', '.join(TARGETS)}")
    if args.replay:
        return replay()
    work = args.work or Path(tempfile.mkdtemp(prefix="hadath-fuzz-"))
    for target in args.targets or list(TARGETS):
        print(json.dumps(fuzz_target(target, args.seconds, work, args.timeout, args.wall)), flush=True)
    print(f"corpora and logs: {work}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
