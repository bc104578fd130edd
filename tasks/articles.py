"""Clean stage: a raw page row becomes an article row (or an outcome saying why not).

Manifest and feed hints win over what the page says; ids come from the canonical URL, or
from the cleaned text for a local file that has no URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

import courlan

from lake.ids import article_id
from lake.store import now_utc
from tasks.clean import clean_html, clean_text, detect_language
from tasks.datelines import dateline_date
from tasks.fingerprint import fingerprints


@dataclass(frozen=True, slots=True)
class Cleaned:
    article: dict[str, Any] | None  # an ARTICLES row
    outcome: dict[str, Any]  # a PAGE_OUTCOMES row


def parse_published(value: str | datetime | None) -> tuple[datetime | None, date | None]:
    """(UTC timestamp, the day in the publisher's own time zone) from an ISO date or datetime."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip().replace("Z", "+00:00")
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            try:
                d = date.fromisoformat(text[:10])
            except ValueError:
                return None, None
            return datetime.combine(d, time(), UTC), d
        if len(text) == 10:  # a bare date: the day itself, no time zone to speak of
            return datetime.combine(dt.date(), time(), UTC), dt.date()
    local_day = dt.date()
    aware = dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    return aware.astimezone(UTC), local_day


def canonical(url: str | None) -> str | None:
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return courlan.normalize_url(url, strict=True) or url


def _outcome(page_id: str, outcome: str, article: str | None, reason: str | None) -> dict[str, Any]:
    return {"page_id": page_id, "outcome": outcome, "article_id": article, "reason": reason, "written_at": now_utc()}


def clean_page(page: dict[str, Any], max_html_chars: int, max_text_chars: int) -> Cleaned:
    """Clean one raw page. Pure apart from the clock; never raises for bad content."""
    pid = page["page_id"]
    content = page["content"] or ""
    try:
        if page["kind"] == "html":
            cleaned = clean_html(content[:max_html_chars], url=page.get("final_url") or page.get("hint_url"))
        else:
            cleaned = clean_text(content[:max_text_chars], title=page.get("hint_title"))
    except Exception as exc:  # a parser failing on hostile markup must not stop the run
        return Cleaned(None, _outcome(pid, "failed", None, f"cleaning failed: {type(exc).__name__}: {exc}"))
    text = cleaned.text or ""
    if not text.strip():
        return Cleaned(None, _outcome(pid, "empty", None, "no article text found"))

    url = canonical(page.get("hint_url")) or canonical(cleaned.canonical_url) or canonical(page.get("final_url"))
    if url is None and page["source_uri"].lower().startswith(("http://", "https://")):
        url = canonical(page["source_uri"])
    sha, sim = fingerprints(text)  # one fold of the text for both
    aid = article_id(url or f"sha256:{sha}")
    published_at, published_day = parse_published(page.get("hint_published_at") or cleaned.published_at)
    if published_day is None and cleaned.published_date is not None:  # a page that gives a day but no time
        published_at, published_day = parse_published(cleaned.published_date.isoformat())
    language = page.get("hint_language") or cleaned.language or detect_language(text)
    if published_day is None and (found := dateline_date(text, language)) is not None:
        # nothing else gives one: a dateline or a date line at the top of the text
        published_at, published_day = parse_published(found.isoformat())
    title = page.get("hint_title") or cleaned.title
    row = {
        "article_id": aid,
        "page_id": pid,
        "source_uri": page.get("hint_url") or page["source_uri"],
        "canonical_url": url,
        "title": title,
        "published_at": published_at,
        "published_date": published_day,
        "language": language,
        "source": page.get("hint_source") or cleaned.site_name,
        "author": cleaned.author,
        "text": text,
        "word_count": len(text.split()),
        "text_sha256": sha,
        "simhash": sim,
        "written_at": now_utc(),
    }
    return Cleaned(row, _outcome(pid, "article", aid, None))


def clean_many(pages: Sequence[dict[str, Any]], max_html_chars: int, max_text_chars: int) -> list[Cleaned]:
    """clean_page over a batch (what a pool worker runs)."""
    return [clean_page(p, max_html_chars, max_text_chars) for p in pages]
