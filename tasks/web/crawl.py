"""Crawling web sources into the lake: discovery (feeds, sitemaps, URL lists → the frontier) and
page fetching (the frontier → raw pages + fetch log). Plain functions; flows/web.py wraps them.

    discover_source(source, polite, history, policy) -> SourceDiscovery
    record_discoveries(lake, discoveries) -> {source: links_new}
    plan_pages(lake, sources, policy) -> Plan
    fetch_pages(work, polite, concurrency) -> list[Ingested]       # in the order of `work`
    record_pages(lake, results)

Write order is what makes a killed run lose nothing: a source's new links reach the frontier
before its feed's fetch-log row (whose ETag lets the next run get a 304); a page's raw row before
its fetch-log row; a source's run row last of all. Whatever is missing is redone next run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from lake import store
from lake.fs import LakeLocation
from lake.store import now_utc
from tasks.discover import InputItem
from tasks.ingest import Ingested, from_fetch
from tasks.web.crawlstate import UrlHistory, frontier_rows, frontier_uris, load_history, stored_uris
from tasks.web.feeds import FeedError, parse_feed
from tasks.web.fetch import DOCUMENT_TYPES, SITEMAP_TYPES, FetchResult
from tasks.web.links import article_link, host_key, host_of, normalize, on_domains
from tasks.web.politeness import PoliteFetcher
from tasks.web.sitemaps import SitemapError, parse_sitemap
from tasks.web.sources import Source

MAX_SITEMAP_DEPTH = 3  # index → index → urlset is already unusual


@dataclass(frozen=True)
class CrawlPolicy:
    refetch: bool = False  # fetch stored pages and permanent failures again (conditionally)
    permanent_retry_days: float = 30.0  # a permanent failure is tried again after this long
    max_attempts: int = 5  # transient failures in a row before a page is given up on
    max_links: int = 5000  # article links taken from one source per run
    max_sitemaps: int = 50  # sitemap documents read per source per run
    max_doc_bytes: int = 10 * 1024 * 1024  # a gzipped sitemap is inflated up to this


@dataclass(frozen=True, slots=True)
class Note:
    """One line of run output: a failure, or something deliberately not fetched."""

    uri: str
    reason: str
    level: Literal["failed", "skipped"] = "failed"


@dataclass
class SourceDiscovery:
    source: Source
    links: list[dict[str, Any]] = field(default_factory=list)  # frontier rows, in listing order
    doc_logs: list[dict[str, Any]] = field(default_factory=list)  # fetch-log rows: documents, skipped links
    notes: list[Note] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)  # outcome of each document fetched
    filtered: int = 0  # links dropped as non-article pages
    seen: set[str] = field(default_factory=set)  # uris in `links`

    @property
    def outcome(self) -> str:
        if not self.answered or "ok" in self.answered:
            return "ok" if self.answered or self.source.kind == "url" else "failed"
        return "not_modified" if all(a == "not_modified" for a in self.answered) else "failed"

    @property
    def reason(self) -> str | None:
        failed = [n.reason for n in self.notes if n.level == "failed"]
        return failed[0] if failed else None


# ---------------------------------------------------------------- discovery


def discover_source(
    source: Source, polite: PoliteFetcher, history: dict[str, UrlHistory], policy: CrawlPolicy
) -> SourceDiscovery:
    """Read the source's feed(s) or sitemap(s), or take its URLs, into frontier rows."""
    found = SourceDiscovery(source)
    if source.kind == "url":
        for url in source.urls:
            _take(found, url, {}, None, explicit=True)
    elif source.kind == "feed":
        for url in source.urls:
            _read_feed(found, url, polite, history, policy)
    else:
        _read_sitemaps(found, polite, history, policy)
    if len(found.links) > policy.max_links:
        found.notes.append(
            Note(
                source.urls[0],
                f"{len(found.links)} links listed; only the first {policy.max_links} are taken this run",
                "skipped",
            )
        )
        del found.links[policy.max_links :]
    return found


def _fetch_doc(
    found: SourceDiscovery,
    url: str,
    polite: PoliteFetcher,
    history: dict[str, UrlHistory],
    accept: frozenset[str],
    conditional: bool,
) -> FetchResult | None:
    """Fetch a feed or sitemap document; the body when there is a new one, else None (logged)."""
    past = history.get(url)
    etag = past.etag if conditional and past else None
    modified = past.last_modified if conditional and past else None
    result = polite.fetch(
        url, allowed_domains=found.source.allowed_domains, accept=accept, raw=True, etag=etag, last_modified=modified
    )
    log = from_fetch(InputItem(url, found.source.name), result, sent_etag=etag, sent_last_modified=modified).log
    found.doc_logs.append(log)
    found.answered.append(result.outcome if result.outcome in ("ok", "not_modified") else "failed")
    if result.outcome == "ok" and result.body is not None:
        return result
    if result.outcome != "not_modified":
        found.notes.append(Note(url, f"{found.source.kind}: {result.error or result.outcome}"))
    return None


