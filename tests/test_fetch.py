"""fetch_url against the real loopback news site (tests/newsite.py): pages, faults and limits."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import newsite
import pytest
from newsite import NewsSite

from tasks.web.fetch import FEED_TYPES, USER_AGENT, FetchLimits, FetchResult, fetch_url, make_client

LIMITS = FetchLimits(connect_timeout=2.0, read_timeout=0.5, total_timeout=10.0, max_bytes=256_000, max_redirects=5)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    # trust_env=False: no proxy from the environment, so requests only ever go to 127.0.0.1
    with make_client(trust_env=False) as c:
        yield c


def fetch(site: NewsSite, client: httpx.Client, path: str, **kwargs: object) -> FetchResult:
    kwargs.setdefault("limits", LIMITS)
    return fetch_url(site.url(path), client=client, **kwargs)  # type: ignore[arg-type]


def assert_failed(result: FetchResult, kind: str, *, transient: bool) -> None:
    assert result.outcome == "failed" and not result.ok
    assert result.error_kind == kind, result.error
    assert result.transient is transient
    assert result.error and "\n" not in result.error
    assert result.text is None


# ---------------------------------------------------------------- pages


def test_arabic_page(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/ar/geneva-talks.html")
    assert result.ok and result.error is None and not result.transient
    assert result.status == 200
    assert result.final_url == result.url == news_site.url("/ar/geneva-talks.html")
    assert result.content_type == "text/html; charset=utf-8"
    assert result.headers["content-type"] == result.content_type
    assert result.body is not None and result.text == result.body.decode("utf-8")
    assert newsite.AR_TITLE in result.text
    assert (result.encoding, result.encoding_source) == ("utf-8", "http")
    assert result.redirects == ()
    assert result.elapsed > 0


def test_english_page(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/en/jeddah-talks.html")
    assert result.ok
    assert result.text is not None and newsite.EN_TITLE in result.text


def test_user_agent_is_the_callers(news_site: NewsSite, client: httpx.Client) -> None:
    assert USER_AGENT == "roundtable/0.1 (+news research; contact in README)"
    agent = "roundtable-test/9 (+unit tests)"
    assert fetch(news_site, client, "/echo-headers", user_agent=agent).ok
    assert news_site.requests_for("/echo-headers")[-1].headers["user-agent"] == agent


@pytest.mark.parametrize(
    ("path", "encoding", "source"),
    [
        ("/ar/legacy-1256.html", "windows-1256", "meta"),
        ("/ar/legacy-8859-6.html", "iso-8859-6", "meta"),
        ("/ar/mislabelled-latin1.html", "windows-1256", "detected"),
        ("/no-content-type.html", "utf-8", "meta"),
        ("/gzip.html", "utf-8", "http"),
    ],
)
def test_legacy_and_odd_pages_decode(
    news_site: NewsSite, client: httpx.Client, path: str, encoding: str, source: str
) -> None:
    result = fetch(news_site, client, path)
    assert result.ok, result.error
    assert (result.encoding, result.encoding_source) == (encoding, source)
    assert result.text is not None and newsite.AR_TITLE in result.text


def test_plain_text_is_accepted(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/ar/plain.txt")
    assert result.ok and result.text == "\n\n".join(newsite.AR_PARAGRAPHS)


def test_without_a_client_one_is_made_and_closed(news_site: NewsSite, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    result = fetch_url(news_site.url("/en/jeddah-talks.html"), limits=LIMITS)
    assert result.ok
    assert news_site.requests_for("/en/jeddah-talks.html")[-1].headers["user-agent"] == USER_AGENT


# ---------------------------------------------------------------- HTTP errors


@pytest.mark.parametrize(
    ("code", "transient"),
    [(400, False), (403, False), (404, False), (410, False), (500, True), (502, True), (503, True)],
)
def test_http_errors(news_site: NewsSite, client: httpx.Client, code: int, transient: bool) -> None:
    result = fetch(news_site, client, f"/status/{code}")
    assert_failed(result, "http_status", transient=transient)
    assert result.status == code
    assert result.error is not None and result.error.startswith(f"HTTP {code}")
    assert result.body is None


def test_429_records_retry_after(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/status/429")
    assert_failed(result, "http_status", transient=True)
    assert result.retry_after == newsite.RETRY_AFTER_SECONDS


def test_retry_after_as_http_date(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/status/503-date")
    assert_failed(result, "http_status", transient=True)
    assert result.retry_after is not None and result.retry_after > 365 * 24 * 3600


def test_unknown_path_is_404(news_site: NewsSite, client: httpx.Client) -> None:
    assert_failed(fetch(news_site, client, "/no/such/page"), "http_status", transient=False)


# ---------------------------------------------------------------- timeouts and size


@pytest.mark.parametrize("path", ["/stall", "/stall-before-headers"])
def test_stalled_response_hits_the_read_timeout(news_site: NewsSite, client: httpx.Client, path: str) -> None:
    started = time.monotonic()
    result = fetch(news_site, client, path)
    assert time.monotonic() - started < 5  # the server would stall for 30 s
    assert_failed(result, "timeout", transient=True)
    assert "read timed out" in (result.error or "")


def test_slow_drip_hits_the_total_timeout(news_site: NewsSite, client: httpx.Client) -> None:
    limits = FetchLimits(connect_timeout=2.0, read_timeout=2.0, total_timeout=1.0)
    started = time.monotonic()
    result = fetch(news_site, client, "/drip", limits=limits)
    assert time.monotonic() - started < 10  # the drip would last 60 s
    assert_failed(result, "timeout", transient=True)


def test_huge_stream_is_cut_at_the_cap(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/huge")
    assert_failed(result, "too_large", transient=False)
    assert result.body is None
    assert str(LIMITS.max_bytes) in (result.error or "")


def test_declared_huge_length_is_refused_before_reading(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/huge-declared")
    assert_failed(result, "too_large", transient=False)
    assert "50000000" in (result.error or "")


def test_page_under_the_cap_passes_and_over_fails(news_site: NewsSite, client: httpx.Client) -> None:
    size = len(newsite.arabic_page().encode())
    assert fetch(news_site, client, "/ar/geneva-talks.html", limits=FetchLimits(max_bytes=size)).ok
    small = fetch(news_site, client, "/ar/geneva-talks.html", limits=FetchLimits(max_bytes=size - 1))
    assert_failed(small, "too_large", transient=False)


def test_connection_refused_is_transient(client: httpx.Client) -> None:
    with socket.socket() as s:  # a free loopback port with nobody listening once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = fetch_url(f"http://127.0.0.1:{port}/", client=client, limits=LIMITS)
    assert_failed(result, "connection", transient=True)
    assert result.status is None and result.final_url is None


# ---------------------------------------------------------------- redirects


def test_redirect_is_followed(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/redirect/to-article")
    assert result.ok
    assert result.final_url == news_site.url("/ar/geneva-talks.html")
    assert result.redirects == (news_site.url("/ar/geneva-talks.html"),)


def test_relative_redirect(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/redirect/relative/start")
    assert result.ok and result.final_url == news_site.url("/ar/geneva-talks.html")


def test_redirect_limit(news_site: NewsSite, client: httpx.Client) -> None:
    ok = fetch(news_site, client, "/redirect/hops/5")
    assert ok.ok and len(ok.redirects) == 5
    assert ok.final_url == news_site.url("/en/jeddah-talks.html")
    too_many = fetch(news_site, client, "/redirect/hops/6")
    assert_failed(too_many, "redirects", transient=False)


def test_redirect_loop(news_site: NewsSite, client: httpx.Client) -> None:
    before = len(news_site.requests_for("/redirect/loop-a"))
    result = fetch(news_site, client, "/redirect/loop-a")
    assert_failed(result, "redirects", transient=False)
    assert "loop" in (result.error or "")
    assert len(news_site.requests_for("/redirect/loop-a")) == before + 1  # noticed, not ridden to the limit


def test_redirect_to_another_scheme_is_refused(news_site: NewsSite, client: httpx.Client) -> None:
    assert_failed(fetch(news_site, client, "/redirect/to-ftp"), "scheme", transient=False)


# ---------------------------------------------------------------- what is not a page


@pytest.mark.parametrize("path", ["/report.pdf", "/photo.png", "/disguised-pdf.html"])
def test_binary_documents_are_permanent_failures(news_site: NewsSite, client: httpx.Client, path: str) -> None:
    result = fetch(news_site, client, path)
    assert_failed(result, "content_type", transient=False)
    assert result.body is None


@pytest.mark.parametrize("path", ["/empty.html", "/blank.html"])
def test_empty_body_is_a_failure(news_site: NewsSite, client: httpx.Client, path: str) -> None:
    result = fetch(news_site, client, path)
    assert_failed(result, "empty", transient=True)
    assert result.status == 200


def test_undecodable_body(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/garbage.html")
    assert_failed(result, "undecodable", transient=False)


def test_feed_types_only_when_asked(news_site: NewsSite, client: httpx.Client) -> None:
    rss = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    news_site.add("/feed.xml", body=rss, headers={"Content-Type": "application/rss+xml"})
    assert_failed(fetch(news_site, client, "/feed.xml"), "content_type", transient=False)
    assert fetch(news_site, client, "/feed.xml", accept=FEED_TYPES).ok


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("file:///etc/hostname", "scheme"),
        ("ftp://127.0.0.1/x", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("not a url", "scheme"),
        ("http://", "invalid_url"),
    ],
)
def test_bad_urls_fail_without_a_request(client: httpx.Client, url: str, kind: str) -> None:
    result = fetch_url(url, client=client, limits=LIMITS)
    assert_failed(result, kind, transient=False)
    assert result.status is None


# ---------------------------------------------------------------- conditional requests


def test_etag_gives_not_modified(news_site: NewsSite, client: httpx.Client) -> None:
    first = fetch(news_site, client, "/etag/geneva.html")
    assert first.ok and first.etag == newsite.ETAG and first.last_modified == newsite.LAST_MODIFIED
    again = fetch(news_site, client, "/etag/geneva.html", etag=first.etag)
    assert again.outcome == "not_modified" and again.status == 304
    assert again.error is None and again.body is None and not again.transient
    assert news_site.requests_for("/etag/geneva.html")[-1].headers["if-none-match"] == newsite.ETAG


def test_last_modified_gives_not_modified(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/etag/geneva.html", last_modified=newsite.LAST_MODIFIED)
    assert result.outcome == "not_modified"


def test_stale_etag_gets_the_page(news_site: NewsSite, client: httpx.Client) -> None:
    result = fetch(news_site, client, "/etag/geneva.html", etag='"v6-old"')
    assert result.ok and result.text is not None and newsite.AR_TITLE in result.text
