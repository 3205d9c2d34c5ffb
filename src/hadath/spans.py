"""Spans of one article looked up by position, so that work per sentence or per cue does not
read the whole article: on a long text (a transcript, a dump, 100,000 characters of prose)
a scan of every mention for every sentence costs sentences × mentions.

Every layer of an article (sentences, mentions, numbers, times, cues) is kept sorted by its
start; these helpers rely on that and find a range by bisection.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Range(NamedTuple):
    """A span given as two offsets."""

    start: int
    end: int


S = TypeVar("S", bound=Span)
_start = attrgetter("start")


def starting_in(items: Sequence[S], start: int, end: int) -> Sequence[S]:
    """The items (sorted by start) whose start lies in [start, end), in their order."""
    return items[bisect_left(items, start, key=_start):bisect_left(items, end, key=_start)]


def from_position(items: Sequence[S], pos: int) -> Iterator[S]:
    """The items (sorted by start) from the first that starts at or after `pos`, without
    copying the rest of the list."""
    for i in range(bisect_left(items, pos, key=_start), len(items)):
        yield items[i]


class ByStart:
    """Items in any order (claims are not always in text order), asked which start in a
    range; the answer keeps their own order."""

    def __init__(self, items: Sequence[S]) -> None:
        self.items = items
        self._by_start = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._by_start]

    def indices_starting_in(self, start: int, end: int) -> list[int]:
        """The positions of the items that start in [start, end), in order."""
        return sorted(self._by_start[bisect_left(self._starts, start):
                                     bisect_left(self._starts, end)])

    def starting_in(self, start: int, end: int) -> list[Any]:
        return [self.items[i] for i in self.indices_starting_in(start, end)]


class Overlaps:
    """Spans sorted by start, asked which overlap a range: only those that start within the
    longest span's length before it are read."""

    def __init__(self, items: Sequence[Span]) -> None:
        self.items = sorted(items, key=_start)
        self.starts = [s.start for s in self.items]
        self.longest = max((s.end - s.start for s in self.items), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[Any]:
        """The spans that share a character with [start, end), in order of start."""
        lo = bisect_right(self.starts, start - self.longest)
        for i in range(lo, bisect_left(self.starts, end)):
            if self.items[i].end > start:
                yield self.items[i]

    def containing(self, start: int, end: int) -> Iterator[Any]:
        """The spans that hold all of [start, end)."""
        lo = bisect_left(self.starts, end - self.longest)
        for i in range(lo, bisect_right(self.starts, start)):
            if self.items[i].end >= end:
                yield self.items[i]


class Disjoint:
    """A growing set of non-overlapping spans, asked whether a new span would overlap one."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # the kept spans are disjoint, so their ends grow with their starts: the last that
        # starts before `end` is the only one that can reach past `start`
        i = bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def longest_first(spans: Sequence[S], order: Any) -> list[S]:
    """Of overlapping spans keep the first in `order` (a sort key: longest first, and what
    breaks ties), and return the kept ones by start."""
    kept: list[S] = []
    taken = Disjoint()
    for s in sorted(spans, key=order):
        if not taken.overlaps(s.start, s.end):
            taken.add(s.start, s.end)
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, -s.end))


