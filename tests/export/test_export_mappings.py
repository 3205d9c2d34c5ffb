"""The mapping tables: every hadath type and actor kind has its row, every ACLED name used is
ACLED's, the codes follow ACLED's rules, and the country table is what its rebuild gives."""
from pathlib import Path

import pytest

from hadath.export.acled import acled_row, actor_inter, interaction, sub_event
from hadath.export.regions_build import build_acled_regions
from hadath.export.vocabulary import (
    acled_country,
    acled_event_type,
    acled_sub_event_types,
    inter_code,
    plover_sector,
    plover_type,
    read_table,
)
from hadath.vocabulary import EVENT_TYPES

KINDS = ("state_forces", "police", "government", "armed_group", "external_forces", "party",
         "protesters", "rioters", "civilians", "igo", "ngo_monitor", "media", "person")


def test_every_type_is_mapped() -> None:
    acled = {row["type"] for row in read_table("acled_event_types.tsv")}
    plover = {row["type"] for row in read_table("plover_event_types.tsv")}
    assert acled == plover == set(EVENT_TYPES)
    for row in read_table("acled_event_types.tsv"):
        if row["sub_event_type"]:
            assert row["sub_event_type"] in acled_sub_event_types()
    assert all(plover_type(t) is not None and plover_type(t).event for t in EVENT_TYPES)


def test_acled_types_and_disorder() -> None:
    strike = acled_event_type("air_strike")
    assert strike and (strike.event_type, strike.disorder_type) == (
        "Explosions/Remote violence", "Political violence")
    assert acled_event_type("protest").disorder_type == "Demonstrations"
    assert acled_event_type("arrest").disorder_type == "Strategic developments"
    assert acled_event_type("threaten") is None
    police = {"canonical": "Police Forces of Iraq", "kind": "police", "country": "IRQ"}
    faced = {"type": "protest", "actor2": police}
    assert sub_event(faced).sub_event_type == "Protest with intervention"
    hurt = {**faced, "injured": [{"count": 12, "source": "Iraqi Human Rights Commission"}]}
    force = sub_event(hurt)
    assert (force.sub_event_type, force.disorder_type) == (
        "Excessive force against protesters", "Political violence; Demonstrations")


def test_every_kind_has_codes() -> None:
    assert {row["kind"] for row in read_table("acled_inter.tsv")} == set(KINDS)
    assert {row["kind"] for row in read_table("plover_sectors.tsv")} == set(KINDS)
    assert inter_code("armed_group", "identity_militia") == 4
    assert inter_code("armed_group", "political_militia") == 3
    assert inter_code("armed_group") == 2
    assert plover_sector("police") == ("COP", "")


@pytest.mark.parametrize(("actor", "country", "code"), [
    ({"canonical": "Military Forces of Syria", "kind": "state_forces", "country": "SYR"}, "SY", 1),
    ({"canonical": "Military Forces of Russia", "kind": "state_forces", "country": "RUS"}, "SY", 8),
    ({"canonical": "Government of Turkey", "kind": "government", "country": "TUR"}, "TR", 1),
    ({"canonical": "Protesters (Iraq)", "kind": "protesters", "country": "IRQ"}, "IQ", 6),
    ({"canonical": "Muqtada al-Sadr", "kind": "person", "country": "IRQ",
      "affiliation": {"canonical": "Sadrist Movement", "kind": "party"}}, "IQ", 3),
    ({"canonical": "a witness", "kind": "person"}, "IQ", 7),
])
def test_inter_codes(actor: dict, country: str, code: int) -> None:
    assert actor_inter(actor, country) == code


def test_interaction_is_lower_code_first() -> None:
    assert interaction(3, 1) == interaction(1, 3) == 13
    assert interaction(7, 2) == 27
    assert interaction(2, 0) == 20  # one-sided: the actor's code and 0
    assert interaction(6, 6) == 66


def test_countries_iso_numeric_and_region() -> None:
    syria, iraq, egypt = acled_country("SY"), acled_country("IQ"), acled_country("EG")
    assert (syria.numeric, syria.region, syria.name) == (760, "Middle East", "Syria")
    assert (iraq.numeric, egypt.numeric, egypt.region) == (368, 818, "Northern Africa")
    assert acled_country("TL").name == "East Timor"  # ACLED's name, not ISO's Timor-Leste
    assert acled_country("CD").name == "Democratic Republic of Congo"
    assert acled_country("PS").region == "Middle East"


def test_country_table_is_what_its_rebuild_gives(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    out = tmp_path / "acled_iso_regions.tsv"
    build_acled_regions(out)
    shipped = Path(__file__).resolve().parents[2] / "src" / "hadath" / "data" / "export" / "acled_iso_regions.tsv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_what_acled_would_not_code() -> None:
    placed = {"id": "F-1", "type": "air_strike", "date": "2024-12-02",
              "location": {"canonical": "Idlib", "country": "SY", "lat": 35.93, "lon": 36.63}}
    assert isinstance(acled_row({**placed, "modality": "asserted"}), dict)
    assert acled_row({**placed, "modality": "planned"}) == "planned (did not happen)"
    assert acled_row({**placed, "modality": "asserted", "type": "accuse"}) == "accuse (no ACLED type)"
    assert acled_row({**placed, "modality": "asserted", "location": None}).startswith("no place")


def test_unnamed_actors_get_acleds_generic_names() -> None:
    row = acled_row({"id": "F-2", "type": "attack_on_civilians", "modality": "asserted",
                     "date": "2024-12-02", "location": {"canonical": "Idlib", "country": "SY"}})
    assert isinstance(row, dict)
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Syria)", 3)
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Civilians (Syria)", 7, 37)
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["sub_event_type"] == "Attack"
    protest = acled_row({"id": "F-3", "type": "protest", "modality": "asserted",
                         "date": "2024-12-01", "location": {"canonical": "Baghdad", "country": "IQ"}})
    assert isinstance(protest, dict)
    assert (protest["actor1"], protest["interaction"], protest["region"]) == (
        "Protesters (Iraq)", 60, "Middle East")


def test_evidence_words_make_the_sub_event_precise() -> None:
    def sub(kind: str, sentence: str) -> str:
        found = sub_event({"type": kind, "evidence": [{"text": sentence}]})
        assert found is not None
        return found.sub_event_type

    # "a suicide bomber blew himself up with an explosive belt at a checkpoint"
    assert sub("explosion", "فجر انتحاري حزاما ناسفا عند حاجز أمني") == "Suicide bomb"
    # "two people were wounded when a hand grenade was thrown at a shop"
    assert sub("explosion", "أصيب شخصان بإلقاء قنبلة يدوية على محل تجاري") == "Grenade"
    # "an explosive device went off under a car"
    assert sub("explosion", "انفجرت عبوة ناسفة تحت سيارة") == "Remote explosive/landmine/IED"
    # "an air strike with chemical weapons on Khan Shaykhun"
    assert sub("air_strike", "غارة بالسلاح الكيماوي على خان شيخون") == "Chemical weapon"
    assert sub("air_strike", "غارة جوية على سوق مدينة إدلب") == "Air/drone strike"
