"""parse_sitemap: indexes, news sitemaps, gzip (and gzip bombs), text sitemaps, hostile XML."""

from __future__ import annotations

import gzip

import newsite
import pytest
from newsite import NewsSite

from tasks.web.fetch import SITEMAP_TYPES, FetchLimits, fetch_url
from tasks.web.sitemaps import SitemapError, parse_sitemap
from tasks.web.xmlsafe import MalformedXMLError, gunzip

LIMITS = FetchLimits(connect_timeout=2.0, read_timeout=1.0, total_timeout=5.0)


def get(site: NewsSite, path: str) -> bytes:
    result = fetch_url(site.url(path), accept=SITEMAP_TYPES, raw=True, limits=LIMITS)
    assert result.ok and result.body is not None, result.error
    return result.body


def test_sitemap_index_lists_its_children(news_site: NewsSite, other_site: NewsSite) -> None:
    sitemap = parse_sitemap(get(news_site, "/sitemap_index.xml"))
    assert sitemap.kind == "index" and not sitemap.entries
    assert sitemap.sitemaps == [
        news_site.url("/sitemaps/news.xml"),
        news_site.url("/sitemaps/archive.xml.gz"),
        other_site.url("/sitemaps/news.xml"),
    ]


def test_news_sitemap_gives_title_date_and_language(news_site: NewsSite) -> None:
    sitemap = parse_sitemap(get(news_site, "/sitemaps/news.xml"))
    assert sitemap.kind == "urlset"
    first = sitemap.entries[0]
    lang, title, _, published = newsite.STORIES["en-geneva-3"]
    assert (first.loc, first.title, first.published_at, first.language) == (
        news_site.url("/news/en-geneva-3.html"),
        title,
        published,
        lang,
    )
    assert sitemap.entries[1].language == "ar"
    assert sitemap.entries[2].loc.endswith("/tag/politics/") and sitemap.entries[2].title is None


def test_gzipped_sitemap_served_as_gzip(news_site: NewsSite) -> None:
    body = get(news_site, "/sitemaps/archive.xml.gz")
    assert body[:2] == b"\x1f\x8b"  # fetched raw: inflated by the parser, with a bound
    assert [e.loc for e in parse_sitemap(body).entries] == [news_site.url("/news/en-archive-4.html")]


def test_gzip_bomb_stops_at_the_bound() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 20_000_000 + b"</urlset>")
    assert len(bomb) < 100_000
    with pytest.raises(SitemapError, match="beyond the 1000000-byte limit"):
        parse_sitemap(bomb, max_bytes=1_000_000)
    with pytest.raises(MalformedXMLError, match="broken gzip"):
        gunzip(b"\x1f\x8b\x08\x00garbage", 1000)


def test_plain_text_sitemap() -> None:
    sitemap = parse_sitemap(b"http://127.0.0.1/news/a.html\n\nhttps://127.0.0.1/news/b.html\n")
    assert [e.loc for e in sitemap.entries] == ["http://127.0.0.1/news/a.html", "https://127.0.0.1/news/b.html"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"", "empty sitemap"),
        (newsite.english_page().encode(), "not a sitemap"),
        (b"<rss version='2.0'><channel/></rss>", "root element is <rss>"),
        (b"just some words\nand more", "not a sitemap"),
        (newsite.BILLION_LAUGHS, "refused"),
        (newsite.xxe_feed("file:///etc/passwd"), "refused"),
        (b"<urlset><url><loc>http://127.0.0.1/a</loc></url>", "not well-formed"),
    ],
)
def test_not_a_sitemap(body: bytes, needle: str) -> None:
    with pytest.raises(SitemapError) as exc:
        parse_sitemap(body)
    assert needle in str(exc.value) and "\n" not in str(exc.value)


def test_urls_are_capped() -> None:
    entries = "".join(f"<url><loc>http://127.0.0.1/n/{i}.html</loc></url>" for i in range(30))
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()
    assert len(parse_sitemap(body, max_urls=7).entries) == 7
