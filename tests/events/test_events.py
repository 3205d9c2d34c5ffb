"""Events from real news phrases: types, arguments, figures, modality, ACLED merging."""
from __future__ import annotations

from typing import Any

from event_articles import article, checked, one

from hadath.claims import find_claims
from hadath.events import extract_events
from hadath.record import Mention


def _events(text: str, published: str = "2024-11-30") -> list[dict[str, Any]]:
    art = article(text, published)
    art.claims = find_claims(art)
    return checked(text, extract_events(art))


def test_fatality_report_naming_no_event_is_the_fighting_with_figures_per_side() -> None:
    text = ("اشتباكات في حلب.\nكما أفاد المرصد السوري بمقتل 155 عنصرا من هيئة تحرير الشام "
            "و79 عنصرا من القوات المسلحة السورية.")
    clash = one(_events(text), "armed_clash")
    figures = {(f["count"], f["side"], f["source"]) for f in clash["fatalities"]}
    assert figures == {(155, "Hayat Tahrir al-Sham", "Syrian Observatory for Human Rights"),
                       (79, "Military Forces of Syria", "Syrian Observatory for Human Rights")}
    assert clash["location"]["canonical"] == "Aleppo"
    assert clash["modality"] == "asserted"


def test_minimum_figures_and_a_partys_claim_about_the_enemy() -> None:
    # "Russia neutralised at least 200 gunmen in Aleppo and Idlib" per the Russian side
    text = ("وقال الجيش إنه تمكن خلال الـ 24 ساعة الماضية من تحييد ما لا يقل عن 200 مسلح من "
            "هيئة تحرير الشام في حلب.")
    clash = one(_events(text), "armed_clash")
    [figure] = clash["fatalities"]
    assert figure["count"] == 200 and figure["min"] == 200
    assert clash["modality"] == "claimed"
    assert clash["date"] == "2024-11-29"


def test_one_event_per_type_place_and_day() -> None:
    text = ("سيطرت هيئة تحرير الشام على معظم أجزاء مدينة حلب.\n"
            "وقال المرصد السوري إن نصف مدينة حلب أصبح تحت سيطرة هيئة تحرير الشام.")
    taken = one(_events(text), "territory_taken")
    assert len(taken["evidence"]) == 2
    assert taken["actor1"]["canonical"] == "Hayat Tahrir al-Sham"
    assert "Syrian Observatory for Human Rights" in taken["sources"]


def test_background_since_and_first_since() -> None:
    text = ("يتواصل التصعيد منذ استعادة الجيش السوري السيطرة الكاملة على حلب عام 2016.\n"
            "ورصد المرصد السوري قصف الجيش السوري على أطراف مدينة حلب للمرة الأولى منذ عام 2016.")
    events = _events(text)
    regained = one(events, "territory_regained")
    assert regained["modality"] == "historical" and regained["date"] == "2016"
    shelling = one(events, "shelling")
    assert shelling["modality"] == "asserted" and shelling["date"] == "2024-11-30"
    assert shelling["location"]["geo_precision"] == 2  # "أطراف مدينة حلب": near the town


def test_planned_conditional_and_denied() -> None:
    text = ("أعلن الجيش السوري انسحابه مؤقتا من حلب استعدادا لهجوم مضاد.\n"
            "وأعلنت القوات الكردية أنها ستدافع عن مناطقها في حال تعرضت لهجوم من جبهة النصرة.\n"
            "وأكدت تركيا عبر وزير خارجيتها عدم تورطها في الصراعات الدائرة في حلب")
    events = _events(text)
    assert one(events, "withdrawal")["modality"] == "asserted"  # its own act, said by itself
    assert one(events, "armed_clash")["modality"] == "planned"
    threat = one(events, "threaten")
    assert threat["modality"] == "conditional"
    assert threat["actor1"]["canonical"] == "Kurdish forces (SDF/YPG)"
    assert threat["actor2"]["canonical"] == "Hayat Tahrir al-Sham"
    denial = one(events, "reject_deny")
    assert denial["actor1"]["canonical"] == "Government of Turkey"


