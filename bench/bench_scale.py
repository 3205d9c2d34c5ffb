"""Peak memory and CPU time of `hadath extract` and `hadath run` as the input grows: memory must
stay bounded (streaming, bounded duplicate detection, bounded word caches).

Usage: python bench/bench_scale.py ARTICLES.jsonl [--sizes 1000,30000] [--command extract|run]
ARTICLES.jsonl holds one article a line ({"id", "text", ...}); SaudiNewsNet turned into JSON
Lines, or ANT articles with distinct ids, are what the README's figures used. For each size the
first N lines go through the command in a fresh process; its peak RSS (ru_maxrss of the child)
and its user + sys seconds are printed.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one child process."""
    script = ("import resource, subprocess, sys; "
              "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
              "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(r.ru_utime + r.ru_stime, r.ru_maxrss / 1024, code)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *command], capture_output=True,
                          text=True, check=True)
    wall = time.perf_counter() - started
    cpu, peak, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return wall, float(cpu), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--sizes", default="1000,30000")
    parser.add_argument("--command", choices=("extract", "run"), default="extract")
    args = parser.parse_args()
    hadath = [sys.executable, "-m", "hadath"]
    print("articles\twall s\tCPU s\tarticles/s/core\tpeak MB")
    with tempfile.TemporaryDirectory() as scratch:
        for size in (int(s) for s in args.sizes.split(",")):
            part = Path(scratch) / f"first-{size}.jsonl"
            with args.articles.open(encoding="utf-8") as lines, part.open("w") as out:
                out.writelines(islice(lines, size))
            if args.command == "extract":
                command = [*hadath, "extract", str(part), "--format", "jsonl"]
            else:
                command = [*hadath, "run", str(part), "--db", str(Path(scratch) / f"{size}.db")]
            wall, cpu, peak = measure(command)
            print(f"{size}\t{wall:.0f}\t{cpu:.0f}\t{size / cpu:.1f}\t{peak:.0f}", flush=True)


if __name__ == "__main__":
    main()
