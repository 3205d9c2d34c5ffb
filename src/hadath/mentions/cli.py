"""Commands of the actor stage: `hadath actors TEXT --format json` and `hadath build actors`.

Takes an Arabic text (or a file path) and prints the actor mentions found, as a JSON list or
tab-separated lines; `build actors` checks the dictionary and refreshes its source notes.
"""
from __future__ import annotations

from pathlib import Path

import typer

from hadath.cli_output import check_row_format, fail, print_rows
from hadath.mentions.actor_build import check_actor_data, mark_attestations
from hadath.mentions.actors import find_actors

_FIELDS = ("start", "end", "surface", "label", "canonical", "kind", "country", "affiliation",
           "source", "score", "reason")




def actors_command(
    text: str = typer.Argument(..., help="Arabic text, or the path of a UTF-8 text file"),
    output_format: str = typer.Option("json", "--format", help="json | tsv"),
    country: str = typer.Option(None, "--country", help="ISO alpha-3 of the article's country"),
) -> None:
    """Print the actors, persons with titles and organisations named in TEXT."""
    check_row_format(output_format)
    path = Path(text)
    if len(text) < 255 and path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read {path}: {exc}")
    rows = [{k: getattr(m, k) for k in _FIELDS} for m in find_actors(text, country)]
    print_rows(rows, _FIELDS, output_format)


def build_actors(
    data: str = typer.Option("../shared/data", help="the public data folder"),
) -> None:
    """Check the actor dictionary and note which aliases UniversalPetrarch-Arabic attests."""
    petrarch = Path(data) / "universalpetrarch-arabic" / "actor_dict_ar_v4.txt"
    if not petrarch.is_file():
        fail(f"{petrarch} not found; pass --data")
    problems = check_actor_data()
    for problem in problems:
        typer.echo(f"problem: {problem}", err=True)
    rows, attested = mark_attestations(petrarch)
    typer.echo(f"{rows} curated actors, {attested} with an alias attested in UniversalPetrarch")
    if problems:
        raise typer.Exit(code=1)


def register(app: typer.Typer, train_app: typer.Typer, build_app: typer.Typer) -> None:
    app.command("actors")(actors_command)
    build_app.command("actors")(build_actors)