def test_agreement_dated_by_the_since_anchor_is_historical() -> None:
    text = "وهذا هو الهجوم الأكبر منذ مارس 2020، عندما توصلت روسيا وتركيا إلى اتفاق لوقف التصعيد."
    events = _events(text)
    assert [e["type"] for e in events] == ["agreement"]  # "هذا هو الهجوم" refers back
    assert events[0]["modality"] == "historical" and events[0]["date"] == "2020-03"


def test_air_strike_with_victims_and_agent_after_min_qibal() -> None:
    text = ("قتل 12 مدنيا في غارات جوية شنها التحالف العربي على حي سكني في تعز.\n"
            "وأصيب 20 آخرون.")
    strike = one(_events(text, "2015-07-25"), "air_strike")
    assert strike["actor1"]["canonical"] == "Saudi-led coalition"
    assert strike["location"]["canonical"] == "Taiz"
    assert [f["count"] for f in strike["fatalities"]] == [12]


def test_a_war_word_alone_is_no_event_and_an_appeal_governs_its_object() -> None:
    assert _events("وتحدث الكاتب عن معركة طويلة في كتابه الجديد.") == []
    text = "ودعا مقتدى الصدر إلى وقف إطلاق النار في بغداد."
    events = _events(text, "2017-02-11")
    assert [e["type"] for e in events] == ["request_appeal"]
    assert events[0]["actor1"]["canonical"] == "Muqtada al-Sadr"


def test_ids_are_stable_and_distinct() -> None:
    text = "قصفت طائرات التحالف العربي مدينة تعز.\nواندلعت اشتباكات مع الحوثيين في تعز."
    first, second = _events(text, "2015-07-25"), _events(text, "2015-07-25")
    assert [e["id"] for e in first] == [e["id"] for e in second]
    assert len({e["id"] for e in first}) == len(first) == 2


def test_headline_joins_the_body_event_it_sums_up() -> None:
    # the headline names the strike loosely ("قصف"); the body dates and places it
    text = ("التحالف العربي يقصف تعز\n\nشن طيران التحالف العربي، صباح أمس، غارات جوية على "
            "مواقع الحوثيين في تعز.")
    art = article(text, "2015-07-25")
    art.article.title = "التحالف العربي يقصف تعز"
    art.claims = find_claims(art)
    events = extract_events(art)
    assert [e["type"] for e in events] == ["air_strike"]
    assert len(events[0]["evidence"]) == 2
    assert events[0]["actor1"]["canonical"] == "Saudi-led coalition"
    assert events[0]["date"] == "2015-07-24"


def test_a_governments_violence_is_coded_to_its_forces() -> None:
    text = "قصفت تركيا مواقع في حلب."
    [event] = _events(text)
    assert event["actor1"]["canonical"] == "Military Forces of Turkey"
    assert event["actor1"]["surface"] == "تركيا"


def test_units_are_not_victims_and_a_speakers_seat_is_no_place() -> None:
    text = "وقال المرصد السوري ومقره القاهرة إن 12 مدنيا قتلوا في غارات جوية على حلب."
    [event] = _events(text)
    assert event["location"]["canonical"] == "Aleppo"
    assert [f["count"] for f in event["fatalities"]] == [12]
    assert _events("وقضى الأسير 30 عاما في السجون قبل مقتل أخيه.") == []


def test_the_definite_noun_refers_back_to_the_strike_reported_before() -> None:
    text = ("شن طيران التحالف العربي غارات جوية على مواقع الحوثيين في تعز.\n"
            "وأدت الغارة إلى مقتل 7 مسلحين.")
    [event] = _events(text, "2015-07-25")
    assert event["type"] == "air_strike" and len(event["evidence"]) == 2
    assert [f["count"] for f in event["fatalities"]] == [7]


