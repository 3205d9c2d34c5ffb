"""Titles, appositions and last names: how persons and offices join the names around them.

Takes the drafts of one text in order and returns them with titles merged into the names they
introduce ("الرئيس التركي رجب طيب أردوغان"), appositions folded into their person, forces of X
named as X, and bare last names after a full name resolved to that person.
"""
from __future__ import annotations

import re
from dataclasses import replace

from hadath.mentions.actor_draft import Draft, state_actor
from hadath.mentions.actor_lexicon import CONTEXT_TITLE, FIXED, ORG_TITLE, ActorLexicon

_NAME_PARTICLES = frozenset({"عبد", "ابو", "ابن", "بن", "ال", "ام", "بنت"})
_TITLE_GAP = re.compile(r'\s*[،,"]?\s*(?:(?:ال)?(?:سابق|اسبق|موقت|حالي|جديد|معزول|مخلوع|راحل|منتخب)\s*[،,]?\s*)?'
                        r"(?:(?:بن|ابن|ال)\s+(?:عبد\s*)?\w+\s*)*")


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
    forces = state_actor("state_forces", name.country, lex)
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
