"""The stages overlap (flows/batches.py): a batch's cleaning and extraction are submitted to the pool
and recorded later, one batch of each stage left running; every batch is still recorded, in order,
cleaned before extracted, and nothing is left in flight after drain()."""

from __future__ import annotations

from typing import Any

import pytest

import flows.batches as batches_mod
from flows.batches import Batches
from flows.parallel import PIECES_PER_WORKER, chunks
from flows.stages import StageReport
from flows.summary import RunSummary
from tasks.extract_rows import ExtractedRows


class Log:
    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []
        self.in_flight = 0
        self.most_in_flight = 0


class StubCompute:
    """Submits nothing anywhere: records when a batch is submitted and when its result is waited for."""

    def __init__(self, log: Log) -> None:
        self.log = log

    def _submit(self, stage: str, batch: int, result: Any) -> Any:
        self.log.events.append((f"submit {stage}", batch))
        self.log.in_flight += 1
        self.log.most_in_flight = max(self.log.most_in_flight, self.log.in_flight)

        def wait() -> Any:
            self.log.events.append((f"wait {stage}", batch))
            self.log.in_flight -= 1
            return result

        return wait

    def submit_clean(self, pages: list[dict[str, Any]], max_html: int, max_text: int) -> Any:
        batch = pages[0]["batch"]
        return self._submit("clean", batch, [{"batch": batch, "article_id": p["page_id"]} for p in pages])

    def submit_extract(self, articles: list[dict[str, Any]]) -> Any:
        batch = articles[0]["batch"]
        rows = ExtractedRows(extractions=[{"article_id": a["article_id"]} for a in articles])
        rows.failures = [(str(batch), "marker")]
        return self._submit("extract", batch, rows)


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> tuple[Batches, Log, RunSummary]:
    log = Log()

    def record_articles(cleaned: Any, pages: Any, lake: Any, index: Any) -> StageReport:
        rows = cleaned.unquote() if hasattr(cleaned, "unquote") else cleaned
        log.events.append(("record articles", rows[0]["batch"]))
        return StageReport(done=len(rows), rows=rows)

    def record_facts(rows: Any, lake: Any) -> StageReport:
        rows = rows.unquote() if hasattr(rows, "unquote") else rows
        batch = int(rows.failures[0][0])
        log.events.append(("record facts", batch))
        return StageReport(done=len(rows.extractions))

    monkeypatch.setattr(batches_mod, "record_articles", record_articles)
    monkeypatch.setattr(batches_mod, "record_facts", record_facts)
    summary = RunSummary()
    b = Batches.__new__(Batches)
    b.settings = type("S", (), {"max_html_chars": 10, "max_text_chars": 10, "batch_size": 3})()
    b.lake, b.summary, b.index = None, summary, None
    b.reporter = type("R", (), {"say": staticmethod(lambda line: None)})()
    b.compute = StubCompute(log)
    b._cleaning, b._extracting = batches_mod.deque(), batches_mod.deque()
    return b, log, summary


def test_every_batch_is_recorded_in_order_with_one_batch_per_stage_ahead(
    stubbed: tuple[Batches, Log, RunSummary],
) -> None:
    b, log, summary = stubbed
    for batch in range(5):
        b.pages([{"page_id": f"{batch}-{i}", "batch": batch} for i in range(3)])
        # after each call at most one batch per stage is still running
        assert len(b._cleaning) <= Batches.AHEAD and len(b._extracting) <= Batches.AHEAD
    b.drain()
    assert not b._cleaning and not b._extracting and log.in_flight == 0
    assert summary.articles_new == 15 and summary.extracted == 15
    for stage in ("record articles", "record facts"):
        assert [n for s, n in log.events if s == stage] == list(range(5))
    # the next batch's cleaning is submitted before the flow waits for the previous one
    order = log.events
    for batch in range(1, 5):
        assert order.index(("submit clean", batch)) < order.index(("wait clean", batch - 1))
        assert order.index(("record articles", batch - 1)) < order.index(("submit extract", batch - 1))
    # an extraction waited for only once a newer batch has been handed to the pool
    for batch in range(4):
        assert order.index(("submit extract", batch + 1)) < order.index(("wait extract", batch))


def test_pieces_keep_order_and_cover_everything() -> None:
    items = list(range(200))
    pieces = chunks(items, 2 * PIECES_PER_WORKER)
    assert len(pieces) == 2 * PIECES_PER_WORKER
    assert [x for p in pieces for x in p] == items
    assert max(map(len, pieces)) - min(map(len, pieces)) <= 1
