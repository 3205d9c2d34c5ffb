"""Events through the whole pipeline (real places, actors, times and claims stages): news
sentences whose reading depends on light syntax and on the lexicons."""
from __future__ import annotations

from typing import Any

from event_articles import checked, one

from hadath.pipeline import process
from hadath.record import ArticleMeta


def _events(text: str, published: str = "2016-05-10") -> list[dict[str, Any]]:
    meta = ArticleMeta(id="pipeline-test", text=text, outlet="العرب", published=published)
    return checked(text, process(meta, tagger=False).events)


def test_fighters_named_by_their_group_are_the_group() -> None:
    # "gunmen from Boko Haram abducted more than 200 schoolgirls in Maiduguri"
    events = _events("اختطف مسلحون من جماعة بوكو حرام أكثر من 200 تلميذة من مدرسة في مدينة مايدوغوري.")
    assert one(events, "abduction")["actor1"]["canonical"] == "Boko Haram"


def test_the_name_after_an_arrest_phrase_is_the_one_arrested() -> None:
    # "the Tunisian interior ministry announced the arrest of a terrorist cell in Kasserine"
    events = _events("أعلنت وزارة الداخلية التونسية القبض على خلية إرهابية في ولاية القصرين.")
    arrest = one(events, "arrest")  # not an abduction by the cell
    assert arrest["actor1"]["canonical"] == "Police Forces of Tunisia"  # ACLED: arrests by police
    assert arrest["actor2"]["kind"] == "armed_group"
    assert arrest["modality"] == "asserted"  # officials describing their own government's act


def test_security_forces_clashing_with_protesters_meet_the_protest() -> None:
    events = _events("اندلعت اشتباكات بين قوات الأمن ومحتجين في مدينة البصرة جنوب العراق.")
    protest = one(events, "protest")
    assert protest["actor1"]["canonical"] == "Protesters (Iraq)"
    assert protest["actor2"]["canonical"] == "Police Forces of Iraq"


def test_shooting_with_the_subject_inside_the_phrase() -> None:
    # "unknown gunmen opened fire on a local official's car in Derna, killing him"
    events = _events("أطلق مجهولون النار على سيارة مسؤول محلي في مدينة درنة.")
    shooting = one(events, "armed_clash")
    assert shooting["actor1"]["canonical"] == "Unidentified Armed Group (Libya)"
    assert shooting["location"]["canonical"] == "Derna"


def test_dawn_is_a_time_not_a_bombing() -> None:
    # "فجر اليوم" (at dawn today): فجر is also "he blew up"
    events = _events("اعتقلت قوات الاحتلال الإسرائيلي فجر اليوم 15 فلسطينيا في مداهمات بمدينة الخليل.")
    assert [e["type"] for e in events] == ["arrest"]


def test_expelling_a_group_is_regaining_ground_not_the_groups_gain() -> None:
    events = _events("استعادت القوات العراقية السيطرة على قضاء بيجي بعد طرد مسلحي داعش منه.")
    regained = one(events, "territory_regained")
    assert regained["actor1"]["canonical"] == "Military Forces of Iraq"
    assert not [e for e in events if e["type"] == "territory_taken"]


def test_a_named_claimant_and_unknown_gunmen_are_one_attack() -> None:
    text = ("أعلن تنظيم داعش مسؤوليته عن الهجوم على حافلة تقل أقباطا في مدينة المنيا.\n"
            "وأطلق مجهولون النار على الحافلة في المنيا، ما أدى إلى مقتل 29 شخصا.")
    attack = one(_events(text), "attack_on_civilians")
    assert attack["actor1"]["canonical"] == "Islamic State"


def test_who_condemns_an_attack_did_not_carry_it_out() -> None:
    text = "أدانت وزارة الخارجية السعودية الهجوم الإرهابي الذي استهدف مسجدا في الكويت."
    events = _events(text)
    assert one(events, "accuse")["actor1"]["canonical"] == "Government of Saudi Arabia"
    assert all(e["actor1"] is None or e["actor1"]["country"] != "SAU"
               for e in events if e["type"] != "accuse")


