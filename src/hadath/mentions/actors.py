"""Actor mentions in Arabic news text, with canonical English names, kinds and countries.

`find_actors(text)` takes any text (an article's cleaned text) and returns `Mention`s whose
offsets index that text; `lookup_actor` and `actor_names` expose the dictionary to later
stages (claims, events, the tagger).
"""
from __future__ import annotations

import re
from functools import lru_cache

from hadath.mentions.actor_context import Draft, resolve_matches
from hadath.mentions.actor_lexicon import (
    ANAPHOR,
    BLOCKER,
    CUE,
    GENERIC,
    ORG_TITLE,
    ActorEntry,
    label_for,
    load_lexicon,
)
from hadath.mentions.actor_matcher import find_alias_matches
from hadath.record import Mention
from hadath.text.normalize import NormText, normalize

_SPACE_RUN = re.compile(" {2,}")
_QUOTES = frozenset('"\'«»“”„‟‘’')
# Alias roles that are context helpers, not names of an actor.
_NOT_NAMES = frozenset({ANAPHOR, BLOCKER, CUE, GENERIC, ORG_TITLE})


def find_actors(text: str, country: str | None = None) -> list[Mention]:
    """Every actor, person-with-title and organisation mention in `text`, in text order.

    `country` (ISO 3166-1 alpha-3), when known from the places or the outlet, helps generic
    and bare forms ("قوات الأمن"، "مسلحون") when the text names no state.

    >>> [m.canonical for m in find_actors("وأعلن الجيش السوري انسحابه من حلب")]
    ['Military Forces of Syria']
    """
    norm = normalize(text)
    lex = load_lexicon()
    matchable, to_norm = squeeze_spaces(norm.text)
    drafts = resolve_matches(matchable, find_alias_matches(matchable), lex, country)
    return [_to_mention(norm, draft, to_norm) for draft in drafts if draft.canonical]


def squeeze_spaces(text: str) -> tuple[str, list[int] | None]:
    """`text` with runs of spaces as one space (a no-break space before a space is common in
    web text), and for each kept character its index in `text` (None: nothing squeezed)."""
    if "  " not in text:
        return text, None
    keep: list[int] = []
    kept_from = 0
    for run in _SPACE_RUN.finditer(text):  # keep a run's first space, by ranges: fast
        keep.extend(range(kept_from, run.start() + 1))
        kept_from = run.end()
    keep.extend(range(kept_from, len(text)))
    return _SPACE_RUN.sub(" ", text), keep


def resolve_in_context(mentions: list[Mention]) -> list[Mention]:
    """Mentions as `find_actors` returns them: context rules already ran over the whole text.

    Kept for callers that hold mentions of one text; bare forms (الجيش، المرصد), capitals
    and generic phrases are resolved inside `find_actors`, which sees the whole text.
    """
    return sorted(mentions, key=lambda m: (m.start, m.end))


def lookup_actor(canonical: str) -> ActorEntry | None:
    """The dictionary entry of a canonical name (kind, subkind, country, aliases, former names)."""
    return load_lexicon().entries.get(canonical)


def actor_name_on(canonical: str, day: str) -> str:
    """The name an actor bore on `day` (ISO date): "Jabhat al-Nusra" for Hayat Tahrir al-Sham
    in 2014, the canonical name itself when no former name covers that day."""
    entry = lookup_actor(canonical)
    for former in entry.former if entry else ():
        if former.start <= day[:10] < former.end:
            return former.name
    return canonical


@lru_cache(maxsize=1)
def actor_names() -> frozenset[str]:
    """Normalised alias forms of named actors (for the tagger's gazetteer features)."""
    lex = load_lexicon()
    return frozenset(key for key, targets in lex.aliases.items()
                     if any(t.role not in _NOT_NAMES for t in targets))


def _to_mention(norm: NormText, draft: Draft, to_norm: list[int] | None) -> Mention:
    start, end = draft.start, draft.end
    if to_norm is not None:
        start, end = to_norm[start], to_norm[end - 1] + 1
    start, end = norm.original_span(start, end)
    # quoted outlet names ("العربية"، «عكاظ») are matched with their quotes; the span is the name
    while end - start > 1 and norm.original[start] in _QUOTES:
        start += 1
    while end - start > 1 and norm.original[end - 1] in _QUOTES:
        end -= 1
    affiliation_kind = None
    if draft.affiliation:
        entry = lookup_actor(draft.affiliation)
        affiliation_kind = entry.kind if entry else None
    return Mention(
        start=start, end=end, surface=norm.original[start:end], label=label_for(draft.kind),
        canonical=draft.canonical, kind=draft.kind, country=draft.country, source=draft.source,
        score=round(draft.score, 2), subkind=draft.subkind, affiliation=draft.affiliation,
        affiliation_kind=affiliation_kind, reason=draft.reason,
    )
