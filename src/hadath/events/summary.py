"""One English sentence per event record, in the style of ACLED's "notes".

`summarise(record)` reads the record's type, actors, place, figures, sources and modality:
{"type": "armed_clash", "actor1": Hayat Tahrir al-Sham, ...} → "According to the Syrian
Observatory for Human Rights, Hayat Tahrir al-Sham clashed with ... in Aleppo; 155 killed."
"""
from __future__ import annotations

from typing import Any

# What actor1 did, with {a2} for the other side where the type has one.
_VERBS = {
    "armed_clash": ("clashed with {a2}", "fought"),
    "territory_taken": ("took territory from {a2}", "took territory"),
    "territory_regained": ("regained territory from {a2}", "regained territory"),
    "air_strike": ("carried out air or drone strikes on {a2}", "carried out air or drone strikes"),
    "shelling": ("shelled {a2}", "carried out shelling"),
    "explosion": ("set off an explosion targeting {a2}", "set off an explosion"),
    "attack_on_civilians": ("attacked {a2}", "attacked civilians"),
    "abduction": ("abducted members of {a2}", "abducted people"),
    "arrest": ("arrested members of {a2}", "made arrests"),
    "withdrawal": ("withdrew in the face of {a2}", "withdrew its forces"),
    "mobilization": ("mobilised against {a2}", "mobilised forces"),
    "movement_restriction": ("restricted movement of {a2}", "closed roads or imposed restrictions"),
    "base_established": ("established a base against {a2}", "established a base"),
    "military_aid": ("provided military aid to {a2}", "provided military aid"),
    "agreement": ("reached an agreement with {a2}", "reached an agreement"),
    "protest": ("protested against {a2}", "protested"),
    "riot": ("rioted against {a2}", "rioted"),
    "threaten": ("threatened {a2}", "issued a threat"),
    "accuse": ("accused {a2}", "made an accusation"),
    "reject_deny": ("rejected or denied claims by {a2}", "issued a denial"),
    "support_statement": ("expressed support for {a2}", "expressed support"),
    "request_appeal": ("appealed to {a2}", "issued an appeal"),
    "meeting": ("met {a2}", "held a meeting"),
}
_OPENERS = {
    "planned": "Planned or expected: ",
    "conditional": "Conditional: ",
    "historical": "Background: ",
    "denied": "Denied: ",
}


def _name(actor: dict[str, Any] | None, fallback: str) -> str:
    if not actor:
        return fallback
    return str(actor.get("canonical") or actor.get("surface") or fallback)


def _figures(record: dict[str, Any]) -> str:
    parts = []
    for key, word in (("fatalities", "killed"), ("injured", "injured"), ("detained", "detained")):
        for row in record.get(key) or []:
            side = f" ({row['side']})" if row.get("side") else ""
            qualifier = "at least " if row.get("min") else ""
            source = f" per {row['source']}" if row.get("source") else ""
            parts.append(f"{qualifier}{row['count']} {word}{side}{source}")
    return "; " + ", ".join(parts) if parts else ""


def summarise(record: dict[str, Any]) -> str:
    with_other, alone = _VERBS.get(record["type"], ("acted against {a2}", "acted"))
    actor1 = _name(record.get("actor1"), "Unidentified actors")
    verb = with_other.format(a2=_name(record["actor2"], "")) if record.get("actor2") else alone
    location = record.get("location") or {}
    where = f" in {location.get('canonical') or location.get('surface')}" if location else ""
    day = str(record.get("date") or "")
    when = f" on {day}" if len(day) == 10 else (f" in {day}" if day else "")
    sources = list(record.get("sources") or [])
    source = sources[0] if sources and record["modality"] != "historical" else None
    opener = _OPENERS.get(record["modality"], "")
    if source == actor1:  # "the army announced its withdrawal"
        subject = f"{actor1} said it" if record["modality"] != "claimed" else f"{actor1} claimed it"
        sentence = f"{opener}{subject} {verb}{where}{when}{_figures(record)}."
        return sentence[0].upper() + sentence[1:]
    according = ""
    if source:
        according = f"{source} claimed that " if record["modality"] == "claimed" \
            else f"According to {source}, "
    sentence = f"{opener}{according}{actor1} {verb}{where}{when}{_figures(record)}."
    return sentence[0].upper() + sentence[1:]
