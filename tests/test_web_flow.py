"""The real flow on web sources: `roundtable run --sources FILE` against the loopback news site.

One sources file holds an RSS feed, an Atom feed, a sitemap index, a feed full of faults, hostile
feeds, a feed whose pages lost their article text and a feed answering 304. The module runs it
three times into one data dir (Prefect's test harness, shared by the session) and checks the run
output, the exports, the fetch log, what the servers were asked, and the warnings.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import newsite
import pytest
from newsite import NewsSite
from test_flow import read_export, snapshot

from flows import cli

# small timeouts and no waiting between requests: the whole module runs in seconds
FAST = {
    "ROUNDTABLE_CRAWL_DELAY": "0",
    "ROUNDTABLE_MAX_CRAWL_DELAY": "0",
    "ROUNDTABLE_HTTP_CONNECT_TIMEOUT": "1",
    "ROUNDTABLE_HTTP_READ_TIMEOUT": "0.5",
    "ROUNDTABLE_HTTP_TOTAL_TIMEOUT": "5",
    "ROUNDTABLE_MAX_PAGE_BYTES": "300000",
    "ROUNDTABLE_RETRY_BACKOFF": "0.05",
    "ROUNDTABLE_MAX_RETRY_WAIT": "0.5",
    "ROUNDTABLE_HTTP_TRUST_ENV": "false",
    "ROUNDTABLE_STALE_SOURCE_RUNS": "2",
    "ROUNDTABLE_EMPTY_PAGES_ALARM": "3",
    "ROUNDTABLE_BATCH_SIZE": "5",
    "ROUNDTABLE_WORKERS": "1",
}


def sources_yaml(site: NewsSite) -> str:
    entries = [
        ("rss", "feed", "/feeds/rss.xml", "language: ar"),  # two of its stories are English: hint wins, on purpose
        ("atom", "feed", "/feeds/atom.xml", ""),
        ("sitemap", "sitemap", "/sitemap_index.xml", ""),
        ("faults", "feed", "/feeds/faults.xml", "outlet: The Daily Ledger"),
        ("laughs", "feed", "/feeds/billion-laughs.xml", ""),
        ("xxe", "feed", "/feeds/xxe-http.xml", ""),
        ("not-xml", "feed", "/feeds/not-xml.xml", ""),
        ("redesigned", "feed", "/feeds/broken.xml", ""),
        ("quiet", "feed", "/feeds/etag.xml", ""),
    ]
    lines = ["sources:"]
    for name, kind, path, extra in entries:
        lines += [f"  - name: {name}", f"    kind: {kind}", f"    url: {site.url(path)}"]
        if extra:
            lines.append(f"    {extra}")
    return "\n".join(lines) + "\n"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(list(args))
    return code, out.getvalue()


@pytest.fixture(scope="module")
def fast_env(prefect_harness: None) -> Iterator[None]:
    """The session's Prefect test harness, with FAST's settings for this module's runs."""
    with pytest.MonkeyPatch.context() as mp:
        for key, value in FAST.items():
            mp.setenv(key, value)
        yield


