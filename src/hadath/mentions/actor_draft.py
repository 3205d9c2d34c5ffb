"""The mention being built by the context rules, before offsets go back to the input text.

`Draft` holds normalised offsets and the resolved actor; `state_actor` names a state's army,
police or government the way the dictionary does.
"""
from __future__ import annotations

from dataclasses import dataclass

from hadath.countries import fill_country
from hadath.mentions.actor_lexicon import FIXED, ActorLexicon


@dataclass
class Draft:
    """A mention being built, in normalised offsets."""

    start: int
    end: int
    canonical: str | None
    kind: str | None
    country: str | None
    score: float
    source: str
    subkind: str | None = None
    affiliation: str | None = None
    reason: str | None = None
    role: str = FIXED
    title: str | None = None  # org-title role and English title, for merging


def state_actor(kind: str, country: str | None, lex: ActorLexicon) -> tuple[str, str] | None:
    """("Military Forces of Syria", "state_forces") for kind state_forces and SYR."""
    if not country or country not in lex.countries:
        return None
    canonical = fill_country({"state_forces": "Military Forces of {en}",
                              "police": "Police Forces of {en}",
                              "government": "Government of {en}"}[kind], country)
    return canonical, kind
