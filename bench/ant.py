"""The fixed benchmark corpus: ANT articles of the news categories, in a stable order."""
from __future__ import annotations

import re
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
CATEGORIES = ("internationalNews", "politic", "localNews")


def ant_texts(limit: int, *, with_title: bool = False) -> list[str]:
    """Bodies (optionally "title\\nbody") of the first `limit` ANT articles of CATEGORIES."""
    texts: list[str] = []
    for category in CATEGORIES:
        for path in sorted((SHARED_DATA / "antcorpus" / category).glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
            if body:
                title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.DOTALL) if with_title else None
                texts.append((title.group(1) + "\n" if title else "") + body.group(1))
            if len(texts) >= limit:
                return texts
    return texts
