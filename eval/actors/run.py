"""Score `find_actors` on hand-annotated actor mentions from real news articles.

Reads gold.txt beside this file (chunks of ANT Corpus and SaudiNewsNet articles, read from the
shared data folder next to the repository) and prints, per split and in total, the accuracy
(gold mentions found with the right canonical, kind and country) and the precision.
Run: python eval/actors/run.py [--errors]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hadath.mentions import find_actors
from hadath.record import Mention

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / ".." / "shared" / "data"
CLITICS = "وفبلك"


@dataclass
class Gold:
    start: int
    end: int
    surface: str
    canonical: str
    kind: str
    country: str | None


@dataclass
class Chunk:
    ref: str
    split: str
    text: str
    gold: list[Gold]


@lru_cache(maxsize=32)
def _zip_articles(path: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(archive.namelist()[0]))


def article_text(ref: str) -> str:
    """The body of an ANT file or of article #i of a SaudiNewsNet day."""
    if "#" in ref:
        name, index = ref.split("#")
        return _zip_articles(str(DATA / name))[int(index)]["content"].strip()
    raw = (DATA / ref).read_text(encoding="utf-8")
    match = re.search(r"<TEXT>\n?(.*?)</TEXT>", raw, re.DOTALL)
    return match.group(1).strip() if match else ""


def _is_letter(ch: str) -> bool:
    return ch.isalpha()  # digits glued to a word ("الشعبي87") end it


def find_word(text: str, surface: str, start: int) -> int:
    """First occurrence of `surface` at or after `start` as whole words (clitics allowed)."""
    pos = text.find(surface, start)
    while pos >= 0:
        after_ok = pos + len(surface) >= len(text) or not _is_letter(text[pos + len(surface)])
        before = pos - 1
        while before >= 0 and text[before] in CLITICS and before >= pos - 2:
            before -= 1
        before_ok = before < 0 or not _is_letter(text[before])
        if after_ok and before_ok:
            return pos
        pos = text.find(surface, pos + 1)
    return -1


def _locate(text: str, surface: str, cursor: int) -> int:
    if "#" in surface:
        surface, nth = surface.rsplit("#", 1)
        pos = -1
        for _ in range(int(nth)):
            pos = find_word(text, surface, pos + 1)
        return pos
    return find_word(text, surface, cursor)


def load_gold(path: Path = HERE / "gold.txt") -> list[Chunk]:
    chunks: list[Chunk] = []
    cursor = 0
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            _, ref, end, split = line.split()
            chunks.append(Chunk(ref, split, article_text(ref)[: int(end)], []))
            cursor = 0
            continue
        surface, canonical, kind, country = (part.strip() for part in line.split("|"))
        chunk = chunks[-1]
        pos = _locate(chunk.text, surface, cursor)
        if pos < 0:
            raise SystemExit(f"gold.txt:{line_no}: {surface!r} not found in {chunk.ref}")
        surface = surface.split("#")[0]
        chunk.gold.append(Gold(pos, pos + len(surface), surface, canonical, kind, country or None))
        cursor = pos + len(surface)
    return chunks


def _overlaps(a: Gold | Mention, b: Gold | Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _same(gold: Gold, found: Mention) -> bool:
    return (found.canonical, found.kind, found.country) == (gold.canonical, gold.kind, gold.country)


def score(chunks: list[Chunk], show_errors: bool) -> dict[str, dict[str, float]]:
    tallies: dict[str, dict[str, float]] = {}
    for chunk in chunks:
        found = find_actors(chunk.text)
        for name in (chunk.split, "total"):
            tally = tallies.setdefault(name, dict.fromkeys(
                ("gold", "correct", "canonical", "exact", "found", "found_ok"), 0))
            tally["gold"] += len(chunk.gold)
            tally["found"] += len(found)
            for gold in chunk.gold:
                near = [m for m in found if _overlaps(gold, m)]
                tally["correct"] += any(_same(gold, m) for m in near)
                tally["canonical"] += any(m.canonical == gold.canonical for m in near)
                tally["exact"] += any(_same(gold, m) and (m.start, m.end) == (gold.start, gold.end)
                                      for m in near)
            for mention in found:
                tally["found_ok"] += any(_overlaps(g, mention) and g.canonical == mention.canonical
                                         for g in chunk.gold)
        if show_errors:
            _print_errors(chunk, found)
    return tallies


def _print_errors(chunk: Chunk, found: list[Mention]) -> None:
    for gold in chunk.gold:
        near = [m for m in found if _overlaps(gold, m)]
        if not any(_same(gold, m) for m in near):
            got = "; ".join(f"{m.canonical}/{m.kind}/{m.country}" for m in near) or "-"
            print(f"MISS {chunk.ref} {gold.surface} -> {gold.canonical}/{gold.kind}/"
                  f"{gold.country}  got: {got}")
    for mention in found:
        if not any(_overlaps(g, mention) and g.canonical == mention.canonical for g in chunk.gold):
            print(f"EXTRA {chunk.ref} {mention.surface} -> {mention.canonical}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss and extra")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}", file=sys.stderr)
        return 2
    chunks = load_gold()
    tallies = score(chunks, args.errors)
    for name in sorted(tallies, key=lambda n: n == "total"):
        t = tallies[name]
        print(f"{name:6} chunks={sum(c.split == name for c in chunks) or len(chunks):3} "
              f"gold={int(t['gold']):4} accuracy={t['correct'] / t['gold']:.3f} "
              f"canonical={t['canonical'] / t['gold']:.3f} exact_span={t['exact'] / t['gold']:.3f} "
              f"precision={t['found_ok'] / max(t['found'], 1):.3f} (found={int(t['found'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
