"""Stage 4, time: Arabic temporal expressions resolved against the publication date.

`find_times(text, ref)` returns `TimeExpr` spans of `text` with ISO 8601 values;
`date_of_span(times, start, end, ref)` picks the expression that dates a stretch of text.
"""
from hadath.time.anchor import date_of_span
from hadath.time.finder import find_times

__all__ = ["date_of_span", "find_times"]