def test_a_protest_with_no_named_organiser_is_by_protesters_of_the_country() -> None:
    # "Thousands of Iraqis went out in Baghdad today protesting corruption"
    [event] = _events("خرج آلاف العراقيين اليوم الجمعة في بغداد احتجاجا على الفساد.", "2015-08-07")
    assert event["type"] == "protest"
    assert event["actor1"]["canonical"] == "Protesters (Iraq)"
    assert event["actor1"]["kind"] == "protesters" and event["actor1"]["country"] == "IRQ"
    assert event["location"]["canonical"] == "Baghdad" and event["date"] == "2015-08-07"


def test_the_reports_today_dates_its_undated_acts() -> None:
    # a print edition stamped Thursday 6 August whose text says "today, Wednesday"
    text = ("قال المرصد السوري اليوم الأربعاء إن الوضع متوتر.\n"
            "واندلعت اشتباكات بين الجيش السوري وهيئة تحرير الشام في حلب.")
    clash = one(_events(text, "2015-08-06"), "armed_clash")
    assert clash["date"] == "2015-08-05"
    assert clash["actor1"]["canonical"] == "Military Forces of Syria"
    assert clash["actor2"]["canonical"] == "Hayat Tahrir al-Sham"


def test_a_future_day_in_another_clause_does_not_date_an_arrest() -> None:
    text = ("واعتقلت الشرطة 16 شخصا في تونس، وسوف تستأنف المحاكمة في 18 أكتوبر.")
    arrest = one(_events(text, "2015-08-02"), "arrest")
    assert arrest["modality"] == "asserted" and arrest["date"] == "2015-08-02"
    assert [f["count"] for f in arrest["detained"]] == [16]


def test_a_nisba_adjective_names_the_giver_and_a_threat_is_conditional() -> None:
    text = ("وقالت مصادر عسكرية لرويترز إن دمشق تلقت تعهدا بتقديم مساعدات عسكرية روسية إضافية.\n"
            "وهددت تركيا القوات الكردية بالرد.")
    events = _events(text)
    aid = one(events, "military_aid")
    assert aid["actor1"]["canonical"] == "Government of Russia"
    assert aid["actor1"]["surface"] == "روسية"
    assert aid["modality"] == "planned"
    threat = one(events, "threaten")
    assert threat["modality"] == "conditional"
    assert threat["actor1"]["canonical"] == "Government of Turkey"


def test_the_accused_did_the_act_the_accuser_made_the_statement() -> None:
    text = "واتهمت الحكومة الأفغانية حركة طالبان بتفجير سيارة مفخخة في قندهار."
    events = _events(text, "2015-07-26")
    bombing = one(events, "explosion")
    assert bombing["actor1"]["canonical"] == "Taliban"
    accusation = one(events, "accuse")
    assert accusation["actor1"]["canonical"] == "Government of Afghanistan"
    assert accusation["actor2"]["canonical"] == "Taliban"


def test_the_subject_of_a_light_verb_did_the_act() -> None:
    # "the Taliban, who face an army offensive, shelled positions in Kandahar"
    text = "وقامت حركة طالبان التي تواجه هجوما للجيش بقصف مواقع في قندهار."
    shelling = one(_events(text, "2015-07-26"), "shelling")
    assert shelling["actor1"]["canonical"] == "Taliban"
    assert shelling["location"]["canonical"] == "Kandahar"


def test_the_day_of_a_statement_dates_the_statement_not_the_act() -> None:
    # "The Observatory said on Saturday that the army shelled Idlib": the shelling is undated
    text = "وقال المرصد السوري السبت إن الجيش السوري قصف مواقع في إدلب.\nونفت تركيا الجمعة تورطها."
    events = _events(text, "2024-11-30")
    shelling = one(events, "shelling")
    assert shelling["date"] == "2024-11-30" and shelling["time_precision"] == 2
    denial = one(events, "reject_deny")
    assert denial["date"] == "2024-11-29"


