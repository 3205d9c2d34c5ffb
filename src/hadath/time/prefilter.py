"""Run the time rules only near the literal words every one of their matches must contain.

Takes the compiled rules of the time lexicon and a normalised text; returns (rule index, match)
pairs identical to running every rule's `finditer` over the whole text, at a fraction of the cost.
"""
from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import product

import ahocorasick

from hadath.compiled import compiled, data_files
from hadath.time.lexicon import Rule, load_lexicon

# Bounds on the literal sets followed through the pattern: a larger set (a cross product of
# long alternations, a three-digit number) is not worth scanning for.
_MAX_FORMS = 256
_MAX_CLASS = 16
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_SPACE_RUN = re.compile(r"\s{2,}")

Forms = frozenset[str]
Node = tuple[object, object]
Reach = tuple[int, int]  # characters, whitespace runs
# forms; at most how far after a match's start their occurrence ends; at most how far before
# the match's end (its lookahead included) their occurrence starts
Found = tuple[Forms | None, Reach | None, Reach | None]


def rule_triggers(regex: re.Pattern[str]) -> Forms | None:
    """Strings of which every match of `regex` contains one; None when there is no such set."""
    if regex.flags & re.IGNORECASE:
        return None  # a case-folded match need not contain the literal as written
    return rule_triggers_and_lead(regex)[0]


def rule_triggers_and_lead(regex: re.Pattern[str]) -> Found:
    """`rule_triggers`, how far after a match's start the trigger it holds ends at most, and
    how far before the match's end that trigger starts at most."""
    if regex.flags & re.IGNORECASE:
        return None, None, None
    return _required_seq(list(sre_parse.parse(regex.pattern, regex.flags)), {})


# What the filter knows of each rule, worked out from its pattern alone: how far a match can
# reach, the lead and trail of its triggers, the other words it needs; the rules that have no
# trigger; the rules of each trigger.
Analysis = tuple[list[Reach | None], list[tuple[Reach | None, Reach | None]],
                 list[list[re.Pattern[str]]], list[int], dict[str, list[int]]]


def analyse(rules: Sequence[Rule]) -> Analysis:
    """Read the rules' patterns for the filter (a second or so for the time lexicon)."""
    # a rule's list form matches what its trie form matches, and spells whole words out
    analysed = [rule.listed or rule.regex for rule in rules]
    reach = [_pattern_reach(regex) for regex in analysed]
    bounds: list[tuple[Reach | None, Reach | None]] = []  # lead, trail
    checks = [_other_words(regex) for regex in analysed]
    always: list[int] = []
    by_trigger: dict[str, list[int]] = {}
    for order, regex in enumerate(analysed):
        triggers, lead, trail = rule_triggers_and_lead(regex)
        bounds.append((lead, trail))
        if triggers is None:
            always.append(order)
        for trigger in triggers or ():
            by_trigger.setdefault(trigger, []).append(order)
    return reach, bounds, checks, always, by_trigger


