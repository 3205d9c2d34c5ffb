"""The actor dictionary as data: size, kinds, former names, the tagger's alias set."""
from __future__ import annotations

from hadath.mentions import actor_name_on, actor_names, lookup_actor
from hadath.mentions.actor_build import check_actor_data
from hadath.mentions.actor_lexicon import adjective_forms, load_lexicon
from hadath.text.normalize import normalize_key


def test_dictionary_holds_at_least_600_actors_besides_generated_titles() -> None:
    entries = load_lexicon().entries.values()
    assert sum(1 for e in entries if e.subkind != "title") >= 600


def test_data_files_have_no_problems() -> None:
    assert check_actor_data() == []


def test_hts_keeps_its_former_names_with_dates() -> None:
    entry = lookup_actor("Hayat Tahrir al-Sham")
    assert entry is not None and entry.kind == "armed_group" and entry.country == "SYR"
    nusra = next(f for f in entry.former if f.name == "Jabhat al-Nusra")
    assert "جبهة النصرة" in nusra.aliases
    assert nusra.start.startswith("2012") and nusra.end.startswith("2016")


def test_state_actors_are_generated_for_every_listed_state() -> None:
    for canonical, kind in (("Military Forces of Egypt", "state_forces"),
                            ("Police Forces of Tunisia", "police"),
                            ("Government of the United States", "government")):
        entry = lookup_actor(canonical)
        assert entry is not None and entry.kind == kind


def test_lookup_of_unknown_name_is_none() -> None:
    assert lookup_actor("No Such Actor") is None


def test_actor_names_are_normalised_alias_forms() -> None:
    names = actor_names()
    assert normalize_key("هيئة تحرير الشام") in names
    assert normalize_key("الجيش السوري") in names
    # context words such as the bare "الجيش" are not names
    assert normalize_key("الجيش") not in names


def test_adjective_forms_inflect_every_word() -> None:
    forms = adjective_forms("كوري شمالي")
    assert forms["al_f"] == ("الكورية الشمالية",)
    assert "الروسيين" in adjective_forms("روسي")["al_mp"]


def test_name_on_a_day_uses_the_former_name_then_in_force() -> None:
    assert actor_name_on("Hayat Tahrir al-Sham", "2014-05-01") == "Jabhat al-Nusra"
    assert actor_name_on("Hayat Tahrir al-Sham", "2016-09-01") == "Jabhat Fateh al-Sham"
    assert actor_name_on("Hayat Tahrir al-Sham", "2024-11-30") == "Hayat Tahrir al-Sham"
    assert actor_name_on("Reuters", "2015-01-01") == "Reuters"
