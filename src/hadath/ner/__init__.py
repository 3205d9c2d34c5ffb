"""The statistical named-entity tagger: a CRF trained on public Arabic gold data.

`tag_tokens(tokens)` labels ANERcorp-style words with IOB2 PERS ORG LOC MISC;
`find_entities(text)` returns persons, organisations and places as tagger `Mention`s.
"""
from __future__ import annotations

from hadath.ner.entities import find_entities
from hadath.ner.model import tag_tokens

__all__ = ["find_entities", "tag_tokens"]
