"""Context rules that turn alias matches into actor mentions for one whole text.

Takes the `AliasMatch`es of a normalised text and returns `Draft` mentions (normalised
offsets): capitals and states that act become governments, generic phrases take the article's
country, bare forms (الجيش، المرصد) point back to the actor named before, titles with a
pronoun take the state named before. The rules are documented in data/actors/README.md.
"""
from __future__ import annotations

import re
from collections import Counter

from hadath.countries import fill_country
from hadath.mentions.actor_draft import Draft, state_actor
from hadath.mentions.actor_lexicon import (
    ANAPHOR,
    BLOCKER,
    CAPITAL,
    CONTEXT_TITLE,
    CUE,
    FIXED,
    GENERIC,
    METONYM,
    ORG_KINDS,
    ORG_TITLE,
    ActorLexicon,
    AliasTarget,
)
from hadath.mentions.actor_matcher import AliasMatch
from hadath.mentions.actor_titles import add_short_names, merge_titles
from hadath.spans import ByStart
from hadath.text.normalize import normalize_key

_WORD = re.compile(r"\w+")
_VOICE_KINDS = frozenset({"media", "ngo_monitor", "igo"})
# State actors weigh more than a bare adjective or a place name in the country context.
_CONTEXT_WEIGHT = {FIXED: 2, METONYM: 2, CAPITAL: 1, CUE: 1}
_STATE_KINDS = ("state_forces", "police", "government")
_LOCAL_WINDOW = 45  # characters after a bare form where its adjective may stand
_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "بين", "داخل", "خارج",
                           "حول", "نحو", "ضد", "تجاه", "لدي", "عبر", "قرب", "وفي", "ومن"})
_RELATIVES = frozenset({"التي", "الذي", "اللذين", "اللتين", "الذين", "اللواتي", "اللاتي"})
_CHAIN_GAP = re.compile(r"\s*[،,]?\s*و?")
_SENTENCE_STOPS = (".", "!", "؟", "?", "\n")
# A bare form ("التنظيم", "المرصد") names an actor of the same story, a few thousand
# characters away at most, not one of a transcript's or a dump's far pages.
REFERENCE_REACH = 20_000


def country_context(matches: list[AliasMatch]) -> Counter[str]:
    """How strongly each state figures in the text (named actors, names, adjectives)."""
    counts: Counter[str] = Counter()
    for match in matches:
        target = match.targets[0]
        # An alias shared by actors of several states says nothing about the context.
        if len({t.country for t in match.targets if t.priority == target.priority}) > 1:
            continue
        if target.kind in ORG_KINDS:
            continue  # Reuters or the UN say nothing about where the story is set
        if target.country and target.role in _CONTEXT_WEIGHT:
            counts[target.country] += _CONTEXT_WEIGHT[target.role]
    return counts


def choose_target(match: AliasMatch, counts: Counter[str]) -> AliasTarget:
    """One target per match: among equal-priority ones, the one of the likeliest country."""
    best = match.targets[0]
    rivals = [t for t in match.targets if t.priority == best.priority]
    if len(rivals) > 1:
        # The candidate of the state the text is about; with no such state, the one that
        # belongs to no state (al-Qaeda rather than AQAP), else the first listed.
        best = max(rivals, key=lambda t: (counts.get(t.country or "", 0), t.country is None))
        # "الجيش الوطني" is the LNA in Libya, the SNA in Syria, and elsewhere the army of
        # the state the article is about: a bare reading wins when no candidate's state figures.
        fallback = [t for t in match.targets if t.role == ANAPHOR]
        if fallback and not counts.get(best.country or "", 0):
            return fallback[0]
    return best


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30):start])
    return words[-1] if words else ""


def _word_after(text: str, end: int) -> str:
    match = _WORD.search(text, end, min(len(text), end + 30))
    return match.group(0) if match and not text[end:match.start()].strip(" ") else ""


