"""The closed vocabularies of the event record (SPEC "Event types" and "Event record"): the
event types with their ACLED and PLOVER counterparts in SPEC.md, and the modalities.
"""
from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    armed_clash = "armed_clash"
    territory_taken = "territory_taken"
    territory_regained = "territory_regained"
    air_strike = "air_strike"
    shelling = "shelling"
    explosion = "explosion"
    attack_on_civilians = "attack_on_civilians"
    abduction = "abduction"
    arrest = "arrest"
    withdrawal = "withdrawal"
    mobilization = "mobilization"
    movement_restriction = "movement_restriction"
    base_established = "base_established"
    military_aid = "military_aid"
    agreement = "agreement"
    protest = "protest"
    riot = "riot"
    threaten = "threaten"
    accuse = "accuse"
    reject_deny = "reject_deny"
    support_statement = "support_statement"
    request_appeal = "request_appeal"
    meeting = "meeting"


class Modality(StrEnum):
    asserted = "asserted"
    claimed = "claimed"
    denied = "denied"
    planned = "planned"
    conditional = "conditional"
    historical = "historical"


EVENT_TYPES = tuple(t.value for t in EventType)
MODALITIES = tuple(m.value for m in Modality)
