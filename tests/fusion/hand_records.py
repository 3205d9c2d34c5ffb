"""Hand-made event records and reports for the fusion tests: the fields fusion reads, with
real places (GeoNames coordinates) and ACLED-style actor names."""
from __future__ import annotations

from typing import Any

from hadath.fusion import Report

# canonical, country, admin1, lat, lon, geo_precision
PLACES = {
    "Aleppo": ("Aleppo", "SY", "Aleppo", 36.20124, 37.16117, 1),
    "Anadan": ("Anadan", "SY", "Aleppo", 36.29406, 37.04406, 1),  # 14 km north-west of Aleppo
    "Haritan": ("Haritan", "SY", "Aleppo", 36.24810, 37.09740, 1),  # 7 km north-west
    "Idlib": ("Idlib", "SY", "Idlib", 35.93062, 36.63393, 1),
    "Saraqib": ("Saraqib", "SY", "Idlib", 35.86203, 36.80667, 1),
    "Idlib Governorate": ("Idlib Governorate", "SY", "Idlib", 35.93062, 36.63393, 3),
    "Aleppo Governorate": ("Aleppo Governorate", "SY", "Aleppo", 36.20124, 37.16117, 3),
    "Syria": ("Syria", "SY", None, 35.0, 38.0, 3),
    "Taiz": ("Taiz", "YE", "Taiz", 13.5795, 44.0209, 1),
    "Douma": ("Douma", "SY", "Rif-dimashq", 33.572, 36.402, 1),
}


def location(name: str, **changes: Any) -> dict[str, Any]:
    canonical, country, admin1, lat, lon, precision = PLACES[name]
    return {"surface": canonical, "canonical": canonical, "country": country, "admin1": admin1,
            "admin2": None, "lat": lat, "lon": lon, "geo_precision": precision, **changes}


def actor(canonical: str, kind: str = "armed_group") -> dict[str, Any]:
    return {"canonical": canonical, "surface": canonical, "kind": kind, "country": "SYR"}


def event(event_id: str, type: str = "air_strike", place: str | None = "Aleppo",
          date: str = "2024-11-30", actor1: str | None = "Military Forces of Russia",
          actor2: str | None = None, modality: str = "asserted", **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": event_id, "type": type, "modality": modality, "date": date, "date_end": None,
        "time_precision": 1,
        "actor1": actor(actor1, "external_forces") if actor1 else None,
        "actor2": actor(actor2) if actor2 else None, "assoc_actors": [],
        "location": location(place) if place else None,
        "fatalities": [], "injured": [], "detained": [], "sources": [],
        "evidence": [{"article_id": event_id.split("-")[0], "sentence": 0, "start": 0,
                      "end": 10, "text": "…"}],
        "confidence": 0.8, "summary_en": f"{type} in {place}.",
    }
    record.update(fields)
    return record


def report(record: dict[str, Any], outlet: str = "enabbaladi.net", published: str = "2024-11-30",
           copy_of: str | None = None, article_id: str | None = None) -> Report:
    article = article_id or record["id"].split("-")[0]
    return Report(record["id"], article, record, outlet=outlet, url=f"https://{outlet}/{article}",
                  title=f"title of {article}", published=published, copy_of=copy_of)


def killed(count: int, source: str, article_id: str, side: str | None = None,
           **flags: bool) -> dict[str, Any]:
    return {"count": count, "min": False, "approx": False, "vague": False, "side": side,
            "source": source, "article_id": article_id, **flags}
