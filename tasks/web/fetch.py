"""Fetching one URL over HTTP(S) with limits we control, never raising for network trouble.

    fetch_url(url, *, client=None, limits=FetchLimits(), user_agent=USER_AGENT,
              etag=None, last_modified=None, accept=HTML_TYPES, raw=False,
              check_redirect=None) -> FetchResult
    make_client(*, user_agent=USER_AGENT, trust_env=True) -> httpx.Client

Every failure (bad URL, refused connection, timeout, HTTP error, oversized or binary body,
undecodable text) comes back as a FetchResult with a one-line `error`, an `error_kind` and
`transient` (worth retrying on a later run). Redirects are followed by hand so that each hop
is checked (scheme, loop, count) and can later pass through politeness (robots, rate limits).
Feeds and sitemaps reuse this with `accept=FEED_TYPES` (or SITEMAP_TYPES) and `raw=True`: the
body comes back as bytes for the XML parser, which reads its own encoding declaration.
`check_redirect(url)` may veto a hop (another host, robots.txt) by returning the reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal

import httpx

from tasks.decode import UndecodableError, decode_body

USER_AGENT = "roundtable/0.1 (+news research; contact in README)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"}
)
# Feeds and sitemaps are often served with a generic or wrong type: the XML parser decides.
DOCUMENT_TYPES = FEED_TYPES | {"text/html", "text/plain", "application/octet-stream"}
SITEMAP_TYPES = DOCUMENT_TYPES | {"application/x-gzip", "application/gzip"}
_SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)
_TRANSIENT = (408, 425, 429)
_GZIP = b"\x1f\x8b"  # a gzipped sitemap is fine in raw mode
# Leading bytes of formats that are never an article, whatever the Content-Type says.
_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00", "binary data"),
)

Outcome = Literal["ok", "not_modified", "failed", "skipped"]  # skipped: never requested (robots, back-off)
ErrorKind = Literal[
    "invalid_url",
    "scheme",
    "http_status",
    "timeout",
    "connection",
    "protocol",
    "redirects",
    "content_type",
    "too_large",
    "empty",
    "undecodable",
    "robots",  # disallowed by robots.txt (set by tasks.web.politeness)
    "deferred",  # host left alone for the rest of the run (set by tasks.web.politeness)
]


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 5.0  # seconds to open the connection
    read_timeout: float = 15.0  # seconds of silence tolerated between two reads
    total_timeout: float = 60.0  # wall clock for the whole fetch: a slow drip can't hold a worker
    max_bytes: int = 5 * 1024 * 1024  # body cap, enforced while streaming (after decompression)
    max_redirects: int = 5


@dataclass
class FetchResult:
    url: str  # as asked
    final_url: str | None  # after redirects; None when no response came
    status: int | None  # HTTP status of the last response
    outcome: Outcome
    content_type: str | None = None  # raw Content-Type header value
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names
    body: bytes | None = None  # raw bytes (None for failures before/without a usable body)
    text: str | None = None  # decoded body
    encoding: str | None = None
    encoding_source: str | None = None  # "bom" | "http" | "meta" | "detected" | "utf-8"
    error: str | None = None  # one line, human readable; None when outcome is "ok" or "not_modified"
    error_kind: ErrorKind | None = None
    transient: bool = False  # a failure worth retrying later (timeouts, 429, 5xx, resets)
    retry_after: float | None = None  # seconds, from Retry-After on 429/503
    etag: str | None = None  # validators to send back next time (conditional GET)
    last_modified: str | None = None
    redirects: tuple[str, ...] = ()  # every URL after the first, in order
    elapsed: float = 0.0  # seconds

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def make_client(*, user_agent: str = USER_AGENT, trust_env: bool = True) -> httpx.Client:
    """One client for many fetches (connection reuse). Redirects stay off: fetch_url follows them."""
    return httpx.Client(headers={"User-Agent": user_agent}, follow_redirects=False, trust_env=trust_env)


def fetch_url(
    url: str,
    *,
    client: httpx.Client | None = None,
    limits: FetchLimits | None = None,
    user_agent: str = USER_AGENT,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: frozenset[str] = HTML_TYPES,
    raw: bool = False,
    check_redirect: Callable[[str], str | None] | None = None,
) -> FetchResult:
    """GET one URL. Pass `etag`/`last_modified` from an earlier fetch for a conditional request
    (a 304 gives outcome "not_modified"). `accept` lists the media types taken as a page; with
    `raw` the body is not decoded (and may be gzip data)."""
    started = time.monotonic()
    own = client is None
    http = client if client is not None else make_client(user_agent=user_agent)
    try:
        request = _Request(user_agent, etag, last_modified, accept, raw, check_redirect)
        result = _fetch(http, url, limits or FetchLimits(), request, started)
    finally:
        if own:
            http.close()
    result.elapsed = time.monotonic() - started
    return result


def _failed(base: FetchResult, kind: ErrorKind, error: str, *, transient: bool = False, **changes: Any) -> FetchResult:
    """`base` (what is known so far) turned into a failure with a one-line reason."""
    return replace(
        base, outcome="failed", error=" ".join(error.split()), error_kind=kind, transient=transient, **changes
    )


@dataclass(frozen=True)
class _Request:
    user_agent: str
    etag: str | None
    last_modified: str | None
    accept: frozenset[str]
    raw: bool
    check_redirect: Callable[[str], str | None] | None


def _fetch(client: httpx.Client, url: str, limits: FetchLimits, req: _Request, started: float) -> FetchResult:
    base = FetchResult(url=url, final_url=None, status=None, outcome="failed")
    try:
        current = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        return _failed(base, "invalid_url", f"invalid URL: {exc}")
    if current.scheme not in _SCHEMES:
        return _failed(base, "scheme", f"unsupported URL scheme {current.scheme or '(none)'!r}")
    if not current.host:
        return _failed(base, "invalid_url", "invalid URL: no host")

    headers = {"User-Agent": req.user_agent, "Accept": ", ".join(sorted(req.accept)) + ", */*;q=0.1"}
    if req.etag:
        headers["If-None-Match"] = req.etag
    if req.last_modified:
        headers["If-Modified-Since"] = req.last_modified
    timeout = httpx.Timeout(
        connect=limits.connect_timeout,
        read=limits.read_timeout,
        write=limits.read_timeout,
        pool=limits.connect_timeout,
    )
    deadline = started + limits.total_timeout
    seen = {str(current)}
    hops: list[str] = []

    while True:
        base = replace(base, redirects=tuple(hops))
        try:
            request = client.build_request("GET", current, headers=headers, timeout=timeout)
            response = client.send(request, stream=True, follow_redirects=False)
        except httpx.HTTPError as exc:
            return _network_failure(base, exc, limits)
        except (httpx.InvalidURL, ValueError) as exc:
            return _failed(base, "invalid_url", f"invalid URL: {exc}")
        try:
            if response.status_code not in _REDIRECTS or "location" not in response.headers:
                return _read(response, base, limits, req, deadline)
            base = replace(base, status=response.status_code, final_url=str(current))
            try:
                target = current.join(response.headers["location"])
            except (httpx.InvalidURL, ValueError) as exc:
                return _failed(base, "redirects", f"redirect to an invalid URL: {exc}")
            if target.scheme not in _SCHEMES:
                return _failed(base, "scheme", f"redirect to unsupported scheme {target.scheme!r}")
            if str(target) in seen:
                return _failed(base, "redirects", f"redirect loop back to {target}")
            if len(hops) >= limits.max_redirects:
                return _failed(base, "redirects", f"more than {limits.max_redirects} redirects")
            veto = req.check_redirect(str(target)) if req.check_redirect else None
            if veto:
                return _failed(base, "redirects", f"redirect to {target} refused: {veto}")
            if time.monotonic() > deadline:
                return _failed(base, "timeout", f"gave up after {limits.total_timeout:g} s", transient=True)
        finally:
            response.close()
        seen.add(str(target))
        hops.append(str(target))
        current = target


def _read(
    response: httpx.Response, base: FetchResult, limits: FetchLimits, req: _Request, deadline: float
) -> FetchResult:
    status = response.status_code
    headers = {k.lower(): v for k, v in response.headers.items()}
    content_type = headers.get("content-type")
    base = replace(
        base,
        final_url=str(response.url),
        status=status,
        content_type=content_type,
        headers=headers,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
    )
    if status == 304:
        return replace(base, outcome="not_modified")
    if not 200 <= status < 300:
        reason = f"HTTP {status} {response.reason_phrase}".strip()
        transient = status in _TRANSIENT or status >= 500
        return _failed(
            base, "http_status", reason, transient=transient, retry_after=_retry_after(headers.get("retry-after"))
        )
    media = content_type.split(";")[0].strip().lower() if content_type else None
    if media and media not in req.accept:
        return _failed(base, "content_type", f"not a page: content type {media}")
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        return _failed(base, "too_large", f"body of {declared} bytes is over the {limits.max_bytes}-byte limit")

    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limits.max_bytes:
                msg = f"body over the {limits.max_bytes}-byte limit (stopped reading at {size} bytes)"
                return _failed(base, "too_large", msg)
            if time.monotonic() > deadline:
                msg = f"gave up after {limits.total_timeout:g} s (body still arriving)"
                return _failed(base, "timeout", msg, transient=True)
            chunks.append(chunk)
    except httpx.HTTPError as exc:
        return _network_failure(base, exc, limits)
    body = b"".join(chunks)

    if not body.strip():
        # An empty 200 is usually a glitch (CDN, overloaded app server): retry next run.
        return _failed(base, "empty", f"empty body (HTTP {status})", transient=True)
    for magic, kind in _MAGIC:
        if body.startswith(magic) and not (req.raw and magic == _GZIP):
            return _failed(base, "content_type", f"not a page: body is {kind} (declared {media})")
    if req.raw:
        return replace(base, outcome="ok", body=body)
    try:
        decoded = decode_body(body, content_type)
    except UndecodableError as exc:
        return _failed(base, "undecodable", f"undecodable body: {exc}", body=body)
    return replace(
        base,
        outcome="ok",
        body=body,
        text=decoded.text,
        encoding=decoded.encoding,
        encoding_source=decoded.source,
    )


def _network_failure(base: FetchResult, exc: httpx.HTTPError, limits: FetchLimits) -> FetchResult:
    detail = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return _failed(base, "timeout", f"connect timed out after {limits.connect_timeout:g} s", transient=True)
    if isinstance(exc, httpx.ReadTimeout):
        return _failed(base, "timeout", f"read timed out after {limits.read_timeout:g} s of silence", transient=True)
    if isinstance(exc, httpx.TimeoutException):
        return _failed(base, "timeout", f"timed out: {detail}", transient=True)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return _failed(base, "scheme", f"unsupported URL: {detail}")
    if isinstance(exc, httpx.DecodingError):
        return _failed(base, "protocol", f"bad content encoding: {detail}")
    if isinstance(exc, (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError)):
        return _failed(base, "connection", f"connection failed: {detail}", transient=True)
    return _failed(base, "protocol", f"HTTP error: {detail}")


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