def test_the_owner_of_positions_struck_is_the_target() -> None:
    text = "قصفت الطائرات الروسية مواقع لتنظيم داعش في مدينة تدمر."
    strike = one(_events(text), "air_strike")
    assert strike["actor1"]["canonical"] == "Military Forces of Russia"
    assert strike["actor2"]["canonical"] == "Islamic State"


def test_police_dispersing_a_crowd_is_a_protest_met_by_force() -> None:
    text = "فرقت قوات الأمن متظاهرين بالغاز المسيل للدموع في الجزائر العاصمة."
    protest = one(_events(text), "protest")
    assert protest["actor1"]["kind"] == "protesters"
    assert protest["actor2"]["kind"] == "police"


def test_a_back_reference_dated_to_another_year_is_another_past_event() -> None:
    text = ("وكانت قوات حكومة الوفاق قد اشتبكت مع تنظيم داعش في طرابلس في مارس 2016.\n"
            "ويذكر أن الاقتتال الذي خاضته قوات فجر ليبيا في طرابلس عام 2014 أدى إلى تدمير المطار.")
    dates = sorted(e["date"] for e in _events(text, "2016-12-02")
                   if e["type"] == "armed_clash" and e["modality"] == "historical")
    assert dates == ["2014", "2016-03"]


def test_a_dateline_city_is_where_the_report_was_filed() -> None:
    text = ("كييف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n"
            "قصفت القوات الروسية مواقع للجيش الأوكراني.")
    for event in _events(text, "2015-08-10"):
        assert (event["location"] or {}).get("canonical") != "Kyiv"


def test_where_people_fled_to_is_not_where_the_attack_was() -> None:
    text = "هاجم مسلحون من جماعة بوكو حرام قرى في شمال شرق نيجيريا وفر السكان الى مدينة مايدوغوري."
    [attack] = _events(text, "2015-07-21")
    assert attack["actor1"]["canonical"] == "Boko Haram"
    assert attack["location"]["canonical"] != "Maiduguri"


def test_a_country_after_an_attack_noun_is_where_not_who() -> None:
    for event in _events("عثرت الشرطة على علم داعش في غرفة منفذ هجوم ألمانيا.", "2016-07-19"):
        assert (event["actor1"] or {}).get("canonical") != "Military Forces of Germany"


def test_who_reacts_to_an_attack_did_not_carry_it_out() -> None:
    text = "حذرت الإمارات العربية المتحدة مواطنيها من السفر إلى بريطانيا بعد هجوم جسر لندن."
    for event in _events(text, "2017-06-04"):
        assert event["type"] not in ("air_strike", "armed_clash") or \
            (event["actor1"] or {}).get("country") != "ARE"


def test_a_politician_attacking_a_government_attacks_with_words() -> None:
    text = "وهاجم رئيس الوزراء الليبي فايز السراج حكومة الإنقاذ في طرابلس."
    assert not [e for e in _events(text, "2017-01-20") if e["type"] == "armed_clash"]


def test_a_missile_test_and_a_named_group_are_no_attacks() -> None:
    assert not _events("أجرت كوريا الشمالية تجربة صاروخ باليستي في مدينة بيونغ يانغ.", "2017-04-28")
    text = "وقالت الحكومة التي أدارت العاصمة طرابلس بمساندة تحالف فجر ليبيا إنها ستتخلى عن السلطة."
    assert not [e for e in _events(text, "2016-04-05") if e["type"] == "explosion"]


def test_a_capital_acting_for_its_state_is_not_where_it_struck() -> None:
    text = "وجهت القاهرة ضربات جوية لمجموعات مسلحة في مدينة درنة الليبية."
    [strike] = [e for e in _events(text, "2017-06-09") if e["type"] == "air_strike"]
    assert strike["location"]["canonical"] == "Derna"


