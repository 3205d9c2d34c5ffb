"""Statement events (threaten, accuse, reject_deny, support_statement, request_appeal,
meeting): coded only when the statement is news in itself (SPEC coding rules).

`statement_candidate(doc, site, trigger, time)` accepts a statement word that is the speaker's
own act ("نفت تركيا", "هدد الرئيس") or the main predicate of what the speaker says ("أكدت
تركيا عدم تورطها"); `threat_candidates` finds threats with "if" ("ستدافع ... في حال تعرضت").
"""
from __future__ import annotations

import re

from hadath.claims.lexicon import table
from hadath.claims.sources import words_between
from hadath.events.arguments import actor_mentions, clause_floor, pick_actors
from hadath.events.context import (
    Doc,
    Frame,
    Site,
    date_fields,
    evidence_span,
    locate,
    site_of,
    source_name,
)
from hadath.events.cues import STATEMENT_TYPES, Cue
from hadath.events.modality import ModalityContext, modality_of
from hadath.events.records import Candidate
from hadath.record import Claim, Mention, Sentence, TimeExpr
from hadath.text.normalize import normalize_key
from hadath.text.sentences import split_clauses
from hadath.text.vocab import word_count

_WORD = re.compile(r"\w+")
_FUTURE_WORDS = frozenset({"سوف", "لن"})
_CHANNEL_WORDS = frozenset({"عبر", "لسان", "بواسطه"})
_VOICELESS_KINDS = frozenset({"media", "protesters", "rioters", "civilians"})
_MIN_STEM_COUNT = 3
_PREDICATE_WORDS = 5  # "عبر وزير خارجيتها عدم تورطها": the channel may come first  # "ستدافع" is future when "تدافع" is a word of news text


def is_future_verb(word: str) -> bool:
    """"ستدافع", "وسنرد": the future prefix س on an imperfect verb (not "سيطرت")."""
    key = normalize_key(word)
    if key in _FUTURE_WORDS:
        return True
    key = key[1:] if key[:1] in "وف" else key
    return (len(key) > 3 and key[0] == "س" and key[1] in "تينا"
            and word_count(key[1:]) >= _MIN_STEM_COUNT and word_count(key) < word_count(key[1:]))


def _channel(text: str, m: Mention) -> bool:
    """"أكدت تركيا عبر وزير خارجيتها": the minister is the channel, Turkey the speaker."""
    words = normalize_key(text[max(0, m.start - 12):m.start]).split()
    return bool(words) and words[-1] in _CHANNEL_WORDS


def _main_predicate(text: str, start: int, pos: int) -> bool:
    """The statement word opens what the speaker says ("عدم تورطها", "بأنه انتهاك"), not a
    clause further in ("منطقتنا تواجه مشكلة ... بإمكانها أن تهدد أمننا")."""
    words = normalize_key(text[start:pos]).split()
    return len(words) <= _PREDICATE_WORDS and not any(w in ("ان", "بان") for w in words[1:])


def _first_clause_end(doc: Doc, claim: Claim) -> int:
    clauses = split_clauses(doc.text, Sentence(claim.start, claim.end))
    return clauses[0].end if clauses else claim.end


_HELD_WORDS = 2


def _held(text: str, trigger: Cue) -> bool:
    """"اجتماعا عقد", "بدء أعمال مؤتمر", "انعقاد القمة": the meeting word names one held."""
    roles = table("events", "roles.tsv")
    before = normalize_key(text[max(0, trigger.start - 30):trigger.start]).split()[-_HELD_WORDS:]
    after = normalize_key(text[trigger.end:trigger.end + 30]).split()[:_HELD_WORDS]
    phrases = before + after + [" ".join(before[-2:])]
    return any(roles.get(w, {}).get("role") == "meeting_held" for w in phrases)


