"""Speed of the HTTP API on loopback: requests per second and p50 / p99 latency of `/events`
with several filter mixes, over a store of 10,000 ANT articles.

Usage: python bench/bench_api.py [--db STORE] [--articles N] [--clients C] [--requests R]
                                [--workers W] [--seconds S] [--mix NAME]
Builds the store once with `hadath run --no-tagger` (the news categories of ANT first, then
the others, as JSON Lines with title, outlet and publication date), or reuses `--db` when it
exists; starts `hadath serve` on a free loopback port; then, for each mix, C client threads
send R requests in all (after a warm-up) and the latency of each is timed. The load generator
and the server share the machine's cores. Bounded: each mix stops after --seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
# the news first (as the other benches read ANT), then the rest, to reach 10,000 articles
CATEGORIES = ("internationalNews", "politic", "localNews", "society", "diverse", "economy",
              "culture", "sport")
_FIELD = r"<{0}>(.*?)</{0}>"

# Each mix is a list of parameter sets the clients cycle through.
MIXES: dict[str, list[dict[str, Any]]] = {
    "newest 50, no filter": [{}],
    "type (2 of them)": [{"type": ["armed_clash", "attack_on_civilians"]},
                         {"type": ["protest", "riot"]}],
    "country + date range": [{"country": "TN", "date_from": "2014", "date_to": "2015"},
                             {"country": "SY", "date_from": "2013-06", "date_to": "2016-12"}],
    "bbox (Tunisia, Syria)": [{"bbox": "7.5,30.2,11.6,37.6"}, {"bbox": "35.5,32.3,42.4,37.4"}],
    "actor / place substring": [{"actor": "Police"}, {"place": "Tunis"}, {"actor": "Syria"}],
    "min fatalities, by fatalities": [{"min_fatalities": 5, "sort": "fatalities"}],
    "free text q, Arabic": [{"q": "سوسة"}, {"q": "حلب"}, {"q": "الداخلية"}],
    "free text q, English": [{"q": "protest"}, {"q": "killed"}],
    "outlet + source": [{"outlet": "Jawhara"}, {"source": "Ministry"}],
    "page 100 (offset 5,000)": [{"offset": 5000}],
    "several filters at once": [{"type": ["protest", "armed_clash"], "country": "TN",
                                 "date_from": "2014", "q": "تونس", "limit": 20}],
}


def ant_records(limit: int) -> list[dict[str, str | None]]:
    """The first `limit` ANT articles as JSON Lines records (title, text, outlet, date)."""
    records: list[dict[str, str | None]] = []
    for category in CATEGORIES:
        for path in sorted((SHARED_DATA / "antcorpus" / category).glob("*.txt")):
            doc = path.read_text(encoding="utf-8")
            fields = {name: re.search(_FIELD.format(name), doc, re.DOTALL)
                      for name in ("TITLE", "TEXT")}
            stamp = re.search(r"(\d{4})(\d{2})(\d{2})$", path.stem)
            records.append({
                "id": path.stem, "outlet": "Jawhara FM",
                "title": fields["TITLE"].group(1).strip() if fields["TITLE"] else None,
                "text": fields["TEXT"].group(1).strip() if fields["TEXT"] else "",
                "published": "-".join(stamp.groups()) if stamp else None,
            })
            if len(records) >= limit:
                return records
    return records


def build_store(db: Path, articles: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        feed = Path(scratch) / "ant.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for record in ant_records(articles):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "hadath", "run", str(feed), "--db", str(db),
                        "--no-tagger"], check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
    print(f"store built: {articles:,} articles in {seconds:,.0f} s "
          f"({articles / seconds:,.1f} articles/s, `hadath run --no-tagger`)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "HADATH_TOKEN"}
    server = subprocess.Popen([sys.executable, "-m", "hadath", "serve", "--db", str(db),
                               "--port", str(port), "--log-level", "warning",
                               "--workers", str(workers)], env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # 60 s at most
        try:
            httpx.get(url + "/stats", timeout=30)
            return server, url
        except httpx.TransportError:
            if server.poll() is not None:
                raise SystemExit("hadath serve exited") from None
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("hadath serve did not start")


def run_mix(url: str, params: list[dict[str, Any]], clients: int, requests: int,
            seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    totals: set[int] = set()
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    per_client = max(1, requests // clients)

    def client(index: int) -> None:
        nonlocal errors
        mine: list[float] = []
        failed = 0
        with httpx.Client(base_url=url, timeout=60) as http:
            for number in range(per_client):
                if time.perf_counter() > deadline:
                    break
                query = params[(index + number) % len(params)]
                started = time.perf_counter()
                response = http.get("/events", params=query)
                mine.append(time.perf_counter() - started)
                if response.status_code != 200:
                    failed += 1
                elif number < len(params):
                    with lock:
                        totals.add(response.json()["total"])
        with lock:
            latencies.extend(mine)
            errors += failed

    with httpx.Client(base_url=url, timeout=60) as warm:  # warm-up: caches, connections
        for query in params * 3:
            warm.get("/events", params=query)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"requests": len(ordered), "errors": errors, "rps": len(ordered) / elapsed,
            "p50": statistics.median(ordered) * 1000,
            "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
            "matched": sorted(totals)}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "hadath-bench-api.db",
                        help="the store: built here when missing, reused when present")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--workers", type=int, default=1, help="server processes (hadath serve --workers)")
    parser.add_argument("--requests", type=int, default=400, help="requests per mix")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per mix")
    parser.add_argument("--mix", action="append", default=[],
                        help="only the mixes whose name contains this (repeatable)")
    args = parser.parse_args()
    if not (SHARED_DATA / "antcorpus").is_dir():
        print(f"error: no ANT corpus under {SHARED_DATA}", file=sys.stderr)
        return 1
    if not args.db.exists():
        build_store(args.db, args.articles)
    load_at_start = os.getloadavg()[0]
    server, url = start_server(args.db, args.workers)
    try:
        stats = httpx.get(url + "/stats", timeout=60).json()
        print(f"store: {args.db} — {stats['total']:,} fused events; "
              f"{os.cpu_count()} cores shared by server and clients; {args.workers} server "
              f"process(es), {args.clients} clients")
        print(f"{'/events with':<32}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>8}"
              f"{'p99 ms':>8}  matched")
        for name, params in MIXES.items():
            if args.mix and not any(part in name for part in args.mix):
                continue
            result = run_mix(url, params, args.clients, args.requests, args.seconds)
            matched = ", ".join(f"{n:,}" for n in result["matched"])
            print(f"{name:<32}{result['requests']:>9}{result['errors']:>7}{result['rps']:>8.0f}"
                  f"{result['p50']:>8.1f}{result['p99']:>8.1f}  {matched}")
        print(f"load average of the machine at the end: {os.getloadavg()[0]:.1f} "
              f"(at the start: {load_at_start:.1f})")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
