"""Claims on real news phrases: the speaker, the outlet it came through, the content, denials."""
from __future__ import annotations

from hadath.claims import find_claims
from hadath.claims.lexicon import PhraseMatcher
from hadath.record import Article, ArticleMeta, Claim, Mention
from hadath.text.normalize import normalize, normalize_key
from hadath.text.sentences import split_sentences

ACTORS = {
    "الجيش السوري": ("Military Forces of Syria", "state_forces"),
    "الجيش": ("Military Forces of Syria", "state_forces"),
    "المرصد السوري": ("Syrian Observatory for Human Rights", "ngo_monitor"),
    "رويترز": ("Reuters", "media"),
    "تركيا": ("Government of Turkey", "government"),
    "وزارة الداخلية المصرية": ("Government of Egypt", "government"),
    "حركة طالبان": ("Taliban", "armed_group"),
    "الكرملين": ("Government of Russia", "government"),
}


def _article(text: str) -> Article:
    mentions: list[Mention] = []
    for surface in sorted(ACTORS, key=len, reverse=True):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(m.start < end and start < m.end for m in mentions):
                canonical, kind = ACTORS[surface]
                mentions.append(Mention(start, end, surface, "actor", canonical, kind))
            start = text.find(surface, end)
    mentions.sort(key=lambda m: m.start)
    return Article(ArticleMeta("t", text), sentences=split_sentences(text), mentions=mentions)


def _claims(text: str) -> list[Claim]:
    claims = find_claims(_article(text))
    for c in claims:  # offsets are sacred: content and cue index the text
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.cue_start:c.cue_end] == c.cue
    return claims


def test_verb_subject_order_gives_speaker_and_content_after_inna() -> None:
    text = "وقال الجيش إن المجموعات المسلحة تتدفق عبر الحدود الشمالية على نطاق واسع."
    [claim] = _claims(text)
    assert claim.source == "Military Forces of Syria"
    assert claim.source_surface == "الجيش"
    assert text[claim.start:claim.end] == "المجموعات المسلحة تتدفق عبر الحدود الشمالية على نطاق واسع"
    assert claim.polarity == "assert"


def test_unnamed_sources_through_an_agency() -> None:
    # "Other military sources told Reuters that Damascus received a pledge ..."
    text = "وقالت مصادر عسكرية أخرى لرويترز إن دمشق تلقت تعهدا بتقديم مساعدات عسكرية روسية."
    [claim] = _claims(text)
    assert claim.source == "military sources"
    assert claim.via == "Reuters"
    assert text[claim.start:claim.end].startswith("دمشق تلقت تعهدا")


def test_sources_inside_an_actor_are_named_after_it() -> None:
    text = "وقالت مصادر بالجيش السوري لرويترز إن الجيش أغلق الطرق الرئيسية داخل وخارج حلب."
    [claim] = _claims(text)
    assert claim.source == "Military Forces of Syria sources"
    assert claim.via == "Reuters"


def test_added_clause_keeps_the_speaker() -> None:
    text = ("وقال الجيش إن المجموعات المسلحة تتدفق عبر الحدود، مضيفا أنها لم تحدد نقاط "
            "تمركزها في حلب.\nوأضاف أن الطيران استهدف مواقعها.")
    claims = _claims(text)
    assert [c.cue for c in claims] == ["وقال", "مضيفا", "وأضاف"]
    assert {c.source for c in claims} == {"Military Forces of Syria"}
    # the first claim stops where "مضيفا" opens the next one
    assert text[claims[0].start:claims[0].end] == "المجموعات المسلحة تتدفق عبر الحدود"


def test_denials() -> None:
    denial = _claims("ونفت حركة طالبان مسؤوليتها عن الهجوم على مقر الشرطة.")
    assert denial[0].polarity == "deny" and denial[0].source == "Taliban"
    # "Turkey, through its foreign minister, affirmed it was not involved": a denial by content
    text = "وأكدت تركيا عبر وزير خارجيتها عدم تورطها في الصراعات الدائرة في حلب"
    [claim] = _claims(text)
    assert claim.polarity == "deny" and claim.source == "Government of Turkey"


def test_according_to_before_and_after_the_content() -> None:
    before = "وبحسب المرصد السوري، قتل 12 مدنيا في غارات على ريف إدلب."
    [claim] = _claims(before)
    assert claim.source == "Syrian Observatory for Human Rights"
    assert before[claim.start:claim.end] == "قتل 12 مدنيا في غارات على ريف إدلب"
    after = "قتل 12 مدنيا في غارات على ريف إدلب، بحسب المرصد السوري."
    [claim] = _claims(after)
    assert after[claim.start:claim.end] == "قتل 12 مدنيا في غارات على ريف إدلب"


def test_subject_before_verb_in_a_headline() -> None:
    [claim] = _claims("الجيش السوري يعترف بالانسحاب من حلب")
    assert claim.source == "Military Forces of Syria"
    assert claim.cue == "يعترف"


def test_a_verb_that_reports_nothing_is_not_a_claim() -> None:
    # "the wounded were carried to hospital": نقل here is not "reported"
    assert _claims("ونقل الجرحى إلى مستشفى المدينة لتلقي العلاج.") == []


def test_matcher_finds_clitic_forms_and_maps_offsets_back() -> None:
    matcher = PhraseMatcher([{"form": normalize_key("سيطرة"), "type": "x"},
                             {"form": normalize_key("انسحاب"), "type": "y"}])
    text = "أعلنت سيطرتَها ثم وبالانسحاب"
    norm = normalize(text)
    spans = [norm.original_span(h.start, h.end) for h in matcher.find(norm.text)]
    assert [text[s:e] for s, e in spans] == ["سيطرتَها", "وبالانسحاب"]
    assert matcher.find(normalize("السيطرات").text) == []


def test_an_agency_relaying_a_source() -> None:
    # "Reuters quoted the Syrian army as saying that ..."
    text = "ونقلت رويترز عن الجيش السوري قوله إن الطائرات قصفت مواقع المسلحين."
    [claim] = _claims(text)
    assert claim.source == "Military Forces of Syria"
    assert claim.via == "Reuters"


def test_a_name_after_anna_is_content_not_the_speaker() -> None:
    # "The Observatory reported ... It also pointed out that the army announced ..."
    text = ("ورصد المرصد السوري قصفا على أطراف مدينة حلب. كما أشارت إلى أن الجيش السوري "
            "أعلن سيطرته على ست قرى جديدة.")
    claims = _claims(text)
    pointed = next(c for c in claims if c.cue == "أشارت")
    assert pointed.source == "Syrian Observatory for Human Rights"
    assert text[pointed.start:pointed.end].startswith("الجيش السوري أعلن")
    announced = next(c for c in claims if c.cue == "أعلن")
    assert announced.source == "Military Forces of Syria"


def test_the_sources_are_the_sources_named_before() -> None:
    text = ("وقالت مصادر بالجيش السوري لرويترز إن الجيش أغلق الطرق الرئيسية.\n"
            "وقالت المصادر إن هذه الخطوة أغلقت المدينة فعليا.")
    first, second = _claims(text)
    assert second.source == first.source == "Military Forces of Syria sources"
    assert second.via == "Reuters" and second.source_surface == "المصادر"
