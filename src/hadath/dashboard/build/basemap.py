"""Rebuild the dashboard's offline basemap from Natural Earth shapefiles (public domain).

Takes a folder holding the Natural Earth layers named below and writes
`static/geo/basemap.geojson`: land, lakes, country borders and first-level (governorate)
borders clipped to the Middle East and North Africa and simplified, the world's countries at
1:110m as land around it, and a label point per country with its English and Arabic name. Standard library only; see build/README.md.

    python3 -m hadath.dashboard.build.basemap NATURAL_EARTH_DIR
"""
from __future__ import annotations

import json
import struct
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

# West Africa's coast to Iran's eastern border, the Horn of Africa to the Black Sea.
REGION = (-18.0, 8.0, 64.0, 44.0)  # min_lon, min_lat, max_lon, max_lat
# Douglas–Peucker tolerance and rounding, in degrees: about 1 km, enough for a regional map.
TOLERANCE = 0.01
DIGITS = 3

LAYERS = {
    "land": "ne_10m_land",
    "lake": "ne_10m_lakes",
    "border": "ne_10m_admin_0_boundary_lines_land",
    "admin1": "ne_10m_admin_1_states_provinces_lines",
}
COUNTRIES = "ne_110m_admin_0_countries"

Point = tuple[float, float]
Ring = list[Point]


def read_shapes(path: Path) -> Iterator[list[Ring]]:
    """Parts of every polygon (type 5) or polyline (type 3) record of a .shp file."""
    data = path.read_bytes()
    offset = 100  # the file header
    while offset < len(data):
        _, length = struct.unpack(">ii", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length * 2]
        offset += 8 + length * 2
        shape_type = struct.unpack("<i", body[:4])[0]
        if shape_type not in (3, 5):
            continue
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts]))
        flat = struct.unpack(f"<{2 * n_points}d", body[44 + 4 * n_parts:44 + 4 * n_parts + 16 * n_points])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        ends = starts[1:] + [n_points]
        yield [points[s:e] for s, e in zip(starts, ends, strict=True)]


def read_dbf(path: Path) -> list[dict[str, str]]:
    """Rows of a dBASE table as text (Natural Earth writes UTF-8)."""
    data = path.read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        record = data[header_len + i * record_len:header_len + (i + 1) * record_len]
        row, at = {}, 1  # the first byte marks deleted records
        for name, size in fields:
            row[name] = record[at:at + size].decode("utf-8", "replace").strip("\0 ")
            at += size
        rows.append(row)
    return rows


