"""Stage 6, events: who did what to whom, where, when, how many, according to whom.

`extract_events(article)` reads the article's sentences, mentions, times, numbers and claims,
finds event triggers clause by clause, fills their arguments, figures and modality, merges
them ACLED-style (one event per type, place and day) and returns SPEC event records.
"""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hadath.events.arguments import (
    actor_mentions,
    cause_floor,
    pick_actors,
)
from hadath.events.casualties import fatality_event
from hadath.events.context import (
    Doc,
    Frame,
    Site,
    date_fields,
    evidence_span,
    inside,
    locate,
    published_day,
    site_of,
    source_name,
    within,
)
from hadath.events.cues import STATEMENT_TYPES, Cue, find_cues
from hadath.events.dates import assign_times
from hadath.events.detected import detected_candidates, detection_cue, read_already
from hadath.events.event_types import refine_type
from hadath.events.figures import Figure, find_figures
from hadath.events.governing import CALLED_FOR_TYPES, calls_for_protest, denied, governed
from hadath.events.learned.features import Reading
from hadath.events.learned.model import Detection, EventModel, learned_model
from hadath.events.merging import merge
from hadath.events.modality import (
    ModalityContext,
    modality_of,
)
from hadath.events.places import Place, assign_places, focus_place, place_mentions
from hadath.events.readings import (
    agreed,
    anaphoric,
    drop_repeats,
    inside_mention,
    recalled_time,
    responsible,
    shuts_passage,
    victim_kind,
)
from hadath.events.records import Candidate, to_record, unique_ids
from hadath.events.statements import statement_candidate, threat_candidates
from hadath.record import Article, Sentence
from hadath.spans import starting_in
from hadath.text.normalize import normalize_key
from hadath.text.sentences import split_clauses, split_sentences

# Acts often reported with no perpetrator ("انفجار سيارة ملغومة", "محاولة اغتيال"); any other
# event with no actor and no casualty figure is most often a war word in passing.
_UNCLAIMED_TYPES = frozenset({"explosion", "attack_on_civilians"})


_ANNOUNCED_TYPES = frozenset({"agreement"})
_POLITICAL_KINDS = frozenset({"government", "party", "person"})
_CROWD_KINDS = frozenset({"protesters", "rioters"})
# statements about an act that its speaker did not do (a denial, or a threat, may be the doer's)
_JUDGING = frozenset({"accuse", "request_appeal", "support_statement"})
_TROOP_WITHDRAWALS = frozenset(normalize_key(f) for f in ("سحب قواته", "سحب قواتها", "سحبت قواتها"))
_MODALITY_RANK = {"asserted": 0, "claimed": 0, "denied": 0, "planned": 1, "conditional": 1,
                  "historical": 2}


