"""Measures the worst inputs found while hardening: CPU seconds and peak memory of one
article through ingest and every stage, each in a fresh process, for inputs of growing size —
so that time out of proportion to size shows as a ratio well above 2 between one size and
the next twice as large.

    python fuzz/worst_cases.py [--sizes 12500 25000 50000 100000] [--tagger]

Cases: a sentence without stops (the example article's words, cycled), figures in a row,
HTML nested thousands of elements deep, and the same article's text repeated (long but
ordinary prose).
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "aleppo_2024-11-30.txt"


def make_input(case: str, size: int) -> tuple[str, str]:
    """(file name, contents) of `case` at about `size` characters."""
    text = EXAMPLE.read_text(encoding="utf-8")
    words = [w for w in text.split() if w.strip(".,،؛:؟!”“\"()") == w]
    if case == "no-stops":
        body = " ".join(itertools.islice(itertools.cycle(words), size // 3))[:size]
        return "long.txt", "خبر طويل\n\n" + body
    if case == "figures":
        return "numbers.txt", "خبر\n\nقتل " + " ".join(str(7 * i + 1) for i in range(size // 6))
    if case == "nested-html":
        depth = size // 11
        return "nested.html", ("<html><body>" + "<div>" * depth + f"<p>{text}</p>"
                               + "</div>" * depth + "</body></html>")
    if case == "prose":
        return "prose.txt", (text * (size // len(text) + 1))[:size]
    raise ValueError(case)


def measure(case: str, size: int, tagger: bool) -> dict[str, object]:
    name, contents = make_input(case, size)
    folder = Path(subprocess.check_output(["mktemp", "-d"], text=True).strip())
    (folder / name).write_text(contents, encoding="utf-8")
    command = [sys.executable, "-m", "hadath", "extract", str(folder / name), "--published",
               "2024-11-30", "--format", "jsonl", "--tagger" if tagger else "--no-tagger"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    # run through a wrapper that reports its child's peak: this process's own figure for its
    # children is the largest of all of them so far
    done = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True,
                          text=True, check=False, timeout=3600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    record = json.loads(done.stdout.splitlines()[0]) if done.returncode == 0 else {}
    peak_kb = int(done.stderr.strip().splitlines()[-1]) if done.stderr.strip() else 0
    return {"case": case, "chars": len(contents), "exit": done.returncode,
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
            "wall_s": round(time.monotonic() - started, 2),
            "peak_mb": round(peak_kb / 1024), "events": len(record.get("events", [])),
            "sentences": len(record.get("sentences", []))}


_PEAK = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
         "sys.exit(done.returncode)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12_500, 25_000, 50_000])
    parser.add_argument("--cases", nargs="+", default=["no-stops", "figures", "nested-html",
                                                       "prose"])
    parser.add_argument("--tagger", action="store_true")
    args = parser.parse_args()
    for case in args.cases:
        for size in args.sizes:
            print(json.dumps(measure(case, size, args.tagger)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
