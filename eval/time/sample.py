"""Draw candidate sentences for the time test set from the public news corpora.

Takes the ANT corpus (Jawhara FM, with publication times) and SaudiNewsNet (crawl dates) from
`<repo>/../shared/data`; prints JSON lines {doc, ref, text} of sentences holding a temporal cue,
a fixed-seed sample per corpus and cue family. The cues are plain keywords, independent of the time
grammar, so that the sample also holds expressions the grammar misses. The values in
`cases.jsonl` were then written by hand.
"""
from __future__ import annotations

import json
import random
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from hadath.text.normalize import normalize_key

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
CUES = {
    "dayword": r"(?<!\w)[وفب]?(?:اليوم|امس|الامس|غدا|البارحه|الليله)(?!\w)",
    "weekday": r"(?<!\w)[وفب]?(?:يوم\s+)?(?:السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)",
    "month": r"(?:جانفي|فيفري|افريل|جوان|جويليه|اوت|يناير|فبراير|ابريل|مايو|يونيو|يوليو|اغسطس"
    r"|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|ايلول|تشرين)",
    "period": r"(?:الاسبوع|الشهر|العام|السنه)\s+(?:الماضي|الجاري|المقبل|القادم|الحالي|المنصرم)",
    "duration": r"(?:قبل|منذ|خلال|غضون)\s+(?:\S+\s+){0,2}(?:ساع|يوم|ايام|اسبوع|اسابيع|اشهر|سنوات)",
    "year": r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])",
    "hijri": r"(?:[0-9]{4}\s*ه(?!\w)|رمضان|شوال|ذي الحجه|محرم|عيد الفطر|عيد الاضحي)",
    "phase": r"(?:مطلع|منتصف|اواخر|اوائل|نهايه|بدايه)\s+\S+",
    "numeric": r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}",
}
_SENTENCE = re.compile(r"[^.!?؟\n]{40,400}")


def ant_articles() -> Iterator[tuple[str, str, str]]:
    for path in sorted((DATA / "antcorpus").glob("*/*.txt")):
        raw = path.read_text(encoding="utf-8")
        when = re.search(r"<TIME>(\d{4}-\d\d-\d\d)", raw)
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        if when and body:
            yield path.stem, when.group(1), body.group(1)


def saudi_articles() -> Iterator[tuple[str, str, str]]:
    for path in sorted((DATA / "saudinewsnet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            rows = json.loads(archive.read(archive.namelist()[0]))
        for i, row in enumerate(rows):
            yield f"{row['source']}-{path.stem}-{i}", row["date_extracted"][:10], row["content"]


def main(per_cue: int = 8, seed: int = 6) -> None:
    rng = random.Random(seed)
    pools: dict[tuple[str, str], list[dict[str, str]]] = {}
    for name, corpus in (("ant", ant_articles()), ("saudi", saudi_articles())):
        for doc, ref, body in corpus:
            for sentence in _SENTENCE.findall(body):
                key = normalize_key(sentence)
                for cue, pattern in CUES.items():
                    if re.search(pattern, key):
                        item = {"doc": doc, "ref": ref, "text": sentence.strip()}
                        pools.setdefault((name, cue), []).append(item)
    # Per corpus and cue family, so that the Tunisian outlet is not drowned by the Saudi ones.
    for (_, cue), pool in sorted(pools.items()):
        for item in rng.sample(pool, min(per_cue, len(pool))):
            print(json.dumps({"cue": cue, **item}, ensure_ascii=False))


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
