"""`acled-csv`: fused events as rows of ACLED's CSV, in ACLED's columns and order and with its
vocabularies (event and sub-event types, disorder type, inter and interaction codes, ISO
numeric, region), from the tables in `data/export/`. An event of a type ACLED does not code
(statements, meetings), that did not happen (planned, conditional, denied) or that has no
place is left out.
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from typing import Any, TextIO

from hadath.countries import alpha3, english_name
from hadath.export import reader
from hadath.export.summary import ExportSummary
from hadath.export.vocabulary import (
    AcledEventType,
    acled_country,
    acled_event_type,
    inter_code,
    sub_event_by_cue,
)

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

# ACLED records events that took place; a pledge, a threat with "if" or a denial did not
NOT_HAPPENED = frozenset({"planned", "conditional", "denied"})
_STATE = frozenset({"state_forces", "police", "government"})
_UNIDENTIFIED = {  # ACLED's names for an actor the reports do not name
    "Political violence": ("Unidentified Armed Group ({})", 3),
    "Protests": ("Protesters ({})", 6),
    "Riots": ("Rioters ({})", 5),
}


def write_acled_csv(records: Iterable[dict[str, Any]], out: TextIO) -> ExportSummary:
    summary = ExportSummary("acled-csv")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        row = acled_row(record)
        if isinstance(row, str):
            summary.leave_out(row)
            continue
        writer.writerow(row[c] for c in COLUMNS)
        summary.written += 1
    return summary


def acled_row(record: dict[str, Any]) -> dict[str, Any] | str:
    """The event's ACLED row, or why ACLED would not code it."""
    if record.get("modality") in NOT_HAPPENED:
        return f"{record.get('modality')} (did not happen)"
    kind = sub_event(record)
    if kind is None:
        return f"{record.get('type')} (no ACLED type)"
    place = reader.location(record)
    alpha2 = place.get("country")
    if not alpha2:
        return "no place (ACLED codes every event at a location)"
    country = acled_country(alpha2)
    country_name = country.name if country else english_name(alpha2) or ""
    actor1, inter1 = _actor(record.get("actor1"), alpha2)
    actor2, inter2 = _actor(record.get("actor2"), alpha2)
    if not actor1:
        actor1, inter1 = _unidentified(kind, country_name)
    if not actor2 and kind.event_type == "Violence against civilians":
        actor2, inter2 = f"Civilians ({country_name})" if country_name else "Civilians", 7
    day = reader.parse_day(record.get("date"))
    coordinates = reader.coordinates(record)
    changed = reader.last_change(record)
    best = reader.fatalities_best(record)
    return {
        "event_id_cnty": event_id_cnty(record, alpha2),
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": record.get("time_precision") or "",
        "disorder_type": kind.disorder_type,
        "event_type": kind.event_type,
        "sub_event_type": kind.sub_event_type,
        "actor1": actor1, "assoc_actor_1": _assoc(record, "actor1"), "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": _assoc(record, "actor2"), "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7
        and kind.disorder_type.startswith("Political violence") else "",
        "iso": country.numeric if country and country.numeric is not None else "",
        "region": country.region if country else "",
        "country": country_name,
        "admin1": place.get("admin1") or "",
        "admin2": place.get("admin2") or "",
        "admin3": place.get("admin3") or "",
        "location": place.get("canonical") or "",
        "latitude": coordinates[1] if coordinates else "",
        "longitude": coordinates[0] if coordinates else "",
        "geo_precision": place.get("geo_precision") or "",
        "source": "; ".join(dict.fromkeys(reader.sources(record) + reader.outlets(record))),
        "source_scale": "",
        "notes": notes(record),
        "fatalities": best or 0,
        "tags": tags(record),
        "timestamp": int(changed.timestamp()) if changed else "",
    }


def sub_event(record: dict[str, Any]) -> AcledEventType | None:
    """The ACLED type of the event, with ACLED's two refinements of a protest (one that state
    forces or police face is a protest with intervention, or excessive force against protesters
    when its reports give deaths or injuries) and the sub-events its evidence names (a suicide
    bomb, a grenade, a chemical weapon, sexual violence: acled_sub_event_cues.tsv)."""
    if record.get("type") == "protest":
        other = record.get("actor2") or {}
        if isinstance(other, dict) and other.get("kind") in ("state_forces", "police"):
            harmed = any(f.get("count") for k in ("fatalities", "injured")
                         for f in record.get(k) or [])
            return acled_event_type(None, "Excessive force against protesters" if harmed
                                    else "Protest with intervention")
    sentences = [str(span.get("text") or "") for span in record.get("evidence") or []]
    precise = sub_event_by_cue(record.get("type"), sentences)
    return acled_event_type(None, precise) if precise else acled_event_type(record.get("type"))


