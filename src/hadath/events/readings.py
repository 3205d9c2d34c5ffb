"""How one trigger's clause reads: who claims the act, whether a noun points back, what a
closure shuts, whether an agreement is news, who the victims are, and which triggers repeat.

Helpers of `hadath.events.extract`; each takes the article's `Doc` or its text and cues and
answers one question with offsets into the original text.
"""
from __future__ import annotations

from hadath.claims.lexicon import table
from hadath.events.arguments import actor_mentions
from hadath.events.context import Doc, Site
from hadath.events.cues import STATEMENT_TYPES, Cue
from hadath.events.dates import compare_to
from hadath.events.governing import role_of
from hadath.record import Mention, Sentence, TimeExpr
from hadath.spans import Overlaps, starting_in
from hadath.text.normalize import normalize_key

_TARGET_WORDS = 5
_OBJECT_WORDS = 4  # "أغلقت اليوم جميع الطرق": the object comes within a few words


def responsible(doc: Doc, site: Site, trigger: Cue, start: int, triggers: list[Cue]
                 ) -> Mention | None:
    """"أعلن تنظيم داعش مسؤوليته عن الهجوم": who claims the act as its own did it ("نفت
    الحركة مسؤوليتها عن الهجوم" claims nothing)."""
    roles = table("events", "roles.tsv")
    lead = site.claim.cue_start if site.claim and site.claim.cue_start is not None else start
    lead = max(min(lead, start), site.sentence.start)
    if any(t.value == "reject_deny" and lead <= t.start < trigger.start for t in triggers):
        return None
    words = normalize_key(doc.text[lead:trigger.start]).split()
    if not any(role_of(roles, w) == "responsibility" for w in words):
        return None
    if site.speaker is not None and site.speaker.start < trigger.start:
        return site.speaker
    named = actor_mentions(doc.text, doc.article.mentions, lead, trigger.start)
    return named[0] if named else None


_RECALL_REACH = 300  # characters back a "then" (آنذاك) may look for its date


def recalled_time(doc: Doc, start: int) -> TimeExpr | None:
    """"حادث مماثل وقع في مارس 2014 ... وقد قتل آنذاك خمسة جنود": an undated past act of
    the background takes the past date the text gave just before it."""
    earlier = [t for t in doc.article.times
               if start - _RECALL_REACH <= t.start < start
               and compare_to(t.value, doc.published) == "past"]
    return earlier[-1] if earlier else None


def counted(doc: Doc, m: Mention) -> bool:
    """The noun a number counts ("15 جنديا أفغانيا", "20 عنصرا من داعش" is not: من names a side)."""
    # a number's span may hold its noun: "15 جنديا" is one NumberExpr
    # the numbers that start before the mention and end at most two characters before it
    return any(m.start < n.end or not doc.text[n.end:m.start].strip()
               for n in doc.number_spans.overlapping(m.start - 3, m.start))


def anaphoric(doc: Doc, site: Site, trigger: Cue) -> bool:
    """"وهذا هو الهجوم الأكبر": a demonstrative right before the noun points back."""
    return any(c.value == "anaphora" and site.clause.start <= c.start
               and c.end <= trigger.start and not doc.text[c.end:trigger.start].strip()
               for c in site.mod_cues)


def shuts_passage(doc: Doc, site: Site, trigger: Cue) -> bool:
    """"أغلقت الطرق المؤدية إلى المدينة": the thing closed is a road, border or crossing."""
    roles = table("events", "roles.tsv")
    words = normalize_key(doc.text[trigger.end:site.clause.end]).split()[:_OBJECT_WORDS]
    words = [w[1:] if w[:1] in "وب" and w[1:] in roles else w for w in words]
    return any(roles.get(w, {}).get("role") == "closure_object" for w in words) or any(
        roles.get(" ".join(words[i:i + 2]), {}).get("role") == "closure_object"
        for i in range(len(words) - 1))


def agreed(doc: Doc, site: Site, trigger: Cue) -> bool:
    """An agreement is news when the clause says it was reached, signed or announced, or
    names its two sides ("اتفاق بين قبيلتي التبو والطوارق")."""
    if trigger.pos == "verb":
        return True  # "اتفق حفتر مع السراج على": the verb says they agreed
    roles = table("events", "roles.tsv")
    # "وأعلنت قيادة التحالف، الأحد، عن هدنة": the verb may sit clauses before the word
    words = normalize_key(doc.text[site.sentence.start:trigger.start]).split()
    # "وقعت" is a verb in its own right and "وأعلنت" one with و: try the word, then without و
    if any(role_of(roles, w) == "agree_verb" for w in words):
        return True
    after = normalize_key(doc.text[trigger.end:site.clause.end]).split()
    return "بين" in after[:4]


def victim_kind(doc: Doc, clause: Sentence, trigger: Cue) -> str | None:
    """The kind of people named right after an attack word ("هجوم على سياح" → civilians)."""
    roles = table("events", "roles.tsv")

    def near(v: Cue) -> bool:
        words = normalize_key(doc.text[trigger.end:v.start]).split()
        if len(words) <= 2:
            return True
        # "الهجوم الذي استهدف حافلة تقل أقباطا": the target named a few words on
        return len(words) <= _TARGET_WORDS and any(role_of(roles, w) == "target_after"
                                                   for w in words)

    after = [v for v in starting_in(doc.cues.victims, trigger.end, clause.end) if near(v)]
    return after[0].value if after else None


def inside_mention(trigger: Cue, mentions: Overlaps) -> bool:
    """"تحرير" in "هيئة تحرير الشام" is a name, not a trigger; "هجوما روسيا" keeps its
    trigger, the name that starts with it is who attacked."""
    return any(m.start != trigger.start or trigger.pos == "verb"  # "فجر ليبيا"
               for m in mentions.overlapping(trigger.start, trigger.end))


def drop_repeats(text: str, triggers: list[Cue]) -> list[Cue]:
    """"استعادة الجيش السيطرة", "هجوما انتحاريا بسيارة مفخخة": one act named twice counts once.

    Two territory words a few words apart are one act; a weak word next to another trigger
    ("هجوم" beside "تفجير") gives way to it.
    """
    kept: list[Cue] = []
    for t in triggers:
        # "يدعو لتحرك احتجاجي": a statement verb names no act, so the act word stays
        near = [k for k in kept if len(text[k.end:t.start].split()) <= 1
                and k.value not in STATEMENT_TYPES]
        if t.strength == "weak" and near:
            continue
        prev = kept[-1] if kept else None
        if prev is not None and prev.value == t.value and len(text[prev.end:t.start].split()) <= 2:
            continue  # "غارة لطائرة بدون طيار": one strike
        if (prev is not None and prev.value.startswith("territory") and t.value.startswith("territory")
                and len(text[prev.end:t.start].split()) <= 3):
            continue
        if prev is not None and prev.strength == "weak" and prev in near and t.strength != "weak":
            kept.pop()
        kept.append(t)
    return kept
