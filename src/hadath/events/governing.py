"""Acts named as what a statement is about: called for, backed or denied.

`governed`, `calls_for_protest` and `denied` take the text, a trigger and the other triggers of
its clause, and say whether the trigger is the object of an appeal, support or denial.
"""
from __future__ import annotations

from hadath.claims.lexicon import table
from hadath.events.context import Site
from hadath.events.cues import Cue
from hadath.record import Sentence
from hadath.text.normalize import normalize_key

GOVERNING_TYPES = frozenset({"support_statement", "request_appeal", "threaten", "meeting"})
CALLED_FOR_TYPES = frozenset({"protest"})


def role_of(roles: dict[str, dict[str, str]], word: str) -> str | None:
    """The role of `word`, or of it without a leading conjunction و."""
    row = roles.get(word) or (roles.get(word[1:]) if word[:1] == "و" else None)
    return row["role"] if row else None


def governed(doc_text: str, trigger: Cue, others: list[Cue], clause: Sentence) -> bool:
    """"موسكو تدعم استعادة النظام", "دعا إلى وقف إطلاق النار": an act named as what a speaker
    wants is not news; an act someone is accused of ("اتهم الحوثيين بقصف") still is."""
    roles = table("events", "roles.tsv")

    def governs(o: Cue) -> bool:
        if not (o.value in GOVERNING_TYPES and clause.start <= o.start < trigger.start):
            return False
        # "دعا إلى الانسحاب بعد سقوط قتلى نتيجة وقوع مواجهات": a cause or a time in between
        # says the act happened; the appeal is about something else
        return not any(role_of(roles, w) == "cause_link"
                       for w in normalize_key(doc_text[o.end:trigger.start]).split())

    return any(governs(o) for o in others)


_DENY_STEMS = ("نف", "ينف", "تنف")  # نفى, نفت, ينفي, تنفي; not رفض (a refusal is no denial)
_RESPONSIBILITY = "مسوولي"


def denied(doc_text: str, trigger: Cue, others: list[Cue], clause: Sentence) -> bool:
    """"نفى المتحدث باسم التحالف أي عملية إنزال": the act a party denies is coded denied;
    "نفى مسؤوليته عن الهجوم" denies a role in it, not that it happened."""
    roles = table("events", "roles.tsv")

    def denies(o: Cue) -> bool:
        if not (o.value == "reject_deny" and o.form.startswith(_DENY_STEMS)
                and clause.start <= o.start < trigger.start):
            return False
        words = normalize_key(doc_text[o.end:trigger.start]).split()
        return not any(role_of(roles, w) == "cause_link" or _RESPONSIBILITY in w for w in words)

    return any(denies(o) for o in others)


def calls_for_protest(doc_text: str, site: Site, trigger: Cue, triggers: list[Cue]) -> bool:
    """An appeal whose object is a protest: the protest, planned, is the one event."""
    return trigger.value == "request_appeal" and any(
        t.value in CALLED_FOR_TYPES and t.start > trigger.start
        and governed(doc_text, t, [trigger], site.clause) for t in triggers)
