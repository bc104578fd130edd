"""Where CPU-bound batch work runs: a local process pool, or a Dask cluster through prefect-dask.

Locally, one Prefect task run per batch spreads its pages over a process pool (task runs are
cheap only in batches). On Dask, the flow runs with prefect-dask's DaskTaskRunner and the batch
is split into one task run per Dask worker, so the cluster's processes do the work; the lake
writes stay in the flow's process either way.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from prefect.utilities.annotations import quote

from flows.parallel import chunks
from flows.stages import clean_extract_batch, extract_articles, slim_articles
from tasks.extract_rows import FactTables, Processed


@dataclass(frozen=True, slots=True)
class Compute:
    workers: int  # local processes, or Dask workers to split each batch over
    dask_address: str | None = None
    # locally, a batch's task run waits for the process pool in one of these threads, so the flow can go
    # on (Prefect's own .submit keeps every batch's result alive until the flow ends)
    _threads: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=4, thread_name_prefix="batch"), repr=False
    )

    @property
    def on_dask(self) -> bool:
        return self.dask_address is not None

    def _submit(self, task: Any, items: list[dict[str, Any]], **kwargs: Any) -> Callable[[], list[Any]]:
        """Start the task run(s) now; the returned function waits for their results, in order."""
        if not items:
            return list
        if not self.on_dask:
            # the task run joins the flow run through the context (as in Prefect's own thread runner)
            run = contextvars.copy_context().run
            futures = [self._threads.submit(run, task, quote(items), workers=self.workers, **kwargs)]
        else:
            futures = [task.submit(list(piece), workers=1, **kwargs) for piece in chunks(items, self.workers)]
        return lambda: [f.result() for f in futures]

    def submit_pages(self, pages: list[dict[str, Any]], max_html: int, max_text: int) -> Callable[[], Processed]:
        """Start cleaning a batch of pages and extracting their articles; call the result to wait for them."""
        parts = self._submit(clean_extract_batch, pages, max_html=max_html, max_text=max_text)
        return lambda: Processed.concat(parts())

    def submit_extract(self, articles: list[dict[str, Any]]) -> Callable[[], FactTables]:
        """Start extracting a batch of articles; call the result to wait for their rows."""
        parts = self._submit(extract_articles, slim_articles(articles))
        return lambda: FactTables.concat(parts())

    def pages(self, pages: list[dict[str, Any]], max_html: int, max_text: int) -> Processed:
        return self.submit_pages(pages, max_html, max_text)()

    def extract(self, articles: list[dict[str, Any]]) -> FactTables:
        return self.submit_extract(articles)()


def task_runner_for(dask_address: str | None) -> Any:
    """prefect-dask's runner for a cluster address, or None for Prefect's default runner."""
    if dask_address is None:
        return None
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(address=dask_address)
