"""A name in the text being resolved: its span, qualifiers, candidate places and the choice.

`Toponym` is the working record of `hadath.geo.resolve`; `UNIT_KINDS` are the kinds of place
that can locate another, `LOCATABLE_KINDS` the kinds that can be located in a larger unit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hadath.geo.gazetteer import Place
from hadath.geo.matcher import NameHit
from hadath.geo.qualifiers import Qualifier

# Kinds a place can be located in, and the kinds that can be located in something larger.
UNIT_KINDS = frozenset(["city", "admin1", "country", "region"])
LOCATABLE_KINDS = frozenset(["city", "neighbourhood", "landmark", "admin2"])


@dataclass
class Toponym:
    hit: NameHit
    start: int  # normalised span, qualifiers and trailing direction adjectives included
    end: int
    qualifiers: list[Qualifier]
    candidates: list[Place]
    explicit: set[str] = field(default_factory=set)  # countries named next to it
    locating: Toponym | None = None  # the unit that locates it (حي الشيخ مقصود بحلب)
    split_ids: frozenset[int] = frozenset()  # candidates read with the first letter a clitic
    coordinated: Toponym | None = None  # the place before it in a list (حلب وإدلب)
    locates_town: bool = False  # a town is said to lie in it (مدينة العدوة في المنيا)
    locative: bool = False  # the locating unit follows في or ب (not just a comma or a dash)
    choice: Place | None = None
    located_only: bool = False  # placed at the unit that locates it, not at its own point
    reason: str = ""
    margin: float = 0.0
