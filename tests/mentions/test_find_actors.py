"""Actor mentions in real news phrases: spans, clitics, names, kinds and countries."""
from __future__ import annotations

import pytest

from hadath.mentions import find_actors
from hadath.record import Mention


def only(text: str) -> Mention:
    mentions = find_actors(text)
    assert len(mentions) == 1, [(m.surface, m.canonical) for m in mentions]
    return mentions[0]


def by_surface(text: str) -> dict[str, Mention]:
    return {m.surface: m for m in find_actors(text)}


def test_offsets_index_the_original_text_even_with_diacritics() -> None:
    text = "وأعلنَ الجيشُ السوريُّ انسحابَه، وقالت هيئةُ تحريرِ الشام إنها سيطرت على المدينة."
    mentions = find_actors(text)
    assert [m.canonical for m in mentions] == ["Military Forces of Syria", "Hayat Tahrir al-Sham"]
    for m in mentions:
        assert text[m.start:m.end] == m.surface


def test_longest_match_wins() -> None:
    m = only("قتل 79 عنصرا من القوات المسلحة السورية")
    assert m.surface == "القوات المسلحة السورية"
    assert (m.canonical, m.kind, m.country) == ("Military Forces of Syria", "state_forces", "SYR")


@pytest.mark.parametrize("text, surface", [
    ("اشتباكات بين والجيش السوري", "الجيش السوري"),
    ("تعزيزات للجيش السوري في حلب", "لجيش السوري"),
    ("ألحقت الهزيمة بالجيش السوري", "الجيش السوري"),
])
def test_proclitics_stay_outside_the_span(text: str, surface: str) -> None:
    m = only(text)
    assert m.surface == surface and m.canonical == "Military Forces of Syria"


def test_alias_inside_a_longer_word_is_no_match() -> None:
    assert find_actors("استقبل الجمهور الفريق بكثير من الحماس") == []


def test_former_name_maps_to_the_entity_and_keeps_its_dates() -> None:
    m = only("في حال تعرضت لهجوم من جبهة النصرة")
    assert m.canonical == "Hayat Tahrir al-Sham"
    assert m.reason is not None and "Jabhat al-Nusra" in m.reason and "2016" in m.reason


def test_kurdish_forces() -> None:
    m = only("وقالت القوات الكردية إنها ستتخذ الإجراءات اللازمة")
    assert (m.canonical, m.kind, m.country) == ("Kurdish forces (SDF/YPG)", "armed_group", "SYR")


def test_generic_armed_groups_take_the_country_context() -> None:
    syria = by_surface("يتواصل التصعيد في سوريا بين الجيش السوري والمجموعات المسلحة")
    assert syria["المجموعات المسلحة"].canonical == "Syrian armed opposition groups"
    libya = by_surface("احتدمت الاشتباكات بين فصائل مسلحة متنافسة في العاصمة الليبية طرابلس")
    assert libya["فصائل مسلحة"].canonical == "Unidentified Armed Group (Libya)"


def test_generic_without_context_is_unidentified() -> None:
    m = only("أطلق مسلحون مجهولون النار على الحافلة")
    assert (m.canonical, m.kind, m.country) == ("Unidentified Armed Group", "armed_group", None)


def test_bare_army_points_back_to_the_state_force_named_before() -> None:
    mentions = find_actors("أعلن الجيش المصري مقتل مسلحين. وقال الجيش إن العملية مستمرة")
    bare = [m for m in mentions if m.surface == "الجيش"]
    assert len(bare) == 1 and bare[0].canonical == "Military Forces of Egypt"


def test_bare_police_takes_the_state_of_its_sentence() -> None:
    m = by_surface("وقالت الشرطة في بيان إن الحادث وقع وسط العاصمة السويدية")["الشرطة"]
    assert m.canonical == "Police Forces of Sweden"


def test_short_form_of_the_observatory_is_sohr() -> None:
    text = "وأفاد المرصد السوري لحقوق الإنسان بمقتل 20 شخصا. وقال المرصد إن القصف مستمر"
    mentions = find_actors(text)
    assert [m.canonical for m in mentions] == ["Syrian Observatory for Human Rights"] * 2
    assert all(m.label == "org" and m.kind == "ngo_monitor" for m in mentions)


@pytest.mark.parametrize("text, surface, canonical", [
    ("وقالت مصادر عسكرية إن دمشق تلقت تعهدا بمساعدات", "دمشق", "Government of Syria"),
    ("واتهمت موسكو الغرب بتأجيج الصراع", "موسكو", "Government of Russia"),
    ("وقال الكرملين إن الرئيس يتابع الوضع", "الكرملين", "Government of Russia"),
    ("وأعلن البنتاغون إرسال مزيد من الجنود", "البنتاغون", "Government of the United States"),
])
def test_capitals_that_act_are_governments(text: str, surface: str, canonical: str) -> None:
    m = by_surface(text)[surface]
    assert (m.canonical, m.kind, m.reason) == (canonical, "government", "metonym")