def is_verb(word: str, verbs: frozenset[str]) -> bool:
    """A saying or acting verb, with a conjunction glued on (وأكدت، فقالت) or a plural or
    dual ending (اتفقوا، أكدا)."""
    bases = {word, word[1:]} if len(word) > 3 and word[0] in "وف" else {word}
    stems = {base[: -len(end)] for base in bases for end in ("وا", "ا")
             if base.endswith(end) and len(base) > len(end) + 2}
    return not (bases | stems).isdisjoint(verbs)


def acts(text: str, match: AliasMatch, lex: ActorLexicon) -> bool:
    """A capital or state name is in subject position: right after or right before a verb.

    After a preposition it is a place ("في سوريا قال الأسد").
    """
    before = _word_before(text, match.start)
    if _after_preposition(text, match):
        return False
    if looks_like_verb(before, lex):
        # "الهجمات التي ضربت لندن": after a relative clause's verb the state is the object,
        # unless the verb carries the object itself ("الذي تقوده الولايات المتحدة")
        if before.endswith(("ه", "ها", "هم")):
            return True
        return _word_before(text, match.start - len(before) - 1) not in _RELATIVES
    return before in lex.cue_nouns or looks_like_verb(_word_after(text, match.end), lex)


def _after_preposition(text: str, match: AliasMatch) -> bool:
    """"في دمشق"، "بالقصبة": a place, not an actor."""
    before = _word_before(text, match.start)
    bare = before[1:] if len(before) > 2 and before[0] in "وف" else before
    return bool(_PREPOSITIONS.intersection({before, bare})) or (
        match.start > 0 and text[match.start - 1] in "بل")


def looks_like_verb(word: str, lex: ActorLexicon) -> bool:
    """A listed verb, or a feminine perfect verb by its ending: "صاغت كندا"، "رفعت بريطانيا"
    (states are feminine), but not a plural noun in ات or a listed noun in ت (وقت)."""
    if is_verb(word, lex.cue_verbs):
        return True
    bare = word[1:] if len(word) > 4 and word[0] in "وف" else word
    return (4 <= len(bare) <= 7 and bare.endswith("ت") and not bare.endswith("ات")
            and not bare.startswith("ال") and bare not in lex.not_verbs)


def acting_capitals(text: str, matches: list[AliasMatch], lex: ActorLexicon) -> dict[int, bool]:
    """Which capitals and state names act; a list joined by و acts as a whole."""
    chains: list[list[AliasMatch]] = []
    for match in matches:
        if match.targets[0].role != CAPITAL:
            continue
        previous = chains[-1][-1] if chains else None
        if previous is not None and _CHAIN_GAP.fullmatch(text[previous.end:match.start]):
            chains[-1].append(match)
        else:
            chains.append([match])
    acting: dict[int, bool] = {}
    for chain in chains:
        first, last = chain[0], chain[-1]
        verdict = acts(text, first, lex) or (len(chain) > 1 and acts(text, last, lex))
        for match in chain:
            acting[match.start] = verdict
    return acting


def main_country(counts: Counter[str]) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


def _generic(match: AliasMatch, target: AliasTarget, country: str | None,
             lex: ActorLexicon) -> Draft | None:
    cls = target.detail[0]
    row = lex.generic_classes.get((cls, country or "-")) if country else None
    if row is None:
        row = lex.generic_classes.get((cls, "" if country else "-"))
    if row is None:
        return None
    canonical = fill_country(row["canonical"], country) if country else row["canonical"]
    return Draft(match.start, match.end, canonical, row["kind"],
                 country, float(row["score"]), "pattern", row["subkind"] or None,
                 reason="generic", role=GENERIC)


def _has_head(surface: str, heads: set[str]) -> bool:
    """The first word is one of `heads`, bare or with ال (or ل of للجيش): "القوات" → "قوات"."""
    first = surface.split()[0] if surface.split() else ""
    return any(first in (head, "ال" + head, "ل" + head) for head in heads)


