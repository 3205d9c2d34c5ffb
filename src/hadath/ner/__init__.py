"""The statistical named-entity tagger: a CRF trained on public Arabic gold data.

`tag_tokens(tokens)` labels ANERcorp-style words with IOB2 PERS ORG LOC MISC;
`find_entities(text)` returns persons, organisations and places as tagger `Mention`s;
`uncovered_entities(text, mentions)` only those no gazetteer mention already covers.
"""
from __future__ import annotations

from hadath.ner.entities import find_entities, uncovered_entities
from hadath.ner.model import tag_tokens

__all__ = ["find_entities", "tag_tokens", "uncovered_entities"]