def test_towns_of_one_country_wide_report_are_separate_events_not_their_reference_city() -> None:
    text = ("مقتل 32 شخصا في تفجيرات في أنحاء العراق.\n"
            "وقتل ستة من رجال الشرطة في هجوم انتحاري استهدف نقطة تفتيش في بلدة الطارمية على بعد "
            "حوالى 25 كيلومترا شمال بغداد.\n"
            "وقتل ثمانية أشخاص عندما انفجرت سيارة ملغومة في شارع تجاري في بلدة مندلي.")
    events = _events(text, "2015-07-22")
    places = {e["location"]["canonical"] for e in events if e["type"] == "explosion"}
    # "أنحاء العراق" is where, not who: the country is no actor here
    assert not [e for e in events if "Iraq" in ((e["actor1"] or {}).get("canonical") or "")]
    assert {"Tarmiyah", "Mandali"} <= places
    assert "Baghdad" not in places  # "شمال بغداد" only says where الطارمية is


def test_a_province_is_not_moved_to_the_city_it_is_south_of() -> None:
    text = "قتل عشرة جنود أفغان في غارة أميركية على حاجز للجيش في ولاية لوغار جنوب كابول."
    strike = one(_events(text, "2015-07-22"), "air_strike")
    assert strike["location"]["canonical"] == "Logar Province"


def test_a_party_announcing_a_truce_is_party_to_it() -> None:
    text = ("أعلنت قيادة التحالف العربي بدء هدنة إنسانية اعتبارا من الساعة 11:59 مساء يوم الأحد "
            "المقبل ولمدة خمسة أيام.")
    truce = one(_events(text, "2015-07-25"), "agreement")
    assert truce["actor1"]["canonical"] == "Saudi-led coalition"


def test_an_agreement_signed_with_a_verb_that_starts_with_waw() -> None:
    # "وقعت" (signed) begins with و as a root letter, not as the conjunction
    text = "وقعت كل من قبيلتي التبو والطوارق الليبيتين بمدينة سبها اتفاقا لوقف إطلاق النار."
    deal = one(_events(text, "2015-07-27"), "agreement")
    assert deal["location"]["canonical"] == "Sabha"
    assert {deal["actor1"]["canonical"], (deal["actor2"] or {}).get("canonical")} >= {
        "Tebu ethnic militia (Libya)"}


def test_a_governorate_holds_the_town_the_report_is_about() -> None:
    text = ("قال المرصد السوري إن تنظيم الدولة الإسلامية سيطر على مدينة استراتيجية في محافظة حمص.\n"
            "وخطف التنظيم عشرات المسيحيين من سكان القريتين بعد أن دخل القريتين.")
    taken = one(_events(text, "2015-08-07"), "territory_taken")
    assert taken["location"]["canonical"] == "Al-Qaryatain"
    assert taken["location"]["geo_precision"] == 2


def test_the_sunset_prayer_is_not_morocco() -> None:
    text = ("وكانت قريتان في المنطقة تعرضتا لهجوم مماثل مطلع يوليو عندما قتل متطرفون بالرصاص 48 "
            "مصليا اجتمعوا لصلاة المغرب خلال شهر رمضان.")
    art = article(text, "2015-07-21")
    art.mentions.append(Mention(text.find("المغرب"), text.find("المغرب") + 6, "المغرب", "place",
                                "Morocco", "country", "MA", lat=32.0, lon=-5.0, geo_precision=3))
    art.claims = find_claims(art)
    for event in extract_events(art):
        assert (event["location"] or {}).get("canonical") != "Morocco"
        assert "Morocco" not in ((event["actor1"] or {}).get("canonical") or "")


def test_clashes_with_protesters_named_after_an_appeal_are_a_protest_and_a_square_is_a_name() -> None:
    text = ("دعا مقتدى الصدر المتظاهرين إلى الانسحاب من الشارع حقنا للدماء بعد سقوط قتلى نتيجة "
            "وقوع مواجهات بين القوات الامنية والمتظاهرين بساحة \"التحرير\" وسط بغداد.")
    events = _events(text, "2017-02-11")
    protest = one(events, "protest")  # "بعد ... نتيجة": the clashes happened, not called for
    assert protest["actor1"]["canonical"] == "Protesters (Iraq)"  # the state meets a protest
    assert one(events, "request_appeal")["actor1"]["canonical"] == "Muqtada al-Sadr"
    assert not [e for e in events if e["type"].startswith("territory")]  # ساحة التحرير