def test_the_armed_man_after_an_arrest_noun_is_the_one_arrested() -> None:
    text = "تمكنت الشرطة التركية اليوم من اعتقال رجل مسلح حاول اقتحام السفارة الأمريكية في أنقرة."
    arrest = one(_events(text, "2016-12-20"), "arrest")
    assert arrest["actor1"]["canonical"] == "Police Forces of Turkey"


def test_a_ranking_sums_up_an_act_and_a_warning_state_is_no_attacker() -> None:
    text = ("حذرت الإمارات العربية المتحدة مواطنيها من السفر إلى بريطانيا بعد هجوم جسر لندن "
            "وهو ثالث هجوم له صلة بالإرهاب.")
    for event in _events(text, "2017-06-04"):
        assert (event["actor1"] or {}).get("country") != "ARE"


def test_an_adjective_of_the_target_names_no_attacker() -> None:
    text = "اعتقلت الشرطة التركية مسلحا حاول اقتحام السفارة الأمريكية في أنقرة."
    for event in _events(text, "2016-12-20"):
        assert (event["actor1"] or {}).get("country") != "USA"


def test_a_foiled_attack_and_a_search_are_no_events() -> None:
    assert not [e for e in _events("أحبطت قوات الأمن التونسية هجوما إرهابيا في مدينة سوسة.",
                                   "2016-07-27") if e["type"] != "arrest"]
    assert not _events("خرج رئيس زيمبابوي للبحث عن حلول للجفاف في هراري.", "2016-11-03")


def test_leaders_agreeing_during_their_meeting() -> None:
    text = ("اتفق القائد العام للجيش الليبي المشير خليفة حفتر مع فائز السراج، خلال لقائهما اليوم "
            "في العاصمة الإماراتية أبوظبي، على معظم النقاط الخلافية.\n"
            "وأضافت القناة أن السراج وحفتر اتفقا على استمرار اللقاءات.")
    events = _events(text, "2017-05-02")
    agreement = one(events, "agreement")  # one accord, whichever leader each report names first
    assert agreement["actor1"]["canonical"] == "Khalifa Haftar"  # a deal stays with its makers
    assert agreement["location"]["canonical"] == "Abu Dhabi"
    meeting = one(events, "meeting")
    assert {meeting["actor1"]["canonical"], meeting["actor2"]["canonical"]} == {
        "Khalifa Haftar", "Fayez al-Sarraj"}


def test_then_takes_the_past_date_given_just_before() -> None:
    text = ("ويذكر هذا الحادث بحادث مماثل وقع في مارس 2014 في ولاية لوغار. وقد قتل آنذاك خمسة "
            "جنود افغان بصاروخ اطلقته قوة ايساف التابعة للحلف الاطلسي.")
    [past] = [e for e in _events(text, "2015-07-22") if e["actor1"]]
    assert (past["modality"], past["date"]) == ("historical", "2014-03")


def test_a_crowd_burning_a_party_office_riots_and_settlers_do_not() -> None:
    riot = one(_events("أحرق محتجون غاضبون مقر حزب النهضة في مدينة قفصة."), "riot")
    assert riot["actor1"]["kind"] == "protesters"
    assert not _events("أحرق مستوطنون منزلا فلسطينيا في قرية دوما قرب نابلس.")


def test_who_laid_a_mine_and_where_the_wounded_were_treated() -> None:
    text = "أصيب نائب رئيس مجلس النواب بانفجار لغم أرضي زرعه الحوثيون في مدينة لودر ونقل للعلاج بالرياض."
    blast = one(_events(text), "explosion")
    assert blast["actor1"]["canonical"] == "Houthis (Ansar Allah)"
    assert blast["location"]["country"] == "YE"


