"""Check coded batches and build the corpus file with character offsets.

A coder writes `work/batch_NNN.coded.jsonl` beside `batch_NNN.todo.jsonl`: one line per
sentence, `{"id", "events": [{"type", "modality", "trigger", "actor1", ...}]}` with each span
given as the exact words of the sentence, or `["words", n]` for their n-th occurrence.

    python corpus/ant_events/tools/build.py --check work/batch_007.coded.jsonl
    python corpus/ant_events/tools/build.py          # all coded batches → sentences.jsonl

The corpus keeps offsets into the article text (`articles.jsonl`), so every span reads back as
`article.text[start:end]`.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TYPES = frozenset(["armed_clash", "territory_taken", "territory_regained", "air_strike", "shelling", "explosion", "attack_on_civilians", "abduction", "arrest", "withdrawal", "mobilization", "movement_restriction", "base_established", "military_aid", "agreement", "protest", "riot", "threaten", "accuse", "reject_deny", "support_statement", "request_appeal", "meeting"])
MODALITIES = frozenset(["asserted", "claimed", "denied", "planned", "conditional", "historical"])
ROLES = ("trigger", "actor1", "actor2", "place", "time", "source")
REQUIRED = ("type", "modality", "trigger")


class CodingError(ValueError):
    """A coded line that does not fit its sentence or the guidelines' vocabulary."""


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise CodingError(f"{path.name}:{n}: not JSON ({err})") from err
    return rows


def locate(sentence: dict, value: object, role: str) -> dict:
    """The offsets, in the article, of a span written as words of the sentence."""
    if isinstance(value, str):
        words, nth = value, 1
    elif isinstance(value, list) and len(value) == 2 and isinstance(value[0], str):
        words, nth = value[0], int(value[1])
    else:
        raise CodingError(f"{sentence['id']}: {role} must be the sentence's words, got {value!r}")
    words_stripped = words.strip()
    if not words_stripped:
        raise CodingError(f"{sentence['id']}: {role} is empty")
    text, at = sentence["text"], -1
    for _ in range(nth):
        at = text.find(words_stripped, at + 1)
        if at < 0:
            raise CodingError(f"{sentence['id']}: {role} {words_stripped!r} (occurrence {nth}) "
                              "is not in the sentence; copy the characters exactly")
    start = sentence["start"] + at
    return {"start": start, "end": start + len(words_stripped), "text": words_stripped}


def resolve(sentence: dict, coded: dict) -> dict:
    events = coded.get("events")
    if not isinstance(events, list):
        raise CodingError(f"{sentence['id']}: 'events' must be a list (empty for none)")
    out = []
    for event in events:
        for field in REQUIRED:
            if not event.get(field):
                raise CodingError(f"{sentence['id']}: an event has no {field}")
        if event["type"] not in TYPES:
            raise CodingError(f"{sentence['id']}: unknown type {event['type']!r}")
        if event["modality"] not in MODALITIES:
            raise CodingError(f"{sentence['id']}: unknown modality {event['modality']!r}")
        unknown = set(event) - set(ROLES) - {"type", "modality", "note"}
        if unknown:
            raise CodingError(f"{sentence['id']}: unknown fields {sorted(unknown)}")
        record = {"type": event["type"], "modality": event["modality"]}
        for role in ROLES:
            if event.get(role):
                record[role] = locate(sentence, event[role], role)
        if event.get("note"):
            record["note"] = event["note"]
        out.append(record)
    return {"id": sentence["id"], "article": sentence["article"], "start": sentence["start"],
            "end": sentence["end"], "text": sentence["text"], "events": out}


def build_batch(todo: Path, coded: Path) -> list[dict]:
    sentences = read_jsonl(todo)
    codings = {}
    for row in read_jsonl(coded):
        if row.get("id") in codings:
            raise CodingError(f"{coded.name}: {row.get('id')} coded twice")
        codings[row.get("id")] = row
    missing = [s["id"] for s in sentences if s["id"] not in codings]
    extra = set(codings) - {s["id"] for s in sentences}
    if missing or extra:
        raise CodingError(f"{coded.name}: missing {missing[:5]} … extra {sorted(extra)[:5]}")
    return [resolve(s, codings[s["id"]]) for s in sentences]


def todo_for(coded: Path) -> Path:
    name = coded.name.replace(".coded.jsonl", ".todo.jsonl")
    return HERE / "work" / name


def check(paths: list[Path]) -> int:
    status = 0
    for path in paths:
        try:
            rows = build_batch(todo_for(path), path)
        except CodingError as err:
            print(f"FAIL {err}")
            status = 1
            continue
        types = Counter(e["type"] for r in rows for e in r["events"])
        with_event = sum(1 for r in rows if r["events"])
        print(f"ok {path.name}: {len(rows)} sentences, {with_event} with events, "
              f"{sum(types.values())} events")
    return status


def build(out: Path) -> int:
    rows: list[dict] = []
    for coded in sorted((HERE / "work").glob("batch_*.coded.jsonl")):
        rows.extend(build_batch(todo_for(coded), coded))
    articles = {a["id"]: a["text"] for a in read_jsonl(HERE / "articles.jsonl")}
    for row in rows:  # offsets must read back from the article, character for character
        text = articles[row["article"]]
        assert text[row["start"]:row["end"]] == row["text"], row["id"]
        for event in row["events"]:
            for role in ROLES:
                if role in event:
                    span = event[role]
                    assert text[span["start"]:span["end"]] == span["text"], (row["id"], role)
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    types = Counter(e["type"] for r in rows for e in r["events"])
    n_articles = len({r["article"] for r in rows})
    print(f"{len(rows)} sentences from {n_articles} articles, "
          f"{sum(1 for r in rows if r['events'])} with events, {sum(types.values())} events")
    for t, n in types.most_common():
        print(f"  {t:22} {n}")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", nargs="+", type=Path, help="coded batch files to check")
    parser.add_argument("--out", type=Path, default=HERE / "sentences.jsonl")
    args = parser.parse_args()
    sys.exit(check(args.check) if args.check else build(args.out))


if __name__ == "__main__":
    main()
