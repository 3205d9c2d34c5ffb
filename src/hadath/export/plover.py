"""`plover-json`: fused events as PLOVER event records, with the PLOVER manual's field names
(id, date, enddate, actor, recipient, event, mode, context, event_loc, event_text, quad_code,
dead, injured, arrested, cite_info, coder), and hadath's own reading under "hadath": modality,
figures by source, sources, outlets, every report and its evidence spans.

Written as JSON Lines, one record a line, as the manual suggests; an OUT ending in `.json` gets
one JSON array instead.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TextIO

from hadath.countries import alpha3, english_name
from hadath.export import reader
from hadath.export.summary import ExportSummary
from hadath.export.vocabulary import plover_sector, plover_type

CODEBOOK = "PLOVER manual (Open Event Data Alliance); hadath types as in data/export/plover_event_types.tsv"
# PLOVER's quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict (PLOVER manual, "Quad categories in PLOVER")
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
        "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
        "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
# PLOVER's auxiliary modes, which the manual puts in `context`
AUXILIARY = {"historical": "historical", "planned": "future", "conditional": "hypothetical",
             "denied": "negation"}
# The manual's location `resolution`: 4 city, 3 district, 2 province, 1 country
_RESOLUTION = {1: 4, 2: 3, 3: 2}
_MOBILIZE_MODES = {"police": "police", "armed_group": "militia"}


def plover_record(record: dict[str, Any]) -> dict[str, Any]:
    mapped = plover_type(record.get("type"))
    event = mapped.event if mapped else None
    modes = [mapped.mode] if mapped and mapped.mode else []
    actor1 = record.get("actor1") if isinstance(record.get("actor1"), dict) else None
    if event == "MOBILIZE" and actor1 and actor1.get("kind") in _MOBILIZE_MODES:
        modes = [_MOBILIZE_MODES[actor1["kind"]]]
    contexts = [mapped.context] if mapped and mapped.context else []
    if record.get("modality") in AUXILIARY:
        contexts.append(AUXILIARY[record["modality"]])
    spans = record.get("evidence") or []
    plover: dict[str, Any] = {
        "id": record.get("id"),
        "date": _day(record.get("date")),
        "enddate": _day(record.get("date_end")),
        "actor": [entity(a) for a in [actor1] if a],
        "recipient": [entity(a) for a in [record.get("actor2")] if isinstance(a, dict)],
        "event": [event] if event else [],
        "mode": modes,
        "context": contexts,
        "event_loc": event_location(record),
        "event_text": [str(s.get("text")) for s in spans if s.get("text")],
        "quad_code": QUAD.get(event or ""),
        "dead": reader.fatalities_best(record),
        "injured": _lowest(record, "injured"),
        "arrested": _lowest(record, "detained"),
        "cite_info": _citation(reader.reports(record)),
        "coder": _coder(),
        "comment": record.get("summary_en"),
        "hadath": {
            "type": record.get("type"),
            "modality": record.get("modality"),
            "time_precision": record.get("time_precision"),
            "fatalities": record.get("fatalities") or [],
            "injured": record.get("injured") or [],
            "detained": record.get("detained") or [],
            "fatalities_best": reader.fatalities_best(record),
            "fatalities_rule": record.get("fatalities_rule"),
            "sources": reader.sources(record),
            "outlets": reader.outlets(record),
            "assoc_actors": [entity(a) for a in record.get("assoc_actors") or []
                             if isinstance(a, dict)],
            "confidence": record.get("confidence"),
            "reports": reader.reports(record),
        },
    }
    return plover


def entity(actor: dict[str, Any]) -> dict[str, Any]:
    """An actor as PLOVER's entity object: `code` the country's ISO alpha-3 code (or PLOVER's
    code for a stateless actor: IGO, NGO, IMG), `sector`, the Arabic surface as written and the
    canonical name."""
    sector, stateless = plover_sector(actor.get("kind"))
    code = actor.get("country") or stateless or None
    if actor.get("kind") == "igo" and str(actor.get("canonical", "")).startswith("United Nations"):
        code = "UNO"
    found: dict[str, Any] = {
        "code": code,
        "sector": sector or None,
        "entity_text": actor.get("surface"),
        "identifier_text": reader.actor_name(actor) or None,
    }
    affiliation = actor.get("affiliation")
    if isinstance(affiliation, dict) and affiliation.get("canonical"):
        found["affiliation"] = reader.actor_name(affiliation)
    return found


def event_location(record: dict[str, Any]) -> dict[str, Any] | None:
    """PLOVER's location object (Mordecai's field names)."""
    place = reader.location(record)
    if not place:
        return None
    alpha2 = place.get("country")
    is_country = bool(place.get("canonical")) and place.get("canonical") == english_name(alpha2)
    precision = place.get("geo_precision")
    return {
        "extracted_place": place.get("surface"),
        "resolved_place": place.get("canonical"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "district": place.get("admin2"),
        "province": place.get("admin1"),
        "country": english_name(alpha2),
        "country_code": alpha3(alpha2),
        "resolution": 1 if is_country else _RESOLUTION.get(precision) if precision else None,
    }


@lru_cache(maxsize=1)
def _coder() -> str:
    try:
        return f"hadath {version('hadath')}"
    except PackageNotFoundError:
        return "hadath"


def _day(value: Any) -> str | None:
    day = reader.parse_day(value)
    return day.isoformat() if day else None


def _lowest(record: dict[str, Any], kind: str) -> int | None:
    """The most conservative figure of injuries or detentions, as for deaths."""
    return reader.fatalities_best({"fatalities": record.get(kind) or []})


def _citation(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    """PLOVER's citeInfo of the first report (every report is under "hadath")."""
    if not reports:
        return None
    first = reports[0]
    return {"url": first.get("url"), "title": first.get("title"),
            "publication": first.get("outlet"), "language": "ar",
            "coder": _coder(), "codebook": CODEBOOK}


def write_plover(records: Iterable[dict[str, Any]], out: TextIO, *, array: bool = False
                 ) -> ExportSummary:
    summary = ExportSummary("plover-json")
    if array:
        out.write("[")
    for record in records:
        line = json.dumps(plover_record(record), ensure_ascii=False)
        if array:
            out.write(("\n" if summary.written == 0 else ",\n") + line)
        else:
            out.write(line + "\n")
        summary.written += 1
    if array:
        out.write("\n]\n")
    return summary
