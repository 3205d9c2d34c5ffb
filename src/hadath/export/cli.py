"""`hadath export FORMAT OUT`: the store's fused events, filtered as `hadath events` filters them,
written as ACLED CSV, PLOVER JSON, GeoJSON or Parquet; and `hadath build acled-regions`, which
rebuilds the ISO numeric and region table of the ACLED export.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from hadath.cli_filters import (
    ActorFilter,
    BboxFilter,
    CountryFilter,
    FromFilter,
    LimitOption,
    MinConfidenceFilter,
    MinFatalitiesFilter,
    ModalityFilter,
    OutletFilter,
    PlaceFilter,
    SortOption,
    SortOrder,
    SourceFilter,
    TextFilter,
    ToFilter,
    TypeFilter,
    event_query,
)
from hadath.cli_output import fail


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    plover_json = "plover-json"
    geojson = "geojson"
    parquet = "parquet"


def _output_path(value: str) -> str:
    """OUT must go into a directory that exists ("-" is standard output)."""
    if value == "-":
        return value
    parent = Path(value).expanduser().resolve().parent
    if not parent.is_dir():
        raise typer.BadParameter(f"{value}: the directory {parent} does not exist; create it "
                                 "first or write elsewhere")
    return value


def export(
    format: Annotated[ExportFormat, typer.Argument(
        metavar="FORMAT", help="acled-csv, plover-json, geojson or parquet.")],
    out: Annotated[str, typer.Argument(
        metavar="OUT", callback=_output_path,
        help="File to write (- for standard output); for parquet a directory, made if missing, "
             "that gets events.parquet and reports.parquet.")],
    db: Annotated[str, typer.Option("--db", help="Store: a SQLite file path or a SQLAlchemy URL.")] = "hadath.db",
    type: TypeFilter = None,
    modality: ModalityFilter = None,
    date_from: FromFilter = None,
    date_to: ToFilter = None,
    actor: ActorFilter = None,
    country_name: CountryFilter = None,
    place: PlaceFilter = None,
    bbox: BboxFilter = None,
    outlet: OutletFilter = None,
    source: SourceFilter = None,
    min_fatalities: MinFatalitiesFilter = None,
    min_confidence: MinConfidenceFilter = None,
    text: TextFilter = None,
    sort: SortOption = SortOrder.newest,
    limit: LimitOption = None,
) -> None:
    """Export the store's events: ACLED's CSV columns, PLOVER records, GeoJSON or Parquet."""
    from hadath.export import export_events
    from hadath.export.reader import iter_events
    from hadath.store.db import Store

    if "://" not in db and not Path(db).exists():
        fail(f"{db}: no store here; run `hadath run PATH --db {db}` first")
    if format is ExportFormat.parquet and out == "-":
        fail("parquet is written to a directory, not to standard output; give OUT as a directory")
    target = Path(out).expanduser()
    if format is ExportFormat.parquet and target.exists() and not target.is_dir():
        fail(f"{out}: is a file; parquet is written to a directory (events.parquet, reports.parquet)")
    if format is not ExportFormat.parquet and target.is_dir():
        fail(f"{out}: is a directory; give a file name for {format.value}")
    query = event_query(
        type=type, modality=modality, date_from=date_from, date_to=date_to, actor=actor,
        country=country_name, place=place, bbox=bbox, outlet=outlet, source=source,
        min_fatalities=min_fatalities, min_confidence=min_confidence, text=text, sort=sort,
        limit=limit,
    )
    store = Store(db)
    try:
        summary = export_events(format.value, out if out == "-" else target,
                                iter_events(store, query))
    finally:
        store.close()
    where = "standard output" if out == "-" else out
    lines = summary.lines()
    lines[0] += f" to {where}"
    sys.stderr.writelines(f"hadath: {line}\n" for line in lines)


def build_acled_regions(
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write (default: the package's data/export/acled_iso_regions.tsv).")] = None,
) -> None:
    """Rebuild the ACLED export's table of ISO 3166-1 numeric codes and ACLED regions; needs
    pycountry (the build extra)."""
    from hadath.export.regions_build import build_acled_regions as build

    target = out or Path(__file__).resolve().parents[1] / "data" / "export" / "acled_iso_regions.tsv"
    try:
        count = build(target)
    except ModuleNotFoundError as exc:
        fail(f"{exc.name} is needed to rebuild this table: pip install -e '.[build]'")
    typer.echo(f"wrote {count} countries to {target}")


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command()(export)
    build_app.command("acled-regions")(build_acled_regions)
