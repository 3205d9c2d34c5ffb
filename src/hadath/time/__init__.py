"""Stage 4, time: Arabic temporal expressions resolved against the publication date.

`find_times(text, ref)` returns `TimeExpr` spans of `text` with ISO 8601 values;
`date_of_span(times, start, end, ref)` picks the expression that dates a stretch of text;
`value_bounds(value)` gives the first and last day a value covers (an event's date, date_end).
"""
from hadath.time.anchor import date_of_span
from hadath.time.calendar import value_bounds
from hadath.time.finder import find_times

__all__ = ["date_of_span", "find_times", "value_bounds"]
