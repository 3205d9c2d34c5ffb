"""Draw the annotation corpus's articles and sentences from the ANT corpus.

Reads ANT v1.1 (`../shared/data/antcorpus`), keeps articles published in 2016–2017 that no
evaluation set of the project uses, draws a fixed number per category (seeded, so the draw
is the same on every machine) and writes `articles.jsonl` and `work/batch_NNN.todo.jsonl`:
the first sentences of each article, as hadath segments them, in batches of whole articles.
The years 2014–2015 stay out of the corpus so that a blind article set can be drawn there.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from hadath.text.sentences import split_sentences

HERE = Path(__file__).resolve().parent.parent
REPO = HERE.parent.parent
ANT = REPO.parent / "shared" / "data" / "antcorpus"

# Articles per category: conflict and politics first, but every section is drawn so that most
# sentences hold no event and the negatives are real news text.
QUOTAS = {
    "internationalNews": 320, "politic": 150, "localNews": 260, "society": 55,
    "diverse": 35, "economy": 25, "sport": 20, "culture": 8, "technology": 7,
}
CORPUS_YEARS = ("2016", "2017")
MAX_SENTENCES = 10  # the title and the lead carry most of an article's events
MIN_WORDS = 3
BATCH_SENTENCES = 50

_FIELD = re.compile(r"<(DOCNO|URL|CAT|TITLE|TIME)>(.*?)</\1>", re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")


def read_ant(path: Path) -> dict[str, str] | None:
    raw = path.read_text(encoding="utf-8", errors="replace")
    fields = {k: v.strip() for k, v in _FIELD.findall(raw)}
    body = _TEXT.search(raw)
    if not body or "DOCNO" not in fields:
        return None
    fields["body"] = body.group(1).strip("\n")
    return fields


def used_elsewhere() -> set[str]:
    """DOCNOs that an evaluation set or a test of the project already uses."""
    found: set[str] = set()
    for root in ("eval", "tests"):
        for path in (REPO / root).rglob("*"):
            if path.is_file() and path.suffix in {".json", ".jsonl", ".tsv", ".conll", ".py", ".txt"}:
                found.update(re.findall(r"JA-[A-Za-z]+-\d+-\d{8}", path.read_text(errors="ignore")))
    return found


def article_text(doc: dict[str, str]) -> str:
    """Title, a blank line and the body, as the project's evaluation sets build it."""
    return f"{doc['TITLE']}\n\n{doc['body']}"


def draw(seed: int) -> list[dict[str, str]]:
    excluded = used_elsewhere()
    rng = random.Random(seed)
    chosen: list[dict[str, str]] = []
    for category, quota in QUOTAS.items():
        docs = []
        for path in sorted((ANT / category).glob("*.txt")):
            doc = read_ant(path)
            if (doc and doc["DOCNO"] not in excluded and doc.get("TIME", "")[:4] in CORPUS_YEARS
                    and len(doc["body"]) > 80):
                doc["CAT"] = category
                docs.append(doc)
        chosen.extend(rng.sample(docs, quota))
    rng.shuffle(chosen)
    return chosen


def sentences_of(text: str) -> list[tuple[int, int]]:
    spans = []
    for s in split_sentences(text):
        if len(_ARABIC_WORD.findall(text[s.start:s.end])) >= MIN_WORDS:
            spans.append((s.start, s.end))
        if len(spans) == MAX_SENTENCES:
            break
    return spans


# The second draw: articles of the same years whose text names violence, protest or arrest
# (the events lexicon's cues), so that rare violent types have enough examples to learn from.
# Its sentences are those with a cue, the title and the one after a cue-bearing sentence.
CUE_TYPES = frozenset({"armed_clash", "territory_taken", "territory_regained", "air_strike",
                       "shelling", "explosion", "attack_on_civilians", "abduction", "protest",
                       "riot", "arrest", "withdrawal", "mobilization"})
CUE_ARTICLES = 420
CUE_SENTENCES = 5


