"""The mapping tables of the exports (`data/export/*.tsv`, each stating its source): hadath's
types and actor kinds in ACLED's and PLOVER's vocabularies, and each country's ISO 3166-1
numeric code, ACLED region and ACLED name. Loaded once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of `data/export/NAME` as dictionaries; `#` lines are its header comment."""
    text = (resources.files("hadath") / "data" / "export" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    columns = lines[0].split("\t")
    return [dict(zip(columns, (line.split("\t") + [""] * len(columns))[:len(columns)], strict=True))
            for line in lines[1:]]


@dataclass(frozen=True)
class AcledEventType:
    event_type: str
    sub_event_type: str
    disorder_type: str


@lru_cache(maxsize=1)
def acled_sub_event_types() -> dict[str, AcledEventType]:
    return {row["sub_event_type"]: AcledEventType(row["event_type"], row["sub_event_type"],
                                                   row["disorder_type"])
            for row in read_table("acled_sub_event_types.tsv")}


@lru_cache(maxsize=1)
def _hadath_to_acled() -> dict[str, str]:
    return {row["type"]: row["sub_event_type"] for row in read_table("acled_event_types.tsv")}


def acled_event_type(hadath_type: str | None, sub_event_type: str | None = None
                     ) -> AcledEventType | None:
    """ACLED's event type, sub-event type and disorder type of a hadath type (or of an ACLED
    sub-event type given outright); None for a type ACLED does not code."""
    sub = sub_event_type or _hadath_to_acled().get(hadath_type or "")
    return acled_sub_event_types().get(sub) if sub else None


@lru_cache(maxsize=1)
def _sub_event_cues() -> dict[str, list[tuple[str, str]]]:
    cues: dict[str, list[tuple[str, str]]] = {}
    for row in read_table("acled_sub_event_cues.tsv"):
        cues.setdefault(row["type"], []).append((row["cue"], row["sub_event_type"]))
    return cues


def sub_event_by_cue(hadath_type: str | None, sentences: list[str]) -> str | None:
    """The more precise ACLED sub-event type that a cue in the evidence gives ("انتحاري", a
    suicide bomber: Suicide bomb), or None."""
    for cue, sub_event_type in _sub_event_cues().get(hadath_type or "", []):
        if any(cue in sentence for sentence in sentences):
            return sub_event_type
    return None


@lru_cache(maxsize=1)
def _inter_codes() -> dict[tuple[str, str], int]:
    return {(row["kind"], row["subkind"]): int(row["inter"]) for row in read_table("acled_inter.tsv")}


def inter_code(kind: str | None, subkind: str | None = None) -> int | None:
    """ACLED's inter code (1–8) of an actor kind and subkind; None for an unknown kind."""
    codes = _inter_codes()
    return codes.get((kind or "", subkind or "")) or codes.get((kind or "", ""))


@dataclass(frozen=True)
class AcledCountry:
    alpha2: str
    numeric: int | None
    name: str  # ACLED's name: "Syria", "East Timor"
    region: str  # ACLED's region: "Middle East"; empty where ACLED has none


@lru_cache(maxsize=1)
def _countries() -> dict[str, AcledCountry]:
    from hadath.countries import english_name

    return {row["alpha2"]: AcledCountry(row["alpha2"],
                                        int(row["numeric"]) if row["numeric"] else None,
                                        row["acled_name"] or english_name(row["alpha2"]) or "",
                                        row["region"])
            for row in read_table("acled_iso_regions.tsv")}


def acled_country(alpha2: str | None) -> AcledCountry | None:
    return _countries().get((alpha2 or "").upper())


@dataclass(frozen=True)
class PloverType:
    event: str
    mode: str
    context: str


@lru_cache(maxsize=1)
def _plover_types() -> dict[str, PloverType]:
    return {row["type"]: PloverType(row["event"], row["mode"], row["context"])
            for row in read_table("plover_event_types.tsv")}


def plover_type(hadath_type: str | None) -> PloverType | None:
    return _plover_types().get(hadath_type or "")


@lru_cache(maxsize=1)
def _plover_sectors() -> dict[str, tuple[str, str]]:
    return {row["kind"]: (row["sector"], row["stateless_code"])
            for row in read_table("plover_sectors.tsv")}


def plover_sector(kind: str | None) -> tuple[str, str]:
    """(sector code, code of an actor of this kind without a country); empty when none."""
    return _plover_sectors().get(kind or "", ("", ""))
