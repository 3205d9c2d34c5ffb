"""The records ingest passes around: options from the command line, skipped inputs, and the
raw record a reader pulls out of a file before it is cleaned into an `ArticleMeta`.
"""
from __future__ import annotations

from dataclasses import dataclass

from hadath.errors import InputError


@dataclass
class IngestDefaults:
    """Metadata for inputs that lack it (the CLI's --published, --outlet and --url)."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass
class Skipped:
    """An input, or a record inside an input, that yields no article."""

    source: str  # the path, with "#record id" or ":line" for a record inside it
    reason: str  # one line a user can act on


@dataclass
class RawRecord:
    """One article as a reader found it: plain text or HTML plus whatever metadata came with it.

    `text` is plain text whose first real line may be the headline (and a site name above
    it); `html` is a whole page or a fragment. Exactly one of them is set.
    """

    source: str  # where it came from, for Skipped reasons
    relpath: str  # the file's path relative to the input root, for ids
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    record: str | None = None  # the record's place inside a container file (line, entry, index)
    fetched: str | None = None  # when a crawler fetched it (WARC-Date): the last resort date


class InputProblem(InputError):
    """Raised inside ingest when an input cannot yield an article; `read_inputs` turns it
    into a `Skipped`, so it never reaches the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def one_line(message: object, limit: int = 160) -> str:
    """`message` on one line, cut to `limit` characters: a Skipped reason is one line."""
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
