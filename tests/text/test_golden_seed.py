"""Golden file: the text layer of the bundled example article (ingest + text), exactly.

Regenerate after an intended change with `python tests/text/test_golden_seed.py --write` and review
the diff of `golden/seed_text_layer.json` before committing it.
"""
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from hadath.ingest import IngestDefaults, read_one
from hadath.record import ArticleMeta
from hadath.text.numbers import find_numbers
from hadath.text.sentences import split_sentences
from hadath.text.tokens import tokenize

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[1] / "examples" / "aleppo_2024-11-30.txt"
GOLDEN = HERE / "golden" / "seed_text_layer.json"


def text_layer() -> dict[str, Any]:
    (meta,) = read_one(EXAMPLE, IngestDefaults(published="2024-11-30"))
    assert isinstance(meta, ArticleMeta)
    text = meta.text
    return {
        "title": meta.title,
        "outlet": meta.outlet,
        "text": text,
        "sentences": [text[s.start : s.end] for s in split_sentences(text)],
        "tokens": [
            [t.text, "+".join(t.prefixes), text[t.stem_start : t.stem_end], t.suffix or ""]
            for t in tokenize(text)
            if t.is_word
        ],
        "numbers": [asdict(n) for n in find_numbers(text)],
    }


def test_seed_text_layer_matches_the_golden_file() -> None:
    assert text_layer() == json.loads(GOLDEN.read_text(encoding="utf-8"))


if __name__ == "__main__" and "--write" in sys.argv:
    GOLDEN.write_text(json.dumps(text_layer(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
