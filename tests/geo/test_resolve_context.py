"""Context from the rest of the article: nationality adjectives and phrases that are no place."""
from hadath.geo import resolve_places


def places(text: str) -> list[tuple[str, str | None]]:
    return [(m.surface, m.country) for m in resolve_places(text)]


def test_sunset_prayer_is_not_morocco() -> None:
    assert ("المغرب", "MA") not in places("قتل ثلاثة مصلين بعد صلاة المغرب في مسجد بمدينة مايدوغوري")
    assert ("المغرب", "MA") in places("زار الملك محمد السادس المغرب أمس")


def test_a_nationality_adjective_sets_the_country_of_an_ambiguous_name() -> None:
    # القنيطرة is a Syrian governorate and a Moroccan city; "الجيش السوري" says which
    assert ("القنيطرة", "SY") in places("أعلن الجيش السوري سيطرته على بلدات في القنيطرة")


def test_a_time_word_after_a_town_is_no_construct_state() -> None:
    # "in Lawdar today" names a town; "حماة الديار" ("guardians of the homeland") does not
    assert ("لودر", "YE") in places("اشتباكات عنيفة في لودر اليوم بين القوات في اليمن")
    assert places("حماة الديار") == []


def test_conflict_towns_of_the_sahel_yemen_and_afghanistan() -> None:
    assert ("غوزا", "NG") in places("هجوم لبوكو حرام على غوزا في ولاية بورنو")
    assert ("سيئون", "YE") in places("قتل 5 في هجوم في سيئون باليمن")
    assert ("لشكركاه", "AF") in places("انفجار في لشكركاه عاصمة ولاية هلمند")
    assert places("كانو يعملون في المدينة") == []  # كانو is also "they were"


def test_maghrebi_authorities_are_not_as_salt() -> None:
    # "السلط" is the plural of "authority" in Tunisian and Algerian usage
    assert not resolve_places("رفض الحزب التبريرات التي قدمتها السلط المعنية لمنع النشاط")
    [town] = resolve_places("انفجار في مدينة السلط الأردنية")
    assert town.canonical == "As Salţ"


def test_bare_salt_is_the_authorities_unless_qualified() -> None:
    assert not resolve_places("دعا معتمد قبلي السلط إلى التدخل لحل الأزمة")