def test_capital_as_a_place_is_no_actor() -> None:
    assert find_actors("وصل الوفد إلى دمشق مساء أمس") == []
    assert find_actors("فبعد أربع سنوات من النزاع في سوريا قال المسؤول") == []


def test_states_listed_together_act_together() -> None:
    mentions = by_surface("وكان الحرس الثوري الإيراني قد اتهم واشنطن والرياض بالتورط")
    assert mentions["واشنطن"].canonical == "Government of the United States"
    assert mentions["الرياض"].canonical == "Government of Saudi Arabia"


@pytest.mark.parametrize("text, surface, canonical", [
    ("ورصد المرصد هجوما روسيا على أطراف المدينة", "هجوما روسيا", "Military Forces of Russia"),
    ("قصفت الطائرات الإسرائيلية مواقع في غزة", "الطائرات الإسرائيلية", "Military Forces of Israel"),
    ("توغلت القوات التركية في الشمال", "القوات التركية", "Military Forces of Turkey"),
    ("أعلن الجيش الأمريكي تدمير الصاروخ", "الجيش الأمريكي", "Military Forces of the United States"),
    ("أعلن الجيش الأميركي تدمير الصاروخ", "الجيش الأميركي", "Military Forces of the United States"),
    ("قالت الشرطة البريطانية إنها أفرجت عن الموقوفين", "الشرطة البريطانية",
     "Police Forces of the United Kingdom"),
])
def test_nationality_adjectives_name_the_state_force(text: str, surface: str,
                                                     canonical: str) -> None:
    assert by_surface(text)[surface].canonical == canonical


def test_person_with_title_and_name() -> None:
    m = only("دعا الرئيس التركي رجب طيب أردوغان إلى التهدئة")
    assert m.surface == "الرئيس التركي رجب طيب أردوغان"
    assert (m.label, m.canonical, m.country) == ("person", "Recep Tayyip Erdogan", "TUR")
    assert (m.affiliation, m.affiliation_kind) == ("Government of Turkey", "government")


def test_person_with_title_only() -> None:
    m = only("قال وزير الخارجية الأمريكي إن المحادثات مستمرة")
    assert (m.label, m.canonical) == ("person", "Foreign Minister of the United States")
    assert m.affiliation == "Government of the United States"


def test_spokesperson_of_an_actor() -> None:
    spokesperson, movement = find_actors("وقال المتحدث باسم حركة حماس إن الحركة ترفض الاتهامات")
    assert spokesperson.surface == "المتحدث باسم حركة حماس"
    assert (spokesperson.label, spokesperson.affiliation) == ("person", "Hamas")
    assert spokesperson.affiliation_kind == "armed_group"
    # "الحركة" points back to the movement named inside the title
    assert (movement.surface, movement.canonical) == ("الحركة", "Hamas")


def test_title_with_pronoun_takes_the_state_named_before() -> None:
    mentions = by_surface("وأكدت تركيا عبر وزير خارجيتها عدم تورطها في الصراعات")
    assert mentions["تركيا"].canonical == "Government of Turkey"
    minister = mentions["وزير خارجيتها"]
    assert (minister.canonical, minister.affiliation) == ("Foreign Minister of Turkey",
                                                          "Government of Turkey")


def test_a_bare_title_serves_the_state_last_named_as_a_state() -> None:
    # not the agency's seat (France) nor the nationality of a victim (Palestine)
    mentions = by_surface("أعلنت الحكومة الإسرائيلية اعتقال متطرفين بعد مقتل الطفل الفلسطيني، "
                          "وقال متحدث لوكالة فرانس برس إن وزير الدفاع وقع القرار.")
    assert mentions["وزير الدفاع"].canonical == "Defence Minister of Israel"


def test_national_army_depends_on_the_country() -> None:
    libya = by_surface("قال خليفة حفتر قائد الجيش الوطني الليبي إن الجيش الوطني سيطر على المطار")
    assert libya["الجيش الوطني"].canonical == "Libyan National Army"
    tunisia = by_surface("قرر الرئيس التونسي تكليف الجيش الوطني بحماية المنشآت")
    assert tunisia["الجيش الوطني"].canonical == "Military Forces of Tunisia"


def test_country_hint_resolves_forms_without_a_named_state() -> None:
    assert find_actors("وتفرض قوات الأمن حصارا على مداخل المحافظة") == []
    m = only_with_country("وتفرض قوات الأمن حصارا على مداخل المحافظة", "EGY")
    assert m.canonical == "Police Forces of Egypt"


def only_with_country(text: str, country: str) -> Mention:
    mentions = find_actors(text, country)
    assert len(mentions) == 1
    return mentions[0]


def test_media_are_orgs() -> None:
    m = only("وقالت مصادر عسكرية أخرى لرويترز إن التعزيزات وصلت")
    assert (m.canonical, m.kind, m.label, m.surface) == ("Reuters", "media", "org", "رويترز")


