"""`geojson`: fused events as a GeoJSON FeatureCollection (RFC 7946: WGS 84, [lon, lat]), one
Point Feature per event with properties flat enough for a GIS attribute table (QGIS): text,
numbers and "; "-joined lists, never nested objects. Events without coordinates are left out.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from hadath.export import reader
from hadath.export.acled import sub_event
from hadath.export.summary import ExportSummary

NO_COORDINATES = "no coordinates"


def feature_properties(record: dict[str, Any]) -> dict[str, Any]:
    place = reader.location(record)
    acled = sub_event(record)
    actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
    return {
        "id": record.get("id"),
        "date": record.get("date"),
        "date_end": record.get("date_end"),
        "time_precision": record.get("time_precision"),
        "type": record.get("type"),
        "modality": record.get("modality"),
        "acled_event_type": acled.event_type if acled else None,
        "acled_sub_event_type": acled.sub_event_type if acled else None,
        "actor1": reader.actor_name(actor1) or None,
        "actor1_kind": actor1.get("kind") if isinstance(actor1, dict) else None,
        "actor2": reader.actor_name(actor2) or None,
        "actor2_kind": actor2.get("kind") if isinstance(actor2, dict) else None,
        "place": place.get("canonical"),
        "place_ar": place.get("surface"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "admin2": place.get("admin2"),
        "geo_precision": place.get("geo_precision"),
        "fatalities_best": reader.fatalities_best(record),
        "fatalities_by_source": reader.figures_by_source(record) or None,
        "injured_by_source": reader.figures_by_source(record, "injured") or None,
        "sources": "; ".join(reader.sources(record)) or None,
        "outlets": "; ".join(reader.outlets(record)) or None,
        "n_reports": len(reader.reports(record)),
        "confidence": record.get("confidence"),
        "summary_en": record.get("summary_en"),
    }


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> ExportSummary:
    """Written feature by feature, so that the collection is never whole in memory."""
    summary = ExportSummary("geojson")
    out.write('{"type": "FeatureCollection", "features": [')
    for record in records:
        point = reader.coordinates(record)
        if point is None:
            summary.leave_out(NO_COORDINATES)
            continue
        feature = {"type": "Feature", "id": record.get("id"),
                   "geometry": {"type": "Point", "coordinates": list(point)},
                   "properties": feature_properties(record)}
        out.write(("\n" if summary.written == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        summary.written += 1
    out.write("\n]}\n")
    return summary
