"""The stages overlap (flows/batches.py): a batch's cleaning and extraction are submitted to the pool
together and recorded later, one batch left running; every batch is still recorded, in order, its
articles before their facts, and nothing is left in flight after drain(). The facts of articles found
to be duplicates are dropped by position (tasks/extract_rows.py FactTables.keep)."""

from __future__ import annotations

from typing import Any

import pytest

import flows.batches as batches_mod
from flows.batches import Batches
from flows.parallel import PIECES_PER_WORKER, chunks
from flows.stages import StageReport
from flows.summary import RunSummary
from tasks.extract_rows import ExtractedRows, FactTables


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

    def submit_pages(self, pages: list[dict[str, Any]], max_html: int, max_text: int) -> Any:
        batch = pages[0]["batch"]
        cleaned = [{"batch": batch, "article_id": p["page_id"]} for p in pages]
        rows = ExtractedRows(extractions=[{"article_id": a["article_id"]} for a in cleaned])
        rows.failures = [(str(batch), "marker")]
        return self._submit("pages", batch, StubProcessed(cleaned, StubFacts(rows)))

    def submit_extract(self, articles: list[dict[str, Any]]) -> Any:
        batch = articles[0]["batch"]
        rows = ExtractedRows(extractions=[{"article_id": a["article_id"]} for a in articles])
        rows.failures = [(str(batch), "marker")]
        return self._submit("extract", batch, rows)


class StubFacts:
    def __init__(self, rows: ExtractedRows) -> None:
        self.rows = rows

    def keep(self, flags: list[bool]) -> ExtractedRows:
        assert all(flags)
        return self.rows


class StubProcessed:
    def __init__(self, cleaned: list[dict[str, Any]], facts: StubFacts) -> None:
        self.cleaned, self.facts = cleaned, facts


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> tuple[Batches, Log, RunSummary]:
    log = Log()

    def record_articles(cleaned: Any, pages: Any, lake: Any, index: Any) -> StageReport:
        rows = cleaned.unquote() if hasattr(cleaned, "unquote") else cleaned
        log.events.append(("record articles", rows[0]["batch"]))
        return StageReport(done=len(rows), rows=rows, kept=[True] * len(rows))

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
    order = log.events
    for batch in range(1, 5):
        # the next batch is submitted before the flow waits for the previous one
        assert order.index(("submit pages", batch)) < order.index(("wait pages", batch - 1))
    for batch in range(5):
        # a batch's articles are written before its facts
        assert order.index(("record articles", batch)) < order.index(("record facts", batch))


def test_articles_alone_go_through_extraction_in_order(stubbed: tuple[Batches, Log, RunSummary]) -> None:
    b, log, summary = stubbed
    for batch in range(4):
        b.articles([{"article_id": f"{batch}-{i}", "batch": batch} for i in range(3)])
        assert len(b._extracting) <= Batches.AHEAD
    b.drain()
    assert not b._extracting and log.in_flight == 0 and summary.extracted == 12
    assert [n for s, n in log.events if s == "record facts"] == list(range(4))
    for batch in range(3):
        assert log.events.index(("submit extract", batch + 1)) < log.events.index(("wait extract", batch))


def _rows(article_id: str, mentions: int) -> ExtractedRows:
    ts = None
    rows = ExtractedRows(extractions=[{"article_id": article_id, "extractor_version": "v", "written_at": ts}])
    rows.mentions = [
        {"article_id": article_id, "kind": "place", "entity_key": f"k{i}", "surface": "s", "start": i, "end": i + 1}
        for i in range(mentions)
    ]
    return rows


def test_fact_tables_drop_the_rows_of_unkept_articles_by_position() -> None:
    # two pages with the same article id (same canonical URL): only the first one's facts are kept
    per_article = [_rows("a", 2), _rows("b", 0), _rows("a", 3), _rows("c", 1)]
    per_article[1].failures = [("b", "extraction failed: x")]
    parts = [FactTables.of(per_article[:2]), FactTables.of(per_article[2:])]
    facts = FactTables.concat(parts)
    assert facts.mentions.num_rows == 6 and len(facts.extractions) == 4
    kept = facts.keep([True, True, False, True])
    assert kept.mentions.column("entity_key").to_pylist() == ["k0", "k1", "k0"]
    assert kept.mentions.column("article_id").to_pylist() == ["a", "a", "c"]
    assert kept.extractions.column("article_id").to_pylist() == ["a", "b", "c"]
    assert kept.failures == [("b", "extraction failed: x")]
    assert facts.keep([True] * 4) is facts
    none = facts.keep([False] * 4)
    assert none.mentions.num_rows == 0 and none.failures == []


def test_pieces_keep_order_and_cover_everything() -> None:
    items = list(range(200))
    pieces = chunks(items, 2 * PIECES_PER_WORKER)
    assert len(pieces) == 2 * PIECES_PER_WORKER
    assert [x for p in pieces for x in p] == items
    assert max(map(len, pieces)) - min(map(len, pieces)) <= 1