def test_sounds_and_alerts_are_no_events() -> None:
    text = "وسمع دوي انفجارات في حلب، وأعلنت الشرطة حالة استنفار أمني في بغداد."
    assert _events(text) == []


def test_a_headline_does_not_sum_up_the_other_sides_act() -> None:
    title = "التحالف العربي يقصف تعز"
    text = (title + "\n\nواستمر انقطاع خدمة الاتصالات لليوم الثالث بعد قصف الحوثيين لوحدة "
            "الاتصالات الرئيسية في تعز.")
    art = article(text, "2015-07-23")
    art.article.title = title
    art.claims = find_claims(art)
    shelling = [e for e in extract_events(art) if e["type"] == "shelling"]
    assert {e["actor1"]["canonical"] for e in shelling} == {"Saudi-led coalition",
                                                           "Houthis (Ansar Allah)"}


def test_one_killed_and_four_injured_are_two_figures() -> None:
    text = "انفجرت عبوة ناسفة في حلب ما أسفر عن مقتل مدني وإصابة 4 آخرين."
    blast = one(_events(text), "explosion")
    assert [(f["count"], f["side"]) for f in blast["fatalities"]] == [(1, "civilians")]
    assert [f["count"] for f in blast["injured"]] == [4]


def test_a_dual_noun_counts_two() -> None:
    blast = one(_events("قتل شخصان وأصيب ثلاثة في تفجير في بغداد."), "explosion")
    assert [f["count"] for f in blast["fatalities"]] == [2]
    assert [f["count"] for f in blast["injured"]] == [3]


def test_the_side_attacked_is_not_the_attacker() -> None:
    text = "قتل جنديان في هجوم على مواقع الجيش السوري في حلب."
    clash = one(_events(text), "armed_clash")
    assert (clash["actor1"] or {}).get("canonical") != "Military Forces of Syria"


def test_the_people_a_figure_counts_are_victims_and_the_speaker_claims_the_act() -> None:
    text = "قالت حركة طالبان إنها قتلت 15 جنديا أفغانيا في هجوم على قاعدة في قندهار."
    clash = one(_events(text, "2015-07-26"), "armed_clash")
    assert clash["actor1"]["canonical"] == "Taliban"
    assert clash["modality"] == "claimed"


def test_barrel_bombs_make_a_bombardment_an_air_strike() -> None:
    text = "قتل أربعة لاجئين جراء قصف الجيش السوري حي الكرامة في حلب بالبراميل المتفجرة."
    events = _events(text)
    assert [e["type"] for e in events] == ["air_strike"]


def test_shelling_from_the_positions_of_a_side_is_that_sides() -> None:
    text = "قتل 3 أطفال في قصف عنيف على حي سكني في حلب من مواقع الجيش السوري."
    shelling = one(_events(text), "shelling")
    assert shelling["actor1"]["canonical"] == "Military Forces of Syria"


def test_the_subject_before_after_is_not_the_doer_of_the_act_it_names() -> None:
    text = ("والقوات التونسية في حالة تأهب قصوى بعد هجوم الشهر الماضي على منتجع ساحلي أدى إلى "
            "مقتل 38 سائحا.")
    events = _events(text, "2015-07-24")
    for event in events:
        assert (event["actor1"] or {}).get("canonical") != "Military Forces of Tunisia"
    # a dated past attack with its toll is background worth coding, doers unnamed or not
    past = one(events, "attack_on_civilians")
    assert (past["modality"], past["date"]) == ("historical", "2015-06")


def test_a_passive_killing_names_no_doer_before_it() -> None:
    text = "وأعلن الجيش السوري أنه في إطار ملاحقة هيئة تحرير الشام تم قتل 12 عنصرا في حلب."
    clash = one(_events(text), "armed_clash")
    assert clash["actor1"]["canonical"] == "Military Forces of Syria"  # the party speaking
    assert clash["modality"] == "claimed"


