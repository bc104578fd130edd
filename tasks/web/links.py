"""Links found in feeds and sitemaps: normalised so that one article is one URL, filtered so that
only article-like http(s) pages on the source's own hosts are ever fetched.

    normalize(url) -> str | None            # canonical spelling, None if not a usable http(s) URL
    article_link(url) -> (url, None) | (None, reason)
    host_of(url) -> str                      # lower-case host name, no port
    on_domains(url, domains) -> bool         # host is one of the domains or a subdomain of one

courlan does the normalising (tracking parameters, fragments, host case, default ports) and its
type and extension filters drop non-article pages (tag/category/search pages, PDFs, images).
Its host-name checks are left out on purpose: they reject IP addresses and ports, which the
domain allow-list already governs (and which the loopback test site uses).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from courlan.clean import normalize_url, scrub_url
from courlan.filters import basic_filter, extension_filter, type_filter, validate_url

SCHEMES = ("http", "https")
MAX_URL_CHARS = 2000  # longer "links" are garbage or an attack on whatever logs them


def normalize(url: str | None) -> str | None:
    """The canonical spelling of an http(s) URL; None when it is not one."""
    if not url or len(url) > MAX_URL_CHARS:
        return None
    try:
        scrubbed = scrub_url(url.strip())
        ok, parsed = validate_url(scrubbed)
        if not ok or parsed is None or parsed.scheme.lower() not in SCHEMES or not parsed.hostname:
            return None
        # non-strict: keeps meaningful query parameters (?id=123 articles), drops tracking ones;
        # a fragment never names another document, so it goes too
        norm = urlsplit(normalize_url(parsed, strict=False))
        return urlunsplit((norm.scheme, norm.netloc, norm.path or "/", norm.query, ""))
    except (ValueError, AttributeError):
        return None


def article_link(url: str | None) -> tuple[str | None, str | None]:
    """(normalised URL, None) for a link worth fetching as an article, else (None, why not)."""
    norm = normalize(url)
    if norm is None:
        scheme = urlsplit(url or "").scheme if url and len(url) <= MAX_URL_CHARS else ""
        if scheme and scheme.lower() not in SCHEMES:
            return None, f"not an http(s) link (scheme {scheme!r})"
        return None, "not a valid http(s) URL"
    if urlsplit(norm).path in ("", "/"):
        return None, "not an article link (a site's front page)"
    if not basic_filter(norm) or not type_filter(norm, strict=False):
        return None, "not an article link (navigation, tag, feed or search page)"
    if not extension_filter(urlsplit(norm).path.lower()):
        return None, "not an article link (file extension)"
    return norm, None


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def host_key(url: str) -> str:
    """scheme://host[:port]: the unit that robots.txt and per-host politeness apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"


def on_domains(url: str, domains: Iterable[str]) -> bool:
    host = host_of(url)
    if not host:
        return False
    return any(host == d or host.endswith("." + d) for d in (d.lower().strip(".") for d in domains) if d)
