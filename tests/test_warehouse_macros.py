"""The SQL macros the models share (sql/macros/*.sql), each on a few rows of its own."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from tasks.nlp.settings import NLP
from warehouse.models import load_project


@pytest.fixture()
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    for path in load_project().macros:
        con.execute(path.read_text(encoding="utf-8"))
    yield con
    con.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return sorted(con.execute(sql).fetchall())


def test_the_merge_window_is_the_extractions(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute("SELECT merge_days()").fetchall() == [(NLP.merge_days,)]


def test_undated_window(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(con, "SELECT s, undated_window(s).before, undated_window(s).after FROM unnest(['held', 'x']) AS t(s)")
    assert got == [("held", 60, 1), ("x", 3, 120)]
    assert con.execute("SELECT undated_window(NULL)").fetchall() == [({"before": 3, "after": 120},)]


def test_current_extraction_keeps_the_current_version_of_kept_articles(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE x AS SELECT * FROM (VALUES ('a', 'v2'), ('b', NULL), ('gone', 'v1')) "
        "t(article_id, extractor_version)"
    )
    con.execute("CREATE TABLE arts AS SELECT * FROM (VALUES ('a'), ('b')) t(article_id)")
    got = rows(
        con,
        "WITH src AS (SELECT * FROM (VALUES ('a', 'v1', 1), ('a', 'v2', 2), ('b', NULL, 3), ('b', '', 4), "
        "('gone', 'v1', 5)) t(article_id, extractor_version, n)) "
        "SELECT n FROM current_extraction('src', 'main.x', 'arts')",
    )
    assert got == [(2,), (3,), (4,)]  # a missing version and '' are the same version


def test_class_probes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE pairs AS SELECT * FROM (VALUES (1, 2, true), (1, 3, false)) "
        "t(class_id, other_class_id, place_agree)"
    )
    con.execute("CREATE TABLE m AS SELECT 'e' AS event_id, 1 AS class_id, ['p', 'q'] AS participant_keys")
    probe = "SELECT event_id, other_class_id, person_key FROM class_probes('m', 'pairs', {})"
    assert rows(con, probe.format("true")) == [
        ("e", 2, ""),
        ("e", 2, "p"),
        ("e", 2, "q"),
        ("e", 3, "p"),
        ("e", 3, "q"),
    ]
    assert rows(con, probe.format("false")) == [("e", 2, ""), ("e", 3, "p"), ("e", 3, "q")]


def test_component_founders(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(
        con,
        "WITH nodes AS (SELECT * FROM (VALUES (1::BIGINT, 'a'), (2, 'b'), (3, 'c'), (4, 'd')) t(node, id)), "
        "edges AS (SELECT * FROM (VALUES (4::BIGINT, 2::BIGINT)) t(a, b)) "
        "SELECT id, founder_id FROM component_founders('nodes', 'edges')",
    )
    assert got == [("a", "a"), ("b", "b"), ("c", "c"), ("d", "b")]


def test_overlapping_days_pairs_each_overlap_once(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(
        con,
        "WITH l AS (SELECT * FROM (VALUES ('long', 'k', DATE '2025-01-01', DATE '2025-12-31'), "
        "('open', 'k', DATE '2025-01-01', NULL), ('short', 'k', DATE '2025-03-01', DATE '2025-03-02'), "
        "('other', 'j', DATE '2025-01-01', DATE '2025-12-31')) t(name, match_key, lo, hi)), "
        "r AS (SELECT * FROM (VALUES ('spring', 'k', DATE '2025-02-01', DATE '2025-06-30'), "
        "('next year', 'k', DATE '2026-01-01', DATE '2026-01-01')) t(name, match_key, lo, hi)) "
        "SELECT a.name, b.name FROM overlapping_days('l', 'r')",
    )
    assert got == [("long", "spring"), ("short", "spring")]


def test_runs_of_days_break_where_a_gap_is_longer_than_allowed(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(
        con,
        "WITH s AS (SELECT * FROM (VALUES (0, 1, DATE '2025-01-01', DATE '2025-01-02'), "
        "(0, 2, DATE '2025-01-03', DATE '2025-01-03'), (0, 3, DATE '2025-01-02', DATE '2025-01-02'), "
        "(3, 1, DATE '2025-01-01', DATE '2025-01-02'), (3, 2, DATE '2025-01-05', DATE '2025-01-05'), "
        "(3, 3, DATE '2025-01-09', DATE '2025-01-09')) t(gap, node, lo, hi)), "
        "r AS (SELECT *, {'gap': gap} AS run_key FROM s) "
        "SELECT gap, node, run_no FROM runs_of_days('r')",
    )
    # gap 0: only days shared join a run; gap 3: a hole of up to three days does
    assert got == [(0, 1, 1), (0, 2, 2), (0, 3, 1), (3, 1, 1), (3, 2, 1), (3, 3, 2)]