def test_the_dateline_is_not_where_it_happened() -> None:
    text = ("جدة – عين اليوم\nأعلنت قيادة التحالف العربي بدء هدنة إنسانية اعتبارا من يوم الأحد "
            "المقبل ولمدة خمسة أيام.")
    truce = one(_events(text, "2015-07-25"), "agreement")
    assert (truce["location"] or {}).get("canonical") != "Jeddah"


def test_the_launch_site_of_a_missile_is_not_where_it_fell() -> None:
    text = "سقطت قذائف أطلقت من حلب على بلدات في إدلب ما أدى إلى مقتل شخصين."
    shelling = one(_events(text), "shelling")
    assert shelling["location"]["canonical"] == "Idlib Governorate"


def test_a_protest_that_turns_violent_is_one_riot_and_a_headline_label_is_no_actor() -> None:
    title = "العراق : احتجاجات وأعمال شغب في بغداد"
    text = (title + "\n\nاندلعت أمس وسط بغداد أعمال شغب ومواجهات بين المتظاهرين والشرطة.\n"
            "وتأتي هذه الاحتجاجات على خلفية قانون المالية لسنة 2017 وارتفاع الأسعار.")
    art = article(text, "2017-01-03")
    art.article.title = title
    art.claims = find_claims(art)
    events = extract_events(art)
    assert [e["type"] for e in events] == ["riot"]
    assert events[0]["location"]["canonical"] == "Baghdad"
    assert "Government" not in (events[0]["actor1"]["canonical"] or "")


def test_an_armed_group_does_not_arrest_it_abducts() -> None:
    events = _events("واعتقلت هيئة تحرير الشام 20 شخصا في إدلب أمس.")
    assert one(events, "abduction")["actor1"]["canonical"] == "Hayat Tahrir al-Sham"


def test_a_headline_announcing_a_truce_sums_up_the_planned_truce_of_the_body() -> None:
    title = "التحالف العربي يعلن هدنة إنسانية لخمسة أيام"
    text = (title + "\n\nأعلنت قيادة التحالف العربي بدء هدنة إنسانية اعتبارا من الساعة 11:59 "
            "مساء يوم الأحد المقبل ولمدة خمسة أيام.")
    art = article(text, "2015-07-25")
    art.article.title = title
    art.claims = find_claims(art)
    assert [e["type"] for e in extract_events(art)] == ["agreement"]


def test_until_before_a_verbal_noun_is_an_aim() -> None:
    text = "وأكد الجيش السوري أنه لن يتوقف حتى استعادة كامل مدينة حلب من هيئة تحرير الشام."
    regained = one(_events(text), "territory_regained")
    assert regained["modality"] == "planned"


def test_the_name_after_an_arrest_is_the_person_held_not_a_town() -> None:
    text = "وذكرت الوكالة أن الشرطة ألقت القبض على سليمان هلال في بغداد وأحالته إلى القضاء."
    art = article(text, "2015-08-11")
    start = text.find("سليمان")  # a gazetteer also knows Soliman, a town in Tunisia
    art.mentions.append(Mention(start, start + 6, "سليمان", "place", "Soliman", "city", "TN",
                                lat=36.69, lon=10.49, geo_precision=1))
    art.mentions.sort(key=lambda m: m.start)
    arrest = [e for e in extract_events(art) if e["type"] == "arrest"]
    assert arrest and arrest[0]["location"]["canonical"] == "Baghdad"


def test_an_attack_that_targeted_a_bus_carrying_copts_is_violence_against_civilians() -> None:
    text = "وأعلنت هيئة تحرير الشام مسؤوليتها عن الهجوم الذي استهدف حافلة تقل أقباطا في حلب."
    events = _events(text)
    assert [e["type"] for e in events] == ["attack_on_civilians"]


def test_those_whose_act_stirred_a_protest_are_not_its_protesters() -> None:
    text = "وخطف مستوطنون فتى فلسطينيا وقتلوه في القدس مما أثار موجة احتجاج واسعة في القدس."
    protest = one(_events(text, "2014-07-03"), "protest")
    assert protest["actor1"]["canonical"] != "Israeli settlers"


