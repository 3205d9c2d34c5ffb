"""When two reports can be one event: type, modality, dates, actors and places (ACLED's rules
as stated in data/fusion/types.tsv and hadath.fusion.profile)."""
import pytest
from hand_records import event, location

from hadath.fusion import day_interval, match_score, profile
from hadath.fusion.types import kept_type, types_fuse


def score(a: dict, b: dict) -> float | None:
    return match_score(profile(a), profile(b))


@pytest.mark.parametrize(("a", "b", "fuse"), [
    ("air_strike", "shelling", True),          # outlets disagree on the weapon
    ("explosion", "attack_on_civilians", True),  # a market bombing
    ("air_strike", "attack_on_civilians", True),
    ("armed_clash", "territory_taken", True),  # the battle that changed hands
    ("territory_taken", "territory_regained", True),  # who counts as "the government" differs
    ("armed_clash", "air_strike", False),
    ("protest", "riot", True),
    ("arrest", "abduction", False),
    ("threaten", "accuse", False),
])
def test_type_compatibility(a: str, b: str, fuse: bool) -> None:
    assert types_fuse(a, b) is fuse
    assert (score(event("a-1", a), event("b-1", b)) is not None) is fuse


def test_the_fused_type_follows_acled() -> None:
    # remote violence against civilians is coded as the remote violence
    assert kept_type(["attack_on_civilians", "attack_on_civilians", "air_strike"]) == "air_strike"
    assert kept_type(["armed_clash", "territory_taken"]) == "territory_taken"
    assert kept_type(["shelling", "air_strike", "shelling"]) == "air_strike"
    assert kept_type(["protest", "protest"]) == "protest"
    # taken ~ regained keeps neither by rule: the one most reports give
    assert kept_type(["territory_regained", "territory_taken", "territory_taken"]) == "territory_taken"
    assert kept_type(["territory_regained", "territory_taken"]) == "territory_regained"  # first


def test_places_same_near_or_inside() -> None:
    base = event("a-1")
    assert score(base, event("b-1")) == 3 + 2 + 1 + 1  # place, same day, actor1, type
    assert score(base, event("b-1", place="Anadan")) is None  # 14 km
    # "ريف حلب" (near X, precision 2) 7 km out is within the looser 10 km
    near = event("b-1", location=location("Haritan", geo_precision=2))
    assert score(base, near) is not None
    # a governorate holds its towns; a country alone holds none of them (a Kilis clash placed
    # only at "Syria" is not the battles of Daraa that day)
    assert score(event("a-1", place="Idlib Governorate"), event("b-1", place="Saraqib")) is not None
    assert score(event("a-1", place="Idlib Governorate"), event("b-1", place="Aleppo")) is None
    assert score(event("a-1", place="Syria"), event("b-1", place="Saraqib")) is None
    assert score(event("a-1", place="Syria"), event("b-1", place="Syria")) is not None
    assert score(event("a-1", place="Taiz"), event("b-1", place="Syria")) is None
    # an unplaced report fuses only with another unplaced one
    assert score(event("a-1", place=None), event("b-1")) is None
    assert score(event("a-1", place=None), event("b-1", place=None)) is not None
    # ... and only by the same actor 1: nowhere and by no one in common is no evidence
    assert score(event("a-1", place=None, actor1=None), event("b-1", place=None)) is None


def test_towns_a_few_km_apart() -> None:
    # Haritan is 7 km from Aleppo's centre: more than NEAR_KM (5) for two towns
    assert score(event("a-1"), event("b-1", place="Haritan")) is None
    close = event("b-1", location=location("Aleppo", canonical="Aleppo Citadel",
                                            lat=36.1993, lon=37.1626))
    assert score(event("a-1"), close) is not None


def test_a_vague_place_needs_the_same_day() -> None:
    # "in Idlib governorate" or "in Syria" on the 23rd and on the 24th: too little to call one event
    assert score(event("a-1", place="Idlib Governorate"), event("b-1", place="Saraqib")) is not None
    assert score(event("a-1", place="Idlib Governorate"),
                 event("b-1", place="Saraqib", date="2024-11-29")) is None
    assert score(event("a-1", place="Syria"), event("b-1", place="Syria", date="2024-11-29")) is None
    assert score(event("a-1", place="Saraqib"), event("b-1", place="Saraqib", date="2024-11-29")) is not None