def _doc_failed(found: SourceDiscovery, url: str, reason: str) -> None:
    """A document that arrived but could not be used: its log row becomes a permanent failure."""
    found.doc_logs[-1].update(outcome="failed", reason=reason, transient=False, etag=None, last_modified=None)
    found.answered[-1] = "failed"
    found.notes.append(Note(url, reason))


def _read_feed(
    found: SourceDiscovery, url: str, polite: PoliteFetcher, history: dict[str, UrlHistory], policy: CrawlPolicy
) -> None:
    result = _fetch_doc(found, url, polite, history, DOCUMENT_TYPES, conditional=not policy.refetch)
    if result is None or result.body is None:
        return
    try:
        feed = parse_feed(result.body, base_url=result.final_url or url, content_type=result.content_type)
    except FeedError as exc:
        _doc_failed(found, url, f"feed: {exc}")
        return
    for entry in feed.entries:
        if not entry.link:
            continue
        hints = {"title": entry.title, "published_at": entry.published_at, "language": entry.language}
        _take(found, entry.link, hints, url)


def _read_sitemaps(
    found: SourceDiscovery, polite: PoliteFetcher, history: dict[str, UrlHistory], policy: CrawlPolicy
) -> None:
    # The source's own sitemaps are read unconditionally: an index answering 304 would hide
    # children that changed. Children are asked conditionally.
    queue = deque((url, 0, True) for url in found.source.urls)
    seen: set[str] = set(found.source.urls)
    read = 0
    while queue:
        url, depth, top = queue.popleft()
        if read >= policy.max_sitemaps:
            found.notes.append(
                Note(
                    url,
                    f"sitemap limit ({policy.max_sitemaps} per run) reached; "
                    f"{len(queue) + 1} sitemap(s) left for the next run",
                    "skipped",
                )
            )
            return
        read += 1
        result = _fetch_doc(found, url, polite, history, SITEMAP_TYPES, conditional=not top and not policy.refetch)
        if result is None or result.body is None:
            continue
        try:
            sitemap = parse_sitemap(result.body, max_bytes=policy.max_doc_bytes)
        except SitemapError as exc:
            _doc_failed(found, url, f"sitemap: {exc}")
            continue
        for child in sitemap.sitemaps:
            child_url = normalize(child)
            if child_url is None or child_url in seen:
                continue
            seen.add(child_url)
            if not on_domains(child_url, found.source.allowed_domains):
                _skip(
                    found,
                    child_url,
                    f"sitemap on another host ({host_of(child_url)}), outside the source's domains: not fetched",
                )
            elif depth + 1 > MAX_SITEMAP_DEPTH:
                found.notes.append(Note(child_url, "sitemap nested too deep; not read", "skipped"))
            else:
                queue.append((child_url, depth + 1, False))
        for entry in sitemap.entries:
            hints = {"title": entry.title, "published_at": entry.published_at, "language": entry.language}
            _take(found, entry.loc, hints, url)


def _skip(found: SourceDiscovery, uri: str, reason: str) -> None:
    found.notes.append(Note(uri, reason, "skipped"))
    row = from_fetch(
        InputItem(uri, found.source.name),
        FetchResult(url=uri, final_url=None, status=None, outcome="skipped", error=reason),
    ).log
    found.doc_logs.append(row)


def _take(
    found: SourceDiscovery, link: str, hints: dict[str, str | None], found_in: str | None, *, explicit: bool = False
) -> None:
    """Add one listed link to the frontier rows, if it is an article link on an allowed host."""
    source = found.source
    uri, why = (normalize(link), None) if explicit else article_link(link)
    if uri is None:
        if why and why.startswith("not an http(s) link"):
            found.notes.append(Note(link[:200], f"skipped: {why}", "skipped"))
        else:
            found.filtered += 1
        return
    if not on_domains(uri, source.allowed_domains):
        _skip(found, uri, f"link to another host ({host_of(uri)}), outside the source's domains: not fetched")
        return
    if uri in found.seen:
        return
    found.seen.add(uri)
    found.links.append(
        {
            "uri": uri,
            "source": source.name,
            "found_in": found_in,
            "hint_title": hints.get("title"),
            "hint_published_at": hints.get("published_at"),
            "hint_language": source.language or hints.get("language"),
            "hint_source": source.outlet,
        }
    )