def cue_draw(seed: int, first_batch: int, n_articles: int = CUE_ARTICLES) -> None:
    from hadath.events.cues import find_cues

    taken = {json.loads(line)["id"] for line in (HERE / "articles.jsonl").open(encoding="utf-8")}
    excluded = used_elsewhere() | taken
    rng = random.Random(seed + 1)
    pool = []
    for category in ("internationalNews", "localNews", "politic", "society", "diverse"):
        for path in sorted((ANT / category).glob("*.txt")):
            doc = read_ant(path)
            if not doc or doc["DOCNO"] in excluded or doc.get("TIME", "")[:4] not in CORPUS_YEARS:
                continue
            doc["CAT"] = category
            text = article_text(doc)
            cued = [c for c in find_cues(text).triggers if c.value in CUE_TYPES]
            if cued:
                pool.append((doc, text, cued))
    chosen = rng.sample(pool, min(n_articles, len(pool)))
    articles, batch, n_batch, n_sent = [], [], first_batch, 0
    for doc, text, cued in chosen:
        spans = sentences_of_all(text)
        keep = {0}
        for i, (start, end) in enumerate(spans):
            if any(start <= c.start < end for c in cued):
                keep.update({i, i + 1})
        picked = [i for i in sorted(keep) if i < len(spans)][:CUE_SENTENCES]
        art_id = doc["DOCNO"]
        articles.append({"id": art_id, "url": doc.get("URL", ""), "outlet": "Jawhara FM",
                         "category": doc["CAT"], "title": doc["TITLE"],
                         "published": doc.get("TIME", ""), "text": text, "draw": "cue"})
        for i in picked:
            start, end = spans[i]
            previous = text[spans[i - 1][0]:spans[i - 1][1]] if i else ""
            batch.append({"id": f"{art_id}#{i}", "article": art_id, "start": start, "end": end,
                          "published": doc.get("TIME", "")[:10], "title": doc["TITLE"],
                          "previous": previous, "text": text[start:end]})
        if len(batch) >= BATCH_SENTENCES:
            n_sent += len(batch)
            _write(HERE / "work" / f"batch_{n_batch:03d}.todo.jsonl", batch)
            n_batch, batch = n_batch + 1, []
    if batch:
        n_sent += len(batch)
        _write(HERE / "work" / f"batch_{n_batch:03d}.todo.jsonl", batch)
        n_batch += 1
    with (HERE / "articles.jsonl").open("a", encoding="utf-8") as out:
        for row in articles:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"cue draw: {len(articles)} articles (of {len(pool)} with a cue), {n_sent} sentences, "
          f"batches {first_batch:03d}–{n_batch - 1:03d}")


def sentences_of_all(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)
            if len(_ARABIC_WORD.findall(text[s.start:s.end])) >= MIN_WORDS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--cue-draw", type=int, metavar="FIRST_BATCH",
                        help="add a cue-selected draw from this batch number on (articles "
                             "already in the corpus are not drawn again)")
    parser.add_argument("--cue-articles", type=int, default=CUE_ARTICLES,
                        help="articles in a cue-selected draw")
    args = parser.parse_args()
    if args.cue_draw is not None:
        cue_draw(args.seed, args.cue_draw, args.cue_articles)
        return
    work = HERE / "work"
    work.mkdir(exist_ok=True)
    articles, batch, n_batch, n_sent = [], [], 0, 0
    for doc in draw(args.seed):
        text = article_text(doc)
        art_id = doc["DOCNO"]
        articles.append({"id": art_id, "url": doc.get("URL", ""), "outlet": "Jawhara FM",
                         "category": doc["CAT"], "title": doc["TITLE"],
                         "published": doc.get("TIME", ""), "text": text, "draw": "random"})
        previous = ""
        for i, (start, end) in enumerate(sentences_of(text)):
            batch.append({"id": f"{art_id}#{i}", "article": art_id, "start": start, "end": end,
                          "published": doc.get("TIME", "")[:10], "title": doc["TITLE"],
                          "previous": previous, "text": text[start:end]})
            previous = text[start:end]
        if len(batch) >= BATCH_SENTENCES:
            n_sent += len(batch)
            _write(work / f"batch_{n_batch:03d}.todo.jsonl", batch)
            n_batch, batch = n_batch + 1, []
    if batch:
        n_sent += len(batch)
        _write(work / f"batch_{n_batch:03d}.todo.jsonl", batch)
        n_batch += 1
    _write(HERE / "articles.jsonl", articles)
    print(f"{len(articles)} articles, {n_sent} sentences, {n_batch} batches")


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
