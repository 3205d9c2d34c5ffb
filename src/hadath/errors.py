"""Typed errors that carry the offending input and say what the user can do."""
from __future__ import annotations


class HadathError(Exception):
    """Base of every error hadath reports to a user as one line."""

    def __init__(self, message: str, *, source: str | None = None, article_id: str | None = None):
        self.source = source
        self.article_id = article_id
        where = source or article_id
        super().__init__(f"{where}: {message}" if where else message)


class InputError(HadathError):
    """An input gave no article: unreadable, binary, empty, not Arabic, malformed."""
