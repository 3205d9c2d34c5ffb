"""The time stage's word lists and grammar, read from `hadath/data/time/` once.

Takes the TSV tables (months, Hijri months, weekdays, holidays, words by class) and
`rules.yaml`; returns a `TimeLexicon` with normalised lookups and compiled regular expressions.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from hadath.text.normalize import normalize, normalize_key

_DATA = Path(__file__).resolve().parent.parent / "data" / "time"
# Left edge: not inside a word, but a proclitic conjunction/preposition may be attached
# (وأمس، بالأمس، وفي). Right edge: not inside a word.
_LEFT = r"(?<!\w)(?P<clitic>[وف]?[بلك]?)"
_RIGHT = r"(?!\w)"
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)(?::(\w+))?\}")
# The words looked up are few and recur in every article: normalise each once.
_key = lru_cache(maxsize=1 << 14)(normalize_key)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    # compiled when first used (`regex`): the prefilter runs a rule only where its trigger
    # words are, and a text that holds none of them never pays for compiling it
    pattern: str
    # The same rule with each word class a plain longest-first list: it matches what `regex`
    # matches, and its whole words make better trigger literals for the prefilter, which
    # reads it once and keeps what it found in the compiled-data cache: so it is compiled
    # only when asked for.
    listed_pattern: str | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    @property
    def listed(self) -> re.Pattern[str] | None:
        return None if self.listed_pattern is None else re.compile(self.listed_pattern)


@dataclass(frozen=True)
class TimeLexicon:
    """Normalised form → value tables, by class, and the compiled rules."""

    classes: dict[str, dict[str, str]]  # class → {normalised form: value}
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    ambiguous_hijri: frozenset[str]
    weekdays: dict[str, int]
    holidays: dict[str, tuple[int, int, int]]  # form → (month, first day, days)
    gregorian_holidays: frozenset[str]  # forms dated in the Gregorian calendar (عيد العمال)
    rules: tuple[Rule, ...]

    def value(self, cls: str, form: str | None) -> str | None:
        if form is None:
            return None
        return self.classes.get(cls, {}).get(_key(form))

    def has(self, cls: str, form: str) -> bool:
        return _key(form) in self.classes.get(cls, {})


def _read_tsv(name: str) -> list[dict[str, str]]:
    with (_DATA / name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _alternation(forms: list[str], trie: bool = True) -> str:
    """The forms as one alternation, written as a trie ("ال(?:اثنين|احد)"): the engine tests a
    shared beginning once instead of once per form. A form is tried after the longer forms it
    begins ("تشرين" after "تشرين الثاني"), as in the longest-first list (`trie=False`)."""
    keys = {normalize_key(f) for f in forms}
    if trie:
        return "(?:" + "|".join(_trie_branches(keys)) + ")"
    listed = sorted(keys, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in listed) + ")"


def _trie_branches(keys: set[str]) -> list[str]:
    # Forms that both match at one place are one the other's beginning: each space is \s+ and
    # is followed by a letter, so it always takes the whole run of spaces.
    by_first: dict[str, set[str]] = {}
    for key in keys:
        if key:
            by_first.setdefault(key[0], set()).add(key[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        head = r"\s+" if first == " " else re.escape(first)
        tail = _trie_branches(rests)
        if len(tail) > 1:
            head += "(?:" + "|".join(tail) + ")"
        elif tail:
            head += tail[0]
        branches.append(head)
    if "" in keys:
        branches.append("")  # the form that ends here, after every longer one
    return branches


def _class_forms(lex: dict[str, list[str]], name: str, trie: bool) -> str:
    if name not in lex:
        raise KeyError(f"rules.yaml uses unknown class {{{name}}}")
    return _alternation(lex[name], trie)


def _source(pattern: str, forms: dict[str, list[str]], fixed: dict[str, str],
            trie: bool = True) -> str:
    return _LEFT + "(?:" + _expand(pattern, forms, fixed, trie) + ")" + _RIGHT


def _expand(pattern: str, forms: dict[str, list[str]], fixed: dict[str, str],
            trie: bool) -> str:
    def substitute(match: re.Match[str]) -> str:
        name, group = match.group(1), match.group(2)
        if name in fixed:
            body = fixed[name]
        elif name == "month":
            # Combined forms: "تشرين الثاني/نوفمبر", "آذار (مارس)", "تموز - يوليو"; the first name
            # gives the value.
            alt = _class_forms(forms, "month", trie)
            return f"(?P<{group or 'month'}>{alt})(?:\\s*[/(-]?\\s*{alt}\\s*\\)?)?"
        else:
            body = _class_forms(forms, name, trie)
        return f"(?P<{group}>{body})" if group else body

    # Literal Arabic in a pattern is written as spelt (إلى، على); match it as normalised.
    return _PLACEHOLDER.sub(substitute, normalize(pattern).text)


def _class_name(name: str) -> str:
    """`not_after:الليلة` → `not_after:الليله`: a class keyed by a form uses its normal form."""
    kind, sep, form = name.partition(":")
    return f"{kind}{sep}{normalize_key(form)}" if sep else name


@lru_cache(maxsize=1)
def load_lexicon() -> TimeLexicon:
    """Read and compile the time data files (once per process)."""
    classes: dict[str, dict[str, str]] = {}
    forms: dict[str, list[str]] = {}
    for row in _read_tsv("words.tsv"):
        cls = _class_name(row["class"])
        classes.setdefault(cls, {})[normalize_key(row["form"])] = row["value"]
        forms.setdefault(cls, []).append(row["form"])
    month_rows = _read_tsv("months.tsv")
    hijri_rows = _read_tsv("hijri_months.tsv")
    weekday_rows = _read_tsv("weekdays.tsv")
    holiday_rows = _read_tsv("holidays.tsv")
    forms["month"] = [r["form"] for r in month_rows]
    forms["hijri_month"] = [r["form"] for r in hijri_rows]
    forms["weekday"] = [r["form"] for r in weekday_rows]
    forms["holiday"] = [r["form"] for r in holiday_rows]
    spec: dict[str, Any] = yaml.safe_load(
        (_DATA / "rules.yaml").read_text(encoding="utf-8")
    )
    fixed = {k: str(v) for k, v in spec["placeholders"].items()}
    rules = tuple(
        Rule(
            name=r["name"],
            kind=r["kind"],
            pattern=_source(r["pattern"], forms, fixed),
            listed_pattern=_source(r["pattern"], forms, fixed, trie=False),
        )
        for r in spec["rules"]
    )
    return TimeLexicon(
        classes=classes,
        months={normalize_key(r["form"]): int(r["month"]) for r in month_rows},
        ambiguous_months=frozenset(
            normalize_key(r["form"]) for r in month_rows if r["ambiguous"] == "1"
        ),
        hijri_months={normalize_key(r["form"]): int(r["month"]) for r in hijri_rows},
        ambiguous_hijri=frozenset(
            normalize_key(r["form"]) for r in hijri_rows if r["ambiguous"] == "1"
        ),
        weekdays={normalize_key(r["form"]): int(r["weekday"]) for r in weekday_rows},
        holidays={
            normalize_key(r["form"]): (int(r["month"]), int(r["first_day"]), int(r["days"]))
            for r in holiday_rows
        },
        gregorian_holidays=frozenset(
            normalize_key(r["form"]) for r in holiday_rows if r["calendar"] == "gregorian"
        ),
        rules=rules,
    )
