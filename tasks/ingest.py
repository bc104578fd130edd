"""Ingest: turn an input item (local file or URL) into a raw page row and a fetch-log row.

Never raises for bad input: an unreadable, empty, oversized or undecodable file, or a failed
fetch, becomes a fetch-log row with a one-line reason, and the caller goes on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lake.ids import page_id
from lake.store import now_utc
from tasks.decode import UndecodableError, decode_body
from tasks.discover import InputItem
from tasks.web.fetch import FetchResult


@dataclass(frozen=True, slots=True)
class Ingested:
    page: dict[str, Any] | None  # a RAW_PAGES row, None when nothing usable was got
    log: dict[str, Any]  # a FETCH_LOG row
    warning: str | None = None  # the page was stored, but something about it must be said (one line)

    @property
    def ok(self) -> bool:
        return self.page is not None


def _log(
    uri: str,
    outcome: str,
    reason: str | None,
    *,
    source: str,
    status: int | None = None,
    transient: bool = False,
    etag: str | None = None,
    last_modified: str | None = None,
) -> dict[str, Any]:
    ts = now_utc()
    return {
        "uri": uri,
        "attempted_at": ts,
        "outcome": outcome,
        "reason": reason,
        "http_status": status,
        "transient": transient,
        "source": source,
        "etag": etag,
        "last_modified": last_modified,
        "written_at": ts,
    }


def _page(
    item: InputItem,
    body: bytes,
    text: str,
    kind: str,
    *,
    encoding: str,
    encoding_source: str,
    final_url: str | None = None,
    status: int | None = None,
    content_type: str | None = None,
) -> dict[str, Any]:
    body_hash = hashlib.sha256(body).hexdigest()
    ts = now_utc()
    hints = item.hints
    return {
        "page_id": page_id(item.uri, body_hash),
        "source_uri": item.uri,
        "final_url": final_url,
        "fetched_at": ts,
        "http_status": status,
        "content_type": content_type,
        "kind": kind,
        "encoding": encoding,
        "encoding_source": encoding_source,
        "body_sha256": body_hash,
        "content": text,
        "hint_url": hints.get("url"),
        "hint_title": hints.get("title"),
        "hint_published_at": hints.get("published_at"),
        "hint_language": hints.get("language"),
        "hint_source": hints.get("source"),
        "written_at": ts,
    }


def load_file(item: InputItem, max_bytes: int) -> tuple[bytes | None, dict[str, Any] | None]:
    """The file's bytes, or a failed fetch-log row saying why not (empty, too large, unreadable)."""
    path = Path(item.uri)
    try:
        size = path.stat().st_size
        if size == 0:
            return None, _log(item.uri, "failed", "empty file", source=item.origin)
        if size > max_bytes:
            reason = f"file too large ({size} bytes, over the {max_bytes}-byte limit: setting max_page_bytes)"
            return None, _log(item.uri, "failed", reason, source=item.origin)
        return path.read_bytes(), None
    except OSError as exc:
        return None, _log(item.uri, "failed", f"unreadable: {exc.strerror or exc}", source=item.origin)


def page_from_file_bytes(item: InputItem, body: bytes) -> Ingested:
    """Decode a local file's bytes into a raw page row. Invalid UTF-8 bytes in UTF-8 text are
    replaced with U+FFFD and said in `warning`, never guessed into another charset."""
    try:
        decoded = decode_body(body, None, replace_invalid_utf8=True)
    except UndecodableError as exc:
        return Ingested(None, _log(item.uri, "failed", f"undecodable: {exc}", source=item.origin))
    if not decoded.text.strip():
        return Ingested(None, _log(item.uri, "failed", "no text in file", source=item.origin))
    declared = "text/html" if item.kind == "html" else "text/plain"
    page = _page(
        item,
        body,
        decoded.text,
        item.kind or "text",
        encoding=decoded.encoding,
        encoding_source=decoded.source,
        content_type=declared,
    )
    warning = None
    if decoded.replaced:
        n = decoded.replaced
        warning = f"{n} byte{'' if n == 1 else 's'} not valid UTF-8, stored as U+FFFD (the rest of the text is kept)"
    return Ingested(page, _log(item.uri, "ok", None, source=item.origin), warning)


def from_fetch(
    item: InputItem, result: FetchResult, *, sent_etag: str | None = None, sent_last_modified: str | None = None
) -> Ingested:
    """A fetch result as a raw page row (when a page was got) and a fetch-log row. On a 304 the
    validators that were sent are logged again when the server does not repeat them."""
    etag, modified = result.etag, result.last_modified
    if result.outcome == "not_modified":
        etag, modified = etag or sent_etag, modified or sent_last_modified
    if result.outcome != "ok" or result.text is None or result.body is None:
        # "ok" without text is a raw document (a feed or sitemap fetched with raw=True): logged, not a page
        return Ingested(
            None,
            _log(
                item.uri,
                result.outcome,
                result.error,
                source=item.origin,
                status=result.status,
                transient=result.transient,
                etag=etag,
                last_modified=modified,
            ),
        )
    ctype = (result.content_type or "").lower()
    kind = "text" if ctype.startswith("text/plain") else "html"
    page = _page(
        item,
        result.body,
        result.text,
        kind,
        encoding=result.encoding or "utf-8",
        encoding_source=result.encoding_source or "http",
        final_url=result.final_url,
        status=result.status,
        content_type=result.content_type,
    )
    return Ingested(
        page, _log(item.uri, "ok", None, source=item.origin, status=result.status, etag=etag, last_modified=modified)
    )
