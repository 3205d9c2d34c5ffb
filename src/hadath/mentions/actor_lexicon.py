"""The actor dictionary: curated actors, per-state templates and context phrases, as data.

Reads the TSV files in `hadath/data/actors/` once and returns an `ActorLexicon`: every actor
by canonical name (`ActorEntry`) and every normalised alias with what it stands for
(`AliasTarget`). Matching and context resolution live in `actor_matcher` and `actor_context`.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable

from hadath.compiled import compiled, data_files
from hadath.countries import fill_country
from hadath.text.normalize import normalize_key

DATA_PACKAGE = "hadath.data.actors"

# Roles of an alias: what the matcher found and what the context step must do with it.
FIXED = "actor"  # a named actor: output as is
GENERIC = "generic"  # a class of unnamed actors, takes the article's country
ANAPHOR = "anaphor"  # a bare form that points back to an actor named before
CAPITAL = "capital"  # a capital or a state's name: the government only when it acts
METONYM = "metonym"  # an institution that always stands for a government (الكرملين)
CONTEXT_TITLE = "context_title"  # a title with a pronoun (وزير خارجيتها)
ORG_TITLE = "org_title"  # a title or a membership word before an actor's name
CUE = "cue"  # a nationality adjective alone: a country-context signal only
BLOCKER = "blocker"  # a phrase that hides an alias inside it and is no actor

# Longest match wins; on equal spans the higher priority wins.
_PRIORITY = {FIXED: 5, METONYM: 5, BLOCKER: 6, ORG_TITLE: 1, CUE: 0}

ORG_KINDS = frozenset({"igo", "ngo_monitor", "media"})


@dataclass(frozen=True)
class FormerName:
    """An earlier name of an actor, valid from `start` to `end` (ISO dates)."""

    name: str
    aliases: tuple[str, ...]
    start: str
    end: str


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary."""

    canonical: str
    kind: str
    subkind: str | None = None
    country: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    former: tuple[FormerName, ...] = ()
    source: str = ""

    @property
    def label(self) -> str:
        return label_for(self.kind)


@dataclass(frozen=True)
class AliasTarget:
    """What one alias stands for; `detail` carries the role's extra data."""

    role: str
    canonical: str | None = None
    kind: str | None = None
    subkind: str | None = None
    country: str | None = None
    affiliation: str | None = None
    score: float = 1.0
    source: str = "gazetteer"
    detail: tuple[str, ...] = ()

    @property
    def priority(self) -> int:
        return _PRIORITY.get(self.role, 3)


@dataclass(frozen=True)
class Country:
    iso3: str
    names_ar: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]


@dataclass
class ActorLexicon:
    entries: dict[str, ActorEntry] = field(default_factory=dict)
    aliases: dict[str, list[AliasTarget]] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    generic_classes: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    anaphors: dict[str, dict[str, str]] = field(default_factory=dict)
    cue_verbs: frozenset[str] = frozenset()
    cue_nouns: frozenset[str] = frozenset()
    short_name_stop: frozenset[str] = frozenset()
    not_verbs: frozenset[str] = frozenset()

    def add_alias(self, surface: str, target: AliasTarget) -> None:
        for variant in spelling_variants(surface):
            key = normalize_key(variant)
            if not key:
                continue
            targets = self.aliases.setdefault(key, [])
            if target not in targets:
                targets.append(target)

    def add_entry(self, entry: ActorEntry) -> None:
        # Generated state actors never overwrite a curated row of the same name.
        self.entries.setdefault(entry.canonical, entry)


_FINAL_HAMZA_ON_YA = re.compile(r"ئ(?=\s|$)")


def spelling_variants(surface: str) -> tuple[str, ...]:
    """The alias and the spellings normalisation does not merge: a final ئ is often written
    ىء ("قوات الطوارئ" / "قوات الطوارىء")."""
    variant = _FINAL_HAMZA_ON_YA.sub("ىء", surface)
    return (surface,) if variant == surface else (surface, variant)


def label_for(kind: str | None) -> str:
    if kind == "person":
        return "person"
    return "org" if kind in ORG_KINDS else "actor"


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a data file as dicts; lines starting with # are the file's provenance notes."""
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def _split(value: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(sep) if part.strip())