def test_a_cultural_festival_is_no_protest() -> None:
    assert not _events("افتتح المهرجان بما يشبه التظاهرة الثقافية في مدينة بيت الدين.")


def test_an_act_word_opening_the_sentence_is_its_verb() -> None:
    # "خطف" is the noun "abduction" and the verb "abducted": first in its sentence, a verb
    events = _events("خطف مسلحون مجهولون ثلاثة عمال أتراك في مدينة سبها جنوب ليبيا.")
    assert one(events, "abduction")["actor1"]["canonical"] == "Unidentified Armed Group (Libya)"


def test_a_figure_written_against_its_word_still_counts() -> None:
    text = "قصفت طائرة حربية سورية مدينة أريحا ما تسبب بمقتل31 شخصا وفق ما أعلن المرصد السوري."
    strike = one(_events(text), "air_strike")
    assert [f["count"] for f in strike["fatalities"]] == [31]


def test_a_number_of_members_then_the_verb_is_a_toll() -> None:
    text = ("وقالت مصادر بالشرطة إن ما لا يقل عن ستة من رجال الجيش والشرطة قتلوا في هجوم انتحاري "
            "استهدف نقطة تفتيش في بلدة الطارمية.")
    [figure] = one(_events(text), "explosion")["fatalities"]
    assert (figure["count"], figure["min"]) == (6, 6)


def test_the_dead_of_an_accident_are_no_casualties_of_violence() -> None:
    assert not _events("أسفر حادث اصطدام حافلة بحشد في مدينة بورت أو برنس عن مقتل 38 شخصا.")
    # "حشد" is a crowd as well as a mobilisation: only an actor and a place make it one
    mobilised = one(_events("حشد الجيش السوري قواته قرب مدينة حلب."), "mobilization")
    assert mobilised["actor1"]["canonical"] == "Military Forces of Syria"


def test_a_surname_after_a_verb_of_saying_and_the_base_are_no_place_or_group() -> None:
    text = ("وأكد الأحمدي أن وحدات خاصة من الجيش قصفت مواقع الحوثيين في سور قاعدة العند، "
            "وأن القاعدة ستسقط قريبا.")
    mentions = process(ArticleMeta(id="m", text=text, published="2015-07-31"), tagger=False).mentions
    by_surface = {m.surface: m for m in mentions}
    assert "الأحمدي" not in by_surface  # a spokesman, not Al Ahmadi in Kuwait
    assert by_surface["الجيش"].canonical == "Military Forces of Yemen"
    assert "القاعدة" not in by_surface  # the Anad base, not al-Qaeda


def test_who_calls_for_justice_after_an_attack_did_not_attack() -> None:
    text = ("طالب الأمين العام للأمم المتحدة بان كي مون بمحاسبة قتلة الطفل الفلسطيني الذي قتل في "
            "هجوم على منزله بالضفة الغربية.")
    for event in _events(text):
        if event["type"] != "request_appeal":
            assert (event["actor1"] or {}).get("canonical") not in ("United Nations", "Ban Ki-moon")


def test_the_articles_main_place_lies_in_the_country_it_names_most() -> None:
    from hadath.events.places import Place, focus_place

    washington = Place(0, 6, "واشنطن", "Washington, D.C.", "US", geo_precision=1)
    azaz = Place(20, 25, "أعزاز", "Azaz", "SY", geo_precision=1)
    syria = Place(30, 35, "سوريا", "Syria", "SY", is_country=True)
    focus = focus_place([washington, azaz, syria])
    assert focus is not None and focus.canonical == "Azaz"


def test_names_before_a_passive_are_who_was_held() -> None:
    text = "أعلنت وزارة الداخلية التونسية أن عناصر من كتيبة عقبة بن نافع تم توقيفهم في ولاية القصرين."
    arrest = one(_events(text), "arrest")  # not an abduction by the brigade
    assert arrest["actor1"]["kind"] in ("police", "government")
