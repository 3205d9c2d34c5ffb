"""The API under load on loopback, good and bad requests mixed: requests per second, p50 /
p99 latency, and the two counts that must be zero — server errors (5xx or a dropped
connection) and bad requests that were not answered with a 4xx.

Usage: python bench/load_api.py [--db STORE] [--clients C] [--requests R] [--seconds S]
                                [--bad-share F]
Builds a store with `hadath run --no-tagger` over the example article and the development set
(51 articles) unless `--db` names one; starts `hadath serve` (with a token) on a free loopback
port; C client threads send R requests in all: `/events` with filter mixes, one event, the
summaries, and a share F of malformed, hostile or oversized requests. Bounded: it stops after
R requests or S seconds, whichever comes first, and exits 1 if either count is not zero.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hardening"))
from served import Served

TOKEN = "load-test-token"
GOOD = [
    {}, {"type": "armed_clash"}, {"type": ["air_strike", "shelling"], "modality": "asserted"},
    {"date_from": "2016-01-01", "date_to": "2017-12-31"}, {"country": "SY"},
    {"country": "IQ", "sort": "-fatalities"}, {"actor": "Military"}, {"place": "حلب"},
    {"q": "قصف"}, {"q": "Aleppo"}, {"bbox": "35,32,43,38"}, {"min_fatalities": "3"},
    {"min_confidence": "0.5", "limit": "5"}, {"limit": "100", "offset": "10"},
    {"source": "Observatory"}, {"outlet": "Jawhara"},
]
BAD = [
    ("GET", "/events", {"date_from": "2024-13-45"}, None),
    ("GET", "/events", {"limit": "1000000000"}, None),
    ("GET", "/events", {"bbox": "a,b,c"}, None),
    ("GET", "/events", {"type": "nuclear_strike"}, None),
    ("GET", "/events", {"min_confidence": "NaN"}, None),
    ("GET", "/events", {"actor": "x\x00y"}, None),
    ("GET", "/events/' OR 1=1 --", {}, None),
    ("GET", "/articles/..%2f..%2fetc%2fpasswd", {}, None),
    ("POST", "/articles", {}, b'{"text": "no token"}'),
    ("POST", "/articles", {}, b"x" * (5 * 2**20)),
    ("DELETE", "/events", {}, None),
]


def build_store(folder: Path) -> Path:
    db = folder / "load.db"
    command = [sys.executable, "-m", "hadath", "run", str(REPO / "examples"),
               str(REPO / "eval" / "events" / "articles.jsonl"), "--db", str(db), "--no-tagger",
               "--published", "2024-11-30"]
    subprocess.run(command, check=True, capture_output=True, timeout=1800)
    return db


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.server_errors: list[str] = []
        self.bad_not_4xx: list[str] = []

    def note(self, latency: float, status: int, bad: bool, what: str) -> None:
        with self.lock:
            self.latencies.append(latency)
            self.statuses[status] += 1
            if status >= 500 or status == 0:
                self.server_errors.append(f"{status} {what}")
            elif bad and not 400 <= status < 500:
                self.bad_not_4xx.append(f"{status} {what}")


def client_loop(url: str, ids: list[str], count: int, bad_share: float, deadline: float,
                tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(count):
            if time.monotonic() > deadline:
                return
            bad = rng.random() < bad_share
            if bad:
                method, path, params, body = rng.choice(BAD)
            else:
                method, body = "GET", None
                path, params = rng.choice([("/events", p) for p in GOOD] + [
                    (f"/events/{rng.choice(ids)}", {}), ("/stats", {}), ("/actors", {}),
                    ("/places", {"country": "SY"})])
            started = time.perf_counter()
            try:
                status = client.request(method, path, params=params, content=body).status_code
            except httpx.HTTPError:
                status = 0
            tally.note(time.perf_counter() - started, status, bad, f"{method} {path} {params}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--bad-share", type=float, default=0.2)
    args = parser.parse_args()
    db = args.db or build_store(Path(tempfile.mkdtemp(prefix="hadath-load-")))
    served = Served(db, TOKEN)
    try:
        ids = [e["id"] for e in httpx.get(served.url + "/events", params={"limit": 100},
                                          timeout=60).json()["events"]]
        tally = Tally()
        deadline = time.monotonic() + args.seconds
        started = time.monotonic()
        threads = [threading.Thread(target=client_loop, args=(
            served.url, ids or ["none"], args.requests // args.clients, args.bad_share,
            deadline, tally, n)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        took = time.monotonic() - started
    finally:
        stderr = served.stop()
    latencies = sorted(tally.latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"store {db}: {len(ids)} events listed first")
    print(f"{len(latencies)} requests from {args.clients} clients in {took:.1f} s: "
          f"{len(latencies) / took:.0f} requests/s, p50 {statistics.median(latencies) * 1000:.1f} ms, "
          f"p99 {p99 * 1000:.1f} ms, max {latencies[-1] * 1000:.0f} ms")
    print(f"statuses: {dict(sorted(tally.statuses.items()))}")
    print(f"server errors (5xx or dropped): {len(tally.server_errors)} {tally.server_errors[:5]}")
    print(f"bad requests not answered 4xx: {len(tally.bad_not_4xx)} {tally.bad_not_4xx[:5]}")
    tracebacks = stderr.count("Traceback")
    print(f"tracebacks on the server's stderr: {tracebacks}")
    return 1 if tally.server_errors or tally.bad_not_4xx or tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
