"""The pipeline's stages as Prefect tasks: thin wrappers that move batches between the lake
and the plain functions in `tasks/` (which know nothing of Prefect).

Batches stream through ingest → clean and extract (one pass in a pool worker) in memory, the
articles written to the lake before their facts. A run killed part-way leaves pages without a cleaning outcome or
articles without an extraction; the recovery pass at the start of the next run finishes them,
so nothing is lost and nothing is written twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.parallel import map_batch
from lake import store
from lake.fs import Lake
from tasks.articles import Cleaned
from tasks.discover import InputItem
from tasks.extract_rows import ExtractedRows, FactTables, Processed, clean_and_extract, extract_tables
from tasks.ingest import Ingested, load_file, page_from_file_bytes
from tasks.nlp.extract import EXTRACTOR_VERSION

# Batches are lists of plain rows: hashing them for Prefect's cache would cost more than the work.
STAGE = {"cache_policy": NO_CACHE, "persist_result": False}


@dataclass(slots=True)
class StageReport:
    done: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (uri or id, one-line reason)
    rows: list[dict[str, Any]] = field(default_factory=list)  # what the stage produced, for the next one
    kept: list[bool] = field(default_factory=list)  # record_articles: per article cleaned, whether it was stored


@dataclass(slots=True)
class LakeIndex:
    """What the lake already holds, loaded once per run and kept up to date by the stages, so
    no batch has to rescan the lake to know what is new."""

    pages: set[tuple[str, str]] = field(default_factory=set)  # (source_uri, body_sha256)
    article_ids: set[str] = field(default_factory=set)
    canonical_urls: set[str] = field(default_factory=set)
    text_hashes: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, lake: Lake) -> LakeIndex:
        pages = {(r[0], r[1]) for r in store.query_lake(lake, "raw_pages", columns=["source_uri", "body_sha256"])}
        arts = store.query_lake(lake, "articles", columns=["article_id", "canonical_url", "text_sha256"])
        return cls(
            pages=pages,
            article_ids={r[0] for r in arts},
            canonical_urls={r[1] for r in arts if r[1]},
            text_hashes={r[2] for r in arts},
        )

    def is_duplicate(self, article: dict[str, Any]) -> bool:
        url = article.get("canonical_url")
        return (
            article["article_id"] in self.article_ids
            or (bool(url) and url in self.canonical_urls)
            or article["text_sha256"] in self.text_hashes
        )

    def add_article(self, article: dict[str, Any]) -> None:
        self.article_ids.add(article["article_id"])
        self.text_hashes.add(article["text_sha256"])
        if article.get("canonical_url"):
            self.canonical_urls.add(article["canonical_url"])


# ---------------------------------------------------------------- ingest


@task(name="ingest-files", retries=1, retry_delay_seconds=1, **STAGE)
def ingest_files(items: list[InputItem], lake: Lake, index: LakeIndex, max_bytes: int) -> StageReport:
    """Read files; an unchanged file (same bytes at the same path) is skipped before decoding."""
    report = StageReport()
    pages: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    for item in items:
        body, failure = load_file(item, max_bytes)
        if body is None:
            assert failure is not None
            logs.append(failure)
            report.failures.append((item.uri, failure["reason"]))
            continue
        if (item.uri, hashlib.sha256(body).hexdigest()) in index.pages:
            report.skipped += 1
            continue
        res: Ingested = page_from_file_bytes(item, body)
        logs.append(res.log)
        if res.page is None:
            report.failures.append((item.uri, res.log["reason"]))
        else:
            pages.append(res.page)
            if res.warning:  # stored, but said: one line, counted as a problem
                report.failures.append((item.uri, res.warning))
    store.write_table(lake, "raw_pages", pages)
    store.write_table(lake, "fetch_log", logs)
    index.pages.update((p["source_uri"], p["body_sha256"]) for p in pages)
    report.done, report.rows = len(pages), pages
    return report


# ---------------------------------------------------------------- clean

PAGE_COLUMNS = [
    "page_id",
    "source_uri",
    "final_url",
    "kind",
    "content",
    "hint_url",
    "hint_title",
    "hint_published_at",
    "hint_language",
    "hint_source",
]


def pending_pages(lake: Lake) -> list[dict[str, Any]]:
    """Pages a killed run stored but did not clean (normally none: ids only are scanned first)."""
    done = store.distinct_values(lake, "page_outcomes", "page_id")
    ids = [r[0] for r in store.query_lake(lake, "raw_pages", "ORDER BY written_at, page_id", ["page_id"])]
    todo = [pid for pid in dict.fromkeys(ids) if pid not in done]
    rows = store.rows_where_in(lake, "raw_pages", "page_id", todo, PAGE_COLUMNS)
    return list({r["page_id"]: r for r in rows}.values())


@task(name="clean-and-extract", **STAGE)
def clean_extract_batch(pages: list[dict[str, Any]], workers: int, max_html: int, max_text: int) -> Processed:
    """CPU only: clean pages and extract their articles in one pass (over a local process pool when
    workers > 1). No lake access, so it can run anywhere, e.g. on a Dask worker."""
    # clean_and_extract lives in tasks/, so a pool worker never imports Prefect to unpickle it
    work = partial(clean_and_extract, max_html_chars=max_html, max_text_chars=max_text)
    return Processed.concat(map_batch(work, pages, workers))


@task(name="record-articles", **STAGE)
def record_articles(cleaned: list[Cleaned], pages: list[dict[str, Any]], lake: Lake, index: LakeIndex) -> StageReport:
    """Drop duplicates (same canonical URL or text as a stored or earlier article), write the rest.
    The report's `kept` says, per article cleaned, whether it was written (its facts are wanted)."""
    report = StageReport()
    uri_of = {p["page_id"]: p["source_uri"] for p in pages}
    articles, outcomes = [], []
    for c in cleaned:
        outcome = c.outcome
        if c.article is not None and index.is_duplicate(c.article):
            outcome = {**outcome, "outcome": "duplicate", "reason": "same canonical URL or same text"}
            report.skipped += 1
            report.kept.append(False)
        elif c.article is not None:
            articles.append(c.article)
            index.add_article(c.article)
            report.kept.append(True)
        else:
            report.failures.append((uri_of[outcome["page_id"]], outcome["reason"]))
        outcomes.append(outcome)
    # articles first: a crash between the two writes leaves pages that are cleaned again next
    # run and then recognised as duplicates of the stored articles, never lost or doubled
    store.write_table(lake, "articles", articles)
    store.write_table(lake, "page_outcomes", outcomes)
    report.done, report.rows = len(articles), articles
    return report


