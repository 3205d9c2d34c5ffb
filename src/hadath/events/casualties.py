"""A casualty report that names no event: "مقتل 155 من الهيئة و79 من الجيش" (SPEC).

`fatality_event(doc, frame, figures)` codes the figures of a sentence with no act word as the
fighting (or the killing of unarmed people) they report, with who killed whom where the text
says so; it returns a Candidate or None.
"""
from __future__ import annotations

import re

from hadath.events.arguments import actor_mentions, cause_floor, light_verb_subject, passive_before
from hadath.events.context import (
    Doc,
    Frame,
    date_fields,
    evidence_span,
    locate,
    site_of,
    source_name,
)
from hadath.events.cues import Cue
from hadath.events.figures import Figure
from hadath.events.modality import PARTY_KINDS, ModalityContext, kind_of, modality_of, same_side
from hadath.events.records import Candidate
from hadath.record import Mention

_FIGURE_CAUSE_WORDS = 12  # "بعد هجوم الشهر الماضي على منتجع ساحلي في سوسة أدى إلى مقتل"


# "من عناصره", "من جنودها", "من مقاتليهم": counted among its (their) own men; not "من بينهم"
_OWN_MEN = re.compile(r"\s*من\s+(?!ال|بين)\w+?(?:ه|ها|هم)(?!\w)")


def _own_dead(text: str, figure: Figure) -> bool:
    """The dead are counted as the members of someone named before ("مقتل 5 من جنوده")."""
    return _OWN_MEN.match(text, figure.number.end) is not None


def _fatality_sides(subjects: list[Mention], sides: list[Mention], speaker: Mention | None
                    ) -> tuple[Mention | None, Mention | None]:
    """Who killed whom in a bare casualty report.

    "قوات الأمن قتلت مسلحا": the subject killed; "مقتل 155 من الهيئة و79 من الجيش": the two
    sides fought, the first named first; "أعلن الجيش مقتل 20 إرهابيا": a party counting the
    enemy's dead is the one that killed them.
    """
    if subjects:
        return subjects[-1], sides[0] if sides else None
    if len(sides) >= 2:
        return sides[0], sides[1]
    side = sides[0] if sides else None
    if speaker is not None and kind_of(speaker) in PARTY_KINDS and not same_side(speaker, side):
        return speaker, side
    return None, side


def fatality_event(doc: Doc, frame: Frame, figures: list[Figure]) -> Candidate | None:
    """SPEC: a fatality report naming no event stands as the fighting it is about."""
    # a count of a noun we do not know as people ("15 متمردا" is, "15 ..." may not be) joins
    # a reported act but does not make one
    killed = [f for f in figures if f.kind == "fatalities"
              and (f.side_kind is not None or not f.number.noun)]
    if not killed or any(c.value == "accident" for c in frame.mod_cues):
        return None  # "أسفر حادث اصطدام حافلة بحشد عن مقتل 38 شخصا": no violence named
    first = killed[0]
    site = site_of(doc, frame, first.number.start)
    speaker_start = site.speaker.start if site.speaker else -1
    # "القوات في حالة تأهب بعد هجوم ... أدى إلى مقتل 38 سائحا": not the forces before بعد
    floor = cause_floor(doc.text, site.clause.start, first.cue.start, gap=_FIGURE_CAUSE_WORDS)
    subjects = [m for m in actor_mentions(doc.text, doc.article.mentions, floor, first.cue.start)
                if m.start != speaker_start and m.kind != "civilians"]
    if passive_before(doc.text, first.cue.start):
        subjects = []  # "خلال المواجهة لطرد الإرهابيين تم قتل خمسة": no doer named
    # "قامت القوات المسلحة باستهداف مقر لتجمع العناصر الإرهابية مما أسفر عن مقتل": the
    # subject of قام/شن/نفذ did it; the names after are what it hit
    doer = light_verb_subject(doc.text, subjects, site.clause.start, first.cue)
    subjects = [doer] if doer is not None else subjects
    actor1, actor2 = _fatality_sides(subjects, [f.side for f in killed if f.side is not None],
                                     site.speaker)
    own = _own_dead(doc.text, first)
    if own and actor2 is None and actor1 is not None:
        # "حزب الله يعترف بمقتل اثنين من عناصره": the one who counts its own dead lost them
        actor1, actor2 = None, actor1
    if actor1 is None and not own and not any(f.side_kind in ("combatants", "civilians")
                                              for f in killed):
        return None  # "مقتل 3 أشخاص" with no side named: an accident as often as an attack
    # unarmed dead ("مدنيين", "أشخاص") killed by a named armed side: one-sided violence
    unarmed = all(f.side_kind in ("civilians", "people") for f in killed) and (
        actor2 is None or actor2.kind == "civilians")
    civilians_only = all(f.side_kind == "civilians" for f in killed) or (
        unarmed and actor1 is not None)
    etype = "attack_on_civilians" if civilians_only else "armed_clash"
    pseudo = Cue(first.cue.start, first.cue.end, first.cue.form, etype, "noun", "figure",
                 first.cue.prefix)
    time = frame.times.get(first.cue.start)
    ctx = ModalityContext(doc.text, pseudo, etype, site.clause.start, frame.mod_cues, site.claim,
                          site.speaker, actor1, time.value if time else None, doc.published,
                          site.sentence.start)
    modality = modality_of(ctx)
    if modality is None:
        return None
    place, from_text = locate(doc, site, first.cue.start)
    day, day_end, precision = date_fields(time, modality, doc.published)
    source = source_name(site.claim) or doc.article.article.outlet
    return Candidate(etype, modality, "figure", frame.index, evidence_span(doc, site), actor1,
                     actor2, (), place, from_text, day, day_end, precision,
                     source_name(site.claim), actor1 is not None,
                     figures=[(f, source) for f in figures])
