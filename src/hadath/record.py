"""The Article record and its layers, exactly the JSON of SPEC.md "Output of one article".

Every stage takes an `Article` and fills one layer. Every span's `start`/`end` index
`article.text` (the cleaned headline and body), so `text[start:end] == surface` always holds.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class ArticleMeta:
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    language: str | None = None
    duplicate_of: str | None = None
    # where `published` came from: "input" (the article's own metadata), "option" (the
    # user's --published), "file name" or "crawl date"; None when there is no date
    published_from: str | None = None


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Mention:
    """A named actor, place, person or organisation found in the text."""

    start: int
    end: int
    surface: str
    label: str  # actor | place | person | org
    canonical: str | None = None
    kind: str | None = None
    country: str | None = None
    source: str = "gazetteer"  # gazetteer | pattern | tagger
    score: float = 1.0
    subkind: str | None = None
    affiliation: str | None = None
    affiliation_kind: str | None = None
    # place fields (label == "place"); SPEC location fields
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    reason: str | None = None


@dataclass
class TimeExpr:
    start: int
    end: int
    surface: str
    value: str  # ISO 8601 day, month, year or "start/end" interval
    precision: int  # 1 = day, 2 = week or a few days, 3 = month or vaguer


@dataclass
class NumberExpr:
    start: int
    end: int
    surface: str
    value: int | float
    min: bool = False
    approx: bool = False
    vague: bool = False
    max_value: int | float | None = None  # upper bound of a range "بين 20 و25"
    ordinal: bool = False
    noun: str | None = None  # the counted noun, normalised ("عنصرا" → "عنصرا", "قتيلا")


@dataclass
class Claim:
    start: int
    end: int
    source: str | None
    source_surface: str | None
    cue: str
    polarity: str = "assert"  # assert | deny
    via: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass
class Article:
    article: ArticleMeta
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    numbers: list[NumberExpr] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        def build(kind: type, rows: list[dict[str, Any]]) -> list[Any]:
            names = {f.name for f in fields(kind)}
            return [kind(**{k: v for k, v in row.items() if k in names}) for row in rows]

        meta_names = {f.name for f in fields(ArticleMeta)}
        return cls(
            article=ArticleMeta(**{k: v for k, v in data["article"].items() if k in meta_names}),
            sentences=build(Sentence, data.get("sentences", [])),
            mentions=build(Mention, data.get("mentions", [])),
            times=build(TimeExpr, data.get("times", [])),
            numbers=build(NumberExpr, data.get("numbers", [])),
            claims=build(Claim, data.get("claims", [])),
            events=list(data.get("events", [])),
        )
