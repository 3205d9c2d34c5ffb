"""`hadath build acled-regions`: rebuilds `data/export/acled_iso_regions.tsv`, each country's
ISO 3166-1 numeric code and ACLED region, and ACLED's name for it where that differs from the
project's English name, from ACLED's list (`acled_regions_source.tsv`), the project's country
table and pycountry (a build dependency, not needed at run time).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from hadath.countries import all_countries, country
from hadath.export.vocabulary import read_table

# ACLED names that neither the country table nor pycountry knows by that name
_ACLED_NAMES = {
    "Bailiwick of Guernsey": "GG", "Bailiwick of Jersey": "JE", "Cape Verde": "CV",
    "Caribbean Netherlands": "BQ", "Curacao": "CW", "East Timor": "TL", "Reunion": "RE",
    "Saint-Barthelemy": "BL", "Saint-Martin": "MF",
}

HEADER = """\
# Each country's ISO 3166-1 numeric code (ACLED's `iso` column) and ACLED region (empty where
# ACLED codes no such country: Hong Kong is China to ACLED), keyed by the alpha-2 code places
# carry; acled_name is ACLED's name for the country where it differs from the project's English
# name (hadath/data/countries.tsv), e.g. "East Timor", "eSwatini".
# Built by `hadath build acled-regions` (hadath/export/regions_build.py): regions and names from
# acled_regions_source.tsv (ACLED's acledR package), numeric codes from ISO 3166-1 as published
# in pycountry (LGPL-2.1; codes are facts); Kosovo has no ISO numeric code.
"""


def _alpha2_of(name: str, pycountry: Any) -> str | None:
    if name in _ACLED_NAMES:
        return _ACLED_NAMES[name]
    known = country(name)
    if known:
        return known.alpha2
    for key in ("name", "common_name", "official_name"):
        try:
            found = pycountry.countries.get(**{key: name})
        except (KeyError, LookupError):
            found = None
        if found:
            return str(found.alpha_2)
    return None


def build_acled_regions(out: Path) -> int:
    """Write the table to `out`; the number of countries. A name of ACLED's list that matches
    no ISO country is an error naming it."""
    import pycountry

    acled: dict[str, tuple[str, str]] = {}
    for row in read_table("acled_regions_source.tsv"):
        alpha2 = _alpha2_of(row["country"], pycountry)
        if alpha2 is None:
            raise ValueError(f"ACLED country {row['country']!r} matches no ISO 3166-1 country; "
                             "add it to _ACLED_NAMES in hadath/export/regions_build.py")
        acled[alpha2] = (row["country"], row["region"])
    lines = [HEADER + "alpha2\tnumeric\tregion\tacled_name"]
    for known in all_countries():
        iso = pycountry.countries.get(alpha_2=known.alpha2)
        numeric = str(int(iso.numeric)) if iso is not None else ""
        name, region = acled.get(known.alpha2, (known.name, ""))
        acled_name = name if name != known.name else ""
        lines.append(f"{known.alpha2}\t{numeric}\t{region}\t{acled_name}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1
