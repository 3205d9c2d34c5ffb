"""Persons in event records carry their affiliation as SPEC says: the actor they speak or act
for, with that actor's kind and country."""
from __future__ import annotations

from hadath.events.records import affiliation_of
from hadath.mentions import find_actors
from hadath.record import Mention


def test_a_minister_reads_as_the_government_he_serves() -> None:
    # "the Turkish foreign minister Mevlut Cavusoglu said"
    text = "قال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده ترفض الهجوم."
    person = next(m for m in find_actors(text) if m.kind == "person")
    assert affiliation_of(person) == {"canonical": "Government of Turkey", "kind": "government",
                                      "country": "TUR"}


def test_an_affiliation_outside_the_dictionary_keeps_its_name_and_kind() -> None:
    person = Mention(0, 4, "فلان", "actor", "Someone", "person", "TUN", affiliation="Some Union",
                     affiliation_kind="party")
    assert affiliation_of(person) == {"canonical": "Some Union", "kind": "party", "country": "TUN"}


def test_a_person_with_no_affiliation_has_none() -> None:
    assert affiliation_of(Mention(0, 4, "فلان", "actor", "Someone", "person", "TUN")) is None
