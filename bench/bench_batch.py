"""What the batch runner costs: articles per second per core of `hadath batch` with 1 and 2
local workers, and its overhead against `hadath run` on the same input.

Usage: python bench/bench_batch.py [--articles N] [--partition-size P] [--workers 1,2] [--repeat R]
                                   [--warc]
Links the first N ANT articles (the news categories of `bench/ant.py`, in their order) into a
scratch folder (with `--warc`: writes them as HTML pages, with a site's navigation and footer
around each, into one gzipped WARC, as a crawler stores them), warms a private compiled-data cache with one `hadath extract`, then runs, each
as its own process tree: `hadath run FOLDER`, `hadath batch FOLDER --workers W` for each W,
and `hadath load` of the first batch. CPU time is the user and system time of the whole tree
(the client, the scheduler, every worker), read from the kernel when each process is reaped,
so other programs sharing the cores do not count; wall time is printed too but does. Each
command runs R times and the smallest CPU time is kept (programs sharing the cores still slow
one another's caches).
"per core" is articles per CPU second. "in partitions" counts only the CPU the workers spent
inside partitions (reading, extracting, writing Parquet), without start-up and Dask's own work;
"after the first" leaves out each worker's first partition too, which loads the lexicons and
models: the rate a long batch runs at.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ant import CATEGORIES, SHARED_DATA  # bench/ant.py


def _link_articles(folder: Path, count: int) -> int:
    linked = 0
    for category in CATEGORIES:
        for path in sorted((SHARED_DATA / "antcorpus" / category).glob("*.txt")):
            if linked == count:
                return linked
            (folder / path.name).symlink_to(path.resolve())
            linked += 1
    return linked


def _best(args: list[str], env: dict[str, str], repeat: int, out: Path
          ) -> tuple[float, float, tuple[float, float | None] | None]:
    """(CPU, wall, CPU inside partitions and the steady rate there) of the least costly of
    `repeat` runs, each into a fresh `out` (a batch folder or a store)."""
    best: tuple[float, float, tuple[float, float | None] | None] | None = None
    for _ in range(repeat):
        for path in (out, *out.parent.glob(out.name + "-*")):  # a store's -wal and -shm
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        cpu, wall, _ = _timed(args, env)
        inside = _partition_cpu(out) if (out / "manifest").is_dir() else None
        if best is None or cpu < best[0]:
            best = (cpu, wall, inside)
    assert best is not None
    return best


def _write_warc(warc: Path, folder: Path) -> None:
    """Each article of `folder` as the HTML page of a news site, one WARC response a page."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    menu = "".join(f"<li><a href='/section/{i}'>قسم {i}</a></li>" for i in range(40))
    footer = "<footer><p>جميع الحقوق محفوظة</p><p>اتصل بنا</p><p>سياسة الخصوصية</p></footer>"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for path in sorted(folder.iterdir()):
            raw = path.read_text(encoding="utf-8")
            fields = dict(re.findall(r"<(URL|TITLE|TIME|TEXT)>(.*?)</\1>", raw, re.DOTALL))
            body = "".join(f"<p>{line}</p>" for line in fields["TEXT"].splitlines() if line.strip())
            page = (f"<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
                    f"<title>{fields['TITLE'].strip()}</title>"
                    f"<meta property='article:published_time' content='{fields['TIME'].strip()}'>"
                    f"</head><body><nav><ul>{menu}</ul></nav><article><h1>"
                    f"{fields['TITLE'].strip()}</h1>{body}</article><aside>مقالات ذات صلة</aside>"
                    f"{footer}</body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                fields["URL"].strip(), "response", payload=BytesIO(page.encode("utf-8")),
                http_headers=headers))


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(CPU seconds of the whole process tree, wall seconds, stdout) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True,
                            text=True, env=env, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"hadath {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, result.stdout


