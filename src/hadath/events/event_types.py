"""The SPEC event type of a trigger once its actor and place are known.

`refine_type(trigger, actor1, actor2, place, manner, victims)` applies ACLED's distinctions a
word alone cannot make: territory taken by rebels or regained by a government, shelling from
the air, a foreign state's "attack" (remote violence), violence against unarmed people.
"""
from __future__ import annotations

from hadath.countries import alpha2
from hadath.events.cues import Cue
from hadath.events.modality import STATE_KINDS
from hadath.events.places import Place
from hadath.record import Mention

_NONSTATE_KINDS = frozenset({"armed_group", "rioters", "protesters"})
_GENERIC_ATTACKS = frozenset({"هجوم", "هجوما", "هجمات", "هاجم", "هاجمت"})
_ATTACK_VERBS = frozenset({"هاجم", "هاجمت", "يهاجم", "تهاجم"})


def _kind(m: Mention | None) -> str | None:
    if m is None:
        return None
    return m.affiliation_kind if m.kind == "person" and m.affiliation_kind else m.kind


def is_foreign(actor: Mention | None, place: Place | None) -> bool:
    """The actor's state is not the state where the event happened."""
    if actor is None or place is None or not actor.country or not place.country:
        return False
    actor_alpha2 = alpha2(actor.country)
    return bool(actor_alpha2 and actor_alpha2 != place.country.upper())


def refine_type(trigger: Cue, actor1: Mention | None, actor2: Mention | None,
                place: Place | None, manner: list[Cue], victims: str | None) -> str:
    """`manner` holds the manner words of the trigger's sentence ("جوية", "الطيران");
    `victims` the kind of people the clause counts or names as targets ("سياح": civilians)."""
    etype = trigger.value
    kind = _kind(actor1)
    if etype == "shelling" and any(c.value == "air" for c in manner):
        return "air_strike"
    if etype == "arrest" and kind in _NONSTATE_KINDS:
        return "abduction"  # ACLED: only a state arrests; an armed group abducts
    if etype.startswith("territory_"):
        if kind in STATE_KINDS:
            return "territory_regained"
        if kind in _NONSTATE_KINDS:
            return "territory_taken"
    if trigger.form in _ATTACK_VERBS and actor1 is not None and actor1.kind == "person" and \
            actor1.affiliation_kind not in _NONSTATE_KINDS:
        return "accuse"  # "هاجم بالحاج حكومة الوفاق": a politician attacks with words
    if trigger.form in _GENERIC_ATTACKS and trigger.pos == "noun" and kind in STATE_KINDS \
            and is_foreign(actor1, place):
        return "air_strike"
    if etype == "armed_clash" and "protesters" in (kind, _kind(actor2)):
        return "protest"  # "مواجهات بين قوات الأمن والمتظاهرين": a protest met by force
    if etype == "armed_clash" and (_kind(actor2) == "civilians" or victims == "civilians"):
        return "attack_on_civilians"  # "هجوم على سياح": one-sided violence (ACLED)
    return etype
