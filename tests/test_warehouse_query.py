"""Read-only ad-hoc SQL: refusals, output formats, and queries while a build swaps the file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lakes import sample_warehouse

from warehouse.build import build_warehouse
from warehouse.query import QueryError, run_query


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.mktemp("query"))


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("COPY (SELECT * FROM people) TO '{out}/people.csv'", "read-only"),
        ("COPY people TO '{out}/people.parquet' (FORMAT parquet)", "read-only"),
        ("SELECT * FROM read_csv('/etc/passwd')", "disabled by configuration"),
        ("SELECT * FROM read_text('/etc/passwd')", "disabled by configuration"),
        ("SELECT * FROM read_parquet('{out}/*.parquet')", "disabled by configuration"),
        ("CREATE TABLE t AS SELECT 1 AS x", "got CREATE"),
        ("CREATE TEMP TABLE t AS SELECT 1 AS x", "got CREATE"),
        ("INSERT INTO people (person_id) VALUES ('p_x')", "got INSERT"),
        ("UPDATE negotiation_rounds SET status = 'held'", "got UPDATE"),
        ("DROP TABLE people", "got DROP"),
        ("ATTACH '{out}/other.duckdb' AS other", "got ATTACH"),
        ("INSTALL httpfs", "got LOAD"),
        ("LOAD httpfs", "got LOAD"),
        ("SET enable_external_access = true", "got SET"),
        ("SELECT 1; DELETE FROM people", "got DELETE"),
    ],
)
def test_writes_and_file_access_are_refused(db: Path, tmp_path: Path, sql: str, reason: str) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(db, sql.format(out=tmp_path))
    message = str(caught.value)
    assert reason in message and "\n" not in message
    assert list(tmp_path.iterdir()) == []  # nothing was written
    assert run_query(db, "SELECT count(*) AS n FROM people", "csv") == "n\n6\n"  # nothing was changed


@pytest.mark.parametrize(
    ("sql", "reason"),
    [("SELEC 1", "bad SQL"), ("SELECT * FROM no_such_table", "no_such_table"), ("", "no SQL"), (" ; ", "no SQL")],
)
def test_bad_sql_is_one_clear_line(db: Path, sql: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason) as caught:
        run_query(db, sql)
    assert "\n" not in str(caught.value)


def test_missing_warehouse_and_unknown_format(db: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no warehouse"):
        run_query(tmp_path / "none.duckdb", "SELECT 1")
    with pytest.raises(QueryError, match="unknown format"):
        run_query(db, "SELECT 1", "xml")  # type: ignore[arg-type]


SQL = (
    "SELECT label, parties, start_date, article_count FROM negotiation_rounds "
    "WHERE date_precision = 'day' ORDER BY start_date"
)


def test_table_format(db: Path) -> None:
    out = run_query(db, SQL).splitlines()
    assert out[0].split(" | ")[0].strip() == "label" and set(out[1]) <= {"-", "+"}
    assert out[2].startswith("Ukraine–United States talks, Miami") and '["UA", "US"]' in out[2]
    assert out[-1] == "(2 rows)"


def test_csv_format(db: Path) -> None:
    rows = list(csv.reader(io.StringIO(run_query(db, SQL, "csv"))))
    assert rows == [
        ["label", "parties", "start_date", "article_count"],
        ["Ukraine–United States talks, Miami", '["UA", "US"]', "2025-12-04", "1"],
        ["Russia–United States talks, Miami", '["RU", "US"]', "2025-12-20", "2"],
    ]


def test_json_format(db: Path) -> None:
    rows = json.loads(run_query(db, SQL, "json"))
    assert rows[1] == {
        "label": "Russia–United States talks, Miami",
        "parties": ["RU", "US"],
        "start_date": "2025-12-20",
        "article_count": 2,
    }


def test_several_read_statements_give_the_last_result(db: Path) -> None:
    assert run_query(db, "SELECT 1 AS a; SELECT 2 AS b", "csv") == "b\n2\n"
    assert "negotiation_rounds" in run_query(db, "SHOW TABLES", "csv")
    assert "round_id" in run_query(db, "DESCRIBE negotiation_rounds", "csv")


def test_queries_work_while_another_process_rebuilds(db: Path, tmp_path: Path) -> None:
    lake = db.parent / "lake"
    target = tmp_path / "warehouse.duckdb"
    build_warehouse(lake, target)
    expected = run_query(target, "SELECT count(*) AS n, min(round_id) AS r FROM negotiation_rounds", "csv")
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from warehouse.build import build_warehouse
        for _ in range(6):
            build_warehouse(Path({str(lake)!r}), Path({str(target)!r}))
        """
    )
    builder = subprocess.Popen([sys.executable, "-c", script])
    answers: list[str] = []
    inode_seen = {target.stat().st_ino}
    try:
        while builder.poll() is None:
            answers.append(run_query(target, "SELECT count(*) AS n, min(round_id) AS r FROM negotiation_rounds", "csv"))
            inode_seen.add(target.stat().st_ino)
    finally:
        builder.wait(timeout=120)
    assert builder.returncode == 0
    assert len(inode_seen) > 1  # the file really was swapped while we were querying
    assert answers and set(answers) == {expected}