class RuleFilter:
    """Runs each rule only near its trigger words, with the matches `finditer` would give;
    `analysis` is what `analyse(rules)` returns, when it was worked out before."""

    def __init__(self, rules: Sequence[Rule], analysis: Analysis | None = None) -> None:
        self._rules = tuple(rules)
        self._reach, self._bounds, self._checks, self._always, self._by_trigger = (
            analysis or analyse(self._rules))
        self._automaton = ahocorasick.Automaton()
        for trigger in self._by_trigger:
            self._automaton.add_word(trigger, len(trigger))
        self._automaton.make_automaton()

    def matches(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """(rule index, match) for every rule in order, each rule's matches in text order."""
        found: dict[str, list[int]] = {}
        for end, size in self._automaton.iter(text):
            found.setdefault(text[end - size + 1 : end + 1], []).append(end - size + 1)
        starts: dict[int, list[int]] = {order: [] for order in self._always}
        for trigger, positions in found.items():
            for order in self._by_trigger[trigger]:
                starts.setdefault(order, []).extend(positions)
        runs = _SPACE_RUN.findall(text)
        widest_space = max(map(len, runs)) if runs else 1
        out: list[tuple[int, re.Match[str]]] = []
        for order in sorted(starts):
            regex, reach = self._rules[order].regex, self._reach[order]
            if reach is None or order in self._always:
                out.extend((order, m) for m in regex.finditer(text))
                continue
            width = reach[0] + reach[1] * widest_space
            back, ahead = (width if bound is None else min(width, bound[0] + bound[1] * widest_space)
                           for bound in self._bounds[order])
            out.extend((order, m) for m in _near(regex, text, sorted(starts[order]), back, ahead,
                                                 self._checks[order]))
        return out


def _near(regex: re.Pattern[str], text: str, triggers: list[int], back: int, ahead: int,
          checks: Sequence[re.Pattern[str]] = ()) -> list[re.Match[str]]:
    """`regex.finditer(text)`, trying only starts at most `back` before a trigger.

    Every match holds a trigger that ends at most `back` characters after the match's start
    and starts at most `ahead` characters before the match's end (lookaheads included). So a
    match starts in [p - back, p] of some trigger p, that window joins the one it starts in, and
    a search from there never reads past the window's last trigger + `ahead`: cutting the text
    just after that changes no match that starts in the window. Each of `checks` finds words
    every match also holds: where one finds none, the window has no match.
    """
    matches: list[re.Match[str]] = []
    pos = 0
    for first, last in _merged((max(0, p - back), p) for p in triggers):
        start = max(first, pos)
        while start <= last:
            if any(check.search(text, start, last + ahead + 2) is None for check in checks):
                break
            match = regex.search(text, start, last + ahead + 2)
            if match is None or match.start() > last:
                break
            matches.append(match)
            pos = start = match.end()
    return matches


def _other_words(regex: re.Pattern[str]) -> list[re.Pattern[str]]:
    """Cheap searches for the other word sets every match of `regex` holds besides its
    triggers: digits and words of two letters or more (a set with a single letter finds that
    letter anywhere and rules nothing out)."""
    if regex.flags & re.IGNORECASE:
        return []
    triggers = rule_triggers(regex)
    sets = {forms for forms in _all_required(list(sre_parse.parse(regex.pattern, regex.flags)), {})
            if forms != triggers and all(len(f) > 1 or f.isdigit() for f in forms)}
    return [re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
            for forms in sorted(sets, key=sorted)]


def _all_required(items: list[Node], groups: dict[int, Reach]) -> list[Forms]:
    """The forms each element of the sequence requires, through groups and repeats: every
    match holds one form of each set."""
    found: list[Forms] = []
    for op, av in items:
        if op is sre.SUBPATTERN and not av[1] & sre.SRE_FLAG_IGNORECASE:  # type: ignore[index]
            found += _all_required(list(av[3]), groups)  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            found += _all_required(list(av), groups)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:  # type: ignore[index]
            found += _all_required(list(av[2]), groups)  # type: ignore[index]
        else:
            forms = _usable(_required(op, av, _exact(op, av), groups)[0])
            if forms:
                found.append(forms)
    return found


def _merged(ranges: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


@lru_cache(maxsize=1)
def rule_filter() -> RuleFilter:
    """The filter of the time lexicon's rules, built once per process from an analysis kept in
    the compiled-data cache (rebuilt when the time data or this code changes)."""
    rules = load_lexicon().rules
    analysis = compiled("time-rules", lambda: analyse(rules), data=data_files("hadath.data.time"),
                        code=(__name__, "hadath.time.lexicon", "hadath.text.normalize"))
    return RuleFilter(rules, analysis)


def _pattern_reach(regex: re.Pattern[str]) -> tuple[int, int] | None:
    """(characters, whitespace runs) a match and its lookaheads can span; None: unbounded.

    Whitespace repeats (\\s+, \\s*) are unbounded but each covers one run of the text's
    whitespace; a pattern that can match nothing is left to `finditer` (None).
    """
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    if parsed.getwidth()[0] == 0:
        return None
    return _reach_seq(list(parsed), {})


def _reach_seq(items: list[Node], groups: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    chars = runs = 0
    for op, av in items:
        reach = _reach(op, av, groups)
        if reach is None:
            return None
        chars, runs = chars + reach[0], runs + reach[1]
    return chars, runs


def _reach(op: object, av: object, groups: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return 1, 0
    if op is sre.AT:
        return 0, 0
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, items = av  # type: ignore[misc]
        return (0, 0) if direction < 0 else _reach_seq(list(items), groups)
    if op is sre.SUBPATTERN:
        group, _, _, items = av  # type: ignore[misc]
        reach = _reach_seq(list(items), groups)
        if reach is not None and group is not None:
            groups[group] = reach
        return reach
    if op is sre.ATOMIC_GROUP:
        return _reach_seq(list(av), groups)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        reaches = [_reach_seq(list(b), groups) for b in av[1]]  # type: ignore[index]
        if any(r is None for r in reaches):
            return None
        return max(r[0] for r in reaches), max(r[1] for r in reaches)  # type: ignore[index]
    if op is sre.GROUPREF:
        return groups.get(av)  # type: ignore[call-overload]
    if op in _REPEATS:
        _, high, items = av  # type: ignore[misc]
        if high is sre.MAXREPEAT:
            return (0, 1) if _is_space(list(items)) else None
        reach = _reach_seq(list(items), groups)
        return None if reach is None else (reach[0] * high, reach[1] * high)
    return None


def _is_space(items: list[Node]) -> bool:
    return items == [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]


def _minimal(forms: Forms) -> Forms:
    # A form containing another form adds nothing to "contains one of them".
    return frozenset(f for f in forms if not any(g != f and g in f for g in forms))


def _better(a: Forms | None, b: Forms | None) -> Forms | None:
    """The more selective requirement: longer shortest form, then fewer forms."""
    if a is None or b is None:
        return a if b is None else b
    score_a = (min(map(len, a)), -len(a))
    score_b = (min(map(len, b)), -len(b))
    return a if score_a >= score_b else b


def _concat(a: Forms | None, b: Forms | None) -> Forms | None:
    if a is None or b is None or len(a) * len(b) > _MAX_FORMS:
        return None
    return frozenset(x + y for x, y in product(a, b))


def _exact_seq(items: list[Node]) -> Forms | None:
    """Every string the sequence can match, if they are few; else None."""
    forms: Forms | None = frozenset({""})
    for op, av in items:
        forms = _concat(forms, _exact(op, av))
        if forms is None:
            return None
    return forms


def _exact(op: object, av: object) -> Forms | None:
    if op is sre.LITERAL:
        return frozenset({chr(av)})  # type: ignore[arg-type]
    if op is sre.IN:
        return _char_class(av)  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return frozenset({""})
    if op is sre.SUBPATTERN:
        _, add_flags, _, items = av  # type: ignore[misc]
        return None if add_flags & sre.SRE_FLAG_IGNORECASE else _exact_seq(list(items))
    if op is sre.ATOMIC_GROUP:
        return _exact_seq(list(av))  # type: ignore[arg-type]
    if op is sre.BRANCH:
        branches = [_exact_seq(list(b)) for b in av[1]]  # type: ignore[index]
        if any(b is None for b in branches):
            return None
        union = frozenset().union(*branches)  # type: ignore[arg-type]
        return union if len(union) <= _MAX_FORMS else None
    if op in _REPEATS:
        return _exact_repeat(*av)  # type: ignore[misc]
    return None  # back-references, conditionals, categories: anything


def _exact_repeat(low: int, high: object, items: object) -> Forms | None:
    if high is sre.MAXREPEAT or not isinstance(high, int) or high > 4:
        return None
    one = _exact_seq(list(items))  # type: ignore[call-overload]
    forms: Forms | None = frozenset({""})
    union: set[str] = set()
    for count in range(high + 1):
        if count >= low:
            union.update(forms)  # type: ignore[arg-type]
        if count < high:
            forms = _concat(forms, one)
            if forms is None:
                return None
    return frozenset(union) if len(union) <= _MAX_FORMS else None


def _char_class(items: list[Node]) -> Forms | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is sre.RANGE:
            low, high = av  # type: ignore[misc]
            chars.update(chr(c) for c in range(low, high + 1))
        else:
            return None  # negation or a category (\w, \s): too many characters
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars)


def _required_seq(items: list[Node], groups: dict[int, Reach]) -> Found:
    """Forms of which every match of the sequence contains one (None: no such forms), how far
    from the sequence's start such an occurrence ends at most, and how far the sequence's end
    lies from the occurrence's start at most (None: unbounded)."""
    reaches = [_reach(op, av, groups) for op, av in items]  # in order: back-references resolve
    after: list[Reach | None] = [(0, 0)] * len(items)  # reach of the items after each one
    for i in range(len(items) - 2, -1, -1):
        after[i] = _plus(reaches[i + 1], after[i + 1])
    best: Found = (None, None, None)
    run: Forms | None = frozenset({""})
    offset: Reach | None = (0, 0)  # where the item starts, at most
    run_end: Reach | None = (0, 0)
    run_trail = _plus(reaches[0], after[0]) if items else (0, 0)  # from where the run starts
    for i, (op, av) in enumerate(items):
        exact = _exact(op, av)
        end = _plus(offset, reaches[i])
        forms, inner_end, inner_trail = _required(op, av, exact, groups)
        best = _better_found(best, (_usable(forms), _plus(offset, inner_end),
                                    _plus(inner_trail, after[i])))
        # A run of elements with few exact forms: their concatenations are longer triggers.
        joined = _concat(run, exact) if exact is not None else None
        if joined is None:
            best = _better_found(best, (_usable(run), run_end, run_trail))
            run = exact if exact is not None else frozenset({""})
            run_trail = _plus(reaches[i], after[i]) if exact is not None else after[i]
        else:
            run = joined
        offset = run_end = end
    return _better_found(best, (_usable(run), run_end, run_trail))


def _better_found(a: Found, b: Found) -> Found:
    """The more selective forms (as `_better`), with the bound that goes with them."""
    return a if _better(a[0], b[0]) is a[0] else b


def _plus(a: Reach | None, b: Reach | None) -> Reach | None:
    return None if a is None or b is None else (a[0] + b[0], a[1] + b[1])


def _usable(forms: Forms | None) -> Forms | None:
    if forms is None or "" in forms:
        return None
    return _minimal(forms)


def _required(op: object, av: object, exact: Forms | None, groups: dict[int, Reach]) -> Found:
    if exact is not None and "" not in exact:
        reach = _reach(op, av, groups)
        return exact, reach, reach
    if op is sre.SUBPATTERN:
        _, add_flags, _, items = av  # type: ignore[misc]
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            return None, None, None
        return _required_seq(list(items), groups)
    if op is sre.ATOMIC_GROUP:
        return _required_seq(list(av), groups)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        branches = [_required_seq(list(b), groups) for b in av[1]]  # type: ignore[index]
        if any(forms is None for forms, _, _ in branches):
            return None, None, None
        forms = frozenset().union(*(forms for forms, _, _ in branches))  # type: ignore[arg-type]
        return forms, _widest([e for _, e, _ in branches]), _widest([t for _, _, t in branches])
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        # the first repetition holds one; the element ends at most its whole reach after it
        forms, end, _ = _required_seq(list(av[2]), groups)  # type: ignore[index]
        return forms, end, _reach(op, av, groups)
    return None, None, None


def _widest(reaches: list[Reach | None]) -> Reach | None:
    if not reaches or None in reaches:
        return None
    return max(r[0] for r in reaches), max(r[1] for r in reaches)  # type: ignore[index]
