"""Web ingestion as Prefect tasks: sources (feeds, sitemaps, URL lists) → frontier → raw pages.

    web_sources(urls, feeds, sitemaps, sources_file) -> (sources, problems)
    ingest_web(settings, sources, summary, refetch=..., say=..., on_pages=...)   # from the flow body
    check_sources(settings, sources, say) -> warnings                          # after cleaning

The crawling itself is plain code in tasks/web/ (crawl, politeness, feeds, sitemaps); this module
turns settings into plain values, runs discovery and page batches as tasks, and prints one line
per failure or deliberate skip as they happen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from prefect import task
from prefect.utilities.annotations import quote

from flows.progress import Say
from flows.settings import Settings
from flows.stages import STAGE
from flows.summary import RunSummary
from lake import store
from lake.fs import Lake
from tasks.discover import Problem
from tasks.web.crawl import (
    CrawlPolicy,
    Note,
    PageWork,
    SourceDiscovery,
    discover_source,
    fetch_pages,
    plan_pages,
    record_discoveries,
    record_pages,
    source_run_row,
)
from tasks.web.crawlstate import load_history, source_warnings
from tasks.web.fetch import FetchLimits, make_client
from tasks.web.politeness import PoliteFetcher, Politeness
from tasks.web.sources import Source, load_sources, sources_from_args


def web_sources(
    urls: Sequence[str], feeds: Sequence[str], sitemaps: Sequence[str], sources_file: str | Path | None
) -> tuple[list[Source], list[Problem]]:
    sources, problems = sources_from_args(list(urls), list(feeds), list(sitemaps))
    if sources_file:
        more, bad = load_sources(Path(sources_file))
        taken = {s.name for s in sources}
        sources += [s for s in more if s.name not in taken]
        problems += bad
    return sources, problems


def _policy(settings: Settings, refetch: bool) -> CrawlPolicy:
    return CrawlPolicy(
        refetch=refetch,
        permanent_retry_days=settings.permanent_retry_days,
        max_attempts=settings.max_fetch_attempts,
        max_links=settings.max_links_per_source,
        max_sitemaps=settings.max_sitemaps_per_source,
        max_doc_bytes=2 * settings.max_page_bytes,
    )


def _politeness(settings: Settings) -> Politeness:
    return Politeness(
        user_agent=settings.user_agent,
        delay=settings.crawl_delay,
        max_crawl_delay=settings.max_crawl_delay,
        concurrency=settings.crawl_concurrency,
        retries=settings.fetch_retries,
        backoff=settings.retry_backoff,
        max_retry_wait=settings.max_retry_wait,
    )


def _limits(settings: Settings) -> FetchLimits:
    return FetchLimits(
        connect_timeout=settings.http_connect_timeout,
        read_timeout=settings.http_read_timeout,
        total_timeout=settings.http_total_timeout,
        max_bytes=settings.max_page_bytes,
        max_redirects=settings.http_max_redirects,
    )


@task(name="discover-sources", **STAGE)
def discover_sources(
    sources: list[Source], lake: Lake, polite: PoliteFetcher, policy: CrawlPolicy
) -> tuple[list[SourceDiscovery], dict[str, int]]:
    """Read every source's feed/sitemap (hosts in parallel) and put new links in the frontier."""
    history = load_history(lake)
    with ThreadPoolExecutor(
        max_workers=max(1, min(polite.cfg.concurrency, len(sources))), thread_name_prefix="discover"
    ) as pool:
        found = list(pool.map(lambda s: discover_source(s, polite, history, policy), sources))
    return found, record_discoveries(lake, found)