def _physical(doc: Doc, site: Site, trigger: Cue, triggers: list[Cue]) -> Candidate | None:
    called_for = governed(doc.text, trigger, triggers, site.clause)
    if called_for and trigger.value not in CALLED_FOR_TYPES:
        return None
    appeals = [t for t in triggers if t.value == "request_appeal"]
    if called_for and not governed(doc.text, trigger, appeals, site.clause):
        return None  # "يساند الاحتجاجات السلمية": backing protests in general plans none
    claim = site.claim
    start = max(site.clause.start, claim.start) if claim and claim.start <= trigger.start \
        else site.clause.start
    # "اتهمت الوزارة الإخوان بالوقوف خلف التفجير": the accused, not the accuser, did it
    # ... and "طالب بمحاسبة قتلة الطفل في هجوم": who calls for justice did not attack
    # (a call for a protest is still its caller's: "الصدر يدعو لتحرك احتجاجي")
    judging = {"accuse"} if called_for else _JUDGING
    accusations = [o for o in triggers if o.value in judging and start <= o.start < trigger.start]
    if accusations:
        start = accusations[-1].end
        accuser = actor_mentions(doc.text, doc.article.mentions, start, trigger.start)[:1]
        if accuser and not doc.text[start:accuser[0].start].strip():
            start = accuser[0].end  # "اتهمت الحكومة حركة طالبان": the verb's subject first
    # "إنها قتلت 15 جنديا أفغانيا": the people a figure counts are its victims, not the doers
    mentions = doc.uncounted_mentions
    actors = pick_actors(doc.text, trigger, start, site.clause.end, mentions, site.speaker)
    if actors.actor1 is None or actors.actor1 is site.speaker:
        # "شن طيران التحالف، صباح الخميس، ضربات جوية": the subject sits clauses before
        wider_start = claim.start if claim and claim.start <= trigger.start else site.sentence.start
        if accusations:
            # "أدانت الوزارة الهجوم الذي استهدف مسجدا": who condemns an act did not do it
            wider_start = max(wider_start, start)
        # "حذرت الإمارات مواطنيها بعد هجوم جسر لندن": who reacts to an act did not do it
        wider_start = max(wider_start, cause_floor(doc.text, site.sentence.start, trigger.start))
        wider = pick_actors(doc.text, trigger, max(wider_start, site.sentence.start),
                            site.sentence.end, mentions, site.speaker)
        if wider.actor1 is not None:
            actors = wider
    claimant = responsible(doc, site, trigger, start, triggers)
    if claimant is not None and (actors.actor1 is None or actors.actor1 is site.speaker):
        actors = replace(actors, actor1=claimant)
    place, from_text = locate(doc, site, trigger.start, (actors.actor1, actors.actor2))
    by_syntax = actors.actor1 is not None and (actors.actor1 is not site.speaker
                                               or claimant is not None)
    placed = any(within(p, site.clause) for p in inside(doc.places, site.sentence))
    # "الهجوم", "هذا الهجوم": a noun that refers back takes its arguments from the act it names
    refers_back = trigger.pos == "noun" and (
        "ال" in trigger.prefix or anaphoric(doc, site, trigger))
    # "التحالف يعلن هدنة": a party announcing a truce is a party to it
    announced = trigger.value in _ANNOUNCED_TYPES and actors.actor1 is not None
    if trigger.strength == "weak" and not (by_syntax or placed or refers_back or announced):
        return None  # "هجوم" alone names no event
    if trigger.value == "movement_restriction" and trigger.strength == "weak" and \
            not shuts_passage(doc, site, trigger):
        return None  # "تغلق أطول جسر زجاجي": a closure, but of nothing people move through
    if trigger.value == "agreement" and not agreed(doc, site, trigger):
        return None  # "التمسك باتفاق الطائف", "بعد تنفيذ اتفاق الوعر": an old agreement
    if trigger.strength == "vague" and not (by_syntax and placed):
        return None  # "خسائر كبيرة في معركتها ضد الإرهابيين": war in general
    if trigger.strength == "crowd" and (actors.actor1 is None
                                        or actors.actor1.kind not in _CROWD_KINDS):
        return None  # "أحرق محتجون مقر الحزب" is a riot; "أحرق مستوطنون منزلا" is not
    victims = victim_kind(doc, site.clause, trigger)
    # how an attack was made is said after it in its clause ("القصف ... بالاشتراك مع سلاح
    # الجو") or just before it ("الطائرات الحربية قصفت")
    manner = [c for c in site.frame.manner if site.clause.start <= c.start < site.clause.end
              and (c.start >= trigger.start
                   or len(doc.text[c.end:trigger.start].split()) <= _MANNER_WORDS)]
    etype = refine_type(trigger, actors.actor1, actors.actor2, place, manner, victims)
    if etype == "withdrawal" and actors.actor1 is not None and \
            actors.actor1.kind in _POLITICAL_KINDS and trigger.form not in _TROOP_WITHDRAWALS:
        return None  # "أن تنسحب الولايات المتحدة من اتفاقات تجارية": no troops move
    time = site.frame.times.get(trigger.start)
    ctx = ModalityContext(doc.text, trigger, etype, site.clause.start, site.mod_cues, claim,
                          site.speaker, actors.actor1, time.value if time else None, doc.published,
                          site.sentence.start)
    modality = modality_of(ctx)
    if modality is None:
        return None
    if called_for:
        modality = "planned"  # "يدعو لتحرك احتجاجي": a protest called for is a protest planned
    elif modality in ("asserted", "claimed") and denied(doc.text, trigger, triggers, site.clause):
        modality = "denied"
    if modality == "historical" and time is None:
        time = recalled_time(doc, site.sentence.start)
    day, day_end, precision = date_fields(time, modality, doc.published)
    cand = Candidate(etype, modality, trigger.strength, site.index, evidence_span(doc, site),
                     actors.actor1, actors.actor2, actors.associates, place, from_text,
                     day, day_end, precision, source_name(claim), by_syntax)
    cand.refers_back = refers_back
    # "الغارة" may open a report; "هذا الهجوم" always points back to one
    cand.stands_alone = (by_syntax or placed or trigger.strength == "strong") and not \
        anaphoric(doc, site, trigger)
    if refers_back and not by_syntax:
        cand.actor1 = None  # "وقال الجيش إن الهجوم": the speaker of a back-reference is not its actor
    return cand


