"""Links, sources files, discovery into the frontier, what a run fetches (from the fetch log), and
the warnings for sources that broke silently. Plain functions against the loopback sites and a
temporary lake; the Prefect flow is tested in test_web_flow.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import newsite
import pytest
from newsite import NewsSite

from lake import store
from tasks.web.crawl import (
    CrawlPolicy,
    discover_source,
    fetch_pages,
    plan_pages,
    record_discoveries,
    record_pages,
)
from tasks.web.crawlstate import load_history, source_warnings
from tasks.web.fetch import FetchLimits, make_client
from tasks.web.links import article_link, normalize, on_domains
from tasks.web.politeness import PoliteFetcher, Politeness
from tasks.web.sources import Source, load_sources, sources_from_args

LIMITS = FetchLimits(connect_timeout=1.0, read_timeout=0.3, total_timeout=5.0, max_bytes=300_000)
POLICY = CrawlPolicy()


@pytest.fixture()
def polite() -> Iterator[PoliteFetcher]:
    with make_client(trust_env=False) as client:
        yield PoliteFetcher(
            client,
            LIMITS,
            Politeness(
                user_agent="roundtable/0.1 (+tests)", delay=0.0, max_crawl_delay=0.0, backoff=0.01, max_retry_wait=0.2
            ),
        )


@pytest.fixture()
def patient() -> Iterator[PoliteFetcher]:
    """A fetcher for tests about what pages hold, not about timeouts: LIMITS' 0.3 s read timeout made
    them fail when a loaded machine (the quality gate beside them) kept the loopback server waiting."""
    with make_client(trust_env=False) as client:
        yield PoliteFetcher(
            client,
            FetchLimits(connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0, max_bytes=300_000),
            Politeness(
                user_agent="roundtable/0.1 (+tests)", delay=0.0, max_crawl_delay=0.0, backoff=0.01, max_retry_wait=0.2
            ),
        )


def feed(site: NewsSite, path: str, name: str = "test-feed", **kw: object) -> Source:
    return Source(name=name, kind="feed", urls=(site.url(path),), **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- links


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://Example.COM:80/News/a.html?utm_source=x&id=7#top", "http://example.com/News/a.html?id=7"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("  http://127.0.0.1:8080/a.html  ", "http://127.0.0.1:8080/a.html"),
        ("ftp://example.com/a", None),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("/relative/only", None),
        ("http://example.com/" + "a" * 3000, None),
    ],
)
def test_normalize(raw: str, expected: str | None) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("http://example.com/tag/politics/", "navigation"),
        ("http://example.com/files/report.pdf", "extension"),
        ("http://example.com/", "front page"),
        ("http://example.com/feed", "navigation"),
        ("mailto:desk@example.com", "scheme"),
    ],
)
def test_article_link_filters_what_is_not_an_article(raw: str, why: str) -> None:
    uri, reason = article_link(raw)
    assert uri is None and reason is not None and why in reason


def test_on_domains() -> None:
    assert on_domains("https://www.ledger.example/a", ["ledger.example"])
    assert on_domains("http://127.0.0.1:8000/a", ["127.0.0.1"])
    assert not on_domains("https://evil-ledger.example/a", ["ledger.example"])
    assert not on_domains("https://ledger.example.evil.test/a", ["ledger.example"])
    assert not on_domains("http://127.0.0.2/a", ["127.0.0.1"])


# ---------------------------------------------------------------- sources


def test_the_example_sources_file_loads() -> None:
    sources, problems = load_sources(Path(__file__).resolve().parent.parent / "docs" / "sources.example.yaml")
    assert problems == []
    assert [s.kind for s in sources] == ["feed", "feed", "sitemap", "url"]
    first = sources[0]
    assert first.language == "ar" and first.outlet and "cdn.alwatan-today.example" in first.allowed_domains
    assert first.allowed_domains[0] == "alwatan-today.example"


def test_bad_source_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        """
sources:
  - {name: good, kind: feed, url: "http://127.0.0.1:9/feed.xml", language: AR,
     domains: ["https://cdn.example.org/x", "a/b"]}
  - {name: good, kind: feed, url: "http://127.0.0.1:9/other.xml"}
  - {kind: feed, url: "http://127.0.0.1:9/x.xml"}
  - {name: typo, kind: rss, url: "http://127.0.0.1:9/x.xml"}
  - {name: nourl, kind: sitemap}
  - {name: ftp, kind: url, urls: ["ftp://127.0.0.1/a", "file:///etc/passwd"]}
  - {name: lang, kind: url, url: "http://127.0.0.1:9/a", language: arabic}
  - just a string
