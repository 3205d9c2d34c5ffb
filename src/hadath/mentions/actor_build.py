"""Checks the actor data files and notes which aliases UniversalPetrarch-Arabic attests.

Takes the curated `actors.tsv` and the UniversalPetrarch-Arabic actor dictionary (lemma forms
joined by `_`, MIT licence); returns the problems found and rewrites the `source` column.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from hadath.mentions.actor_lexicon import DATA_PACKAGE, load_lexicon
from hadath.text.normalize import normalize_key

KINDS = frozenset({
    "state_forces", "police", "government", "armed_group", "external_forces", "party",
    "protesters", "rioters", "civilians", "igo", "ngo_monitor", "media", "person",
})
MANUAL = "Arabic news usage (compiled by hand)"
ATTESTED = "alias attested in UniversalPetrarch-Arabic actor_dict_ar_v4 (MIT)"


def _bare(text: str) -> str:
    """Lemma-like key: normalised, ال dropped from every word (the dictionary is lemmatised)."""
    words = normalize_key(text).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


def petrarch_surface_forms(path: Path) -> set[str]:
    """Actor names of a UniversalPetrarch dictionary: `نوري_المالكي_` → "نوري المالكي"."""
    forms: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("[", "#")):
            continue
        name = line.split("[")[0].replace("_", " ").strip()
        if name:
            forms.add(_bare(name))
    return forms


def check_actor_data() -> list[str]:
    """Problems in the data: unknown kinds, dangling affiliations, bad country codes."""
    lex = load_lexicon()
    problems = []
    for entry in lex.entries.values():
        if entry.kind not in KINDS:
            problems.append(f"{entry.canonical}: unknown kind {entry.kind!r}")
        if entry.country and (len(entry.country) != 3 or not entry.country.isupper()):
            problems.append(f"{entry.canonical}: country {entry.country!r} is not ISO alpha-3")
        if entry.affiliation and entry.affiliation not in lex.entries:
            problems.append(f"{entry.canonical}: affiliation {entry.affiliation!r} is no actor")
    return problems


def mark_attestations(petrarch_dict: Path, actors_tsv: Path | None = None) -> tuple[int, int]:
    """Rewrite the source column of actors.tsv; returns (rows, rows attested)."""
    path = actors_tsv or Path(str(resources.files(DATA_PACKAGE).joinpath("actors.tsv")))
    forms = petrarch_surface_forms(petrarch_dict)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("canonical\t"))
    columns = lines[header].split("\t")
    alias_col, source_col = columns.index("aliases"), columns.index("source")
    rows = attested = 0
    for i in range(header + 1, len(lines)):
        cells = lines[i].split("\t")
        if len(cells) != len(columns):
            continue
        hit = any(_bare(alias) in forms for alias in cells[alias_col].split("|"))
        cells[source_col] = f"{MANUAL}; {ATTESTED}" if hit else MANUAL
        lines[i] = "\t".join(cells)
        rows, attested = rows + 1, attested + hit
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rows, attested
