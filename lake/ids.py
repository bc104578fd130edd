"""Stable ids: the same input gives the same id on every run and every machine."""

from __future__ import annotations

import hashlib


def digest(*parts: str) -> str:
    """Hex sha256 of the parts joined by a separator that cannot occur in them by accident."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def stable_id(prefix: str, *parts: str, length: int = 16) -> str:
    return f"{prefix}_{digest(*parts)[:length]}"


def article_id(canonical_key: str) -> str:
    """From the canonical URL, or `sha256:<content hash>` for a local file without a URL."""
    return stable_id("a", canonical_key)


def event_id(article: str, ordinal: int) -> str:
    return stable_id("e", article, str(ordinal))


def page_id(source_uri: str, body_sha256: str) -> str:
    return stable_id("pg", source_uri, body_sha256)
