"""Read the articles the geo test set points into (ANT and SaudiNewsNet under ../shared/data).

`article_text(ref)` takes "ant:<category>/<file>" or "snn:<day>.zip#<index>" and returns the
article as headline + newline + body, the text the test set's offsets index.
"""
from __future__ import annotations

import json
import re
import zipfile
from functools import lru_cache
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def article_text(ref: str) -> str:
    corpus, _, name = ref.partition(":")
    if corpus == "ant":
        return _ant_article(SHARED_DATA / "antcorpus" / name)
    if corpus == "snn":
        day, _, index = name.partition("#")
        return _snn_day(day)[int(index)]
    raise ValueError(f"unknown corpus in {ref!r}")


def _ant_article(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.DOTALL)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    return (title.group(1).strip() if title else "") + "\n" + (body.group(1).strip() if body else "")


@lru_cache(maxsize=32)
def _snn_day(day: str) -> list[str]:
    with zipfile.ZipFile(SHARED_DATA / "saudinewsnet" / "dataset" / day) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]))
    return [(a.get("title") or "").strip() + "\n" + (a.get("content") or "").strip() for a in articles]
