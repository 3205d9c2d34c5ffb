"""Stage 6, events: who did what to whom, where, when, how many, according to whom.

`extract_events(article)` reads the article's sentences, mentions, times, numbers and claims,
finds event triggers clause by clause, fills their arguments, figures and modality, merges
them ACLED-style (one event per type, place and day) and returns SPEC event records.
"""
from __future__ import annotations

from typing import Any

from hadath.events.arguments import actor_mentions, pick_actors
from hadath.events.context import (
    Doc,
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
from hadath.events.event_types import refine_type
from hadath.events.figures import Figure, find_figures
from hadath.events.modality import ModalityContext, modality_of
from hadath.events.places import focus_place, place_mentions
from hadath.events.records import Candidate, merge, to_record
from hadath.events.statements import statement_candidate, threat_candidates
from hadath.record import Article, Mention, Sentence, TimeExpr
from hadath.text.sentences import split_clauses, split_sentences


def _governed(trigger: Cue, others: list[Cue], clause: Sentence) -> bool:
    """"موسكو تدعم استعادة النظام": an act named as the object of a statement is not news."""
    return any(o.value in STATEMENT_TYPES and clause.start <= o.start < trigger.start
               for o in others)


def _physical(doc: Doc, site: Site, trigger: Cue, time: TimeExpr | None,
              triggers: list[Cue]) -> Candidate | None:
    if _governed(trigger, triggers, site.clause):
        return None
    start = max(site.clause.start, site.claim.start) if site.claim and \
        site.claim.start <= trigger.start else site.clause.start
    actors = pick_actors(doc.text, trigger, start, site.clause.end, doc.article.mentions,
                         site.speaker)
    place, from_text = locate(doc, site, trigger.start)
    by_syntax = actors.actor1 is not None and actors.actor1 is not site.speaker
    if trigger.strength == "weak" and not by_syntax and not (from_text and within(place, site.clause)):
        return None  # "معركة", "هجوم" alone name no event
    etype = refine_type(trigger, actors.actor1, place)
    ctx = ModalityContext(doc.text, trigger, etype, site.clause.start, site.mod_cues, site.claim,
                          site.speaker, actors.actor1, time.value if time else None, doc.published)
    modality = modality_of(ctx)
    if modality is None:
        return None
    day, day_end, precision = date_fields(time, modality, doc.published)
    return Candidate(etype, modality, trigger.strength, site.index, evidence_span(doc, site),
                     actors.actor1, actors.actor2, actors.associates, place, from_text,
                     day, day_end, precision, source_name(site.claim), by_syntax)


def _inside_mention(trigger: Cue, mentions: list[Mention]) -> bool:
    """"تحرير" in "هيئة تحرير الشام" is a name, not a trigger."""
    return any(m.start < trigger.end and trigger.start < m.end for m in mentions)


def _drop_repeats(text: str, triggers: list[Cue]) -> list[Cue]:
    """"استعادة الجيش السيطرة": two territory words of one act count once."""
    kept: list[Cue] = []
    for t in triggers:
        prev = kept[-1] if kept else None
        if (prev is not None and prev.value.startswith("territory") and t.value.startswith("territory")
                and len(text[prev.end:t.start].split()) <= 3):
            continue
        kept.append(t)
    return kept


def _sentence_events(doc: Doc, index: int, sentence: Sentence) -> list[Candidate]:
    text = doc.text
    clauses = split_clauses(text, sentence) or [sentence]
    triggers = [t for t in inside(doc.cues.triggers, sentence)
                if not _inside_mention(t, doc.article.mentions)]
    triggers = _drop_repeats(text, triggers)
    mod_cues = inside(doc.cues.modality, sentence)
    since = [c for c in mod_cues if c.value == "since"]
    figure_cues = inside(doc.cues.figures, sentence)
    # figure words take part in dating so that "مقتل 5 أمس" is dated even with no trigger
    timed = sorted(triggers + figure_cues, key=lambda c: c.start)
    times = assign_times(text, clauses, timed, inside(doc.article.times, sentence), since)
    out: list[Candidate] = []
    for trigger in triggers:
        site = site_of(doc, index, sentence, clauses, trigger.start, mod_cues)
        if trigger.value in STATEMENT_TYPES:
            cand = statement_candidate(doc, site, trigger, times.get(trigger.start))
        else:
            cand = _physical(doc, site, trigger, times.get(trigger.start), triggers)
        if cand is not None:
            out.append(cand)
    claims = [c for c in doc.article.claims if sentence.start <= c.start < sentence.end]
    out.extend(threat_candidates(doc, index, sentence, claims, mod_cues))
    figures = find_figures(text, sentence.start, sentence.end, figure_cues,
                           doc.article.numbers, doc.article.mentions)
    _attach_figures(doc, index, sentence, clauses, out, figures, mod_cues, times)
    return out


def _attach_figures(doc: Doc, index: int, sentence: Sentence, clauses: list[Sentence],
                    out: list[Candidate], figures: list[Figure], mod_cues: list[Cue],
                    times: dict[int, TimeExpr]) -> None:
    """Figures go to the sentence's act of violence; with none, they are its own clash."""
    physical = [c for c in out if c.type not in STATEMENT_TYPES and c.modality != "historical"]
    orphans: list[Figure] = []
    for figure in figures:
        site = site_of(doc, index, sentence, clauses, figure.number.start, mod_cues)
        source = source_name(site.claim) or doc.article.article.outlet
        if physical:
            nearest = min(physical, key=lambda c: abs(c.evidence[0] - figure.number.start))
            nearest.figures.append((figure, source))
        else:
            orphans.append(figure)
    if orphans:
        cand = _fatality_event(doc, index, sentence, clauses, orphans, mod_cues, times)
        if cand is not None:
            out.append(cand)


def _fatality_event(doc: Doc, index: int, sentence: Sentence, clauses: list[Sentence],
                    figures: list[Figure], mod_cues: list[Cue],
                    times: dict[int, TimeExpr]) -> Candidate | None:
    """SPEC: a fatality report naming no event stands as the fighting it is about."""
    killed = [f for f in figures if f.kind == "fatalities"]
    if not killed:
        return None
    first = killed[0]
    site = site_of(doc, index, sentence, clauses, first.number.start, mod_cues)
    subjects = [m for m in actor_mentions(doc.article.mentions, site.clause.start, first.number.start)
                if m is not site.speaker and (site.speaker is None or m.start != site.speaker.start)]
    sides = [f.side for f in killed if f.side is not None]
    actor1 = subjects[-1] if subjects else (sides[0] if sides else None)
    rest = [s for s in sides if s is not actor1]
    actor2 = rest[0] if rest else None
    if actor1 is None and all(f.side_kind != "combatants" for f in killed):
        civilians = any(f.side_kind == "civilians" for f in killed)
        if not civilians:
            return None  # "مقتل 3 أشخاص" with no side named: an accident as often as an attack
    civilians_only = all(f.side_kind == "civilians" for f in killed)
    etype = "attack_on_civilians" if civilians_only else "armed_clash"
    pseudo = Cue(first.number.start, first.number.end, "", etype, "noun", "figure")
    time = times.get(first.cue.start)
    ctx = ModalityContext(doc.text, pseudo, etype, site.clause.start, mod_cues, site.claim,
                          site.speaker, actor1, time.value if time else None, doc.published)
    modality = modality_of(ctx)
    if modality is None:
        return None
    place, from_text = locate(doc, site, first.number.start)
    day, day_end, precision = date_fields(time, modality, doc.published)
    source = source_name(site.claim) or doc.article.article.outlet
    return Candidate(etype, modality, "figure", index, evidence_span(doc, site), actor1, actor2, (),
                     place, from_text, day, day_end, precision, source_name(site.claim),
                     actor1 is not None, [(f, source) for f in figures])


def extract_events(article: Article) -> list[dict[str, Any]]:
    """The SPEC event records of one article, in order of first evidence."""
    text = article.text
    if not text:
        return []
    if not article.sentences:
        article.sentences = split_sentences(text)
    places = place_mentions(text, article.mentions)
    doc = Doc(article, text, find_cues(text), places, focus_place(places), published_day(article))
    candidates: list[Candidate] = []
    for index, sentence in enumerate(article.sentences):
        candidates.extend(_sentence_events(doc, index, sentence))
    return [to_record(event, article) for event in merge(candidates)]
