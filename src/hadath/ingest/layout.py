"""From a page's lines to an article: takes plain text (and the title when metadata gave
one), returns the headline, the site name printed above it (if any) and the article text:
headline + "\\n\\n" + body paragraphs joined by "\\n\\n", furniture lines removed.

Each non-blank line is one paragraph, kept exactly as written apart from the whitespace at
its ends, so offsets into the article text point at the page's own characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hadath.ingest.furniture import furniture_key, furniture_place, trailer_start

# Punctuation that ends or splits sentences; a site name has none of it.
_SENTENCE_PUNCTUATION = re.compile(r"[.!?؟،؛:\"“”«»()\d٠-٩]")
_WORD = re.compile(r"\S+")
SITE_NAME_MAX_WORDS = 3
HEADLINE_MAX_WORDS = 30
# A line of this many words ending as a sentence ends, or of PARAGRAPH_WORDS words however
# it ends, is the article's running text (headlines are shorter and carry no full stop).
RUNNING_TEXT_WORDS = 8
PARAGRAPH_WORDS = 30
_SENTENCE_ENDS = (".", "!", "؟", "?", ":", "\"", "”", "»", ")", "…")


@dataclass
class ArticleText:
    title: str
    text: str
    site_name: str | None = None  # a site name found printed above the headline


@dataclass
class _Line:
    text: str  # stripped of surrounding whitespace
    blank_after: bool  # a blank line (or the end) follows it on the page


def assemble_article(page_text: str, title: str | None = None) -> ArticleText | None:
    """The article in `page_text`, or None when nothing but furniture is left.

    Without `title` the headline is the first real line; with it (from HTML metadata, a
    feed or a JSONL record) the page's own copy of the title is not repeated in the body.
    """
    lines = _real_lines(page_text)
    site_name = None
    if lines and _is_site_name(lines):
        site_name = lines.pop(0).text
    if title and title.strip():
        headline = title.strip()
        lines = _without_title(lines, headline)
    elif lines:
        headline = lines.pop(0).text
    else:
        return None
    body = [line.text for line in lines]
    text = "\n\n".join([headline, *body])
    return ArticleText(title=headline, text=text, site_name=site_name)


def _real_lines(page_text: str) -> list[_Line]:
    """The page's non-blank lines without furniture. A footer heading ("مقالات ذات صلة")
    with no running text after it takes every line below it along; edge furniture (a date
    line, a byline) counts only above the first paragraph of running text or below the last."""
    raw = page_text.splitlines()
    kept: list[tuple[int, str, str | None]] = []
    for i, line in enumerate(raw):
        stripped = line.strip()
        if stripped:
            place = furniture_place(stripped)
            if place != "anywhere":
                kept.append((i, stripped, place))
    kept = _cut_footer(kept)
    running = [n for n, (_, text, place) in enumerate(kept)
               if place is None and _is_running_text(text)]
    # A page of lists only (a fixtures schedule) has no edges to speak of: keep its dates.
    first, last = (running[0], running[-1]) if running else (0, len(kept))
    lines: list[_Line] = []
    for n, (i, stripped, line_place) in enumerate(kept):
        if line_place == "edge" and not first <= n <= last:
            continue
        blank_after = i + 1 >= len(raw) or not raw[i + 1].strip()
        lines.append(_Line(stripped, blank_after))
    if lines and (cut := trailer_start(lines[-1].text)) is not None:
        body = lines[-1].text[:cut].rstrip()
        lines[-1:] = [_Line(body, lines[-1].blank_after)] if body else []
    return lines


def _cut_footer(
    kept: list[tuple[int, str, str | None]],
) -> list[tuple[int, str, str | None]]:
    last_running = max(
        (n for n, (_, text, place) in enumerate(kept) if place is None and _is_running_text(text)),
        default=-1,
    )
    for n, (_, _, place) in enumerate(kept):
        if place == "tail" and n > last_running:
            kept = kept[:n]
            break
    return [entry for entry in kept if entry[2] != "tail"]


def _is_running_text(line: str) -> bool:
    """A paragraph of the article, not a headline: long, and ending as sentences end."""
    n_words = len(_WORD.findall(line))
    if n_words >= PARAGRAPH_WORDS:
        return True
    return n_words >= RUNNING_TEXT_WORDS and line.endswith(_SENTENCE_ENDS)


def _is_site_name(lines: list[_Line]) -> bool:
    """A site name above the headline: 1–3 words, no sentence punctuation or digits, a blank
    line after it, then a longer line that reads as a headline, then the body."""
    first = lines[0]
    if len(lines) < 3 or not first.blank_after:
        return False
    if len(_WORD.findall(first.text)) > SITE_NAME_MAX_WORDS:
        return False
    if _SENTENCE_PUNCTUATION.search(first.text):
        return False
    headline = lines[1].text
    return (
        len(headline) > len(first.text)
        and len(_WORD.findall(headline)) <= HEADLINE_MAX_WORDS
        and not headline.endswith(".")
    )


def _without_title(lines: list[_Line], title: str) -> list[_Line]:
    """Drop the page's copy of the title (and short labels above it) from the body."""
    title_key = furniture_key(title)
    for i, line in enumerate(lines[:3]):
        if len(line.text) > 2 * len(title) + 20:
            continue  # a paragraph, not a copy of the title
        if _same_title(furniture_key(line.text), title_key):
            above = lines[:i]
            if all(len(_WORD.findall(x.text)) <= SITE_NAME_MAX_WORDS for x in above):
                return lines[i + 1:]
            return lines[:i] + lines[i + 1:]
    return lines


def _same_title(line_key: str, title_key: str) -> bool:
    if not line_key:
        return False
    if line_key == title_key:
        return True
    # "<headline> | <site>" in <title> versus the bare headline in <h1>, or the reverse.
    shorter, longer = sorted((line_key, title_key), key=len)
    return len(shorter) >= 20 and longer.startswith(shorter)