def _actor(actor: Any, event_country: str | None) -> tuple[str, int | str]:
    """An actor's name and inter code; ("", 0) for no actor."""
    if not isinstance(actor, dict) or not reader.actor_name(actor):
        return "", 0
    return reader.actor_name(actor), actor_inter(actor, event_country)


def actor_inter(actor: dict[str, Any], event_country: str | None) -> int:
    """ACLED's inter code of an actor (data/export/acled_inter.tsv, and its two rules)."""
    kind = actor.get("kind")
    if kind == "person":
        affiliation = actor.get("affiliation")
        if isinstance(affiliation, dict) and affiliation.get("kind") not in (None, "person"):
            return actor_inter({**affiliation, "country": affiliation.get("country")
                                or actor.get("country")}, event_country)
        return 7
    if kind in _STATE and _abroad(actor.get("country"), event_country):
        return 8  # ACLED: state forces active outside their main country are external forces
    return inter_code(kind, actor.get("subkind") or _subkind(actor)) or 8


def _subkind(actor: dict[str, Any]) -> str | None:
    """The subkind the actors' dictionary gives (rebel, political or identity militia); event
    records do not carry it."""
    if actor.get("kind") != "armed_group" or not actor.get("canonical"):
        return None
    from hadath.mentions.actors import lookup_actor

    entry = lookup_actor(str(actor["canonical"]))
    return entry.subkind if entry else None


def _abroad(actor_country: str | None, event_country: str | None) -> bool:
    if not actor_country or not event_country:
        return False
    return actor_country.upper() != (alpha3(event_country) or event_country).upper()


def _unidentified(kind: AcledEventType, country_name: str) -> tuple[str, int | str]:
    key = kind.event_type if kind.event_type in _UNIDENTIFIED else kind.disorder_type
    if key.startswith("Political violence"):
        key = "Political violence"
    if key not in _UNIDENTIFIED:
        return "", 0
    template, code = _UNIDENTIFIED[key]
    return (template.format(country_name) if country_name else template.split(" (")[0]), code


def interaction(inter1: int | str, inter2: int | str) -> int:
    """ACLED's interaction: the two inter codes, the lower first (37, never 73); a one-sided
    event is its actor's code and 0 (20)."""
    codes = sorted(int(c) for c in (inter1, inter2) if c)
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _assoc(record: dict[str, Any], role: str) -> str:
    """Associated actors, "; " separated (ACLED's assoc_actor columns). hadath lists them for
    the event; they go with actor 1 unless they carry a role."""
    names = []
    for actor in record.get("assoc_actors") or []:
        actor_role = actor.get("role", "actor1") if isinstance(actor, dict) else "actor1"
        if actor_role == role and reader.actor_name(actor):
            names.append(reader.actor_name(actor))
    return "; ".join(dict.fromkeys(names))


def notes(record: dict[str, Any]) -> str:
    """The English summary, and every death toll with its source when several sources give
    one: ACLED's notes keep what each said ("27 civilians according to Syrian Observatory for
    Human Rights (عنب بلدي); 30 people according to Government of Syria (الجزيرة نت)")."""
    text = str(record.get("summary_en") or "")
    said_by = {(reader.figure_name(f.get("source")), f.get("article_id"))
               for f in record.get("fatalities") or [] if f.get("count") is not None}
    if len(said_by) > 1:
        text = f"{text} Fatalities by source: {reader.figures_by_source(record)}.".strip()
    return text


def tags(record: dict[str, Any]) -> str:
    """hadath's id of the event (to join the row back to the store) and a modality other than
    asserted, in ACLED's "key=value; " style."""
    parts = [f"hadath id={record.get('id')}"]
    if record.get("modality") not in (None, "asserted"):
        parts.append(f"modality={record['modality']}")
    return "; ".join(parts)


def event_id_cnty(record: dict[str, Any], alpha2: str) -> str:
    """ACLED's style, the country's ISO alpha-3 code and a number ("SYR…"), derived from the
    stable fused id (its SHA-256, as 12 digits), so that it is the same in every export."""
    digest = hashlib.sha256(str(record.get("id")).encode("utf-8")).hexdigest()
    return f"{alpha3(alpha2) or alpha2.upper()}{int(digest[:16], 16) % 10**12:012d}"