def _anaphor(match: AliasMatch, target: AliasTarget, text: str, drafts: list[Draft],
             local: str | None, counts: Counter[str], lex: ActorLexicon) -> Draft | None:
    row = anaphor_row(match, target, lex)
    for prior in reversed(drafts):
        if prior.start < match.start - REFERENCE_REACH:
            break
        if refers_to(text, row, prior):
            return _pointing_to(match, prior, float(row["score"]), "anaphor")
    fallback = row["fallback"]
    if fallback == "none":
        return None
    if ":" in fallback:
        return _named_fallback(match, fallback, float(row["score"]), counts, lex)
    kind = {"main_forces": "state_forces", "main_police": "police",
            "main_government": "government"}[fallback]
    # The state of an adjective right after it, else the one whose forces and government the
    # article names most, else the one the article mentions most.
    state_counts = Counter(d.country for d in drafts if d.kind in _STATE_KINDS and d.country)
    country = local or main_country(state_counts) or main_country(counts)  # type: ignore[arg-type]
    state = state_actor(kind, country, lex)
    if state is None:
        return None
    return Draft(match.start, match.end, state[0], kind, lex_country(state[0], lex),
                 float(row["score"]) - 0.1, "pattern", reason="main state", role=ANAPHOR)


def sentence_country(text: str, match: AliasMatch,
                     cues: list[tuple[int, str, int]]) -> str | None:
    """The state of a nationality adjective that closely follows `match` in its sentence
    ("قوات الأمن ومدنيين بمدينة الجيزة المصرية"، "الحكومة والشعب السويدي"), else None: state
    names and actors nearby mislead more than they help ("منع أفراد الجيش من السفر إلى تونس")."""
    ends = [i for i in (text.find(stop, match.end) for stop in _SENTENCE_STOPS) if i >= 0]
    end = min([*ends, len(text), match.end + _LOCAL_WINDOW])
    near = [(pos, country) for pos, country, _ in cues if match.end <= pos < end]
    return min(near)[1] if near else None


def anaphor_row(match: AliasMatch, target: AliasTarget, lex: ActorLexicon) -> dict[str, str]:
    return lex.anaphors[target.detail[0] if target.detail[0] in lex.anaphors else match.key]


def refers_to(text: str, row: dict[str, str], candidate: Draft) -> bool:
    """`candidate` can be what the bare form of `row` stands for (kind, head word)."""
    if candidate.kind not in row["kinds"].split("|") or candidate.canonical is None:
        return False
    if candidate.role == GENERIC:
        return False  # "التنظيم" points back to a named group, not to "مسلحان"
    heads = {normalize_key(h) for h in row["heads"].split("|") if h}
    return not heads or _has_head(text[candidate.start:candidate.end], heads)


def _pointing_to(match: AliasMatch, actor: Draft, score: float, reason: str) -> Draft:
    return Draft(match.start, match.end, actor.canonical, actor.kind, actor.country, score,
                 "pattern", actor.subkind, actor.affiliation, reason=reason, role=ANAPHOR)


def resolve_cataphors(text: str, pending: list[tuple[AliasMatch, dict[str, str]]],
                      drafts: list[Draft]) -> list[Draft]:
    """A short name before the full one ("قال المرصد" … "المرصد السوري لحقوق الإنسان"), as
    leads often do: the first later actor with the right head word."""
    found = []
    following = ByStart(drafts)
    for match, row in pending:
        if not row["heads"]:
            continue  # only forms that name their head word (المرصد، الحركة) look ahead
        ahead = following.starting_in(match.end, match.end + REFERENCE_REACH)
        later = [d for d in ahead if refers_to(text, row, d)]
        if later:
            found.append(_pointing_to(match, later[0], float(row["score"]) - 0.1, "cataphor"))
    return sorted(drafts + found, key=lambda d: d.start)


def _named_fallback(match: AliasMatch, fallback: str, score: float, counts: Counter[str],
                    lex: ActorLexicon) -> Draft | None:
    """`actor:United Nations`, or `YEM:Saudi-led Coalition|SYR:…` chosen by the main state."""
    if fallback.startswith("actor:"):
        canonical: str | None = fallback.split(":", 1)[1]
    else:
        by_state = dict(item.split(":", 1) for item in fallback.split("|"))
        canonical = by_state.get(main_country(counts) or "")
    entry = lex.entries.get(canonical or "")
    if entry is None:
        return None
    return Draft(match.start, match.end, entry.canonical, entry.kind, entry.country, score - 0.1,
                 "pattern", entry.subkind, reason="context", role=ANAPHOR)