def test_dates_within_a_day_or_overlapping() -> None:
    assert score(event("a-1"), event("b-1", date="2024-11-29")) is not None
    assert score(event("a-1"), event("b-1", date="2024-11-28")) is None
    spell = event("b-1", date="2024-11-25", date_end="2024-11-29", time_precision=2)
    assert score(event("a-1"), spell) is not None  # the 24 hours before the 30th
    # a month or a year fuses only with the same stated month or year
    month = event("a-1", date="2024-11", time_precision=3)
    assert score(month, event("b-1")) is None
    assert score(month, event("b-1", date="2024-11", time_precision=3)) is not None
    assert day_interval("2024-02", None)[1].isoformat() == "2024-02-29"


def test_actors_same_or_unknown() -> None:
    assert score(event("a-1"), event("b-1", actor1=None)) is not None
    # at a town one named actor against another is extraction's reading (below); at a
    # governorate it keeps two events apart
    assert score(event("a-1"), event("b-1", actor1="Military Forces of Syria")) is not None
    assert score(event("a-1", place="Idlib Governorate"),
                 event("b-1", place="Idlib Governorate", actor1="Military Forces of Syria")) is None
    # a clash has two sides and no attacker: either order
    clash = event("a-1", "armed_clash", actor1="Hayat Tahrir al-Sham", actor2="Military Forces of Syria")
    other_way = event("b-1", "armed_clash", actor1="Military Forces of Syria", actor2="Hayat Tahrir al-Sham")
    assert score(clash, other_way) is not None
    # one named actor in common, in whatever role, still agrees (the doer and the target
    # swapped, or the doer's ally named instead); nothing in common does not
    bombing = event("a-1", "explosion", actor1="Islamic State", actor2="Police Forces of Saudi Arabia")
    swapped = event("b-1", "explosion", actor1="Police Forces of Saudi Arabia")
    assert score(bombing, swapped) == 3 + 2 + 0.5 + 1
    assert score(bombing, event("b-1", "explosion", actor1="Military Forces of Syria",
                                actor2="Civilians (Syria)")) is None


def test_one_act_at_one_settlement_whatever_the_roles() -> None:
    # Abha: the bomber's group in one report, the police it killed as actor 1 in another
    bombing = event("a-1", "explosion", actor1="Islamic State")
    victims = event("b-1", "explosion", actor1="Police Forces of Saudi Arabia", date="2024-11-29")
    assert score(bombing, victims) == 3 + 1 + 0 + 1
    # two pairs of belligerents with no side in common are two events
    clash = event("a-1", "armed_clash", actor1="Hayat Tahrir al-Sham", actor2="Military Forces of Syria")
    other = event("b-1", "armed_clash", actor1="Islamic State", actor2="Syrian Democratic Forces")
    assert score(clash, other) is None
    # a governorate or a country is too wide a place for it, and a statement keeps its speaker
    assert score(event("a-1", "explosion", place="Idlib Governorate", actor1="Islamic State"),
                 event("b-1", "explosion", place="Idlib Governorate", actor1="Civilians (Syria)")) is None
    assert score(event("a-1", "accuse", actor1="Government of Russia"),
                 event("b-1", "accuse", actor1="Government of Turkey")) is None


def test_statements_need_the_same_speaker_and_type() -> None:
    said = event("a-1", "accuse", actor1="Government of Russia")
    assert score(said, event("b-1", "accuse", actor1="Government of Russia")) is not None
    assert score(said, event("b-1", "accuse", actor1=None)) is None
    assert score(said, event("b-1", "accuse", actor1="Government of Turkey")) is None
    assert score(said, event("b-1", "reject_deny", actor1="Government of Russia")) is None


def test_modalities_of_one_kind() -> None:
    assert score(event("a-1"), event("b-1", modality="claimed")) is not None
    assert score(event("a-1"), event("b-1", modality="denied")) is not None
    assert score(event("a-1"), event("b-1", modality="planned")) is None
    assert score(event("a-1", modality="historical"), event("b-1", modality="historical")) is not None
