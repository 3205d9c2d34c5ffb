"""Countries, from the one table `data/countries.tsv`: ISO 3166-1 codes (places carry alpha-2,
SPEC location; actors alpha-3) and the English name every stage writes, so that "Government of
Turkey", "Protesters (Turkey)" and the place "Turkey" name one country the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name: str  # "United States"
    article: str  # "the" where English writes "Government of the United States"

    @property
    def name_with_article(self) -> str:
        return f"{self.article} {self.name}" if self.article else self.name


@lru_cache(maxsize=1)
def _table() -> dict[str, Country]:
    """Every country under its alpha-2 code, its alpha-3 code and its lower-cased name."""
    text = (resources.files("hadath") / "data" / "countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    index: dict[str, Country] = {}
    for alpha2, alpha3, name, article, _source in rows[1:]:
        country = Country(alpha2, alpha3, name, article)
        index.update({alpha2: country, alpha3: country, name.lower(): country})
    return index


def country(code_or_name: str | None) -> Country | None:
    """The country of an alpha-2 or alpha-3 code or an English name ("SY", "syr", "Syria")."""
    if not code_or_name:
        return None
    key = code_or_name.strip()
    table = _table()
    return table.get(key.upper()) or table.get(key.lower())


def all_countries() -> list[Country]:
    """Every country once, in alpha-2 order."""
    return sorted({c.alpha2: c for c in _table().values()}.values(), key=lambda c: c.alpha2)


def alpha3(alpha2: str | None) -> str | None:
    """"SY" → "SYR"; None for an unknown code."""
    found = country(alpha2)
    return found.alpha3 if found else None


def alpha2(code: str | None) -> str | None:
    """"SYR" → "SY"; None for an unknown code."""
    found = country(code)
    return found.alpha2 if found else None


def english_name(code: str | None) -> str | None:
    """"TUR" or "TR" → "Turkey"; None for an unknown code."""
    found = country(code)
    return found.name if found else None


def fill_country(template: str, code: str) -> str:
    """An actor name template with the country's name in `{en}`: "Military Forces of {en}" →
    "Military Forces of the United States", but "Protesters ({en})" → "Protesters (United
    States)" (ACLED drops the article inside brackets). Unknown codes fill in the code itself."""
    found = country(code)
    if found is None:
        return template.replace("{en}", code)
    bare, with_article = found.name, found.name_with_article
    return template.replace("({en})", f"({bare})").replace("{en}", with_article)