def _speaker_actor(doc: Doc, site: Site, trigger: Cue) -> tuple[Mention | None, bool]:
    """actor1 of a statement and whether the text names it by syntax (not the speaker)."""
    claim = site.claim
    if claim is not None and claim.cue_start == trigger.start:
        return site.speaker, False  # the cue is the statement: "نفت تركيا"
    if claim is not None and claim.start <= trigger.start < claim.end:
        if trigger.value == "meeting" and trigger.pos == "noun":
            return None, False  # "إن المؤتمر سيتقدم": a meeting word is no speaker's predicate
        if trigger.start >= _first_clause_end(doc, claim) or \
                clause_floor(doc.text, claim.start, trigger.start) > claim.start or \
                not _main_predicate(doc.text, claim.start, trigger.start):
            return None, False  # a statement reported in passing ("المجموعات التي تدعمها")
        before = [m for m in actor_mentions(doc.text, doc.article.mentions, claim.start, trigger.start)
                  if not _channel(doc.text, m)]
        if before and words_between(doc.text, before[-1].end, trigger.start) <= 1:
            return before[-1], True  # "مضيفا أن موسكو تدعم"
        return site.speaker, False
    if trigger.value == "meeting" and trigger.pos == "noun" and _held(doc.text, trigger):
        # "اجتماعا عقد في سفارة فلسطين وضم السفير": its first participant named after it
        after = actor_mentions(doc.text, doc.article.mentions, trigger.end, site.sentence.end)
        return (after[0], True) if after else (None, False)
    if trigger.value == "meeting" and _of_them(doc.text, trigger):
        # "اتفق حفتر مع السراج، خلال لقائهما": "their meeting" is the sentence's actors'
        before = actor_mentions(doc.text, doc.article.mentions, site.sentence.start, trigger.start)
        return (before[0], True) if before else (None, False)
    if trigger.pos != "verb":
        return None, False
    actors = pick_actors(doc.text, trigger, site.clause.start, site.clause.end,
                         doc.article.mentions, None)
    return actors.actor1, actors.actor1 is not None


_PAIR_SUFFIXES = ("هما", "هم")


def _of_them(text: str, trigger: Cue) -> bool:
    """"لقائهما", "اجتماعهم": a meeting word owned by "them" names no participant of its own."""
    return trigger.pos == "noun" and normalize_key(text[trigger.start:trigger.end]).endswith(
        _PAIR_SUFFIXES)


def statement_candidate(doc: Doc, site: Site, trigger: Cue, time: TimeExpr | None
                        ) -> Candidate | None:
    # a statement is dated by the day it was made ("قال الرئيس السبت إن")
    time = time or next(iter(site.frame.speech_times), None)
    actor1, by_syntax = _speaker_actor(doc, site, trigger)
    if actor1 is None or actor1.kind in _VOICELESS_KINDS:
        return None  # an outlet, or a crowd's grievances, are not statement events (ACLED)
    after = [m for m in actor_mentions(doc.text, doc.article.mentions, trigger.end, site.clause.end)
             if (m.canonical or m.surface) != (actor1.canonical or actor1.surface)]
    if not after and trigger.value == "meeting" and _of_them(doc.text, trigger):
        after = [m for m in actor_mentions(doc.text, doc.article.mentions, actor1.end,
                                           trigger.start)
                 if (m.canonical or m.surface) != (actor1.canonical or actor1.surface)]
    ctx = ModalityContext(doc.text, trigger, trigger.value, site.clause.start, site.mod_cues,
                          site.claim, site.speaker, actor1, time.value if time else None,
                          doc.published)
    modality = modality_of(ctx)
    if modality is None:
        return None
    place, from_text = locate(doc, site, trigger.start)
    day, day_end, precision = date_fields(time, modality, doc.published)
    return Candidate(trigger.value, modality, "statement", site.index, evidence_span(doc, site),
                     actor1, after[0] if after else None, (), place if from_text else None,
                     from_text, day, day_end, precision if time else 2, source_name(site.claim),
                     by_syntax)


def _future_before(doc: Doc, start: int, end: int) -> bool:
    return any(is_future_verb(w.group()) for w in _WORD.finditer(doc.text, start, end))


def _names_an_act(doc: Doc, start: int, end: int) -> bool:
    """The "if" clause names a violent act ("في حال تعرضت لهجوم")."""
    return any(start <= t.start < end and t.value not in STATEMENT_TYPES for t in doc.cues.triggers)


def threat_candidates(doc: Doc, frame: Frame, claims: list[Claim]) -> list[Candidate]:
    """"ستدافع عن مناطقها في حال تعرضت لهجوم": a pledge to act if attacked is a threat."""
    out: list[Candidate] = []
    for claim in claims:
        conditions = [c for c in frame.mod_cues if c.value == "conditional"
                      and claim.start <= c.start < claim.end]
        if not conditions or not _future_before(doc, claim.start, conditions[0].start):
            continue
        site = site_of(doc, frame, claim.start)
        if site.speaker is None:
            continue
        targets = actor_mentions(doc.text, doc.article.mentions, conditions[0].end, claim.end)
        if not targets and not _names_an_act(doc, conditions[0].end, claim.end):
            continue  # "سيتم الإفصاح عن أي تحرك في حال حدوثه": an "if" with no foe or act
        place, from_text = locate(doc, site, claim.start)
        day, day_end, precision = date_fields(None, "conditional", doc.published)
        out.append(Candidate("threaten", "conditional", "statement", frame.index,
                             (claim.start, claim.end), site.speaker,
                             targets[0] if targets else None, (),
                             place if from_text else None, from_text, day, day_end, precision,
                             source_name(claim), False))
    return out