@pytest.fixture(scope="module")
def web_runs(fast_env: None, news_site: NewsSite, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Three runs of the same sources file into one data dir, with what the servers saw between them."""
    tmp = tmp_path_factory.mktemp("web")
    sources, data = tmp / "sources.yaml", tmp / "data"
    sources.write_text(sources_yaml(news_site), encoding="utf-8")
    out: dict = {"data": data, "runs": []}
    for _ in range(3):
        before = {p: len(news_site.requests_for(p)) for p in ("/status/404", "/status/500", "/news/en-geneva-3.html")}
        code, text = run("run", "--sources", str(sources), "--data-dir", str(data))
        after = {p: len(news_site.requests_for(p)) for p in before}
        print(text)  # shown by pytest when a test of this module fails
        out["runs"].append(
            {
                "code": code,
                "out": text,
                "snapshot": snapshot(data / "exports"),
                "requests": {p: after[p] - before[p] for p in before},
            }
        )
    return out


def lines_for(output: str, needle: str) -> list[str]:
    return [ln for ln in output.splitlines() if needle in ln]


def test_runs_exit_0_without_tracebacks(web_runs: dict) -> None:
    assert [r["code"] for r in web_runs["runs"]] == [0, 0, 0]
    assert not any("Traceback" in r["out"] for r in web_runs["runs"])


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/status/404", "HTTP 404 Not Found (permanent: not retried)"),
        ("/status/410", "HTTP 410 Gone (permanent"),
        ("/status/500", "HTTP 500 Internal Server Error (will retry next run)"),
        ("/files/brief", "not a page: content type application/pdf"),
        ("/files/photo", "not a page: content type image/png"),
        ("/empty.html", "empty body (HTTP 200) (will retry next run)"),
        ("/garbage.html", "undecodable body"),
        ("/stall", "read timed out after 0.5 s of silence"),
        ("/huge", "body over the 300000-byte limit"),
        ("/redirect/loop-a", "redirect loop"),
        ("/redirect/hops/9", "more than 5 redirects"),
        ("/redirect/offsite", "refused: host 127.0.0.2 is outside the source's domains"),
        ("/feeds/billion-laughs.xml", "feed: refused: the feed declares XML entity"),
        ("/feeds/xxe-http.xml", "feed: refused: the feed declares external entity"),
        ("/feeds/not-xml.xml", "feed: not a feed"),
    ],
)
def test_each_failure_is_one_clear_line(web_runs: dict, news_site: NewsSite, path: str, reason: str) -> None:
    hits = lines_for(web_runs["runs"][0]["out"], news_site.url(path) + ":")
    assert len(hits) == 1, hits
    assert hits[0].startswith("  ! ") and reason in hits[0]


def test_skips_are_said_and_never_fetched(web_runs: dict, news_site: NewsSite, other_site: NewsSite) -> None:
    first = web_runs["runs"][0]["out"]
    offsite = lines_for(first, "  - " + other_site.url("/news/en-jeddah-1.html"))
    assert len(offsite) == 1 and "link to another host (127.0.0.2)" in offsite[0] and "not fetched" in offsite[0]
    assert len(lines_for(first, "sitemap on another host")) == 1
    robots = lines_for(first, news_site.url("/private/leak.html"))
    assert len(robots) == 1 and "disallowed by robots.txt" in robots[0]
    assert other_site.requests == []
    assert news_site.requests_for("/private/leak.html") == []
    assert news_site.requests_for("/xxe-secret") == []


def test_articles_from_every_kind_of_source(web_runs: dict, news_site: NewsSite) -> None:
    _, articles = read_export(web_runs["data"] / "exports", "articles")
    by_uri = {a["source_uri"]: a for a in articles}
    for slug in (
        "ar-geneva-1",
        "en-jeddah-1",
        "ar-legacy-1256",
        "en-istanbul-2",
        "ar-riyadh-2",
        "en-geneva-3",
        "ar-doha-3",
        "en-archive-4",
        "en-faults-5",
    ):
        assert news_site.url(f"/news/{slug}.html") in by_uri, slug
    assert news_site.url("/news/malformed.html") in by_uri  # malformed markup, readable text
    assert news_site.url("/flaky/503/1/faults") in by_uri  # retried within the run
    assert len(by_uri) == len(articles)  # the duplicated feed link is one article


def test_feed_hints_and_legacy_arabic(web_runs: dict, news_site: NewsSite) -> None:
    _, articles = read_export(web_runs["data"] / "exports", "articles")
    by_uri = {a["source_uri"]: a for a in articles}
    legacy = by_uri[news_site.url("/news/ar-legacy-1256.html")]
    _, title, lead, _ = newsite.STORIES["ar-legacy-1256"]
    assert lead in legacy["text"] and newsite.AR_PARAGRAPHS[0] in legacy["text"]  # windows-1256, correct Arabic
    assert legacy["title"] == title and legacy["language"] == "ar"
    assert legacy["published_at"].isoformat().startswith("2026-02-11T07:00")  # the feed's +03:00, in UTC
    assert by_uri[news_site.url("/news/en-faults-5.html")]["source"] == "The Daily Ledger"  # outlet hint
    assert by_uri[news_site.url("/news/ar-doha-3.html")]["title"] == newsite.STORIES["ar-doha-3"][1]


def test_fetch_log_is_queryable(web_runs: dict, news_site: NewsSite) -> None:
    sql = (
        "SELECT uri, outcome, http_status, transient FROM fetch_log "
        "WHERE is_latest AND uri LIKE '%/status/%' ORDER BY uri"
    )
    code, out = run("query", sql, "--format", "json", "--data-dir", str(web_runs["data"]))
    assert code == 0
    rows = {r["uri"]: r for r in json.loads(out)}
    assert rows[news_site.url("/status/404")]["outcome"] == "failed"
    assert rows[news_site.url("/status/404")]["transient"] is False
    assert rows[news_site.url("/status/500")]["transient"] is True
    code, out = run(
        "query",
        "SELECT source, count(*) AS n FROM source_runs GROUP BY source",
        "--format",
        "json",
        "--data-dir",
        str(web_runs["data"]),
    )
    assert code == 0 and {r["source"]: r["n"] for r in json.loads(out)}["quiet"] == 3


def test_reruns_fetch_only_what_is_worth_it(web_runs: dict) -> None:
    first, second, third = web_runs["runs"]
    assert first["requests"] == {"/status/404": 1, "/status/500": 3, "/news/en-geneva-3.html": 1}  # 2 retries
    assert second["requests"] == {"/status/404": 0, "/status/500": 3, "/news/en-geneva-3.html": 0}
    assert "0 new page(s)" in second["out"] and "0 new page(s)" in third["out"]
    assert lines_for(second["out"], "failed permanently before (not retried; --refetch)")
    assert first["snapshot"] == second["snapshot"] == third["snapshot"]


def test_conditional_feed_request(web_runs: dict, news_site: NewsSite) -> None:
    seen = news_site.requests_for("/feeds/etag.xml")
    assert seen[-1].headers.get("if-none-match") == newsite.FEED_ETAG
    assert lines_for(web_runs["runs"][1]["out"], "feed quiet: not modified; 0 link(s), 0 new")


def test_silent_breakage_is_flagged(web_runs: dict) -> None:
    first, second, third = (r["out"] for r in web_runs["runs"])
    template = "source redesigned: its last 3 pages yielded no article text (page template changed?)"
    assert len(lines_for(first, template)) == 2  # as it happens, and in the summary
    stale = "source quiet: nothing new in its feed for 2 runs"
    assert lines_for(third, stale)
    assert not lines_for(second, "nothing new")  # one quiet run is not yet worth a warning


def test_a_run_where_nothing_answers_exits_1(fast_env: None, news_site: NewsSite, tmp_path: Path) -> None:
    code, out = run("run", "--feed", news_site.url("/status/404"), "--data-dir", str(tmp_path / "d"))
    assert code == 1
    assert len(lines_for(out, f"  ! {news_site.url('/status/404')}: feed: HTTP 404")) == 1


def test_missing_sources_file_is_a_usage_error(tmp_path: Path) -> None:
    assert cli.main(["run", "--sources", str(tmp_path / "nope.yaml"), "--data-dir", str(tmp_path / "d")]) == 2