def test_what_fighters_are_trained_for_is_no_event() -> None:
    text = ("وقال الجيش السوري إن هؤلاء مدربون تدريبات عالية على تنفيذ اغتيالات وتفجيرات "
            "في حلب.")
    assert [e for e in _events(text) if e["type"] in ("explosion", "attack_on_civilians")] == []


def test_a_police_checkpoint_is_no_ambush_but_an_ambush_is_a_clash() -> None:
    text = "وقالت المصادر إن انتحاريا اقتحم بسيارة مفخخة كمين المطافي في حلب."
    assert [e["type"] for e in _events(text)] == ["explosion"]
    text = "ونصب مقاتلو هيئة تحرير الشام كمينا قرب حلب قتل فيه خمسة جنود."
    assert one(_events(text), "armed_clash")["actor1"]["canonical"] == "Hayat Tahrir al-Sham"


def test_a_name_far_after_an_attack_word_is_not_its_side() -> None:
    text = ("انفجرت سيارة مفخخة في حلب.\nويذكر أن هذا الهجوم يأتي بعد أيام قليلة من اختتام "
            "الدورة السابعة والعشرين للمؤتمر الذي انطلق في حلب وشارك فيه الجيش السوري.")
    for event in _events(text):
        assert (event["actor1"] or {}).get("canonical") != "Military Forces of Syria"


def test_who_voices_concern_about_clashes_is_not_a_side() -> None:
    text = ("وأعربت هيئة تحرير الشام عن قلقها البالغ إزاء تجدد الاشتباكات بين الجيش السوري "
            "والقوات الكردية في حلب.")
    clash = one(_events(text), "armed_clash")
    assert clash["actor1"]["canonical"] != "Hayat Tahrir al-Sham"


def test_towns_named_in_a_clause_of_their_own_place_a_region_wide_clash() -> None:
    text = "وتجددت الاشتباكات بين القوات ومسلحين في العراق، خاصة في مدينة بغداد، أمس."
    clash = one(_events(text, "2015-07-27"), "armed_clash")
    assert clash["location"]["canonical"] == "Baghdad"


def test_a_back_reference_may_say_more_precisely_where() -> None:
    text = ("هاجم مقاتلو تنظيم الدولة الإسلامية مواقع أمنية في العراق خلال اليومين الماضيين.\n"
            "ووقع الهجوم في بلدة الطارمية الخميس.")
    clash = one(_events(text, "2015-07-25"), "armed_clash")
    assert clash["location"]["canonical"] == "Tarmiyah"


def test_an_undated_report_repeats_the_act_of_the_day_another_report_gives() -> None:
    text = ("البنتاغون ينفي خطف جبهة النصرة لمقاتلين دربهم قرب حلب\n\n"
            "قال المرصد السوري إن عناصر من جبهة النصرة خطفوا الأربعاء قائد الفرقة 30 قرب حلب.")
    events = [e for e in _events(text, "2015-07-31") if e["type"] == "abduction"]
    assert [e["date"] for e in events] == ["2015-07-29"]


def test_the_same_source_going_on_with_an_act_is_todays_event() -> None:
    text = ("يواصل الجيش السوري الغارات على مواقع هيئة تحرير الشام في حلب.\n"
            "وكان الجيش السوري قد شن يومي الجمعة والسبت الماضيين غارات على حلب.")
    strikes = [e for e in _events(text, "2017-05-29") if e["type"] == "air_strike"]
    assert len(strikes) == 2


def test_a_meeting_held_is_news_and_its_first_participant_its_actor() -> None:
    text = ("جدير بالذكر أن اجتماعا عقد في بغداد اليوم وضم مقتدى الصدر وممثلين عن القوى "
            "السياسية.")
    meeting = one(_events(text, "2017-02-28"), "meeting")
    assert meeting["actor1"]["canonical"] == "Muqtada al-Sadr"
    assert _events("وقال إن المؤتمر سيبحث الأوضاع في بغداد.") == []


