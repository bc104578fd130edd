"""The pipeline's stages as Prefect tasks: thin wrappers that move batches between the lake
and the plain functions in `tasks/` (which know nothing of Prefect).

Each stage picks up what the previous stage wrote and it has not yet processed, so a run
that was killed part-way is completed by the next one, and a re-run on the same input finds
nothing to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from tasks.nlp.extract import EXTRACTOR_VERSION

from flows.parallel import map_batch
from tasks import store
from tasks.articles import Cleaned, clean_page
from tasks.discover import InputItem
from tasks.extract_rows import ExtractedRows, extract_batch
from tasks.ingest import Ingested, read_file

# Batches are lists of plain rows: hashing them for Prefect's cache would cost more than the work.
STAGE = {"cache_policy": NO_CACHE, "persist_result": False}


@dataclass(slots=True)
class StageReport:
    done: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (uri or id, one-line reason)


# ---------------------------------------------------------------- ingest


def known_pages(lake_dir: Path) -> set[tuple[str, str]]:
    """(source_uri, body_sha256) of every stored page: a file with the same bytes is not stored again."""
    return {(r[0], r[1]) for r in store.query_lake(lake_dir, "raw_pages", columns=["source_uri", "body_sha256"])}


def _read_files(items: Sequence[InputItem], max_bytes: int) -> list[Ingested]:
    return [read_file(item, max_bytes) for item in items]


@task(name="ingest-files", retries=1, retry_delay_seconds=1, **STAGE)
def ingest_files(items: list[InputItem], lake_dir: Path, max_bytes: int) -> StageReport:
    report = StageReport()
    seen = known_pages(lake_dir)
    results = _read_files(items, max_bytes)
    pages = []
    for res in results:
        if res.page is None:
            report.failures.append((res.log["uri"], res.log["reason"]))
        elif (res.page["source_uri"], res.page["body_sha256"]) in seen:
            report.skipped += 1
        else:
            pages.append(res.page)
    store.write_table(lake_dir, "raw_pages", pages)
    store.write_table(lake_dir, "fetch_log", [r.log for r in results if r.page is None or r.page in pages])
    report.done = len(pages)
    return report


# ---------------------------------------------------------------- clean

PAGE_COLUMNS = ["page_id", "source_uri", "final_url", "kind", "content", "hint_url", "hint_title",
                "hint_published_at", "hint_language", "hint_source"]


def pending_pages(lake_dir: Path) -> list[str]:
    """Pages that cleaning has not yet accounted for, oldest first."""
    done = store.distinct_values(lake_dir, "page_outcomes", "page_id")
    rows = store.query_lake(lake_dir, "raw_pages", "ORDER BY written_at, page_id", ["page_id"])
    return list(dict.fromkeys(r[0] for r in rows if r[0] not in done))


def clean_many(pages: Sequence[dict[str, Any]], max_html: int, max_text: int) -> list[Cleaned]:
    return [clean_page(p, max_html, max_text) for p in pages]


@task(name="clean-pages", **STAGE)
def clean_pages(page_ids: list[str], lake_dir: Path, workers: int, max_html: int, max_text: int) -> StageReport:
    report = StageReport()
    pages = store.rows_where_in(lake_dir, "raw_pages", "page_id", page_ids, PAGE_COLUMNS)
    pages = list({p["page_id"]: p for p in pages}.values())
    work = partial(clean_many, max_html=max_html, max_text=max_text)
    cleaned = [c for part in map_batch(work, pages, workers) for c in part]
    known_urls = store.distinct_values(lake_dir, "articles", "canonical_url")
    known_hashes = store.distinct_values(lake_dir, "articles", "text_sha256")
    known_ids = store.distinct_values(lake_dir, "articles", "article_id")
    articles, outcomes = [], []
    for c in cleaned:
        a, outcome = c.article, c.outcome
        if a is not None:
            dup = (a["article_id"] in known_ids or (a["canonical_url"] and a["canonical_url"] in known_urls)
                   or a["text_sha256"] in known_hashes)
            if dup:
                outcome = {**outcome, "outcome": "duplicate", "reason": "same canonical URL or same text"}
                report.skipped += 1
            else:
                articles.append(a)
                known_ids.add(a["article_id"])
                known_hashes.add(a["text_sha256"])
                if a["canonical_url"]:
                    known_urls.add(a["canonical_url"])
        elif outcome["outcome"] != "article":
            page = next(p for p in pages if p["page_id"] == outcome["page_id"])
            report.failures.append((page["source_uri"], outcome["reason"]))
        outcomes.append(outcome)
    # articles first: a crash between the two writes leaves pages that are cleaned again next
    # run and then recognised as duplicates of the stored articles, never lost or doubled
    store.write_table(lake_dir, "articles", articles)
    store.write_table(lake_dir, "page_outcomes", outcomes)
    report.done = len(articles)
    return report


# ---------------------------------------------------------------- extract

ARTICLE_COLUMNS = ["article_id", "text", "language", "published_date"]


def pending_articles(lake_dir: Path) -> list[str]:
    done = {r[0] for r in store.query_lake(lake_dir, "extractions", "WHERE extractor_version = ?",
                                           ["DISTINCT article_id"], [EXTRACTOR_VERSION])}
    rows = store.query_lake(lake_dir, "articles", "ORDER BY written_at, article_id", ["article_id"])
    return list(dict.fromkeys(r[0] for r in rows if r[0] not in done))


@task(name="extract-facts", **STAGE)
def extract_facts(article_ids: list[str], lake_dir: Path, workers: int) -> StageReport:
    report = StageReport()
    articles = store.rows_where_in(lake_dir, "articles", "article_id", article_ids, ARTICLE_COLUMNS)
    articles = list({a["article_id"]: a for a in articles}.values())
    rows = ExtractedRows()
    for part in map_batch(extract_batch, articles, workers):
        rows.extend(part)
    # facts first, the extraction marker last: a crash in between only means the article is
    # extracted again, and staging keeps the rows of its newest extraction
    for table in ("mentions", "entities", "events"):
        store.write_table(lake_dir, table, getattr(rows, table))
    store.write_table(lake_dir, "extractions", rows.extractions)
    report.done = len(rows.extractions)
    report.failures = rows.failures
    return report