# ---------------------------------------------------------------- extract

ARTICLE_COLUMNS = ["article_id", "text", "language", "published_date"]


def pending_articles(lake: Lake) -> list[dict[str, Any]]:
    """Articles without an extraction by the current extractor (after a crash or an upgrade)."""
    done = {
        r[0]
        for r in store.query_lake(
            lake, "extractions", "WHERE extractor_version = ?", ["DISTINCT article_id"], [EXTRACTOR_VERSION]
        )
    }
    ids = [r[0] for r in store.query_lake(lake, "articles", "ORDER BY written_at, article_id", ["article_id"])]
    todo = [aid for aid in dict.fromkeys(ids) if aid not in done]
    rows = store.rows_where_in(lake, "articles", "article_id", todo, ARTICLE_COLUMNS)
    return list({r["article_id"]: r for r in rows}.values())


def slim_articles(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Only what extraction reads: less to pickle to worker processes."""
    return [{k: a.get(k) for k in ARTICLE_COLUMNS} for a in articles]


@task(name="extract", **STAGE)
def extract_articles(articles: list[dict[str, Any]], workers: int) -> FactTables:
    """CPU only: extract facts (over a local process pool when workers > 1); no lake access."""
    return FactTables.concat(map_batch(extract_tables, articles, workers))


@task(name="record-facts", **STAGE)
def record_facts(rows: ExtractedRows | FactTables, lake: Lake) -> StageReport:
    # facts first, the extraction marker last: a crash in between only means the article is
    # extracted again, and staging keeps the rows of its newest extraction
    for table in ("mentions", "entities", "events"):
        store.write_table(lake, table, getattr(rows, table))
    store.write_table(lake, "extractions", rows.extractions)
    return StageReport(done=len(rows.extractions), failures=rows.failures)