def test_an_if_clause_naming_no_foe_and_no_act_is_no_threat() -> None:
    text = ("وشدد المتحدث باسم التحالف العربي أنه سوف يتم الإفصاح عن أي تحرك عسكري في اليمن "
            "في حال حدوثه")
    assert not [e for e in _events(text) if e["type"] == "threaten"]


def test_the_act_a_dispute_or_a_reply_is_about_is_no_new_event() -> None:
    dispute = ("وترددت أنباء عن هروب عدد المسلحين إلى المزارع الأخرى بسبب الخلاف فيما بينهم "
               "على الانسحاب من المنطقة.")
    assert not [e for e in _events(dispute) if e["type"] == "withdrawal"]
    reply = 'وقال نصر الله في خطاب تلفزي اليوم الاثنين "من حقنا أن نرد على اغتياله في المكان والزمان.'
    assert not [e for e in _events(reply) if e["type"] == "attack_on_civilians"]


def test_a_side_counting_its_own_dead_is_not_the_killer() -> None:
    events = _events("أعلن الجيش مقتل خمسة من جنوده.")
    assert not [e for e in events if (e["actor1"] or {}).get("surface") == "الجيش"]
    enemy = one(_events("أعلن الجيش مقتل خمسة إرهابيين."), "armed_clash")
    assert enemy["actor1"]["surface"] == "الجيش"


def test_a_call_for_a_protest_is_the_protest_planned() -> None:
    events = _events("مقتدى الصدر يدعو لتحرك احتجاجي حول الطاقة")
    assert not [e for e in events if e["type"] == "request_appeal"]
    protest = one(events, "protest")
    assert protest["modality"] == "planned"
    assert protest["actor1"]["surface"] == "مقتدى الصدر"


def test_the_subject_before_in_the_wake_of_did_not_do_that_act() -> None:
    text = ("يذكر أن تركيا بدأت الأسبوع الماضي عمليات عسكرية ضد تنظيم الدولة الإسلامية في أعقاب "
            "تفجير انتحاري مدمر داخل أراضيها.")
    blasts = [e for e in _events(text) if e["type"] == "explosion"]
    assert all((e["actor1"] or {}).get("surface") != "تركيا" for e in blasts)


def test_who_mourns_the_victims_of_an_attack_did_not_carry_it_out() -> None:
    text = "وقدمت تركيا تعازيها في ضحايا هجوم انتحاري بسيارة ملغومة قتل أكثر من 100 شخص في محافظة ديالى."
    blast = one(_events(text), "explosion")
    assert blast["actor1"] is None
    assert blast["modality"] == "asserted"


def test_men_killed_in_an_attack_are_its_victims_not_its_doers() -> None:
    text = "وقال مسؤول إن ستة من رجال الجيش قتلوا في هجوم انتحاري استهدف نقطة تفتيش."
    blast = one(_events(text), "explosion")
    assert (blast["actor1"] or {}).get("surface") != "الجيش"
    text = "وقالت مصادر إن عشرة من عناصر الجيش لقوا حتفهم في هجوم انتحاري استهدف نقطة تفتيش."
    blast = one(_events(text), "explosion")
    assert (blast["actor1"] or {}).get("surface") != "الجيش"


def test_backing_protests_in_general_plans_no_protest() -> None:
    for text in ("مقتدى الصدر يدعم الاحتجاجات السلمية", "مقتدى الصدر يساند الاحتجاجات السلمية والمؤطرة"):
        events = _events(text)
        assert not [e for e in events if e["type"] == "protest"], text
        assert one(events, "support_statement")["actor1"]["surface"] == "مقتدى الصدر"


def test_an_act_a_party_denies_is_denied_but_not_a_denied_role_in_it() -> None:
    text = "نفى الناطق الرسمي باسم التحالف العربي أي عملية إنزال بري نفذتها قوات التحالف العربي في محافظة عدن."
    assert one(_events(text), "mobilization")["modality"] == "denied"
    text = "ونفت حركة طالبان مسؤوليتها عن الهجوم الانتحاري الذي استهدف نقطة تفتيش في محافظة عدن."
    assert all(e["modality"] != "denied" for e in _events(text) if e["type"] == "explosion")

