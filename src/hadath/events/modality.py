"""Modality of an event (SPEC coding rules): asserted, claimed, denied, planned, conditional,
historical — from the cue words before its trigger, its date, and who reports it.

`modality_of(context)` returns the modality, or None when the trigger reports no event
(negated, or the hypothetical of a conditional clause).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hadath.claims.sources import words_between
from hadath.events.cues import COMBAT_TYPES, STATEMENT_TYPES, Cue
from hadath.events.dates import compare_to
from hadath.record import Claim, Mention
from hadath.text.normalize import normalize_key

# Parties to a fight: their claims about the fight are "claimed", not "asserted".
PARTY_KINDS = frozenset({"state_forces", "armed_group", "external_forces", "government", "police",
                         "external_state_forces"})
STATE_KINDS = frozenset({"state_forces", "government", "police", "external_forces",
                          "external_state_forces"})
# ل before the verbal noun of these acts states an aim ("لتحرير المدن", "للسيطرة على")
_PURPOSE_TYPES = frozenset({"territory_taken", "territory_regained", "agreement"})
_PLANNED_WINDOW = 6
_PREVENTED_WINDOW = 4  # "أحبطت قوات الأمن التونسية هجوما"
_RECENT = timedelta(days=3)
_THEN_WORDS = frozenset({"انذاك", "حينها", "حينذاك"})  # background recalled within this many days is still news  # words between a planning cue and its trigger ("تعهدا بتقديم مساعدات")
_BACKGROUND_WINDOW = 12  # "وكانت الفصائل ... قد سيطرت"


@dataclass(frozen=True, slots=True)
class ModalityContext:
    text: str
    trigger: Cue
    event_type: str
    clause_start: int
    cues: list[Cue]  # modality cues of the sentence
    claim: Claim | None
    speaker: Mention | None
    actor1: Mention | None
    time_value: str | None
    published: date | None
    sentence_start: int | None = None  # a sentence opened by "وكان" frames all its clauses


def kind_of(m: Mention | None) -> str | None:
    if m is None:
        return None
    return m.affiliation_kind if m.kind == "person" and m.affiliation_kind else m.kind


def same_side(a: Mention | None, b: Mention | None) -> bool:
    """One actor, or two organs of one state (the army and the government of Syria)."""
    if a is None or b is None:
        return False
    if (a.canonical or a.surface) == (b.canonical or b.surface):
        return True
    if a.kind == "person" and a.affiliation and a.affiliation == b.canonical:
        return True
    return bool(a.country and a.country == b.country
                and kind_of(a) in STATE_KINDS and kind_of(b) in STATE_KINDS)


def _before(ctx: ModalityContext, kind: str, window: int) -> Cue | None:
    for cue in ctx.cues:
        # "استعدادا لـ" ends inside the clitic of "لهجوم": a cue may end on the trigger's prefix
        if (cue.value == kind and ctx.clause_start <= cue.start < ctx.trigger.start
                and cue.end <= ctx.trigger.start + len(ctx.trigger.prefix)
                and words_between(ctx.text, min(cue.end, ctx.trigger.start), ctx.trigger.start)
                <= window):
            return cue
    return None


def _conditional_clause(ctx: ModalityContext) -> bool:
    """The trigger sits in an "if" clause: "في حال تعرضت لهجوم" (the threat's condition)."""
    start = ctx.claim.start if ctx.claim else ctx.clause_start
    return any(c.value == "conditional" and start <= c.start and c.end <= ctx.trigger.start
               for c in ctx.cues)


def is_background(ctx: ModalityContext) -> bool:
    """"وكانت الفصائل قد سيطرت", "سبق أن": the clause recalls an earlier event."""
    if any(c.value == "background" and c.form in _THEN_WORDS
           and ctx.clause_start <= c.start for c in ctx.cues):
        return True  # "وقد قتل آنذاك خمسة جنود": "at that time" anywhere in the clause
    cue = _before(ctx, "background", _BACKGROUND_WINDOW)
    if cue is None:
        start = ctx.sentence_start if ctx.sentence_start is not None else ctx.clause_start
        return any(c.value == "background" and not ctx.text[start:c.start].strip()
                   for c in ctx.cues)
    if cue.form.startswith("سبق"):
        return True
    # "وكان الجيش قد شن ...", or a sentence opened by "وكان" or "يذكر أن": background
    opens = not ctx.text[ctx.clause_start:cue.start].strip()
    return opens or " قد " in f" {ctx.text[cue.end:ctx.trigger.start]} "


def _claimed(ctx: ModalityContext) -> bool:
    """A party's own account of the fight: its gains, the enemy's moves (SPEC: claimed). A
    government speaking of a bombing in another country is no party to it."""
    speaker = ctx.speaker
    if kind_of(speaker) not in PARTY_KINDS or ctx.event_type in STATEMENT_TYPES:
        return False
    own_side = same_side(ctx.actor1, speaker)
    in_the_fight = own_side or bool(
        speaker and speaker.country and ctx.actor1 is not None
        and ctx.actor1.country == speaker.country)
    return in_the_fight and (ctx.event_type in COMBAT_TYPES or not own_side)


def _ended(ctx: ModalityContext) -> bool:
    """The time named ended days before publication ("خلال شهر رمضان" in a report of the 21st);
    "الليلة الماضية" or "يومي الجمعة والسبت الماضيين" are still the news."""
    if ctx.time_value is None or ctx.published is None:
        return False
    return compare_to(ctx.time_value, ctx.published - _RECENT) == "past" or (
        ctx.time_value.split("/")[-1] < (ctx.published - _RECENT).isoformat()[:10]
        and len(ctx.time_value.split("/")[-1]) == 10)


_TOPIC_WINDOW = 3  # "الخلاف فيما بينهم على الانسحاب"
_TOPIC_PREPOSITIONS = frozenset(normalize_key(w) for w in ("على", "حول", "بشأن"))


def _topic(ctx: ModalityContext) -> bool:
    """A verbal noun right after على/حول that follows a dispute or reply word is its topic."""
    if ctx.trigger.pos != "noun" or ctx.trigger.prefix.removesuffix("ال"):
        return False
    words = normalize_key(ctx.text[max(ctx.clause_start, ctx.trigger.start - 12):ctx.trigger.start]).split()
    return (bool(words) and words[-1] in _TOPIC_PREPOSITIONS
            and _before(ctx, "topic", _TOPIC_WINDOW) is not None)


def modality_of(ctx: ModalityContext) -> str | None:
    statement = ctx.event_type in STATEMENT_TYPES
    if not statement and _before(ctx, "negation", 0):
        return "denied" if ctx.claim and ctx.claim.polarity == "deny" else None
    if not statement and ctx.claim and ctx.claim.polarity == "deny":
        return "denied"
    if _before(ctx, "since", 1):
        return "historical"  # "منذ استعادة الجيش السوري السيطرة": the anchor of "since"
    when = compare_to(ctx.time_value, ctx.published) if ctx.time_value else "now"
    if when == "past":
        return "historical"
    if not statement and _before(ctx, "prevented", _PREVENTED_WINDOW):
        return None  # "أحبطت الشرطة هجوما", "للحيلولة دون وقوع هجمات": no act took place
    if not statement and _before(ctx, "capability", _PLANNED_WINDOW):
        return None  # "مدربون على تنفيذ اغتيالات وتفجيرات": a skill, not an act or a plan
    if not statement and _topic(ctx):
        return None  # "الخلاف على الانسحاب": what a dispute or a reply is about
    if _conditional_clause(ctx):
        return "conditional" if statement else None
    if ctx.event_type == "threaten":
        return "conditional"  # a threat is a pledge to act if its target does not yield
    purpose = ("ل" in ctx.trigger.prefix.removesuffix("ال")  # "لتحرير المدن", "للسيطرة"
               and ctx.event_type in _PURPOSE_TYPES)
    # "لن يقفوا حتى استعادة كامل اليمن": "until" + verbal noun is the aim
    goal = ctx.trigger.pos == "noun" and _before(ctx, "goal", 0) is not None
    if (_before(ctx, "planned", _PLANNED_WINDOW) or "س" in ctx.trigger.prefix
            or when == "future" or purpose or goal):
        return "planned"
    if not statement and is_background(ctx) and (ctx.time_value is None or _ended(ctx)):
        return "historical"
    return "claimed" if _claimed(ctx) else "asserted"
