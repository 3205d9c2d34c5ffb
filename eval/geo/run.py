"""Score `resolve_places` on the hand-checked toponym test set (eval/geo/testset.tsv).

Reads each article from ../shared/data, resolves its places, and matches every gold toponym to
the system mention that overlaps it. Prints: found, right country, within 15 km with the right
country, right precision code, median error, and spurious mentions in the annotated sentences.
Usage: python eval/geo/run.py [testset.tsv | heldout.tsv] [--errors]
testset.tsv (default) is the development set; heldout.tsv was annotated blind and never tuned on.
"""
from __future__ import annotations

import csv
import math
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHARED_DATA, article_text

from hadath.geo import resolve_places
from hadath.record import Mention

HERE = Path(__file__).resolve().parent
MAX_KM = 15.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def load_items(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def overlapping(mentions: list[Mention], start: int, end: int) -> Mention | None:
    hits = [m for m in mentions if m.start < end and start < m.end]
    return min(hits, key=lambda m: abs(m.start - start)) if hits else None


def main() -> None:
    if not SHARED_DATA.exists():
        sys.exit(f"the public data folder {SHARED_DATA} is missing; nothing to score")
    show_errors = "--errors" in sys.argv
    names = [a for a in sys.argv[1:] if not a.startswith("--")]
    items = load_items(HERE / (names[0] if names else "testset.tsv"))
    by_ref: dict[str, list[dict[str, str]]] = defaultdict(list)
    for item in items:
        by_ref[item["ref"]].append(item)
    found = country_ok = precision_ok = 0
    point_items = within = 0
    errors_km: list[float] = []
    spurious = 0
    for ref, gold in by_ref.items():
        mentions = resolve_places(article_text(ref))
        for item in gold:
            start, end = int(item["start"]), int(item["end"])
            m = overlapping(mentions, start, end)
            has_point = bool(item["lat"])
            point_items += has_point
            if m is None:
                if show_errors:
                    print(f"MISS  {item['item']:5} {item['surface']} ({item['country']})")
                continue
            found += 1
            right_country = m.country == item["country"]
            country_ok += right_country
            precision_ok += m.geo_precision == int(item["precision"])
            if has_point and m.lat is not None and m.lon is not None:
                error = km(float(item["lat"]), float(item["lon"]), m.lat, m.lon)
                errors_km.append(error)
                ok = right_country and error <= MAX_KM
                within += ok
                if show_errors and not ok:
                    print(f"FAR   {item['item']:5} {item['surface']} -> {m.canonical} "
                          f"{m.country} {error:.0f} km ({m.reason})")
            if show_errors and m.geo_precision != int(item["precision"]):
                print(f"PREC  {item['item']:5} {item['surface']} gold {item['precision']} "
                      f"got {m.geo_precision} ({m.surface})")
        sentences = {(int(i["sentence_start"]), int(i["sentence_end"])) for i in gold}
        for m in mentions:
            in_sentence = any(a <= m.start < b for a, b in sentences)
            if in_sentence and not any(int(i["start"]) < m.end and m.start < int(i["end"])
                                       for i in gold):
                spurious += 1
                if show_errors:
                    print(f"EXTRA {ref} {m.surface} -> {m.canonical} {m.country}")
    total = len(items)
    countries = len({i["country"] for i in items})
    print(f"toponyms: {total} in {len(by_ref)} articles, {countries} countries "
          f"({point_items} with a point, {total - point_items} regions)")
    print(f"found:                          {found / total:.3f}")
    print(f"right country:                  {country_ok / total:.3f}")
    print(f"within {MAX_KM:.0f} km, right country:   {within / point_items:.3f}")
    print(f"right precision code:           {precision_ok / total:.3f}")
    if errors_km:
        print(f"median error (found, km):       {statistics.median(errors_km):.1f}")
    print(f"spurious mentions in sentences: {spurious}")


if __name__ == "__main__":
    main()
