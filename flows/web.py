"""Web ingestion as Prefect tasks: pages fetched over HTTP into the lake's raw pages and fetch log."""

from __future__ import annotations

from pathlib import Path

from prefect import task

from flows.stages import STAGE, StageReport
from tasks import store
from tasks.discover import InputItem
from tasks.fetch import FetchLimits, make_client
from tasks.ingest import Ingested, fetch_page


@task(name="fetch-urls", retries=1, retry_delay_seconds=2, **STAGE)
def fetch_urls(items: list[InputItem], lake_dir: Path, limits: FetchLimits, user_agent: str) -> StageReport:
    """Fetch the URLs not stored yet; failures become fetch-log rows and report lines."""
    report = StageReport()
    seen_uris = {r[0] for r in store.query_lake(lake_dir, "raw_pages", columns=["DISTINCT source_uri"])}
    todo = [i for i in items if i.uri not in seen_uris]
    report.skipped = len(items) - len(todo)
    results: list[Ingested] = []
    with make_client(user_agent=user_agent) as client:
        for item in todo:
            res = fetch_page(item, client, limits, user_agent)
            results.append(res)
            if res.page is None:
                report.failures.append((item.uri, res.log["reason"] or res.log["outcome"]))
    pages = [r.page for r in results if r.page is not None]
    store.write_table(lake_dir, "raw_pages", pages)
    store.write_table(lake_dir, "fetch_log", [r.log for r in results])
    report.done, report.rows = len(pages), pages
    return report
