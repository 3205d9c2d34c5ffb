"""`hadath build acled-countries`: rebuilds `data/export/acled_countries.tsv`, ACLED's country
name and region with ISO 3166-1 codes, from ACLED's list (`acled_country_regions.tsv`), the
project's country table and pycountry (a build dependency, not needed at run time).
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
# ACLED's countries with their ISO 3166-1 codes (alpha-2 as places carry them, alpha-3, and the
# numeric code of ACLED's `iso` column), ACLED's name for the country and its ACLED region
# (empty where ACLED codes no such country, e.g. Hong Kong, which ACLED counts as China).
# Built by `hadath build acled-countries` (hadath/export/countries_build.py): names and regions
# from acled_country_regions.tsv (ACLED's acledR package), codes from ISO 3166-1 as published in
# pycountry (LGPL-2.1; codes are facts); Kosovo has no ISO numeric code.
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


def build_acled_countries(out: Path) -> int:
    """Write the table to `out`; the number of countries. A name of ACLED's list that matches
    no ISO country is an error naming it."""
    import pycountry

    acled: dict[str, tuple[str, str]] = {}
    for row in read_table("acled_country_regions.tsv"):
        alpha2 = _alpha2_of(row["country"], pycountry)
        if alpha2 is None:
            raise ValueError(f"ACLED country {row['country']!r} matches no ISO 3166-1 country; "
                             "add it to _ACLED_NAMES in hadath/export/countries_build.py")
        acled[alpha2] = (row["country"], row["region"])
    lines = [HEADER + "alpha2\talpha3\tnumeric\tcountry\tregion"]
    for known in all_countries():
        iso = pycountry.countries.get(alpha_2=known.alpha2)
        numeric = str(int(iso.numeric)) if iso is not None else ""
        name, region = acled.get(known.alpha2, (known.name, ""))
        lines.append(f"{known.alpha2}\t{known.alpha3}\t{numeric}\t{name}\t{region}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1