def _frame(doc: Doc, index: int, sentence: Sentence, triggers: list[Cue]) -> Frame:
    text = doc.text
    clauses = split_clauses(text, sentence) or [sentence]
    mod_cues = inside(doc.cues.modality, sentence)
    since = [c for c in mod_cues if c.value == "since"]
    # figure words take part in dating so that "مقتل 5 أمس" is dated even with no trigger
    timed = sorted(triggers + inside(doc.cues.figures, sentence), key=lambda c: c.start)
    # "ذكر مسؤول حكومي السبت أن ...": a day between a reporting verb and what is reported dates
    # the statement, not the act
    speech = [t for t in inside(doc.article.times, sentence) if doc.said_at(t.start)]
    times_here = [t for t in inside(doc.article.times, sentence) if t not in speech]
    times = assign_times(text, clauses, timed, times_here, since, doc.published)
    owned, free = assign_places(text, clauses, timed, inside(doc.places, sentence))
    return Frame(index, sentence, clauses, mod_cues, inside(doc.cues.manner, sentence), times,
                 owned, free, speech)


def _learned_events(doc: Doc, index: int, sentence: Sentence,
                    detections: list[Detection]) -> list[Candidate]:
    """The models' events of one sentence, with figures attached as the rules attach them."""
    triggers = [detection_cue(doc.text, d) for d in detections]
    frame = _frame(doc, index, sentence, triggers)
    out = _one_act_per_clause(detected_candidates(doc, frame, detections))
    figures = find_figures(doc.text, sentence.start, sentence.end,
                           inside(doc.cues.figures, sentence), doc.article.numbers,
                           doc.article.mentions)
    _attach_figures(doc, frame, out, figures)
    return out


def _sentence_events(doc: Doc, index: int, sentence: Sentence) -> list[Candidate]:
    triggers = [t for t in inside(doc.cues.triggers, sentence)
                if not inside_mention(t, doc.mention_spans)]
    triggers = drop_repeats(doc.text, triggers)
    frame = _frame(doc, index, sentence, triggers)
    out: list[Candidate] = []
    for trigger in triggers:
        site = site_of(doc, frame, trigger.start)
        if calls_for_protest(doc.text, site, trigger, triggers):
            continue  # "يدعو لتحرك احتجاجي": the call is coded as the protest it plans (ACLED)
        if trigger.value in STATEMENT_TYPES:
            cand = statement_candidate(doc, site, trigger, frame.times.get(trigger.start))
        else:
            cand = _physical(doc, site, trigger, triggers)
        if cand is not None:
            cand.trigger = (trigger.start, trigger.end)
            out.append(cand)
    out = _one_act_per_clause(out)
    claims = doc.claims_by_start.starting_in(sentence.start, sentence.end)
    out.extend(threat_candidates(doc, frame, claims))
    figures = find_figures(doc.text, sentence.start, sentence.end,
                           inside(doc.cues.figures, sentence), doc.article.numbers,
                           doc.article.mentions)
    _attach_figures(doc, frame, out, figures)
    return out


_MANNER_WORDS = 10
_GENERIC_VIOLENCE = frozenset({"armed_clash"})
_VIOLENT = frozenset({"armed_clash", "air_strike", "shelling", "explosion", "attack_on_civilians",
                      "territory_taken", "territory_regained", "riot", "protest"})
_DETENTION = frozenset({"arrest", "abduction"})
_SPECIFIC_VIOLENCE = frozenset({"air_strike", "shelling", "explosion", "attack_on_civilians",
                                "riot", "protest"})
