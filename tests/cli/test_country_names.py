"""One name per country: actors, generic crowds and places all take it from data/countries.tsv."""
import json
from pathlib import Path

from hadath_cli import run_hadath

from hadath import countries

DATA = Path(countries.__file__).parent / "data"


def _events(tmp_path: Path, text: str) -> list[dict]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    result = run_hadath("extract", str(page), "--published", "2024-11-30", "--no-tagger")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["events"]


def test_a_named_and_an_unnamed_crowd_are_the_same_actor(tmp_path: Path) -> None:
    # "Hundreds demonstrated in Taksim Square in central Istanbul today against high prices"
    unnamed = _events(tmp_path, "احتجاجات في إسطنبول\n\nتظاهر مئات الأشخاص في ساحة تقسيم وسط "
                                "إسطنبول اليوم احتجاجا على غلاء الأسعار.")
    # "... witnesses said the police dispersed the Turkish protesters with tear gas"
    named = _events(tmp_path, "احتجاجات في إسطنبول\n\nتظاهر مئات الأشخاص في ساحة تقسيم وسط "
                              "إسطنبول اليوم، وقال شهود إن الشرطة فرقت المحتجين الأتراك بالغاز "
                              "المسيل للدموع.")
    assert {e["actor1"]["canonical"] for e in unnamed if e["type"] == "protest"} == {"Protesters (Turkey)"}
    assert {e["actor1"]["canonical"] for e in named if e["type"] == "protest"} == {"Protesters (Turkey)"}


def test_actor_and_place_names_of_a_country_agree() -> None:
    # "Turkey confirmed through its foreign minister ... in Turkey"
    actors = run_hadath("actors", "وأكدت تركيا عبر وزير خارجيتها عدم تورطها", "--format", "json")
    places = run_hadath("geo", "قصف على الحدود مع تركيا", "--format", "json")
    assert actors.returncode == 0 and places.returncode == 0, actors.stderr + places.stderr
    assert "Government of Turkey" in {m["canonical"] for m in json.loads(actors.stdout)}
    assert "Turkey" in {m["canonical"] for m in json.loads(places.stdout)}


def test_the_article_stays_out_of_brackets() -> None:
    assert countries.fill_country("Government of {en}", "USA") == "Government of the United States"
    assert countries.fill_country("Protesters ({en})", "US") == "Protesters (United States)"
    assert countries.country("syria") == countries.country("SYR") == countries.country("SY")


def test_there_is_one_table_of_english_country_names() -> None:
    # the stages' own country files hold Arabic words and coordinates, keyed by ISO code only
    tables = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*countr*.tsv"))
    assert tables == ["countries.tsv", "geo/countries_ar.tsv"]
    for name in ("geo/countries_ar.tsv", "actors/states_ar.tsv"):
        header = next(line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
                      if not line.startswith("#"))
        assert not {"name", "name_en", "canonical"} & set(header.split("\t")), name
