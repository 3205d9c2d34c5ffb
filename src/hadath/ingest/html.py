"""HTML pages and fragments to text and metadata: takes HTML (and the URL it came from),
returns the main text (trafilatura) with the title, site name, canonical URL and publication
time read from meta tags and JSON-LD — never from "©" lines or dates in the body.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import lxml.html
from lxml import etree

# trafilatura warns on every page it finds too short ("discarding data"); an ingest run
# reports such pages itself, as Skipped, so its warnings would only be noise on stderr.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "backgroundnewsarticle", "liveblogposting"}
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " « ", " » ")
# Elements whose text is never article text, and those that end a line of text.
_DROPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                 "iframe", "svg", "button", "select")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
               "section", "article", "ul", "ol", "table", "figcaption", "pre", "hr", "dd", "dt"}
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "publish_date", "date",
                   "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
                   "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime")


@dataclass
class HtmlArticle:
    text: str  # main text, one paragraph a line
    title: str | None = None
    site_name: str | None = None
    url: str | None = None
    published: str | None = None  # as written in the page; normalised later


def extract_page(html: str, url: str | None = None) -> HtmlArticle:
    """Main text and metadata of a whole HTML page."""
    html = _XML_DECLARATION.sub("", html, count=1)
    tree = _parse(html)
    meta = _page_metadata(tree) if tree is not None else {}
    import trafilatura  # slow to import: only when a page is read

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    extracted: dict[str, Any] = (
        {} if document is None else document if isinstance(document, dict) else document.as_dict()
    )
    text = extracted.get("text") or ""
    if not text.strip() and tree is not None:
        text = _tree_text(tree)
    if not text.strip():
        text = _flat_text(html)
    site_name = meta.get("site_name") or extracted.get("sitename")
    title = meta.get("title") or extracted.get("title")
    return HtmlArticle(
        text=text,
        title=_strip_site_from_title(title, site_name),
        site_name=site_name,
        url=meta.get("url") or extracted.get("url"),
        published=meta.get("published") or extracted.get("date"),
    )


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one block a line."""
    if "<" not in html:
        return html
    tree = _parse(f"<div>{html}</div>")
    text = _tree_text(tree) if tree is not None else ""
    return text if text.strip() else _flat_text(html)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _tree_text(tree: lxml.html.HtmlElement) -> str:
    for element in tree.xpath("|".join(f"//{tag}" for tag in _DROPPED_TAGS)):
        element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    text = tree.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class _FlatText(HTMLParser):
    """The text of a page read as a stream of tags, with no tree: libxml2 stops building its
    tree a few hundred elements deep and drops the text below, which this still reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropped = 0  # depth inside <script>, <style>, ...

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_TAGS:
            self._dropped += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS:
            self._dropped = max(0, self._dropped - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._dropped:
            self.parts.append(data)


def _flat_text(html: str) -> str:
    """Text of a page whose tree holds none: nested too deeply for libxml2, or broken."""
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _page_metadata(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Title, site name, canonical URL and publication time from <meta>, <link>, JSON-LD."""
    metas: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "")
        content = (element.get("content") or "").strip()
        if key and content:
            metas.setdefault(key.strip().lower(), content)
    ld = _json_ld_article(tree)
    found = {
        "title": _first(_ld_text(ld.get("headline")), metas.get("og:title"),
                        metas.get("twitter:title")),
        "site_name": _first(metas.get("og:site_name"), _ld_name(ld.get("publisher")),
                            metas.get("application-name")),
        "url": _first(_canonical_link(tree), metas.get("og:url"), _ld_url(ld)),
        "published": _first(*(metas.get(k) for k in _PUBLISHED_META),
                             _ld_text(ld.get("datePublished")), _time_element(tree)),
    }
    return {key: value for key, value in found.items() if value}


def _json_ld_article(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object of an article type (looking inside lists and @graph)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                return item
    return {}


def _ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for part in data for item in _ld_items(part)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", []))]
    return []


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return value.strip() if isinstance(value, str) and value.strip() else None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return _ld_text(value.get("name")) if isinstance(value, dict) else _ld_text(value)


def _ld_url(ld: dict[str, Any]) -> str | None:
    page = ld.get("mainEntityOfPage")
    if isinstance(page, dict):
        page = page.get("@id") or page.get("url")
    return _first(_ld_text(ld.get("url")), _ld_text(page))


def _canonical_link(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href", "").strip() or None
    return None


def _time_element(tree: lxml.html.HtmlElement) -> str | None:
    # Only a <time> marked as the publication time; other <time>s may be any date.
    for element in tree.xpath('//time[@datetime][@itemprop="datePublished" or @pubdate]'):
        return element.get("datetime")
    return None


def _first(*values: str | None) -> str | None:
    return next((v.strip() for v in values if v and v.strip()), None)


def _strip_site_from_title(title: str | None, site_name: str | None) -> str | None:
    """"<headline> | <site>" → "<headline>"."""
    if not title or not site_name:
        return title
    for sep in _TITLE_SEPARATORS:
        if title.endswith(sep + site_name):
            return title[: -len(sep + site_name)].strip()
        if title.startswith(site_name + sep):
            return title[len(site_name + sep):].strip()
    return title
