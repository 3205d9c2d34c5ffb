"""Places: toponyms in Arabic text resolved to coordinates and administrative units.

`resolve_places(text)` returns place `Mention`s with offsets into `text`; `load_gazetteer()` and
`place_names()` expose the compiled gazetteer to other stages.
"""
from hadath.geo.gazetteer import load_gazetteer, place_names
from hadath.geo.resolve import resolve_places

__all__ = ["load_gazetteer", "place_names", "resolve_places"]
