"""The lake store: atomic, hive-partitioned writes and the reads the stages rely on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lake import store
from lake.schemas import LAKE_TABLES


def _outcome(pid: str) -> dict:
    return {
        "page_id": pid,
        "outcome": "article",
        "article_id": f"a_{pid}",
        "reason": None,
        "written_at": store.now_utc(),
    }


def test_write_is_hive_partitioned_and_schema_exact(tmp_path: Path) -> None:
    written = store.write_table(tmp_path, "page_outcomes", [_outcome("p1"), _outcome("p2")], date(2025, 12, 20))
    assert written is not None
    path = Path(written)
    assert path.parent.name == "ingest_date=2025-12-20" and path.parent.parent == tmp_path / "page_outcomes"
    assert pq.read_schema(path).remove_metadata() == LAKE_TABLES["page_outcomes"]
    assert store.distinct_values(tmp_path, "page_outcomes", "page_id") == {"p1", "p2"}


def test_no_rows_writes_nothing(tmp_path: Path) -> None:
    assert store.write_table(tmp_path, "page_outcomes", []) is None
    assert not store.has_files(tmp_path, "page_outcomes")
    assert store.query_lake(tmp_path, "page_outcomes") == []


def test_unknown_table_and_bad_rows_are_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        store.write_table(tmp_path, "nope", [{"a": 1}])
    with pytest.raises((TypeError, ValueError, Exception)):
        store.write_table(tmp_path, "page_outcomes", [{"page_id": 3, "outcome": object()}])
    # a refused write leaves neither a file nor a temporary behind
    assert not list(tmp_path.rglob("*.parquet")) and not list(tmp_path.rglob("*.tmp"))


def test_temporaries_are_invisible_and_swept(tmp_path: Path) -> None:
    store.write_table(tmp_path, "page_outcomes", [_outcome("p1")])
    folder = next((tmp_path / "page_outcomes").iterdir())
    (folder / ".part-dead.parquet.tmp").write_bytes(b"half a file")
    assert store.distinct_values(tmp_path, "page_outcomes", "page_id") == {"p1"}
    assert store.sweep_temporaries(tmp_path) == 1
    assert not list(folder.glob(".*.tmp"))


def test_rows_where_in_returns_newest_first(tmp_path: Path) -> None:
    store.write_table(tmp_path, "page_outcomes", [_outcome("p1")])
    newer = {**_outcome("p1"), "outcome": "duplicate"}
    store.write_table(tmp_path, "page_outcomes", [newer, _outcome("p2")])
    rows = store.rows_where_in(tmp_path, "page_outcomes", "page_id", ["p1"], ["page_id", "outcome"])
    assert [r["outcome"] for r in rows] == ["duplicate", "article"]
    assert store.rows_where_in(tmp_path, "page_outcomes", "page_id", [], ["page_id"]) == []
