"""Sitemaps: sitemap indexes, URL sets, Google News sitemaps (title and publication date), gzip,
and plain-text sitemaps (one URL a line).

    parse_sitemap(data, max_bytes=...) -> Sitemap
    SitemapError: not a sitemap, or refused as hostile (one-line reason)

Parsing goes through tasks.web.xmlsafe (no entity expansion, no external references); gzip is
inflated with a bound, so a small bomb cannot become gigabytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from xml.etree.ElementTree import Element

from tasks.web.feeds import iso_date
from tasks.web.xmlsafe import HostileXMLError, MalformedXMLError, gunzip, is_gzip, local_name, parse_xml

MAX_URLS = 50_000  # the sitemap protocol's own limit per file
MAX_TITLE_CHARS = 500


class SitemapError(ValueError):
    """The document is not a usable sitemap; the message is one line."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    loc: str
    title: str | None = None  # news:title
    published_at: str | None = None  # news:publication_date (ISO, offset kept)
    language: str | None = None  # news:language


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: Literal["index", "urlset"]
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps of an index
    entries: list[SitemapEntry] = field(default_factory=list)


def parse_sitemap(data: bytes, *, max_bytes: int = 10 * 1024 * 1024, max_urls: int = MAX_URLS) -> Sitemap:
    try:
        if is_gzip(data):
            data = gunzip(data, max_bytes)
        if not data.strip():
            raise SitemapError("empty sitemap document")
        if not data.lstrip().startswith(b"<"):
            return _text_sitemap(data, max_urls)
        root = parse_xml(data)
    except HostileXMLError as exc:
        raise SitemapError(f"refused: the sitemap {exc}") from None
    except MalformedXMLError as exc:
        raise SitemapError(f"not a sitemap: {exc}") from None
    kind = local_name(root.tag)
    if kind == "sitemapindex":
        locs = [_loc(child) for child in root if local_name(child.tag) == "sitemap"]
        return Sitemap("index", sitemaps=[u for u in locs if u][:max_urls])
    if kind == "urlset":
        entries = [_entry(child) for child in root if local_name(child.tag) == "url"]
        return Sitemap("urlset", entries=[e for e in entries if e is not None][:max_urls])
    raise SitemapError(f"not a sitemap: root element is <{kind or '?'}>, not <urlset> or <sitemapindex>")


def _text_sitemap(data: bytes, max_urls: int) -> Sitemap:
    try:
        lines = [ln.strip() for ln in data.decode("utf-8").splitlines() if ln.strip()]
    except UnicodeDecodeError:
        raise SitemapError("not a sitemap: neither XML nor UTF-8 text") from None
    if not lines or not all(ln.lower().startswith(("http://", "https://")) for ln in lines):
        raise SitemapError("not a sitemap: neither XML nor a plain list of URLs")
    return Sitemap("urlset", entries=[SitemapEntry(ln) for ln in lines[:max_urls]])


def _child_text(element: Element, name: str) -> str | None:
    for child in element:
        if local_name(child.tag) == name:
            text = " ".join((child.text or "").split())
            return text or None
    return None


def _loc(element: Element) -> str | None:
    return _child_text(element, "loc")


def _entry(element: Element) -> SitemapEntry | None:
    loc = _loc(element)
    if loc is None:
        return None
    news = next((c for c in element if local_name(c.tag) == "news"), None)
    if news is None:
        return SitemapEntry(loc)
    title = _child_text(news, "title")
    published = _child_text(news, "publication_date")
    publication = next((c for c in news if local_name(c.tag) == "publication"), None)
    language = _child_text(publication, "language") if publication is not None else None
    return SitemapEntry(
        loc,
        title=title[:MAX_TITLE_CHARS] if title else None,
        published_at=iso_date(published, None),
        language=(language or "").lower()[:3].split("-")[0] or None,
    )