_CROWD_TYPES = frozenset({"riot", "protest"})


def _one_act_per_clause(cands: list[Candidate]) -> list[Candidate]:
    """"لهجوم من قبل 3 زوارق انتحارية": a generic attack word and the specific act of the same
    clause are one act, named by the specific word."""
    kept: list[Candidate] = []
    for cand in cands:
        specific = next((k for k in cands if k is not cand and k.evidence == cand.evidence
                         and k.type in _SPECIFIC_VIOLENCE and k.modality == cand.modality), None)
        crowd = next((k for k in cands if k is not cand and k.evidence == cand.evidence
                      and k.type in _CROWD_TYPES and k.modality == cand.modality), None)
        if cand.type in _GENERIC_VIOLENCE | {"attack_on_civilians"} and crowd is not None:
            specific = crowd  # "أعمال شغب ومواجهات بين محتجين والشرطة": one riot
        elif not (cand.type in _GENERIC_VIOLENCE and cand.strength != "strong"):
            specific = None
        if specific is not None:
            specific.figures.extend(cand.figures)
            if specific.actor1 is None:
                specific.actor1, specific.actor1_from_syntax = cand.actor1, cand.actor1_from_syntax
            continue
        kept.append(cand)
    return kept


def _attach_figures(doc: Doc, frame: Frame, out: list[Candidate], figures: list[Figure]) -> None:
    """Figures go to the sentence's act of violence; with none, they are its own clash."""
    orphans: list[Figure] = []
    for figure in figures:
        site = site_of(doc, frame, figure.number.start)
        source = source_name(site.claim) or doc.article.article.outlet
        # the dead and wounded belong to violence, the detained to arrests and abductions
        kinds = _DETENTION if figure.kind == "detained" else _VIOLENT
        physical = [c for c in out if c.type in kinds and c.modality != "historical"]
        if physical:
            nearest = min(physical, key=lambda c: abs(c.evidence[0] - figure.number.start))
            nearest.figures.append((figure, source))
            if nearest.type == "armed_clash" and figure.side_kind == "civilians" and \
                    figure.kind == "fatalities":
                nearest.type = "attack_on_civilians"  # "هجوم ... أدى إلى مقتل 38 سائحا"
        else:
            orphans.append(figure)
    if orphans:
        cand = fatality_event(doc, frame, orphans)
        if cand is not None:
            out.append(cand)


def _document(article: Article) -> Doc | None:
    """The article with the events stage's lexicon cues and places, or None with no text."""
    text = article.text
    if not text:
        return None
    if not article.sentences:
        article.sentences = split_sentences(text)
    cues = find_cues(text)
    places = [p for p in place_mentions(text, article.mentions)
              if not _detained_name(text, p, cues.triggers)]
    return Doc(article, text, cues, places, focus_place(places),
               report_day(article, published_day(article), cues.modality))


def _rule_candidates(doc: Doc) -> list[Candidate]:
    if not (doc.cues.triggers or doc.cues.figures
            or any(c.value == "conditional" for c in doc.cues.modality)):
        return []  # no act, toll or threat is named: nothing to code
    candidates: list[Candidate] = []
    for index, sentence in enumerate(doc.article.sentences):
        candidates.extend(_sentence_events(doc, index, sentence))
    return candidates


# The models add an event the rules do not read when its calibrated confidence says at least
# seven in ten such events are right on held-out folds; below VETO_AT they drop a rule's reading
# (off: every veto measured cost more recall than it gained precision). HADATH_EVENT_MODE=learned
# uses the models' detections alone, for comparison.
ADD_AT = float(os.environ.get("HADATH_EVENT_ADD_AT", "0.7"))
VETO_AT = float(os.environ.get("HADATH_EVENT_VETO_AT", "0.0"))