def _parse_former(value: str) -> tuple[FormerName, ...]:
    """`Jabhat al-Nusra=جبهة النصرة;النصرة@2012-01-23/2016-07-28; ...`"""
    names = []
    for chunk in value.split("; "):
        if "=" not in chunk or "@" not in chunk:
            continue
        name, rest = chunk.split("=", 1)
        aliases, dates = rest.rsplit("@", 1)
        start, _, end = dates.partition("/")
        names.append(FormerName(name.strip(), _split(aliases, ";"), start.strip(), end.strip()))
    return tuple(names)


# --- adjective forms -------------------------------------------------------------------------

def adjective_forms(adjective: str) -> dict[str, tuple[str, ...]]:
    """Forms of a masculine nationality adjective: سوري → السوري، السورية، سوريا …

    Multi-word adjectives (كوري شمالي) inflect every word.
    """
    words = adjective.split()

    def each(fn: object) -> str:
        return " ".join(fn(w) for w in words)  # type: ignore[operator]

    return {
        "m": (each(lambda w: w),),
        "f": (each(lambda w: w + "ة"),),
        "acc": (each(lambda w: w + "ا"),),
        "mp": (each(lambda w: w + "ين"), each(lambda w: w + "ون")),
        "al_m": (each(lambda w: "ال" + w),),
        "al_f": (each(lambda w: "ال" + w + "ة"),),
        "al_mp": (each(lambda w: "ال" + w + "ين"), each(lambda w: "ال" + w + "ون")),
    }


def expand_template(pattern: str, country: Country) -> list[str]:
    """Every surface form of a template for one state ([] when the state lacks a slot)."""
    slots: dict[str, tuple[str, ...]] = {"name": country.names_ar, "capital": country.capitals}
    for adjective in country.adjectives:
        for slot, forms in adjective_forms(adjective).items():
            slots[slot] = slots.get(slot, ()) + forms
    out = [pattern]
    for slot, forms in slots.items():
        marker = "{" + slot + "}"
        if any(marker in p for p in out):
            out = [p.replace(marker, form) for p in out for form in forms]
    return [p for p in out if "{" not in p]


# --- loading ---------------------------------------------------------------------------------

def _load_countries(lex: ActorLexicon) -> None:
    for row in read_tsv("states_ar.tsv"):
        country = Country(
            iso3=row["iso3"], names_ar=_split(row["names_ar"]),
            adjectives=_split(row["adj_ar"]), capitals=_split(row["capitals_ar"]),
            metonyms=_split(row["metonyms_ar"]),
        )
        lex.countries[country.iso3] = country
        for kind, pattern in (("state_forces", "Military Forces of {en}"),
                              ("police", "Police Forces of {en}"), ("government", "Government of {en}")):
            lex.add_entry(ActorEntry(fill_country(pattern, country.iso3), kind, None, country.iso3,
                                     source="generated from states_ar.tsv"))
        government = fill_country("Government of {en}", country.iso3)
        for name in country.names_ar + country.capitals:
            lex.add_alias(name, AliasTarget(CAPITAL, government, "government", None, country.iso3,
                                            score=0.8, source="pattern"))
        for name in country.metonyms:
            lex.add_alias(name, AliasTarget(METONYM, government, "government", None, country.iso3,
                                            score=0.9, source="pattern"))
        for adjective in country.adjectives:
            forms = adjective_forms(adjective)
            for form in forms["al_m"] + forms["al_f"] + forms["al_mp"]:
                lex.add_alias(form, AliasTarget(CUE, country=country.iso3))


def _load_curated(lex: ActorLexicon) -> None:
    for row in read_tsv("actors.tsv"):
        entry = ActorEntry(
            canonical=row["canonical"], kind=row["kind"], subkind=row["subkind"] or None,
            country=row["country"] or None, affiliation=row["affiliation"] or None,
            aliases=_split(row["aliases"]), former=_parse_former(row["former"]),
            source=row["source"],
        )
        lex.entries[entry.canonical] = entry
        base = {"canonical": entry.canonical, "kind": entry.kind, "subkind": entry.subkind,
                "country": entry.country, "affiliation": entry.affiliation}
        for alias in entry.aliases:
            lex.add_alias(alias, AliasTarget(FIXED, **base))  # type: ignore[arg-type]
        for former in entry.former:
            detail = (former.name, former.start, former.end)
            for alias in former.aliases:
                lex.add_alias(alias, AliasTarget(FIXED, **base, detail=detail))  # type: ignore[arg-type]


