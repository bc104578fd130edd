"""PoliteFetcher against real loopback sites: robots.txt, per-host delay and serialism, retries
with back-off and Retry-After, leaving a struggling host alone, redirects checked hop by hop."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from newsite import NewsSite

from tasks.discover import InputItem
from tasks.web.crawl import PageWork, fetch_pages
from tasks.web.fetch import FetchLimits, make_client
from tasks.web.politeness import PoliteFetcher, Politeness, robots_from

LIMITS = FetchLimits(connect_timeout=1.0, read_timeout=0.3, total_timeout=5.0, max_bytes=300_000)
AGENT = "roundtable/0.1 (+tests)"


def politeness(**changes: object) -> Politeness:
    base = {
        "user_agent": AGENT,
        "delay": 0.0,
        "max_crawl_delay": 0.0,
        "concurrency": 4,
        "retries": 2,
        "backoff": 0.05,
        "max_retry_wait": 0.5,
    }
    return Politeness(**{**base, **changes})  # type: ignore[arg-type]


@pytest.fixture()
def client() -> Iterator[httpx.Client]:
    with make_client(user_agent=AGENT, trust_env=False) as c:
        yield c


def polite(client: httpx.Client, **changes: object) -> PoliteFetcher:
    return PoliteFetcher(client, LIMITS, politeness(**changes))


@pytest.fixture()
def fresh_site() -> Iterator[NewsSite]:
    """A site of its own, for tests that count requests or get its host left alone."""
    with NewsSite() as site:
        yield site


# ---------------------------------------------------------------- robots.txt


def test_robots_is_fetched_once_and_obeyed(fresh_site: NewsSite, client: httpx.Client) -> None:
    fetcher = polite(client)
    ok = fetcher.fetch(fresh_site.url("/news/en-geneva-3.html"))
    denied = fetcher.fetch(fresh_site.url("/private/leak.html"))
    assert ok.ok
    assert denied.outcome == "skipped" and denied.error == "disallowed by robots.txt" and not denied.transient
    assert fresh_site.requests_for("/private/leak.html") == []
    fetcher.fetch(fresh_site.url("/news/ar-doha-3.html"))
    assert len(fresh_site.requests_for("/robots.txt")) == 1
    agents = {r.headers["user-agent"] for r in fresh_site.requests}
    assert agents == {AGENT}  # an honest User-Agent naming the project, on robots.txt too


def test_robots_404_allows_everything(client: httpx.Client) -> None:
    with NewsSite(robots=None) as site:
        assert polite(client).fetch(site.url("/private/leak.html")).ok


@pytest.mark.parametrize("status", [500, 503, 429])
def test_robots_5xx_disallows_the_host_for_the_run(client: httpx.Client, status: int) -> None:
    with NewsSite(robots=status) as site:
        fetcher = polite(client)
        first = fetcher.fetch(site.url("/news/en-geneva-3.html"))
        second = fetcher.fetch(site.url("/news/ar-doha-3.html"))
        for result in (first, second):
            assert result.outcome == "failed" and result.transient and result.error_kind == "robots"
            assert f"robots.txt unavailable (HTTP {status})" in (result.error or "")
        assert site.requests_for("/news/en-geneva-3.html") == [] and len(site.requests_for("/robots.txt")) == 1
        assert fetcher.robots_notes and "nothing fetched from this host" in fetcher.robots_notes[0]


def test_unreachable_robots_means_nothing_is_fetched(client: httpx.Client) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = polite(client).fetch(f"http://127.0.0.1:{port}/news/a.html")
    assert result.outcome == "failed" and result.transient and "robots.txt unavailable" in (result.error or "")


def test_robots_parsing_of_a_fetch_result() -> None:
    from tasks.web.fetch import FetchResult

    text = b"User-agent: roundtable\nDisallow: /drafts/\nCrawl-delay: 4\n\nUser-agent: *\nDisallow: /\n"
    robots = robots_from(FetchResult("u", "u", 200, "ok", body=text), "roundtable")
    assert robots.allows("http://h/news/a", "roundtable") and not robots.allows("http://h/drafts/a", "roundtable")
    assert not robots.allows("http://h/news/a", "otherbot")
    assert robots.crawl_delay == 4
    assert politeness().agent_token == "roundtable"


# ---------------------------------------------------------------- delay and concurrency


def test_crawl_delay_is_honoured_up_to_the_cap(fresh_site: NewsSite, client: httpx.Client) -> None:
    fetcher = polite(client, delay=0.0, max_crawl_delay=0.25)  # the site asks for Crawl-delay: 1
    started = time.monotonic()
    for slug in ("en-geneva-3", "ar-doha-3", "en-archive-4"):
        assert fetcher.fetch(fresh_site.url(f"/news/{slug}.html")).ok
    elapsed = time.monotonic() - started
    assert 0.75 <= elapsed < 2.5  # robots, then three pages 0.25 s apart (robots → page included)
    assert fetcher.host_delay(fresh_site.url("/")) == 0.25


def test_serial_per_host_parallel_across_hosts(client: httpx.Client) -> None:
    with NewsSite() as one, NewsSite("127.0.0.2") as two:
        work = [
            PageWork(InputItem(site.url(f"/slow/{n}"), "test"), ("127.0.0.1", "127.0.0.2"))
            for n in range(4)
            for site in (one, two)
        ]
        started = time.monotonic()
        results = fetch_pages(work, polite(client, concurrency=4), concurrency=4)
        elapsed = time.monotonic() - started
    assert [r.log["uri"] for r in results] == [w.item.uri for w in work]  # in work order
    assert all(r.ok for r in results)
    assert one.max_in_flight == 1 and two.max_in_flight == 1  # never two requests at once to one host
    assert 0.8 <= elapsed < 1.6  # 4 × 0.2 s per host, the two hosts side by side (serial would be 1.6 s)


# ---------------------------------------------------------------- retries and back-off


def test_5xx_is_retried_with_backoff(news_site: NewsSite, client: httpx.Client) -> None:
    started = time.monotonic()
    result = polite(client, backoff=5.0).fetch(news_site.url("/flaky/503/2/politeness-a"))
    assert result.ok and len(news_site.requests_for("/flaky/503/2/politeness-a")) == 3
    assert time.monotonic() - started < 2  # the server's Retry-After: 0 beats our own 5 s back-off


def test_retries_are_bounded(news_site: NewsSite, client: httpx.Client) -> None:
    started = time.monotonic()
    result = polite(client, retries=2, backoff=0.1).fetch(news_site.url("/status/500"))
    assert result.outcome == "failed" and result.transient and result.status == 500
    assert time.monotonic() - started >= 0.3  # waited 0.1 then 0.2 s
    result = polite(client, retries=1).fetch(news_site.url("/flaky/429/5/politeness-b"))
    assert result.outcome == "failed" and len(news_site.requests_for("/flaky/429/5/politeness-b")) == 2


def test_long_retry_after_leaves_the_host_alone(fresh_site: NewsSite, client: httpx.Client) -> None:
    fetcher = polite(client, max_retry_wait=0.5)
    started = time.monotonic()
    limited = fetcher.fetch(fresh_site.url("/status/429"))  # Retry-After: 120
    assert time.monotonic() - started < 2  # not 120 s, and not the cap either: no point retrying
    assert limited.outcome == "failed" and limited.transient and "asked to wait 120 s" in (limited.error or "")
    later = fetcher.fetch(fresh_site.url("/news/en-geneva-3.html"))
    assert later.outcome == "skipped" and later.error_kind == "deferred" and later.transient
    assert fresh_site.requests_for("/news/en-geneva-3.html") == []


def test_a_host_that_keeps_timing_out_is_left_alone(fresh_site: NewsSite, client: httpx.Client) -> None:
    fetcher = polite(client)
    started = time.monotonic()
    results = [fetcher.fetch(fresh_site.url(f"/stall-before-headers?n={n}")) for n in range(5)]
    assert time.monotonic() - started < 3  # three 0.3 s timeouts, then no more waiting
    assert [r.error_kind for r in results] == ["timeout"] * 3 + ["deferred"] * 2
    assert len(fresh_site.requests_for("/stall-before-headers")) == 3


# ---------------------------------------------------------------- redirects


def test_redirect_to_another_host_is_refused(news_site: NewsSite, other_site: NewsSite, client: httpx.Client) -> None:
    result = polite(client).fetch(news_site.url("/redirect/offsite"), allowed_domains=["127.0.0.1"])
    assert result.outcome == "failed" and result.error_kind == "redirects"
    assert "outside the source's domains" in (result.error or "")
    assert other_site.requests == []


def test_redirect_into_a_disallowed_path_is_refused(news_site: NewsSite, client: httpx.Client) -> None:
    before = len(news_site.requests_for("/private/leak.html"))
    result = polite(client).fetch(news_site.url("/redirect/to-private"))
    assert result.outcome == "failed" and "disallowed by robots.txt" in (result.error or "")
    assert len(news_site.requests_for("/private/leak.html")) == before
