"""The rule prefilter: trigger words from the grammar, and matches identical to `finditer`.

Takes real Arabic news phrases; checks each rule's triggers are sound and that running rules
only near their triggers gives exactly the matches of running them over the whole text.
"""
from __future__ import annotations

from hadath.text.normalize import normalize
from hadath.time.lexicon import load_lexicon
from hadath.time.prefilter import rule_filter, rule_triggers

PHRASES = [
    "أعلن الجيش اليوم السبت انسحابه من مواقع في ريف حلب",
    "وقعت الاشتباكات يوم الخميس 5 آذار (مارس) 2020 قرب إدلب",
    "قتل ثلاثة مدنيين في 12/03/2024 بقصف على الحي",
    "وصل الوفد بالأمس إلى القاهرة، وسيعقد اجتماعا الأسبوع المقبل",
    "خلال العشر الأواخر من رمضان 1445 هـ شهدت المدينة هدوءا",
    "بين عامي 2011 و2015 نزح الآلاف من المدينة",
    "قالت وكالة روسيا اليوم إن القصف استمر منذ ثلاثة أيام",
    "في    النصف الأول من العام الجاري   تراجعت   الهجمات في 2023م",
]


def test_rules_have_literal_triggers_from_the_lexicon() -> None:
    rules = {rule.name: rule for rule in load_lexicon().rules}
    assert "الشهر" in (rule_triggers(rules["day_of_current_month"].regex) or ())
    weekday = rule_triggers(rules["weekday"].regex) or frozenset()
    assert {"الخميس", "السبت"} <= weekday


def test_every_match_contains_one_of_its_rule_triggers() -> None:
    for rule in load_lexicon().rules:
        triggers = rule_triggers(rule.regex)
        if triggers is None:
            continue
        for phrase in PHRASES:
            for match in rule.regex.finditer(normalize(phrase).text):
                assert any(t in match.group() for t in triggers), (rule.name, match.group())


def test_filtered_matches_equal_a_full_scan() -> None:
    rules = load_lexicon().rules
    text = normalize("\n".join(PHRASES * 3)).text
    full = [
        (order, m.span(), m.groupdict())
        for order, rule in enumerate(rules)
        for m in rule.regex.finditer(text)
    ]
    fast = [(order, m.span(), m.groupdict()) for order, m in rule_filter().matches(text)]
    assert fast == full
    assert len(full) > 20


def test_trie_and_list_forms_of_a_rule_match_alike() -> None:
    text = normalize("\n".join(PHRASES) + " وفي آب وأبريل الماضيين وبتشرين الثاني 2019").text
    for rule in load_lexicon().rules:
        assert rule.listed is not None
        trie = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
        listed = [(m.span(), m.groupdict()) for m in rule.listed.finditer(text)]
        assert trie == listed, rule.name


def test_searches_that_start_near_their_trigger_find_every_match() -> None:
    # triggers at a rule's start (خلال), middle (آب) and end (هـ), wide gaps, matches side by side
    text = normalize(
        "وصلوا خلال    الأسبوع الماضي، ثم يوم الأربعاء  15  من  شهر آب\n\n 2019 أمس اليوم "
        "12.03.2024م و3-4-2023 وفي 1445   هـ بين عامي 2011 و2015 قبل ثلاثة أيام بعد غد"
    ).text
    rules = load_lexicon().rules
    full = [(o, m.span()) for o, rule in enumerate(rules) for m in rule.regex.finditer(text)]
    assert [(o, m.span()) for o, m in rule_filter().matches(text)] == full
    assert len(full) > 10