def _partition_cpu(out: Path) -> tuple[float, float | None]:
    """CPU seconds inside partitions, and records per CPU second in the partitions that were
    not a worker's first (the first loads the lexicons and models)."""
    records = [json.loads(p.read_text()) for p in (out / "manifest").glob("*.json")]
    later: list[dict[str, object]] = []
    for worker in {r["worker"] for r in records}:
        mine = sorted((r for r in records if r["worker"] == worker), key=lambda r: r["finished_at"])
        later.extend(mine[1:])
    items = sum(n for r in later for k, n in r["tally"].items() if k != "events")
    cpu = sum(r["cpu_seconds"] for r in later)
    return sum(r["cpu_seconds"] for r in records), (items / cpu if cpu else None)


def _records(out: Path) -> int:
    """Inputs read: articles (new or copies), skipped inputs and failed articles."""
    tallies = [json.loads(p.read_text())["tally"] for p in (out / "manifest").glob("*.json")]
    return sum(n for t in tallies for outcome, n in t.items() if outcome != "events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--warc", action="store_true", help="HTML pages in a WARC")
    options = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="hadath-bench-batch-"))
    corpus = scratch / "ant"
    corpus.mkdir()
    count = _link_articles(corpus, options.articles)
    env = {**os.environ, "HADATH_CACHE_DIR": str(scratch / "cache")}
    _timed(["extract", str(next(corpus.iterdir()))], env)  # builds the compiled-data cache
    if options.warc:
        _write_warc(scratch / "pages.warc.gz", corpus)
        corpus = scratch / "pages.warc.gz"

    rows: list[tuple[str, float, float, str]] = []
    repeat = options.repeat
    run_db = scratch / "run.db"
    run_cpu, run_wall, _ = _best(["run", str(corpus), "--db", str(run_db)], env, repeat, run_db)
    rows.append(("hadath run", run_cpu, run_wall, ""))
    first_out: Path | None = None
    for workers in (int(w) for w in options.workers.split(",")):
        out = scratch / f"batch-{workers}"
        cpu, wall, inside = _best(["batch", str(corpus), "--out", str(out), "--workers",
                                   str(workers), "--partition-size", str(options.partition_size)],
                                  env, repeat, out)
        assert inside is not None and _records(out) == count, (_records(out), count)
        steady = "" if inside[1] is None else f"{inside[1]:6.1f}"
        rows.append((f"hadath batch, {workers} worker{'s' if workers > 1 else ''}", cpu, wall,
                     f"{count / inside[0]:6.1f} {steady:>12}"))
        first_out = first_out or out
    if first_out is not None:
        load_db = scratch / "load.db"
        load_cpu, load_wall, _ = _best(["load", str(first_out), "--db", str(load_db)], env,
                                       repeat, load_db)
        rows.append(("hadath load (of the first batch)", load_cpu, load_wall, ""))

    kind = "HTML pages in a WARC" if options.warc else "text files"
    print(f"{count} ANT articles ({kind}), partitions of {options.partition_size}, {os.cpu_count()} cores "
          "(shared: wall times include other programs' load)")
    print(f"{'':34} {'':>8} {'':>8} {'articles/s/core':>15} {'in partitions':>14} "
          f"{'after the first':>15}")
    print(f"{'command':34} {'CPU s':>8} {'wall s':>8} {'all in':>15}")
    for name, cpu, wall, inside_rate in rows:
        print(f"{name:34} {cpu:8.1f} {wall:8.1f} {count / cpu:15.1f} {inside_rate:>27}")
    batch_cpu = rows[1][1]
    print(f"overhead of batch (1 worker) over run: {100 * (batch_cpu / run_cpu - 1):+.1f}% CPU")
    if first_out is not None:
        print(f"batch (1 worker) + load over run: {100 * ((batch_cpu + load_cpu) / run_cpu - 1):+.1f}% CPU")
    if first_out is not None:
        size = sum(p.stat().st_size for table in ("articles", "events")
                   for p in (first_out / table).glob("*.parquet"))
        print(f"Parquet written: {size / count / 1024:.1f} KB an article (articles and events)")
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
