"""Context rules that turn alias matches into actor mentions for one whole text.

Takes the `AliasMatch`es of a normalised text and returns `Draft` mentions (normalised
offsets): capitals and states that act become governments, generic phrases take the article's
country, bare forms (الجيش، المرصد) point back to the actor named before, titles with a
pronoun take the state named before. The rules are documented in data/actors/README.md.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

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
from hadath.text.normalize import normalize_key

_WORD = re.compile(r"\w+")
# State actors weigh more than a bare adjective or a place name in the country context.
_CONTEXT_WEIGHT = {FIXED: 2, METONYM: 2, CAPITAL: 1, CUE: 1}
_STATE_KINDS = ("state_forces", "police", "government")
_LOCAL_WINDOW = 45  # characters after a bare form where its adjective may stand
_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "بين", "داخل", "خارج",
                           "حول", "نحو", "ضد", "تجاه", "لدي", "عبر", "قرب", "وفي", "ومن"})
_RELATIVES = frozenset({"التي", "الذي", "اللذين", "اللتين", "الذين", "اللواتي", "اللاتي"})
_NAME_PARTICLES = frozenset({"عبد", "ابو", "ابن", "بن", "ال", "ام", "بنت"})
_TITLE_GAP = re.compile(r"\s*[،,]?\s*(?:(?:ال)?(?:سابق|اسبق|موقت|حالي|جديد|معزول|مخلوع|راحل|منتخب)\s*[،,]?\s*)?"
                        r"(?:(?:بن|ابن|ال)\s+(?:عبد\s*)?\w+\s*)*")
_CHAIN_GAP = re.compile(r"\s*[،,]?\s*و?")
_SENTENCE_STOPS = (".", "!", "؟", "?", "\n")


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
    name = lex.countries[country].name_en if country in lex.countries else ""
    return Draft(match.start, match.end, row["canonical"].replace("{en}", name), row["kind"],
                 country, float(row["score"]), "pattern", row["subkind"] or None,
                 reason="generic", role=GENERIC)


def _state_actor(kind: str, country: str | None, lex: ActorLexicon) -> tuple[str, str] | None:
    if not country or country not in lex.countries:
        return None
    name = lex.countries[country].name_en
    canonical = {"state_forces": "Military Forces of {}", "police": "Police Forces of {}",
                 "government": "Government of {}"}[kind].format(name)
    return canonical, kind


def _has_head(surface: str, heads: set[str]) -> bool:
    """The first word is one of `heads`, bare or with ال (or ل of للجيش): "القوات" → "قوات"."""
    first = surface.split()[0] if surface.split() else ""
    return any(first in (head, "ال" + head, "ل" + head) for head in heads)


def _anaphor(match: AliasMatch, target: AliasTarget, text: str, drafts: list[Draft],
             local: str | None, counts: Counter[str], lex: ActorLexicon) -> Draft | None:
    row = anaphor_row(match, target, lex)
    for prior in reversed(drafts):
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
    state = _state_actor(kind, country, lex)
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
    for match, row in pending:
        if not row["heads"]:
            continue  # only forms that name their head word (المرصد، الحركة) look ahead
        later = [d for d in drafts if d.start >= match.end and refers_to(text, row, d)]
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


def _context_title(match: AliasMatch, target: AliasTarget, countries_seen: list[tuple[int, str]],
                   main_country: str | None, lex: ActorLexicon) -> Draft | None:
    prior = [c for pos, c in countries_seen if pos < match.start]
    country = prior[-1] if prior else main_country
    if country is None:
        return None
    name = lex.countries[country].name_en if country in lex.countries else country
    canonical = target.detail[0].replace("{en}", name)
    affiliation = target.detail[1].replace("{en}", name)
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
    countries_seen: list[tuple[int, str]] = []
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
        if target.country and target.role != BLOCKER:
            countries_seen.append((match.start, target.country))
        if draft is not None:
            drafts.append(draft)
    drafts = add_short_names(text, resolve_cataphors(text, pending, drafts), lex)
    return merge_titles(text, drafts, lex)


def merge_titles(text: str, drafts: list[Draft], lex: ActorLexicon) -> list[Draft]:
    """Join titles to the names after them: "المتحدث باسم" + actor, "الرئيس التركي" + name.

    A merged mention may take the next name too: "زعيم المتمردين عبد الملك الحوثي".
    """
    out: list[Draft] = []
    current: Draft | None = None
    for draft in drafts:
        if current is not None and draft.canonical and _joinable(text, current, draft):
            merged = _merge_pair(current, draft, lex)
            if merged is not None:
                current = merged
                continue
        if current is not None and _apposition(current, draft) and _joinable(text, current, draft):
            # "عادل الجبير وزير الخارجية": the title describes the name before it; a second
            # name of the same person ("خادم الحرمين الشريفين الملك سلمان") extends the span
            if draft.canonical == current.canonical:
                current = replace(current, end=draft.end)
            continue
        if current is not None and current.role != ORG_TITLE:
            out.append(current)
        current = draft
    if current is not None and current.role != ORG_TITLE:
        out.append(current)
    return out


def _apposition(name: Draft, title: Draft) -> bool:
    """A title or second name right after a named person describes that person."""
    if name.kind != "person" or name.source != "gazetteer":
        return False
    if title.canonical == name.canonical:
        return True  # "محمد بن سلمان ولي ولي العهد"
    return title.role == CONTEXT_TITLE or (title.kind == "person" and title.source == "pattern")


def _joinable(text: str, left: Draft, right: Draft) -> bool:
    """Only spaces, a comma or a modifier (السابق، المؤقت) between two mentions; after a title
    of an organisation also the ل of "الأمين العام لحزب"."""
    gap = text[left.end:right.start]
    if left.role == ORG_TITLE and gap.strip(' "') in ("", "ل"):
        return True  # 'مراسل "الجوهرة أف أم"', "الأمين العام لحزب"
    return bool(_TITLE_GAP.fullmatch(gap))


def _merge_pair(title: Draft, name: Draft, lex: ActorLexicon) -> Draft | None:
    if title.role == ORG_TITLE and title.title:
        role, title_en = title.title.split("|", 1)
        if role in ("member", "forces"):
            members = _members_of(title, name, lex)
            # "قوات التحالف" names the forces: the span takes the word in; "عناصر من" does not
            if role == "forces" and members is name:
                return replace(name, start=title.start)
            return members
        if name.kind == "person":
            # "المتحدث باسم الرئيس التركي": the title is someone else's; keep the person.
            return name
        return Draft(title.start, name.end, f"{title_en} of {name.canonical}", "person",
                     name.country, min(name.score, 0.9), "pattern", affiliation=name.canonical,
                     reason="title", role=FIXED)
    if _is_title(title, lex) and name.kind == "person":
        # "الرئيس التركي رجب طيب أردوغان": the named person, with the title's affiliation
        # when the dictionary gives none.
        return replace(name, start=title.start, affiliation=name.affiliation or title.affiliation)
    return None


def _is_title(draft: Draft, lex: ActorLexicon) -> bool:
    """A person named by office only ("الرئيس التركي"), not by name."""
    if draft.kind != "person" or draft.reason == "short name":
        return False
    entry = lex.entries.get(draft.canonical or "")
    return entry is None or entry.subkind == "title"


def _members_of(title: Draft, name: Draft, lex: ActorLexicon) -> Draft:
    """"عناصر من هيئة تحرير الشام" is the group itself; "قوات الرئيس السوري" its state's forces."""
    if name.kind != "person":
        return name
    backer = lex.entries.get(name.affiliation or "")
    if backer is not None and backer.kind in ("armed_group", "state_forces", "external_forces"):
        # "ميليشيات موالية للمخلوع علي صالح": the forces the person leads
        return Draft(title.start, name.end, backer.canonical, backer.kind, backer.country,
                     name.score, "pattern", backer.subkind, reason="forces of a leader",
                     role=FIXED)
    forces = _state_actor("state_forces", name.country, lex)
    if forces is None or not name.affiliation or not name.affiliation.startswith("Government of"):
        return name
    return Draft(title.start, name.end, forces[0], "state_forces", name.country, name.score,
                 "pattern", reason="forces of a head of state", role=FIXED)


def add_short_names(text: str, drafts: list[Draft], lex: ActorLexicon) -> list[Draft]:
    """After "علي عبد الله صالح", a bare "صالح" is the same person (news name a person in
    full once, then by the last name)."""
    firsts: dict[str, Draft] = {}
    for draft in drafts:
        words = text[draft.start:draft.end].split()
        if draft.kind != "person" or draft.source != "gazetteer" or len(words) < 2:
            continue
        last = words[-1]
        if words[-2] in _NAME_PARTICLES:
            continue  # "عبد العزيز"، "أبو مازن": the last word is half a name
        if len(last) >= 3 and last not in lex.short_name_stop and last not in lex.aliases:
            firsts.setdefault(last, draft)
    if not firsts:
        return drafts
    added = []
    pattern = re.compile(r"(?<!\w)[وف]?(" + "|".join(map(re.escape, firsts)) + r")(?!\w)")
    for found in pattern.finditer(text):
        start, end = found.span(1)
        first = firsts[found.group(1)]
        if start < first.end or any(d.start < end and start < d.end for d in drafts):
            continue
        added.append(replace(first, start=start, end=end, score=0.7, source="pattern",
                             reason="short name"))
    return sorted(drafts + added, key=lambda d: d.start)
