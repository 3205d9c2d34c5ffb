"""The position lookups that keep work per sentence from reading the whole article give what
a scan of every span would give."""
from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from hadath.spans import ByStart, Overlaps, from_position, longest_first, starting_in


@dataclass(frozen=True)
class S:
    start: int
    end: int


spans = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)).map(
    lambda p: S(p[0], p[0] + p[1])), max_size=60)
ranges = st.tuples(st.integers(-40, 260), st.integers(0, 80)).map(lambda p: (p[0], p[0] + p[1]))


def by_start(items: list[S]) -> list[S]:
    return sorted(items, key=lambda s: s.start)


@given(spans, ranges)
def test_starting_in_is_the_scan(items: list[S], window: tuple[int, int]) -> None:
    items = by_start(items)
    start, end = window
    assert list(starting_in(items, start, end)) == [s for s in items if start <= s.start < end]
    assert list(from_position(items, start)) == [s for s in items if s.start >= start]


@given(spans, ranges)
def test_by_start_keeps_the_items_own_order(items: list[S], window: tuple[int, int]) -> None:
    start, end = window  # the items in any order, as claims are
    assert ByStart(items).starting_in(start, end) == [s for s in items if start <= s.start < end]


@given(spans, ranges)
def test_overlapping_and_containing_are_the_scan(items: list[S], window: tuple[int, int]) -> None:
    index, (start, end) = Overlaps(items), window
    assert sorted(map(id, index.overlapping(start, end))) == sorted(
        id(s) for s in items if s.start < end and start < s.end)
    assert sorted(map(id, index.containing(start, end))) == sorted(
        id(s) for s in items if s.start <= start and end <= s.end)


@given(spans)
def test_longest_first_is_the_greedy_scan(items: list[S]) -> None:
    def order(s: S) -> tuple[int, int]:
        return -(s.end - s.start), s.start

    kept: list[S] = []
    for s in sorted(items, key=order):
        if not any(k.start < s.end and s.start < k.end for k in kept):
            kept.append(s)
    assert longest_first(items, order) == sorted(kept, key=lambda s: (s.start, -s.end))


def test_a_claims_cue_and_its_content_found_by_position() -> None:
    # spans of every length, a long one among short ones: the long one is still found
    items = [S(0, 500), S(10, 12), S(600, 610)]
    index = Overlaps(items)
    assert list(index.overlapping(450, 451)) == [items[0]]
    assert list(index.containing(10, 12)) == [items[0], items[1]]
    assert list(index.overlapping(500, 600)) == []
