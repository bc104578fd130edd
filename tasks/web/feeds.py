"""RSS and Atom feeds: bytes we fetched ourselves in, article links with title/date hints out.

    parse_feed(data, base_url=..., content_type=None, max_entries=MAX_ENTRIES) -> Feed
    FeedError: not a feed, or refused as hostile (one-line reason)

feedparser is only ever given a BytesIO of the fetched body: handed bytes or a str it may open
them as a file path or fetch them as a URL. Before it sees anything, defusedxml checks the
document: a feed declaring entities or external references is refused (feedparser itself does
not expand them, but there is no reason to parse such a document at all). A document that is not
well-formed XML still goes to feedparser's lenient parser (real feeds often have a stray `&`);
if that finds no RSS/Atom either, it is "not a feed".
"""

from __future__ import annotations

import html
import io
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from tasks.web.xmlsafe import HostileXMLError, MalformedXMLError, parse_xml

MAX_ENTRIES = 2000  # per feed document: more is a broken or hostile feed
MAX_TITLE_CHARS = 500
_TAG = re.compile(r"<[^>]*>")


class FeedError(ValueError):
    """The document is not a usable feed; the message is one line."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None  # as given (absolute after feedparser's relative-URL resolution)
    title: str | None
    published_at: str | None  # ISO 8601, keeping the feed's own UTC offset
    language: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    language: str | None  # two-letter code from the channel, if any
    entries: list[FeedEntry]
    malformed: str | None = None  # why the strict parse failed, when the lenient one was used


def parse_feed(data: bytes, *, base_url: str, content_type: str | None = None, max_entries: int = MAX_ENTRIES) -> Feed:
    if not data.strip():
        raise FeedError("empty feed document")
    malformed = None
    try:
        parse_xml(data)
    except HostileXMLError as exc:
        raise FeedError(f"refused: the feed {exc}") from None
    except MalformedXMLError as exc:
        malformed = str(exc)
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
    if not parsed.get("version") and not parsed.entries:
        reason = malformed or _bozo(parsed) or "no RSS or Atom elements"
        raise FeedError(f"not a feed: {reason}")
    language = _language(parsed.feed.get("language"))
    entries = [_entry(e, language) for e in parsed.entries[:max_entries]]
    return Feed(title=_clean(parsed.feed.get("title")), language=language, entries=entries, malformed=malformed)


def _bozo(parsed: Any) -> str | None:
    exc = parsed.get("bozo_exception")
    return " ".join(str(exc).split()) if exc else None


def _entry(entry: Any, feed_language: str | None) -> FeedEntry:
    published = iso_date(entry.get("published"), entry.get("published_parsed"))
    if published is None:
        published = iso_date(entry.get("updated"), entry.get("updated_parsed"))
    title_detail = entry.get("title_detail") or {}
    language = _language(title_detail.get("language")) or feed_language
    return FeedEntry(
        link=(entry.get("link") or None), title=_clean(entry.get("title")), published_at=published, language=language
    )


def _clean(text: str | None) -> str | None:
    """Plain one-line text from a feed field that may carry markup or entities."""
    if not text:
        return None
    plain = " ".join(html.unescape(_TAG.sub(" ", str(text))).split())
    return plain[:MAX_TITLE_CHARS] or None


def _language(value: str | None) -> str | None:
    code = (value or "").strip().lower()[:3].split("-")[0].split("_")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def iso_date(raw: str | None, parsed: time.struct_time | None) -> str | None:
    """An ISO timestamp that keeps the publisher's UTC offset (RFC 822 in RSS, RFC 3339 in Atom);
    feedparser's own struct_time (always UTC) is the fallback. Implausible years are dropped."""
    when: datetime | None = None
    if raw:
        text = str(raw).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # a bare day stays a day: no invented midnight
            try:
                day = datetime.fromisoformat(text)
            except ValueError:
                return None
            return text if 1990 <= day.year <= datetime.now(UTC).year + 1 else None
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            try:
                when = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                when = None
    if when is None and parsed is not None:
        try:
            when = datetime(*parsed[:6], tzinfo=UTC)
        except (TypeError, ValueError):
            return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if not 1990 <= when.year <= datetime.now(UTC).year + 1:
        return None
    return when.isoformat()