def record_discoveries(lake: LakeLocation, discoveries: Sequence[SourceDiscovery]) -> dict[str, int]:
    """Write new links to the frontier, then the documents' fetch-log rows; returns new links per source."""
    known = frontier_uris(lake)
    stamp = now_utc()
    rows, new = [], {}
    for found in discoveries:
        fresh = [r for r in found.links if r["uri"] not in known]
        known.update(r["uri"] for r in fresh)
        rows += [{**r, "written_at": stamp} for r in fresh]
        new[found.source.name] = len(fresh)
    store.write_table(lake, "frontier", rows)
    store.write_table(lake, "fetch_log", [log for found in discoveries for log in found.doc_logs])
    return new


# ---------------------------------------------------------------- pages


@dataclass(frozen=True, slots=True)
class PageWork:
    item: InputItem  # origin = source name, hints from the frontier
    allowed: tuple[str, ...]  # domains a redirect may lead to
    etag: str | None = None  # validators, when a stored page is fetched again (--refetch)
    last_modified: str | None = None


@dataclass
class Plan:
    work: list[PageWork] = field(default_factory=list)
    stored: int = 0  # already in the lake: not fetched again
    not_retried: int = 0  # failed permanently before (or given up on): not fetched again


def plan_pages(lake: LakeLocation, sources: Iterable[Source], policy: CrawlPolicy, now: datetime | None = None) -> Plan:
    """The frontier links of these sources that this run should fetch, oldest first."""
    by_name = {s.name: s for s in sources}
    now = now or now_utc()
    retry_after = timedelta(days=policy.permanent_retry_days)
    stored, history = stored_uris(lake), load_history(lake)
    plan = Plan()
    for row in frontier_rows(lake, by_name):
        uri, past = row["uri"], history.get(row["uri"])
        if not policy.refetch:
            if uri in stored:
                plan.stored += 1
                continue
            if past and (past.is_terminal(now, retry_after) or past.transient_streak >= policy.max_attempts):
                plan.not_retried += 1
                continue
        hints = {
            k.removeprefix("hint_"): row[k] for k in ("hint_title", "hint_published_at", "hint_language", "hint_source")
        }
        item = InputItem(uri=uri, origin=row["source"], hints=hints)
        etag = past.etag if past and uri in stored else None
        modified = past.last_modified if past and uri in stored else None
        plan.work.append(PageWork(item, by_name[row["source"]].allowed_domains, etag, modified))
    return plan


def fetch_pages(work: Sequence[PageWork], polite: PoliteFetcher, concurrency: int) -> list[Ingested]:
    """Fetch pages with a thread pool across hosts, serially per host; results in `work` order."""
    by_host: dict[str, list[int]] = {}
    for i, w in enumerate(work):
        by_host.setdefault(host_key(w.item.uri), []).append(i)
    results: list[FetchResult | None] = [None] * len(work)

    def run_host(indices: list[int]) -> None:
        for i in indices:
            w = work[i]
            results[i] = polite.fetch(w.item.uri, allowed_domains=w.allowed, etag=w.etag, last_modified=w.last_modified)

    if by_host:
        with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(by_host))), thread_name_prefix="fetch") as pool:
            for future in [pool.submit(run_host, idx) for idx in by_host.values()]:
                future.result()
    # rows are made here, in order: written_at then follows the frontier's order on every run
    return [
        from_fetch(w.item, r, sent_etag=w.etag, sent_last_modified=w.last_modified)
        for w, r in zip(work, results, strict=True)
        if r is not None
    ]


def record_pages(lake: LakeLocation, results: Sequence[Ingested]) -> None:
    store.write_table(lake, "raw_pages", [r.page for r in results if r.page is not None])
    store.write_table(lake, "fetch_log", [r.log for r in results])


def source_run_row(found: SourceDiscovery, links_new: int, page_logs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The source's row in `source_runs`, from its discovery and this run's page fetch-log rows."""
    mine = [log["outcome"] for log in page_logs if log["source"] == found.source.name]
    stamp = now_utc()
    return {
        "source": found.source.name,
        "kind": found.source.kind,
        "url": found.source.urls[0],
        "run_at": stamp,
        "outcome": found.outcome,
        "reason": found.reason,
        "links_found": len(found.links),
        "links_new": links_new,
        "pages_fetched": mine.count("ok"),
        "pages_failed": mine.count("failed"),
        "written_at": stamp,
    }