def test_houthis_spelling_variants() -> None:
    for text in ("قصفت ميليشيات الحوثي وصالح الأحياء السكنية", "واصل المتمردين الحوثيين القصف",
                 "وكان مسلحون حوثيون اقتحموا السفارة"):
        assert [m.canonical for m in find_actors(text)] == ["Houthis (Ansar Allah)"], text


def test_last_name_after_the_full_name_is_the_same_person() -> None:
    text = ("قال بيان لحزب المؤتمر الشعبي العام الذي ينتمي إليه علي عبد الله صالح إن صالح طلب "
            "السماح له بالسفر")
    saleh = [m for m in find_actors(text) if m.canonical == "Ali Abdullah Saleh"]
    assert [m.surface for m in saleh] == ["علي عبد الله صالح", "صالح"]
    assert saleh[1].reason == "short name"


def test_runs_of_spaces_do_not_break_a_name() -> None:
    text = "وذكرت الشرطة \u00a0الألمانية على حسابها"
    m = only(text)
    assert m.canonical == "Police Forces of Germany" and text[m.start:m.end] == m.surface


def test_militias_of_a_leader_are_his_forces() -> None:
    text = "وتسيطر على القاعدة العسكرية ميليشيات موالية للمخلوع علي صالح"
    m = only(text)
    assert m.canonical == "Saleh loyalist forces" and m.kind == "armed_group"


@pytest.mark.parametrize("text, surface, canonical", [
    ("وتقدمت المقاومة في عدن اليمنية بإسناد من التحالف", "التحالف", "Saudi-led Coalition"),
    ("قصفت طائرات التحالف مواقع في الرقة السورية", "طائرات التحالف",
     "Global Coalition against Daesh"),
])
def test_bare_coalition_depends_on_the_country(text: str, surface: str, canonical: str) -> None:
    assert by_surface(text)[surface].canonical == canonical


def test_feminine_perfect_verb_makes_a_state_act() -> None:
    m = only("رفعت بريطانيا حالة التأهب الأمني عقب الهجوم")
    assert (m.surface, m.canonical, m.reason) == ("بريطانيا", "Government of the United Kingdom",
                                                  "metonym")


def test_state_after_a_relative_clause_verb_is_its_object() -> None:
    assert find_actors("الهجمات التي ضربت لندن ليلة السبت") == []
    m = only("القصف الجوي الذي تقوده الولايات المتحدة في سوريا")
    assert m.canonical == "Government of the United States"


def test_title_after_a_named_person_describes_that_person() -> None:
    mentions = find_actors("التقى الوفد عادل الجبير وزير الخارجية في الرياض")
    assert [m.canonical for m in mentions] == ["Adel al-Jubeir"]


def test_short_name_before_the_full_name_looks_ahead() -> None:
    text = "وقال المرصد إن القصف مستمر. وأفاد المرصد السوري لحقوق الإنسان بمقتل 20 شخصا"
    first = find_actors(text)[0]
    assert (first.surface, first.canonical, first.reason) == (
        "المرصد", "Syrian Observatory for Human Rights", "cataphor")


def test_quotes_around_an_outlet_stay_outside_the_span() -> None:
    m = only('أكد مصدر أمني لـ«عكاظ» أن الهجوم فشل')
    assert (m.surface, m.canonical) == ("عكاظ", "Okaz")


def test_forces_of_an_actor_take_the_word_in() -> None:
    m = only("نفذت قوات التحالف بقيادة السعودية غارات جديدة")
    assert (m.surface, m.canonical) == ("قوات التحالف بقيادة السعودية", "Saudi-led Coalition")


@pytest.mark.parametrize("text, surface, canonical", [
    ("عمدت القوى الأمنية اللبنانية إلى قطع طريق جسر الأولي", "القوى الأمنية اللبنانية",
     "Police Forces of Lebanon"),
    ("أفاد مسؤولون بأن قوات أمن صومالية قتلت وزير الأشغال العامة بالخطأ", "قوات أمن صومالية",
     "Police Forces of Somalia"),
    ("وقعت قبيلتا التبو والطوارق اتفاقا لوقف إطلاق النار", "التبو", "Tebu ethnic militia (Libya)"),
])
def test_security_forces_and_tribal_militias(text: str, surface: str, canonical: str) -> None:
    assert by_surface(text)[surface].canonical == canonical


def test_the_yemeni_resistance_in_a_headline() -> None:
    m = by_surface("المقاومة اليمنية: أسرنا إيرانيين مدربين على تنفيذ اغتيالات")["المقاومة اليمنية"]
    assert m.canonical == "Popular Resistance (Yemen)"


def test_a_movement_named_in_quotes() -> None:
    text = 'نفت حركة "حسم" أي تورط لها في التفجير'
    assert [m.canonical for m in find_actors(text)] == ["Hasm Movement"]
