"""Cost of fusion per article in a store that already holds many: ANT articles (all 10,151,
Jawhara FM 2014–2017) through the pipeline without the tagger, saved in publication order
into a new store, with the time `Store.save` spends fusing (candidate look-up, assignment,
writing fused events and their search text) measured apart from the rest of the save.

Usage: python bench/bench_fusion.py [--stored 10000] [--db URL] [--cache FILE]
Prints, for the articles saved into a store of 0–1k, 1k–5k and 5k–N articles, and for the
held-out articles saved into the full store: milliseconds per article of fusion and of the
whole save, with the count of fused events and how many fuse more than one report.
`--cache` keeps the extracted articles (JSON Lines), so that a second run skips extraction.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import hadath.store.db as store_db
from hadath.pipeline import process
from hadath.record import Article, ArticleMeta
from hadath.store.db import Store

ANT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "antcorpus"


def ant_metas() -> list[ArticleMeta]:
    """Every ANT article, oldest first (then by file name)."""
    metas = []
    for path in sorted(ANT.glob("*/*.txt")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.DOTALL)
        if not body:
            continue
        head = title.group(1).strip() if title else ""
        metas.append(ArticleMeta(id=path.stem, text=f"{head}\n\n{body.group(1).strip()}",
                                 title=head, outlet="Jawhara FM", language="ar",
                                 published=_file_date(path.stem)))
    return sorted(metas, key=lambda m: (m.published or "", m.id))


def _file_date(stem: str) -> str | None:
    """The day in an ANT file name: YYYYMMDD, or DDMMYYYY in some."""
    digits = re.search(r"(\d{8})$", stem)
    for order in ("%Y%m%d", "%d%m%Y"):
        try:
            return datetime.strptime(digits.group(1), order).date().isoformat() if digits else None
        except ValueError:
            continue
    return None


def extracted(cache: Path | None) -> list[Article]:
    if cache and cache.exists():
        with cache.open(encoding="utf-8") as lines:
            return [Article.from_dict(json.loads(line)) for line in lines]
    articles = [process(meta, tagger=False) for meta in ant_metas()]
    if cache:
        with cache.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)
    return articles


class FusionClock:
    """Wraps the store's call into fusion to add up the CPU time it takes."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._fuse = store_db.fuse_article
        store_db.fuse_article = self  # type: ignore[assignment]

    def __call__(self, *args: object) -> None:
        started = time.process_time()
        self._fuse(*args)  # type: ignore[arg-type]
        self.seconds += time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--stored", type=int, default=10_000)
    parser.add_argument("--db", help="a SQLAlchemy URL (default: a new SQLite file)")
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    if not ANT.is_dir():
        print(f"error: no ANT corpus under {ANT}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    articles = extracted(args.cache)
    print(f"{len(articles)} articles extracted in {time.perf_counter() - started:.0f} s "
          f"({sum(len(a.events) for a in articles)} reports)")
    # every n-th article held out, to be saved once the store holds the others
    step = max(2, len(articles) // max(1, len(articles) - args.stored))
    held = [a for i, a in enumerate(articles) if i % step == step - 1][:len(articles) - args.stored]
    held_ids = {a.id for a in held}
    stored = [a for a in articles if a.id not in held_ids][:args.stored]
    store = Store(args.db or str(Path(tempfile.mkdtemp()) / "fusion.db"))
    clock = FusionClock()
    bands = [(0, 1000), (1000, 5000), (5000, len(stored))]
    print(f"{'store holds':>18} {'articles':>8} {'fusion ms/article':>18} {'save ms/article':>16}")
    for low, high in bands:
        clock.seconds, begun = 0.0, time.process_time()
        for article in stored[low:high]:
            store.save(article)
        _line(f"{low:,}–{high:,}", high - low, clock.seconds, time.process_time() - begun)
    clock.seconds, begun = 0.0, time.process_time()
    for article in held:
        store.save(article)
    _line(f"{len(stored):,} (held out)", len(held), clock.seconds, time.process_time() - begun)
    counts = store.counts()
    many = store.count_events() - sum(1 for e in store.events() if e["n_reports"] == 1)
    print(f"store: {counts['articles']:,} articles, {counts['events']:,} reports, "
          f"{counts['fused_events']:,} fused events ({many:,} of them fuse 2 or more reports); "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


def _line(band: str, count: int, fusion: float, save: float) -> None:
    if count:
        print(f"{band:>18} {count:>8,} {1000 * fusion / count:>18.2f} {1000 * save / count:>16.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