def _load_templates(lex: ActorLexicon) -> None:
    rows = list(read_tsv("templates.tsv"))
    for country in lex.countries.values():
        for row in rows:
            canonical = fill_country(row["canonical"], country.iso3)
            affiliation = fill_country(row["affiliation"], country.iso3) or None
            target = AliasTarget(FIXED, canonical, row["kind"], None, country.iso3, affiliation,
                                 float(row["score"]), "pattern")
            if row["kind"] == "person":
                lex.add_entry(ActorEntry(canonical, "person", "title", country.iso3, affiliation,
                                         source="generated from templates.tsv"))
            for surface in expand_template(row["pattern"], country):
                lex.add_alias(surface, target)


def _load_context_phrases(lex: ActorLexicon) -> None:
    classes = {}
    for row in read_tsv("generic_classes.tsv"):
        classes[(row["class"], row["country"])] = row
    lex.generic_classes = classes
    for row in read_tsv("generic_phrases.tsv"):
        lex.add_alias(row["pattern"], AliasTarget(GENERIC, source="pattern",
                                                  detail=(row["class"],)))
    for row in read_tsv("anaphors.tsv"):
        lex.anaphors[normalize_key(row["form"])] = row
        lex.add_alias(row["form"], AliasTarget(ANAPHOR, score=float(row["score"]),
                                               source="pattern", detail=(row["form"],)))
    for row in read_tsv("context_titles.tsv"):
        lex.add_alias(row["pattern"], AliasTarget(
            CONTEXT_TITLE, score=float(row["score"]), source="pattern",
            detail=(row["canonical"], row["affiliation"])))
    for row in read_tsv("org_titles.tsv"):
        lex.add_alias(row["pattern"], AliasTarget(ORG_TITLE, source="pattern",
                                                  detail=(row["role"], row["title_en"])))
    for row in read_tsv("blockers.tsv"):
        lex.add_alias(row["phrase"], AliasTarget(BLOCKER))
    cues = list(read_tsv("cues.tsv"))
    lex.cue_verbs = frozenset(normalize_key(r["word"]) for r in cues if r["type"] == "verb")
    lex.cue_nouns = frozenset(normalize_key(r["word"]) for r in cues if r["type"] == "noun")
    lex.not_verbs = frozenset(normalize_key(r["word"]) for r in cues if r["type"] == "not_verb")
    lex.short_name_stop = frozenset(normalize_key(r["word"]) for r in read_tsv("short_name_stop.tsv"))


# What decides the compiled dictionary: these modules' code and these data files.
BUILD_CODE = ("hadath.mentions.actor_lexicon", "hadath.countries", "hadath.text.normalize")


def actor_data_files() -> list[Traversable]:
    return [*data_files(DATA_PACKAGE), resources.files("hadath") / "data" / "countries.tsv"]


@lru_cache(maxsize=1)
def load_lexicon() -> ActorLexicon:
    """The whole actor dictionary, loaded once per process: built from the data files on the
    first run (about a second: every template is expanded for every state) and read back from
    the compiled-data cache after that."""
    return compiled("actors", build_lexicon, data=actor_data_files(), code=BUILD_CODE)


def build_lexicon() -> ActorLexicon:
    """The actor dictionary from its data files."""
    lex = ActorLexicon()
    _load_curated(lex)  # curated first: its targets come first on equal aliases
    _load_countries(lex)
    _load_templates(lex)
    _load_context_phrases(lex)
    # one object per distinct target (a template's target stands behind many aliases): a
    # fifth of the objects to store and read back
    shared: dict[AliasTarget, AliasTarget] = {}
    for key, targets in lex.aliases.items():
        targets.sort(key=lambda t: -t.priority)
        lex.aliases[key] = [shared.setdefault(t, t) for t in targets]
    return lex
