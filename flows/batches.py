"""New pages and articles through the stages, a batch at a time: local files read into raw pages,
pages cleaned into articles and the articles extracted into facts (one pass in the process pool),
each batch's results written to the lake, and counted in the run's summary.

    batches = Batches(settings, lake, summary, reporter)
    batches.recover()         # what a killed run (or an older extractor) left unfinished
    batches.files(files)      # local files, then their pages through cleaning and extraction
    batches.pages(pages)      # new raw pages (from the web) through cleaning and extraction
    batches.drain()           # wait for the batches still in the pool, and record them

The stages overlap: a batch's cleaning and extraction run in the process pool while the flow's
process reads the next batch and writes the previous one's results, so neither the pool nor the
flow waits for the other (AHEAD batches are left running). A page is cleaned and its article
extracted in the same worker, so it crosses a process boundary once; the flow then drops the facts
of the articles it finds to be duplicates. The order of the lake's writes within each table is the
same as when the stages run one after the other.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from prefect.utilities.annotations import quote

from flows.compute import Compute
from flows.progress import Reporter
from flows.settings import Settings
from flows.stages import LakeIndex, ingest_files, pending_articles, pending_pages, record_articles, record_facts
from flows.summary import RunSummary
from lake.fs import Lake
from tasks.discover import InputItem
from tasks.extract_rows import FactTables, Processed


def in_batches(items: Sequence, size: int) -> list[Sequence]:
    return [items[i : i + size] for i in range(0, len(items), size)] if items else []


class Batches:
    AHEAD = 1  # batches per stage left running in the pool while the flow goes on

    def __init__(self, settings: Settings, lake: Lake, summary: RunSummary, reporter: Reporter) -> None:
        self.settings, self.lake, self.summary, self.reporter = settings, lake, summary, reporter
        self.index = LakeIndex.load(self.lake)  # what the lake holds, kept up to date batch by batch
        self.compute = Compute(settings.workers, settings.dask_address)
        # batches submitted to the pool and not yet recorded, oldest first
        self._cleaning: deque[tuple[Callable[[], Processed], list[dict[str, Any]]]] = deque()
        self._extracting: deque[Callable[[], FactTables]] = deque()

    def recover(self) -> None:
        """Finish what a killed run stored but did not clean or extract, and extract the articles
        the current extractor has not read yet."""
        say, size = self.reporter.say, self.settings.batch_size
        leftover_pages = pending_pages(self.lake)
        if leftover_pages:
            say(f"recovering {len(leftover_pages)} page(s) an earlier run did not finish")
            for batch in in_batches(leftover_pages, size):
                self.pages(list(batch))
        leftover_articles = pending_articles(self.lake)
        if leftover_articles:
            say(f"extracting {len(leftover_articles)} article(s) not yet extracted by this extractor version")
            for batch in in_batches(leftover_articles, size):
                self.articles(list(batch))
        self.drain()

    def files(self, files: Sequence[InputItem]) -> None:
        """Local files into raw pages (an unchanged file is skipped), then through the stages."""
        done = 0
        for batch in in_batches(files, self.settings.file_batch_size):
            report = ingest_files(quote(list(batch)), self.lake, quote(self.index), self.settings.max_page_bytes)
            self.summary.pages_new += report.done
            self.summary.pages_unchanged += report.skipped
            self.summary.fail_all(report.failures, self.reporter.say)
            self.pages(report.rows)
            done += len(batch)
            self.reporter.progress("files", done, len(files))
        self.drain()

    def pages(self, pages: list[dict[str, Any]]) -> None:
        """One batch of new pages through cleaning and extraction, in memory. Both start now; the
        batch is recorded once the next one is submitted, or at drain()."""
        if not pages:
            return
        max_html, max_text = self.settings.max_html_chars, self.settings.max_text_chars
        self._cleaning.append((self.compute.submit_pages(pages, max_html, max_text), pages))
        self._advance(self.AHEAD)

    def articles(self, articles: list[dict[str, Any]]) -> None:
        """One batch of articles through extraction (recorded as pages() records its batches)."""
        if not articles:
            return
        self._extracting.append(self.compute.submit_extract(articles))
        self._advance(self.AHEAD)

    def drain(self) -> None:
        """Wait for every batch still in the pool and record it."""
        self._advance(0)

    def _advance(self, ahead: int) -> None:
        """Record the oldest batches until at most `ahead` of each kind are left running: a batch of
        pages as its articles, then the facts of the articles kept (not duplicates)."""
        while len(self._cleaning) > ahead:
            processed_fn, pages = self._cleaning.popleft()
            processed = processed_fn()
            recorded = record_articles(quote(processed.cleaned), quote(pages), self.lake, quote(self.index))
            self.summary.articles_new += recorded.done
            self.summary.duplicates += recorded.skipped
            self.summary.fail_all(recorded.failures, self.reporter.say)
            if recorded.rows:
                self._record_facts(processed.facts.keep(recorded.kept))
        while len(self._extracting) > ahead:
            self._record_facts(self._extracting.popleft()())

    def _record_facts(self, facts: FactTables) -> None:
        recorded = record_facts(quote(facts), self.lake)
        self.summary.extracted += recorded.done
        self.summary.fail_all(recorded.failures, self.reporter.say)
