"""The events stage's lexicons found in an article: triggers, figure words, modality cues.

`find_cues(text)` matches every events data file once over the normalised text and returns
`Cue`s whose `start`/`end` index the original text, grouped by file.
"""
from __future__ import annotations

from dataclasses import dataclass

from hadath.claims.lexicon import PhraseHit, matcher, multi_matcher
from hadath.text.normalize import NormText, normalize

STATEMENT_TYPES = frozenset(
    {"threaten", "accuse", "reject_deny", "support_statement", "request_appeal", "meeting"}
)
COMBAT_TYPES = frozenset(
    {"armed_clash", "territory_taken", "territory_regained", "air_strike", "shelling",
     "explosion", "attack_on_civilians", "abduction"}
)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # offsets in the original text
    end: int
    form: str  # the lexicon form (normalised)
    value: str  # event type, figure kind, modality cue or side kind
    pos: str = ""
    strength: str = ""
    prefix: str = ""  # the clitics written before the form ("س" of "ستدافع", "و" of "وقصفت")


@dataclass(frozen=True, slots=True)
class ArticleCues:
    triggers: list[Cue]
    figures: list[Cue]
    modality: list[Cue]
    victims: list[Cue]
    manner: list[Cue]  # how an attack was made ("جوية", "طائرات")


_FILES = {"triggers.tsv": "type", "figures.tsv": "figure", "modality_cues.tsv": "cue",
          "victims.tsv": "side_kind", "type_cues.tsv": "cue"}


def _cues(hits: list[PhraseHit], column: str, norm: NormText) -> list[Cue]:
    cues = []
    norm_text = norm.text
    for hit in hits:
        start, end = norm.original_span(hit.start, hit.end)
        written = norm_text[hit.start:hit.end]
        at = written.find(hit.row["form"][:2])
        cues.append(Cue(start, end, hit.row["form"], hit.row[column], hit.row.get("pos", ""),
                        hit.row.get("strength", ""), written[:max(at, 0)]))
    return cues


def find_cues(text: str) -> ArticleCues:
    """All trigger, figure, modality and victim words of `text`, in text order."""
    norm = normalize(text)
    hits = multi_matcher("events", tuple(_FILES)).find(norm.text)
    found = {name: _cues(hits[name], column, norm) for name, column in _FILES.items()}
    return ArticleCues(
        triggers=[c for c in found["triggers.tsv"] if c.value != "none"],
        figures=found["figures.tsv"],
        modality=found["modality_cues.tsv"],
        victims=found["victims.tsv"],
        manner=found["type_cues.tsv"],
    )


def find_triggers(words: str) -> list[Cue]:
    """The triggers of a short normalised phrase (no offsets mapping needed)."""
    return _cues(matcher("events", "triggers.tsv").find(words), "type", normalize(words))