def _with_learned(doc: Doc, model: EventModel, rules: list[Candidate]) -> list[Candidate]:
    """The rules' candidates scored by the models, and the models' own detections where no
    rule reads an event."""
    readings = [Reading(c.trigger[0], c.trigger[1], c.type, c.modality)
                for c in rules if c.trigger is not None]
    at = [i for i, c in enumerate(rules) if c.trigger is not None]
    learned_only = os.environ.get("HADATH_EVENT_MODE") == "learned"
    add_at = 0.0 if learned_only else ADD_AT
    detections = model.detect(doc.article, doc.cues, readings, add_at)
    kept: list[Candidate] = []
    if not learned_only:
        for d in detections:
            if d.sentence < 0:
                rules[at[-1 - d.sentence]].confidence = d.confidence
        kept = [c for c in rules if c.confidence is None or c.confidence >= VETO_AT]
    by_sentence: dict[int, list[Detection]] = {}
    for d in detections:
        if d.sentence < 0 or d.confidence < add_at:
            continue
        if not learned_only and read_already(d, kept):
            continue
        by_sentence.setdefault(d.sentence, []).append(d)
    for index, found in sorted(by_sentence.items()):
        kept.extend(_learned_events(doc, index, doc.article.sentences[index], found))
    return kept


def rule_readings(article: Article) -> list[Reading]:
    """What the lexicon-and-syntax reading makes of each trigger: its type and modality. The
    learned models read these as features (they learn when the reading holds)."""
    doc = _document(article)
    if doc is None:
        return []
    return [Reading(c.trigger[0], c.trigger[1], c.type, c.modality)
            for c in _rule_candidates(doc) if c.trigger is not None]


def extract_events(article: Article) -> list[dict[str, Any]]:
    """The SPEC event records of one article, in order of first evidence."""
    doc = _document(article)
    if doc is None:
        return []
    model = learned_model()
    candidates = _rule_candidates(doc)
    if model is not None:
        candidates = _with_learned(doc, model, candidates)
    records = [to_record(e, article) for e in merge(candidates, _headline_sentences(article))]
    today = doc.published.isoformat() if doc.published else None
    kept = [r for r in records if _reportable(r, today)]
    # what happened first, then what is planned or threatened, then the background; each in
    # the order the text first reports it
    kept.sort(key=lambda r: _MODALITY_RANK.get(str(r["modality"]), 1))
    return unique_ids(kept)


_DETAINED_GAP = 64  # characters from a trigger's start to the name: a trigger and "على "


def _detained_name(text: str, place: Place, triggers: list[Cue]) -> bool:
    """"ألقت القبض على سليمان هلال الأسد": right after an arrest the name is the person held,
    even when a gazetteer knows a town of that name."""
    # the triggers that end up to a few characters before the name (spaces, "على")
    return any(t.value in _DETENTION and t.end <= place.start
               and normalize_key(text[t.end:place.start]) in ("", "علي")
               for t in starting_in(triggers, place.start - _DETAINED_GAP, place.start))


def _reportable(record: dict[str, Any], today: str | None) -> bool:
    """Worth reporting: an actor, or a bombing or killing whose doers go unnamed; and for
    background, a date the text gives (a past war named in passing is not coded)."""
    if record["modality"] == "historical" and record["date"] == today:
        return False
    if record["actor1"] is not None:
        return True
    counted = any(f["side"] for f in record["fatalities"])
    if record["modality"] == "historical":
        # "هجوم الشهر الماضي ... أدى إلى مقتل 38 سائحا": a dated past attack with its toll
        return counted
    if record["modality"] not in ("asserted", "claimed"):
        return False
    return record["type"] in _UNCLAIMED_TYPES or counted


_REPORT_LAG = 2  # days a crawl or print edition may trail the day its "today" names


def report_day(article: Article, published: date | None, cues: list[Cue]) -> date | None:
    """The day the text calls today: "اليوم الأربعاء" in an edition stamped Thursday is
    Wednesday, and undated acts of the report happened then."""
    if published is None:
        return None
    todays = {c.start for c in cues if c.value == "today"}
    for time in article.times:
        if time.start in todays and len(time.value) == 10:
            try:
                day = date.fromisoformat(time.value)
            except ValueError:
                continue
            if published - timedelta(days=_REPORT_LAG) <= day < published:
                return day
    return published


def _headline_sentences(article: Article) -> int:
    """How many leading sentences are the headline (the text starts with the title)."""
    title = (article.article.title or "").strip()
    if not title or not article.text.lstrip().startswith(title):
        return 0
    end = article.text.find(title) + len(title)
    return sum(1 for s in article.sentences if s.start < end)