@task(name="fetch-pages", **STAGE)
def fetch_page_batch(
    work: list[PageWork], lake: Lake, polite: PoliteFetcher
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Fetch one batch of pages into the lake; returns their fetch-log rows and the new raw pages."""
    results = fetch_pages(work, polite, polite.cfg.concurrency)
    record_pages(lake, results)
    return [r.log for r in results], [r.page for r in results if r.page is not None]


def _say_note(note: Note, summary: RunSummary, say: Say, retry: bool | None = None) -> None:
    """One line per failure ("!") or deliberate skip ("-"); `retry` says whether the next run tries again."""
    when = "" if retry is None else " (will retry next run)" if retry else " (permanent: not retried)"
    if "-byte limit" in note.reason:  # tasks/web/fetch.py's words for a body over FetchLimits.max_bytes
        when = f" (setting max_page_bytes){when}"
    if note.level == "failed":
        summary.fail(note.uri, note.reason, say, when)
    else:
        say(f"  - {note.uri}: {note.reason}{when}")


def ingest_web(
    settings: Settings,
    sources: Sequence[Source],
    summary: RunSummary,
    *,
    refetch: bool = False,
    say: Say = print,
    on_pages: Callable[[list[dict[str, Any]]], None] | None = None,
) -> None:
    """Discover, then fetch in batches, counting in `summary`; `on_pages` gets each batch's new raw
    pages (to clean them)."""
    if not sources:
        return
    lake, policy = settings.lake, _policy(settings, refetch)
    with make_client(user_agent=settings.user_agent, trust_env=settings.http_trust_env) as client:
        polite = PoliteFetcher(client, _limits(settings), _politeness(settings))
        say(f"web: {len(sources)} source(s)")
        found, new_links = discover_sources(quote(list(sources)), lake, quote(polite), policy)
        for f in found:
            listed = f"{len(f.links)} link(s), {new_links[f.source.name]} new"
            filtered = f", {f.filtered} non-article link(s) left out" if f.filtered else ""
            say(f"  {f.source.kind} {f.source.name}: {f.outcome.replace('_', ' ')}; {listed}{filtered}")
            for note in f.notes:
                _say_note(note, summary, say)
            summary.inputs += len(f.answered)
            summary.pages_unchanged += sum(a in ("ok", "not_modified") for a in f.answered)

        plan = plan_pages(lake, sources, policy)
        summary.inputs += len(plan.work) + plan.stored + plan.not_retried
        summary.pages_unchanged += plan.stored
        retried = f", {plan.not_retried} failed permanently before (not retried; --refetch)" if plan.not_retried else ""
        say(f"fetch: {len(plan.work)} page(s); {plan.stored} already stored{retried}")
        logs: list[dict[str, Any]] = []
        tally = {"ok": 0, "not_modified": 0, "permanent": 0, "transient": 0, "skipped": 0}
        for start in range(0, len(plan.work), settings.batch_size):
            batch, pages = fetch_page_batch(quote(plan.work[start : start + settings.batch_size]), lake, quote(polite))
            for log in batch:
                outcome = log["outcome"]
                if outcome in ("ok", "not_modified"):
                    tally[outcome] += 1
                    continue
                level = "failed" if outcome == "failed" else "skipped"
                tally["skipped" if level == "skipped" else "transient" if log["transient"] else "permanent"] += 1
                _say_note(Note(log["uri"], log["reason"] or outcome, level), summary, say, retry=bool(log["transient"]))
            logs += batch
            if on_pages and pages:
                on_pages(pages)
        for line in polite.robots_notes:
            say(f"  - {line}")
        summary.pages_new += tally["ok"]
        summary.pages_unchanged += tally["not_modified"]
        say(
            f"web: {tally['ok']} page(s) stored, {tally['not_modified']} unchanged (304); "
            f"{tally['permanent'] + tally['transient']} failed ({tally['permanent']} permanent, "
            f"{tally['transient']} to retry next run); {tally['skipped']} not fetched (robots.txt, back-off)"
        )
        store.write_table(lake, "source_runs", [source_run_row(f, new_links[f.source.name], logs) for f in found])


def check_sources(settings: Settings, sources: Sequence[Source], say: Say = print) -> list[str]:
    """Warnings for sources that broke silently (see tasks.web.crawlstate.source_warnings); printed."""
    warnings = source_warnings(
        settings.lake,
        [(s.name, s.kind) for s in sources],
        stale_runs=settings.stale_source_runs,
        empty_pages=settings.empty_pages_alarm,
    )
    for line in warnings:
        say(f"  ⚠ {line}")
    return warnings
