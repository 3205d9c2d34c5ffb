"""How an event record names its sides the way ACLED does: a government's forces in violence
and its police in arrests, a person's organisation for acts, a country's protesters or rioters
for a crowd no one names.
"""
from __future__ import annotations

from dataclasses import replace

from hadath.countries import alpha3, fill_country
from hadath.events.places import Place
from hadath.mentions import lookup_actor
from hadath.record import Mention

_VIOLENT_TYPES = frozenset({"armed_clash", "air_strike", "shelling", "explosion",
                            "attack_on_civilians", "territory_taken", "territory_regained"})


def armed_forces(m: Mention | None, etype: str) -> Mention | None:
    """ACLED names the state's forces, not its government, as the side in violence: "طائرات
    النظام" (Government of Syria) strike as the Military Forces of Syria, and "أعلنت
    السلطات اعتقال" arrests as its Police Forces."""
    if etype in _VIOLENT_TYPES:
        return _forces(m, "Military Forces of")
    return _forces(m, "Police Forces of") if etype == "arrest" else m


def _forces(m: Mention | None, forces: str) -> Mention | None:
    if m is None or m.kind != "government" or m.canonical is None \
            or not m.canonical.startswith("Government of"):
        return m
    entry = lookup_actor(forces + m.canonical[len("Government of"):])
    if entry is None:
        return m
    return replace(m, canonical=entry.canonical, kind=entry.kind, country=entry.country)


def organisation_of(m: Mention | None) -> Mention | None:
    """A person acts for an organisation (ACLED codes the organisation): a vice-president's
    arms deliveries are his government's. Statements stay with the person who made them."""
    if m is None or m.kind != "person" or not m.affiliation:
        return m
    entry = lookup_actor(m.affiliation)
    if entry is None:
        return m
    return replace(m, canonical=entry.canonical, kind=entry.kind, country=entry.country or m.country)


def crowd_of(etype: str, place: Place | None) -> Mention | None:
    """ACLED's generic side of a demonstration with no named organiser: "Protesters (Iraq)"."""
    if place is None or not place.country:
        return None
    code = alpha3(place.country)
    if code is None:
        return None
    kind = "rioters" if etype == "riot" else "protesters"
    name = fill_country(f"{kind.capitalize()} ({{en}})", code)
    return Mention(place.start, place.start, "", "actor", name, kind, code, source="pattern")
