"""parse_feed: RSS and Atom into links with hints; not-feeds and hostile XML refused with one line."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import feedparser
import newsite
import pytest
from newsite import NewsSite

from tasks.web.feeds import FeedError, iso_date, parse_feed
from tasks.web.fetch import DOCUMENT_TYPES, FetchLimits, fetch_url

LIMITS = FetchLimits(connect_timeout=2.0, read_timeout=1.0, total_timeout=5.0)


def get(site: NewsSite, path: str) -> bytes:
    result = fetch_url(site.url(path), accept=DOCUMENT_TYPES, raw=True, limits=LIMITS)
    assert result.ok and result.body is not None, result.error
    return result.body


def test_rss_entries_with_titles_and_dates_keeping_the_offset(news_site: NewsSite) -> None:
    feed = parse_feed(get(news_site, "/feeds/rss.xml"), base_url=news_site.url("/feeds/rss.xml"))
    assert feed.title == newsite.EN_SITE and feed.language == "en"
    first = feed.entries[0]
    assert first.link == news_site.url("/news/ar-geneva-1.html?utm_source=rss&utm_medium=feed")
    assert first.title == newsite.STORIES["ar-geneva-1"][1]
    assert first.published_at == newsite.STORIES["ar-geneva-1"][3]  # +02:00 kept, not folded to UTC
    assert [e.link for e in feed.entries][1] == news_site.url("/news/en-jeddah-1.html#comments")
    assert feed.entries[3].published_at is None


def test_atom_relative_links_resolve_against_xml_base(news_site: NewsSite) -> None:
    feed = parse_feed(get(news_site, "/feeds/atom.xml"), base_url=news_site.url("/feeds/atom.xml"))
    assert [e.link for e in feed.entries] == [
        news_site.url("/news/en-istanbul-2.html"),
        news_site.url("/news/ar-riyadh-2.html"),
    ]
    assert feed.entries[0].published_at == newsite.STORIES["en-istanbul-2"][3]
    assert feed.entries[1].language == "ar"  # the entry's xml:lang beats the feed's


def test_relative_links_without_xml_base_use_the_feed_url() -> None:
    rss = b'<rss version="2.0"><channel><title>t</title><item><link>/news/a.html</link></item></channel></rss>'
    feed = parse_feed(rss, base_url="http://127.0.0.1:9/feeds/x.xml")
    assert feed.entries[0].link == "http://127.0.0.1:9/news/a.html"


def test_markup_and_entities_in_titles_become_plain_text() -> None:
    rss = (
        b'<rss version="2.0"><channel><title>t</title><item><title>&lt;b&gt;Talks&lt;/b&gt; &amp;amp; '
        b"more</title><link>http://127.0.0.1/a</link></item></channel></rss>"
    )
    assert parse_feed(rss, base_url="http://127.0.0.1/").entries[0].title == "Talks & more"


def test_a_stray_ampersand_is_parsed_leniently() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Q & A</title>'
        b"<item><title>Talks & more</title><link>http://127.0.0.1/a?x=1&y=2</link></item></channel></rss>"
    )
    feed = parse_feed(rss, base_url="http://127.0.0.1/")
    assert feed.malformed and "not well-formed" in feed.malformed
    assert [e.link for e in feed.entries] == ["http://127.0.0.1/a?x=1&y=2"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"", "empty feed"),
        (b"   \n", "empty feed"),
        (newsite.english_page().encode(), "not a feed"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not a feed"),
        (b'{"items": [{"url": "http://127.0.0.1/a"}]}', "not a feed"),
    ],
)
def test_not_a_feed(body: bytes, needle: str) -> None:
    with pytest.raises(FeedError) as exc:
        parse_feed(body, base_url="http://127.0.0.1/feed")
    assert needle in str(exc.value) and "\n" not in str(exc.value)


def test_html_served_as_a_feed(news_site: NewsSite) -> None:
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(get(news_site, "/feeds/not-xml.xml"), base_url=news_site.url("/feeds/not-xml.xml"))


def test_billion_laughs_is_refused_fast_and_small() -> None:
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(FeedError) as exc:
        parse_feed(newsite.BILLION_LAUGHS, base_url="http://127.0.0.1/feed")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.monotonic() - started < 1 and peak < 5_000_000
    assert "refused" in str(exc.value) and "entit" in str(exc.value)


def test_feedparser_alone_does_not_expand_entities_either() -> None:
    """Defence in depth: even without our check, feedparser leaves the entity unexpanded."""
    import io

    parsed = feedparser.parse(io.BytesIO(newsite.BILLION_LAUGHS))
    assert all(len(e.get("title", "")) < 100 for e in parsed.entries)
    parsed = feedparser.parse(io.BytesIO(newsite.xxe_feed("file:///etc/hostname")))
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\x00"
    assert all(hostname not in e.get("title", "") for e in parsed.entries)


def test_external_entities_are_never_resolved(news_site: NewsSite, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    for body in (newsite.xxe_feed(secret.as_uri()), get(news_site, "/feeds/xxe-http.xml")):
        before = len(news_site.requests_for("/xxe-secret"))
        with pytest.raises(FeedError) as exc:
            parse_feed(body, base_url=news_site.url("/feeds/xxe.xml"))
        assert "refused" in str(exc.value) and "external" in str(exc.value)
        assert "TOP-SECRET-VALUE" not in str(exc.value) and newsite.XXE_SECRET not in str(exc.value)
        assert len(news_site.requests_for("/xxe-secret")) == before


def test_a_body_naming_a_local_file_is_not_opened(tmp_path: Path) -> None:
    """feedparser opens a str/bytes argument as a path; we only ever hand it a BytesIO."""
    secret_feed = tmp_path / "secret-feed.xml"
    secret_feed.write_bytes(
        b'<rss version="2.0"><channel><title>secret</title><item>'
        b"<link>http://127.0.0.1/from-a-local-file</link></item></channel></rss>"
    )
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(str(secret_feed).encode(), base_url="http://127.0.0.1/feed")


def test_a_url_body_is_not_fetched(news_site: NewsSite) -> None:
    before = len(news_site.requests_for("/feeds/rss.xml"))
    with pytest.raises(FeedError):
        parse_feed(news_site.url("/feeds/rss.xml").encode(), base_url="http://127.0.0.1/feed")
    assert len(news_site.requests_for("/feeds/rss.xml")) == before


def test_entries_are_capped() -> None:
    items = b"".join(b"<item><link>http://127.0.0.1/a%d</link></item>" % i for i in range(50))
    rss = b'<rss version="2.0"><channel><title>t</title>' + items + b"</channel></rss>"
    assert len(parse_feed(rss, base_url="http://127.0.0.1/", max_entries=10).entries) == 10


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tue, 10 Feb 2026 09:15:00 +0200", "2026-02-10T09:15:00+02:00"),
        ("2026-02-10T09:15:00Z", "2026-02-10T09:15:00+00:00"),
        ("2026-02-10", "2026-02-10"),
        ("yesterday", None),
        ("Mon, 01 Jan 1900 00:00:00 GMT", None),
    ],
)
def test_iso_date(raw: str, expected: str | None) -> None:
    assert iso_date(raw, None) == expected
