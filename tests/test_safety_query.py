"""`roundtable query` is bounded (issue #15, 4): a time limit and a memory limit, and the message
says which one stopped the query. Its CSV output ends with one newline, not an empty line (8)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lakes import sample_warehouse

from flows import cli
from warehouse.query import QueryError, run_query

CROSS_JOIN = "SELECT count(*) FROM range(5000000) a, range(5000000) b WHERE a.range + b.range = -1"
BIG_GROUP_BY = "SELECT i % 20000000 AS k, count(*) AS n FROM range(40000000) t(i) GROUP BY k"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.mktemp("safe-query")).parent


def test_a_query_past_its_time_limit_is_stopped_and_says_so(data_dir: Path) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError) as caught:
        run_query(data_dir / "warehouse.duckdb", CROSS_JOIN, timeout=1.0)
    assert time.monotonic() - started < 15
    msg = str(caught.value)
    assert "time limit" in msg and "query_timeout" in msg and "1 s" in msg


def test_a_query_past_its_memory_limit_is_stopped_and_says_so(data_dir: Path) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(data_dir / "warehouse.duckdb", BIG_GROUP_BY, timeout=60, memory_limit="64MB")
    msg = str(caught.value)
    assert "memory limit" in msg and "64MB" in msg and "query_memory_limit" in msg


def test_the_memory_limit_cannot_be_lifted_from_sql(data_dir: Path) -> None:
    with pytest.raises(QueryError, match=r"refused|read-only"):
        run_query(data_dir / "warehouse.duckdb", "SET memory_limit = '100GB'; SELECT 1")
    out = run_query(data_dir / "warehouse.duckdb", "SELECT current_setting('memory_limit') AS m", "csv")
    assert out.splitlines()[1] != ""


def test_the_command_takes_its_limits_from_the_settings(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ROUNDTABLE_QUERY_TIMEOUT", "1")
    assert cli.main(["query", "--data-dir", str(data_dir), CROSS_JOIN]) == 1
    err = capsys.readouterr().err
    assert "time limit" in err and "ROUNDTABLE_QUERY_TIMEOUT" in err
    monkeypatch.setenv("ROUNDTABLE_QUERY_TIMEOUT", "60")
    monkeypatch.setenv("ROUNDTABLE_QUERY_MEMORY_LIMIT", "64MB")
    assert cli.main(["query", "--data-dir", str(data_dir), BIG_GROUP_BY]) == 1
    err = capsys.readouterr().err
    assert "memory limit" in err and "ROUNDTABLE_QUERY_MEMORY_LIMIT" in err


def test_defaults_are_a_minute_and_the_builds_cap() -> None:
    from flows.settings import Settings
    from warehouse.build import DEFAULT_MEMORY_LIMIT

    settings = Settings()
    assert settings.query_timeout == 60 and settings.query_memory_limit == DEFAULT_MEMORY_LIMIT


def test_csv_output_ends_with_one_newline(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["query", "--data-dir", str(data_dir), "--format", "csv", "SELECT 1 AS a, 2 AS b"]) == 0
    assert capsys.readouterr().out == "a,b\n1,2\n"
    assert cli.main(["query", "--data-dir", str(data_dir), "SELECT 1 AS a"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("(1 row)\n") and not out.endswith("\n\n")