def clip_ring(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman: the part of a closed ring inside the box (a ring again)."""
    min_x, min_y, max_x, max_y = box
    edges = [
        (lambda p: p[0] >= min_x, lambda a, b: _at_x(a, b, min_x)),
        (lambda p: p[0] <= max_x, lambda a, b: _at_x(a, b, max_x)),
        (lambda p: p[1] >= min_y, lambda a, b: _at_y(a, b, min_y)),
        (lambda p: p[1] <= max_y, lambda a, b: _at_y(a, b, max_y)),
    ]
    out = ring
    for inside, cross in edges:
        if not out:
            break
        points, out = out, []
        prev = points[-1]
        for point in points:
            if inside(point):
                if not inside(prev):
                    out.append(cross(prev, point))
                out.append(point)
            elif inside(prev):
                out.append(cross(prev, point))
            prev = point
    return out


def clip_line(line: Ring, box: tuple[float, float, float, float]) -> list[Ring]:
    """The pieces of a polyline inside the box (each segment clipped by Liang–Barsky)."""
    pieces: list[Ring] = []
    current: Ring = []
    for a, b in pairwise(line):
        segment = _clip_segment(a, b, box)
        if segment is None:
            if len(current) > 1:
                pieces.append(current)
            current = []
            continue
        start, end = segment
        if not current or current[-1] != start:
            if len(current) > 1:
                pieces.append(current)
            current = [start]
        current.append(end)
        if end != b:
            pieces.append(current)
            current = []
    if len(current) > 1:
        pieces.append(current)
    return pieces


def _clip_segment(a: Point, b: Point, box: tuple[float, float, float, float]) -> tuple[Point, Point] | None:
    min_x, min_y, max_x, max_y = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - min_x), (dx, max_x - a[0]), (-dy, a[1] - min_y), (dy, max_y - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    start = a if t0 == 0 else (a[0] + t0 * dx, a[1] + t0 * dy)
    end = b if t1 == 1 else (a[0] + t1 * dx, a[1] + t1 * dy)
    return start, end


def _at_x(a: Point, b: Point, x: float) -> Point:
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker, iterative; the first and last points are kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                dist = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                dist = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if dist > worst:
                worst, worst_at = dist, i
        if worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def signed_area(ring: Ring) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def contains(ring: Ring, point: Point) -> bool:
    x, y = point
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (ay > y) != (by > y) and x < ax + (bx - ax) * (y - ay) / (by - ay):
            inside = not inside
    return inside


def _rounded(points: Ring) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def polygon_features(parts: list[Ring], layer: str) -> list[dict[str, object]]:
    """Clipped, simplified polygons; each hole goes to the outer ring that contains it."""
    outers: list[Ring] = []
    holes: list[Ring] = []
    for part in parts:
        ring = simplify(clip_ring(part, REGION), TOLERANCE)
        if len(ring) < 4 or abs(signed_area(ring)) < TOLERANCE * TOLERANCE:
            continue
        # Shapefiles wind outer rings clockwise (negative area), holes anticlockwise.
        (outers if signed_area(ring) < 0 else holes).append(ring)
    polygons: list[list[Ring]] = [[outer] for outer in outers]
    for hole in holes:
        for polygon in polygons:
            if contains(polygon[0], hole[0]):
                polygon.append(hole)
                break
    features = []
    for polygon in polygons:
        rings = []
        for ring in polygon:
            coords = _rounded(ring)
            coords.append(coords[0])
            rings.append(coords)
        features.append({"type": "Feature", "properties": {"layer": layer},
                         "geometry": {"type": "Polygon", "coordinates": rings}})
    return features


def world_features(parts: list[Ring]) -> list[dict[str, object]]:
    """A country's outer rings at 1:110m, simplified, as low-resolution land."""
    features = []
    for part in parts:
        ring = simplify(part, TOLERANCE * 5)
        if len(ring) >= 4 and signed_area(ring) < 0:
            coords = _rounded(ring)
            coords.append(coords[0])
            features.append({"type": "Feature", "properties": {"layer": "world"},
                             "geometry": {"type": "Polygon", "coordinates": [coords]}})
    return features


def line_features(shapes: list[list[Ring]], layer: str) -> list[dict[str, object]]:
    """One MultiLineString of every clipped, simplified line of a layer."""
    lines = []
    for part in (part for parts in shapes for part in parts):
        for piece in clip_line(part, REGION):
            coords = _rounded(simplify(piece, TOLERANCE))
            if len(coords) > 1:
                lines.append(coords)
    if not lines:
        return []
    return [{"type": "Feature", "properties": {"layer": layer},
             "geometry": {"type": "MultiLineString", "coordinates": lines}}]


def label_features(folder: Path) -> list[dict[str, object]]:
    rows = read_dbf(folder / f"{COUNTRIES}.dbf")
    min_x, min_y, max_x, max_y = REGION
    features = []
    for row in rows:
        x, y = float(row["LABEL_X"]), float(row["LABEL_Y"])
        # Natural Earth's own label rank keeps small states' names off a regional map.
        if min_x <= x <= max_x and min_y <= y <= max_y and float(row["LABELRANK"]) <= 5:
            features.append({"type": "Feature",
                             "properties": {"layer": "label", "name_en": row["NAME_EN"],
                                            "name_ar": row["NAME_AR"], "iso2": row["ISO_A2"]},
                             "geometry": {"type": "Point", "coordinates": [x, y]}})
    return features


def build(folder: Path) -> dict[str, object]:
    features: list[dict[str, object]] = []
    for layer, name in LAYERS.items():
        shapes = list(read_shapes(folder / f"{name}.shp"))
        if layer in ("land", "lake"):
            features += [f for parts in shapes for f in polygon_features(parts, layer)]
        else:
            features += line_features(shapes, layer)
    # The rest of the world at 1:110m, unclipped, under the region's detailed land.
    for parts in read_shapes(folder / f"{COUNTRIES}.shp"):
        features += world_features(parts)
    features += label_features(folder)
    return {"type": "FeatureCollection",
            "source": "Natural Earth (public domain): " + ", ".join([*LAYERS.values(), COUNTRIES]),
            "region": list(REGION), "features": features}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(__file__).resolve().parent.parent / "static" / "geo" / "basemap.geojson"
    collection = build(Path(argv[0]))
    out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{out.name}: {len(collection['features'])} features, {out.stat().st_size:,} bytes")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