def lex_country(canonical: str, lex: ActorLexicon) -> str | None:
    entry = lex.entries.get(canonical)
    return entry.country if entry else None


def _context_title(match: AliasMatch, target: AliasTarget,
                   countries_seen: list[tuple[int, str, bool]], main_country: str | None,
                   lex: ActorLexicon) -> Draft | None:
    # "أعلن الكيان الصهيوني ... مقتل الطفل الفلسطيني ... وزير الدفاع": the minister serves the
    # state last named as a state, not the nationality last named
    seen = [(c, state) for pos, c, state in countries_seen if pos < match.start]
    prior = [c for c, state in seen if state] or [c for c, _ in seen]
    country = prior[-1] if prior else main_country
    if country is None:
        return None
    canonical = fill_country(target.detail[0], country)
    affiliation = fill_country(target.detail[1], country)
    entry = lex.entries.get(canonical)
    kind = entry.kind if entry and canonical == affiliation else "person"
    return Draft(match.start, match.end, canonical, kind, country, target.score, "pattern",
                 affiliation=None if kind != "person" else affiliation,
                 reason="pronoun", role=CONTEXT_TITLE)


def _fixed(match: AliasMatch, target: AliasTarget) -> Draft:
    reason = None
    if target.detail:
        name, start, end = target.detail
        reason = f"former name: {name} ({start}/{end})"
    return Draft(match.start, match.end, target.canonical, target.kind, target.country,
                 target.score, target.source, target.subkind, target.affiliation, reason)


def resolve_matches(text: str, matches: list[AliasMatch], lex: ActorLexicon,
                    country_hint: str | None = None) -> list[Draft]:
    """Turn the matches of normalised `text` into drafts, in text order.

    `country_hint` (ISO alpha-3), when the caller knows where the article is set, counts as
    much as two named state actors in the country context.
    """
    counts = country_context(matches)
    if country_hint:
        counts[country_hint] += 4
    article_country = main_country(counts)
    drafts: list[Draft] = []
    countries_seen: list[tuple[int, str, bool]] = []
    acting = acting_capitals(text, matches, lex)
    pending: list[tuple[AliasMatch, dict[str, str]]] = []
    cues = [(m.start, m.targets[0].country, 1) for m in matches
            if m.targets[0].country and m.targets[0].role == CUE]
    for match in matches:
        target = choose_target(match, counts)
        draft: Draft | None = None
        if target.role == FIXED or (target.role == METONYM and not _after_preposition(text, match)):
            draft = _fixed(match, target)
            if target.role == METONYM:
                draft.reason = "metonym"
        elif target.role == CAPITAL and acting.get(match.start):
            draft = _fixed(match, target)
            draft.reason = "metonym"
        elif target.role == GENERIC:
            draft = _generic(match, target, article_country, lex)
        elif target.role == ANAPHOR:
            local = sentence_country(text, match, cues)  # type: ignore[arg-type]
            draft = _anaphor(match, target, text, drafts, local, counts, lex)
            if draft is None:
                pending.append((match, anaphor_row(match, target, lex)))
        elif target.role == CONTEXT_TITLE:
            draft = _context_title(match, target, countries_seen, article_country, lex)
        elif target.role == ORG_TITLE:
            draft = Draft(match.start, match.end, None, None, None, 0.0, "pattern",
                          role=ORG_TITLE, title="|".join(target.detail))
        # an agency's or a monitor's seat is no state a later "وزير الدفاع" serves
        if target.country and target.role != BLOCKER and target.kind not in _VOICE_KINDS:
            countries_seen.append((match.start, target.country, target.kind in _STATE_KINDS))
        if draft is not None:
            drafts.append(draft)
    drafts = add_short_names(text, resolve_cataphors(text, pending, drafts), lex)
    return merge_titles(text, drafts, lex)