""",
        encoding="utf-8",
    )
    sources, problems = load_sources(path)
    assert [s.name for s in sources] == ["good", "lang"]
    assert sources[0].language == "ar" and sources[0].domains == ("cdn.example.org",)
    text = "\n".join(p.reason for p in problems)
    for needle in (
        "not a host name",
        "duplicate source name",
        "missing or unusable source name",
        "kind must be one of",
        "no url",
        "not an http(s) URL",
        "not an ISO 639 code",
        "must be a mapping",
    ):
        assert needle in text, needle


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("sources: [", "not valid YAML"),
        ("!!python/object/apply:os.system ['touch /tmp/pwned']", "not valid YAML"),
        ("name: x", "must be a list"),
    ],
)
def test_unusable_sources_files(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(content, encoding="utf-8")
    sources, problems = load_sources(path)
    assert sources == [] and len(problems) == 1 and needle in problems[0].reason
    assert load_sources(tmp_path / "missing.yaml")[1][0].reason.startswith("unreadable sources file")


def test_sources_from_flags() -> None:
    sources, problems = sources_from_args(
        ["http://127.0.0.1:9/a", "not a url"], ["http://127.0.0.1:9/f.xml"], ["http://127.0.0.1:9/s.xml"]
    )
    assert [(s.name, s.kind) for s in sources] == [
        ("url", "url"),
        ("http://127.0.0.1:9/f.xml", "feed"),
        ("http://127.0.0.1:9/s.xml", "sitemap"),
    ]
    assert [p.uri for p in problems] == ["not a url"]


# ---------------------------------------------------------------- discovery


def test_feed_links_are_normalised_deduplicated_and_hinted(news_site: NewsSite, polite: PoliteFetcher) -> None:
    source = feed(news_site, "/feeds/rss.xml", language="ar", outlet="Ledger")
    found = discover_source(source, polite, {}, POLICY)
    assert found.outcome == "ok" and found.notes == []
    assert [r["uri"] for r in found.links] == [
        news_site.url("/news/ar-geneva-1.html"),
        news_site.url("/news/en-jeddah-1.html"),
        news_site.url("/news/ar-legacy-1256.html"),
    ]
    first = found.links[0]
    assert first["hint_title"] == newsite.STORIES["ar-geneva-1"][1]
    assert first["hint_published_at"] == newsite.STORIES["ar-geneva-1"][3]
    assert first["hint_language"] == "ar" and first["hint_source"] == "Ledger"
    assert first["found_in"] == news_site.url("/feeds/rss.xml")
    assert [log["outcome"] for log in found.doc_logs] == ["ok"]


def test_links_to_other_hosts_are_skipped_never_fetched(
    news_site: NewsSite, other_site: NewsSite, polite: PoliteFetcher
) -> None:
    found = discover_source(feed(news_site, "/feeds/faults.xml"), polite, {}, POLICY)
    offsite = [n for n in found.notes if "127.0.0.2" in n.uri]
    assert len(offsite) == 1 and offsite[0].level == "skipped"
    assert "link to another host (127.0.0.2)" in offsite[0].reason and "not fetched" in offsite[0].reason
    assert any(n.uri == "javascript:alert(1)" and "not an http(s) link" in n.reason for n in found.notes)
    assert all("127.0.0.2" not in r["uri"] for r in found.links)
    skipped_rows = [log for log in found.doc_logs if log["outcome"] == "skipped"]
    assert [log["uri"] for log in skipped_rows] == [offsite[0].uri]
    assert other_site.requests == []


def test_listed_domains_let_links_through(news_site: NewsSite, polite: PoliteFetcher) -> None:
    found = discover_source(feed(news_site, "/feeds/faults.xml", domains=("127.0.0.2",)), polite, {}, POLICY)
    assert any("127.0.0.2" in r["uri"] for r in found.links)


def test_sitemap_index_news_and_gzip(news_site: NewsSite, other_site: NewsSite, polite: PoliteFetcher) -> None:
    source = Source(name="sm", kind="sitemap", urls=(news_site.url("/sitemap_index.xml"),))
    found = discover_source(source, polite, {}, POLICY)
    assert [r["uri"] for r in found.links] == [
        news_site.url("/news/en-geneva-3.html"),
        news_site.url("/news/ar-doha-3.html"),
        news_site.url("/news/en-archive-4.html"),
    ]
    assert found.links[1]["hint_language"] == "ar" and found.links[1]["hint_title"] == newsite.STORIES["ar-doha-3"][1]
    assert found.filtered == 1  # the tag page
    assert any("sitemap on another host" in n.reason for n in found.notes)
    assert other_site.requests == []
    assert [log["outcome"] for log in found.doc_logs] == ["ok", "skipped", "ok", "ok"]  # index, its off-host child


def test_sitemap_limit(news_site: NewsSite, polite: PoliteFetcher) -> None:
    source = Source(name="sm", kind="sitemap", urls=(news_site.url("/sitemap_index.xml"),))
    found = discover_source(source, polite, {}, CrawlPolicy(max_sitemaps=2))
    assert len(found.links) == 2 and any("sitemap limit (2 per run)" in n.reason for n in found.notes)


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("/feeds/not-xml.xml", "feed: not a feed"),
        ("/feeds/billion-laughs.xml", "feed: refused: the feed declares XML entity"),
        ("/feeds/xxe-http.xml", "feed: refused: the feed declares external entity"),
        ("/status/404", "feed: HTTP 404"),
        ("/report.pdf", "feed: not a page: content type application/pdf"),
    ],
)
def test_a_bad_feed_is_one_failure_line(news_site: NewsSite, polite: PoliteFetcher, path: str, needle: str) -> None:
    found = discover_source(feed(news_site, path), polite, {}, POLICY)
    assert found.outcome == "failed" and found.links == []
    assert [n.level for n in found.notes] == ["failed"] and needle in found.notes[0].reason
    assert found.doc_logs[0]["outcome"] == "failed" and found.doc_logs[0]["etag"] is None
    assert news_site.requests_for("/xxe-secret") == []


def test_feed_is_fetched_conditionally_on_the_next_run(
    news_site: NewsSite, polite: PoliteFetcher, tmp_path: Path
) -> None:
    lake, source = tmp_path / "lake", feed(news_site, "/feeds/etag.xml")
    first = discover_source(source, polite, load_history(lake), POLICY)
    assert record_discoveries(lake, [first]) == {source.name: 1}
    assert first.doc_logs[0]["etag"] == newsite.FEED_ETAG
    second = discover_source(source, polite, load_history(lake), POLICY)
    assert news_site.requests_for("/feeds/etag.xml")[-1].headers["if-none-match"] == newsite.FEED_ETAG
    assert second.outcome == "not_modified" and second.links == [] and second.notes == []
    assert record_discoveries(lake, [second]) == {source.name: 0}
    assert load_history(lake)[source.urls[0]].etag == newsite.FEED_ETAG  # kept for the run after


# ---------------------------------------------------------------- what a run fetches


def test_plan_follows_the_fetch_log(news_site: NewsSite, polite: PoliteFetcher, tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    source = Source(
        name="pages",
        kind="url",
        urls=tuple(
            news_site.url(p) for p in ("/news/en-geneva-3.html", "/status/404", "/status/503", "/private/leak.html")
        ),
    )
    record_discoveries(lake, [discover_source(source, polite, {}, POLICY)])
    plan = plan_pages(lake, [source], POLICY)
    assert [w.item.uri for w in plan.work] == sorted(source.urls)
    results = fetch_pages(plan.work, polite, 2)
    record_pages(lake, results)
    assert {r.log["uri"].rsplit("/", 1)[-1]: r.log["outcome"] for r in results} == {
        "en-geneva-3.html": "ok",
        "404": "failed",
        "503": "failed",
        "leak.html": "skipped",
    }

    again = plan_pages(lake, [source], POLICY)
    assert [w.item.uri for w in again.work] == [news_site.url("/status/503")]  # only the transient failure
    assert (again.stored, again.not_retried) == (1, 2)

    month_later = plan_pages(
        lake, [source], CrawlPolicy(permanent_retry_days=30), now=store.now_utc() + timedelta(days=31)
    )
    assert len(month_later.work) == 3  # permanent failures age out; the stored page is still not fetched

    refetch = plan_pages(lake, [source], CrawlPolicy(refetch=True))
    assert len(refetch.work) == 4


def test_a_page_failing_again_and_again_is_given_up(news_site: NewsSite, polite: PoliteFetcher, tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    source = Source(name="pages", kind="url", urls=(news_site.url("/status/502"),))
    record_discoveries(lake, [discover_source(source, polite, {}, POLICY)])
    policy = CrawlPolicy(max_attempts=2)
    for _ in range(2):
        record_pages(lake, fetch_pages(plan_pages(lake, [source], policy).work, polite, 1))
    assert load_history(lake)[source.urls[0]].transient_streak == 2
    plan = plan_pages(lake, [source], policy)
    assert plan.work == [] and plan.not_retried == 1


def test_refetch_is_conditional(news_site: NewsSite, polite: PoliteFetcher, tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    source = Source(name="pages", kind="url", urls=(news_site.url("/etag/geneva.html"),))
    record_discoveries(lake, [discover_source(source, polite, {}, POLICY)])
    record_pages(lake, fetch_pages(plan_pages(lake, [source], POLICY).work, polite, 1))
    assert plan_pages(lake, [source], POLICY).work == []
    work = plan_pages(lake, [source], CrawlPolicy(refetch=True)).work
    assert work[0].etag == newsite.ETAG
    results = fetch_pages(work, polite, 1)
    assert results[0].log["outcome"] == "not_modified" and results[0].page is None


# ---------------------------------------------------------------- silent breakage


def _runs(lake: Path, source: Source, outcomes: list[tuple[str, int]]) -> None:
    """Earlier runs of `source` as source_runs rows: (outcome, new links) each."""
    for outcome, new in outcomes:
        stamp = store.now_utc()
        store.write_table(
            lake,
            "source_runs",
            [
                {
                    "source": source.name,
                    "kind": source.kind,
                    "url": source.urls[0],
                    "run_at": stamp,
                    "outcome": outcome,
                    "links_found": new,
                    "links_new": new,
                    "pages_fetched": new,
                    "pages_failed": 0,
                    "written_at": stamp,
                }
            ],
        )


def test_a_feed_with_nothing_new_for_many_runs_is_flagged(tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    quiet = Source(name="quiet", kind="feed", urls=("http://127.0.0.1:9/feed.xml",))
    broken = Source(name="broken", kind="sitemap", urls=("http://127.0.0.1:9/sitemap.xml",))
    _runs(lake, quiet, [("ok", 3), ("not_modified", 0), ("ok", 0), ("not_modified", 0)])
    _runs(lake, broken, [("failed", 0)] * 3)
    pairs = [(quiet.name, "feed"), (broken.name, "sitemap")]
    warnings = source_warnings(lake, pairs, stale_runs=3, empty_pages=3)
    assert warnings == [
        "source quiet: nothing new in its feed for 3 runs (stale or moved?)",
        "source broken: its sitemap failed in each of the last 3 runs",
    ]
    assert source_warnings(lake, pairs, stale_runs=4, empty_pages=3) == []  # quiet had news 4 runs ago


def test_pages_that_stop_yielding_text_are_flagged(news_site: NewsSite, patient: PoliteFetcher, tmp_path: Path) -> None:
    from tasks.articles import clean_page

    lake = tmp_path / "lake"
    for path, name in (("/feeds/broken.xml", "redesigned"), ("/feeds/rss.xml", "fine")):
        source = feed(news_site, path, name=name)
        record_discoveries(lake, [discover_source(source, patient, {}, POLICY)])
        results = fetch_pages(plan_pages(lake, [source], POLICY).work, patient, 1)
        record_pages(lake, results)
        outcomes = [clean_page(r.page, 1_000_000, 100_000).outcome for r in results if r.page]
        store.write_table(lake, "page_outcomes", outcomes)
    warnings = source_warnings(lake, [("redesigned", "feed"), ("fine", "feed")], stale_runs=5, empty_pages=3)
    assert warnings == ["source redesigned: its last 3 pages yielded no article text (page template changed?)"]
