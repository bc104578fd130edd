"""Build the DuckDB warehouse from the lake: corrections, macros, seeds, models, data tests.

The build writes a new database file under a temporary name beside the target and swaps it in
with os.replace, so a reader (`roundtable query`, an export) always sees a whole warehouse,
the old one or the new one, and a failed build (bad SQL, a data test) leaves the old one as it was.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tasks.lakefs import Lake, LakeLocation, as_lake
from warehouse.corrections import load_corrections, write_correction_tables
from warehouse.models import SQL_DIR, Model, Project, load_project, render
from warehouse.scope import write_scope_table

# DuckDB's own memory cap for a build (and an export): past it, joins, sorts and aggregates
# spill to a temporary folder beside the warehouse instead of growing. The whole pipeline must
# stay under 1.5 GiB; see the README for what a build of a million mention rows takes.
DEFAULT_MEMORY_LIMIT = "512MB"
# worker threads by default: each holds its own buffers within that cap, so more threads than
# this make a small cap too tight (at 256MB, 16 threads run out of memory on 1M mention rows)
MAX_DEFAULT_THREADS = 4


class BuildError(Exception):
    """A model failed to build; the message names the model and DuckDB's reason."""


class DataTestError(BuildError):
    """One or more data tests returned rows; the message names every failing test."""

    def __init__(self, failures: dict[str, tuple[int, list[tuple[object, ...]]]]) -> None:
        self.failures = failures
        parts = [f"{name} ({count} rows, e.g. {rows[:2]})" for name, (count, rows) in failures.items()]
        super().__init__("data test(s) failed: " + "; ".join(parts))


@dataclass(frozen=True, slots=True)
class BuildResult:
    db_path: Path
    models: tuple[str, ...]  # in the order they were built
    row_counts: dict[str, int]  # every model's row count
    model_seconds: dict[str, float]  # time each model took to build
    tests: tuple[str, ...]  # data tests run (all passed)
    corrections: dict[str, int]  # rows loaded per corrections table
    seconds: float


def build_warehouse(
    lake: LakeLocation,
    db_path: Path,
    corrections: Path | None = None,
    *,
    sql_dir: Path = SQL_DIR,
    run_tests: bool = True,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
    threads: int | None = None,
    scope: list[frozenset[str]] | None = None,
) -> BuildResult:
    """Rebuild the whole warehouse at `db_path` (a local file) from the Parquet lake `lake`: a
    local folder, or a `tasks.lakefs.Lake` on any fsspec filesystem.

    memory_limit caps DuckDB's memory ("512MB", "1GB"; None: DuckDB's default, 80% of RAM);
    what does not fit spills to a temporary folder beside `db_path`, removed afterwards.
    threads: DuckDB worker threads (None: one per core, at most MAX_DEFAULT_THREADS).
    scope: the side sets the user follows (warehouse/scope.py); None: every negotiation.

    Raises BuildError (a model failed), DataTestError (a data test returned rows),
    ModelError (the SQL project is malformed) or CorrectionsError (bad corrections file);
    in every case the previous warehouse file is left untouched.
    """
    started = time.monotonic()
    lake, db_path = as_lake(lake), Path(db_path)
    project = load_project(sql_dir)
    fixes = load_corrections(corrections)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.building")
    spill = tmp.with_name(tmp.name + ".spill")
    try:
        con = duckdb.connect(str(tmp))
        try:
            # a fixed time zone: timestamp -> date casts must not depend on the machine
            con.execute("SET TimeZone = 'UTC'")
            configure(con, spill, memory_limit, threads)
            lake.prepare(con)
            write_correction_tables(con, fixes)
            write_scope_table(con, scope)
            for macro_file in project.macros:
                con.execute(macro_file.read_text(encoding="utf-8"))
            counts: dict[str, int] = {}
            timings: dict[str, float] = {}
            for name in project.order:
                began = time.monotonic()
                counts[name] = _build_model(con, project, project.models[name], lake)
                timings[name] = round(time.monotonic() - began, 3)
            tests = run_data_tests(con, project) if run_tests else ()
            con.execute("CHECKPOINT")
        finally:
            con.close()
        # a WAL left by a crashed writer of the old file would be replayed onto the new one
        Path(f"{db_path}.wal").unlink(missing_ok=True)
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
        shutil.rmtree(spill, ignore_errors=True)
    return BuildResult(
        db_path=db_path,
        models=project.order,
        row_counts=counts,
        model_seconds=timings,
        tests=tests,
        corrections=fixes.counts(),
        seconds=round(time.monotonic() - started, 3),
    )


def configure(con: duckdb.DuckDBPyConnection, spill: Path, memory_limit: str | None, threads: int | None) -> None:
    """Bound a connection's memory: a cap, a folder to spill to, a few threads, no order kept that no one reads.

    Every model is a CREATE TABLE AS whose row order nobody relies on (readers and exports
    sort), so DuckDB need not preserve insertion order, which lets it stream instead of buffer.
    """
    con.execute(f"SET temp_directory = {_literal(spill)}")
    con.execute("SET preserve_insertion_order = false")
    if memory_limit:
        con.execute(f"SET memory_limit = {_literal(memory_limit)}")
    con.execute(f"SET threads = {int(threads or min(MAX_DEFAULT_THREADS, os.cpu_count() or 1))}")


def _literal(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _build_model(con: duckdb.DuckDBPyConnection, project: Project, model: Model, lake: Lake) -> int:
    schema = model.relation.split(".")[0]
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    if model.is_seed:
        path = str(model.path).replace("'", "''")
        body = f"SELECT * FROM read_csv('{path}', header=true, all_varchar=true)"
    else:
        body = render(model.sql, project.models, lake)
    try:
        con.execute(f"CREATE OR REPLACE TABLE {model.relation} AS\n{body}")
    except duckdb.Error as e:
        raise BuildError(f"model {model.name} ({model.path}): {str(e).splitlines()[0]}") from e
    ((count,),) = con.execute(f"SELECT count(*) FROM {model.relation}").fetchall()
    return int(count)


def run_data_tests(con: duckdb.DuckDBPyConnection, project: Project | None = None) -> tuple[str, ...]:
    """Run every sql/tests/*.sql against the warehouse open on `con`; each must return no rows.

    Runs them all before failing, so one DataTestError names every failing test.
    """
    project = project or load_project()
    failures: dict[str, tuple[int, list[tuple[object, ...]]]] = {}
    for test in project.tests:
        sql = render(test.sql, project.models, None)
        try:
            rows = con.execute(f"SELECT * FROM ({sql}) LIMIT 1000").fetchall()
        except duckdb.Error as e:
            raise BuildError(f"data test {test.name} ({test.path}): {str(e).splitlines()[0]}") from e
        if rows:
            failures[test.name] = (len(rows), rows[:3])
    if failures:
        raise DataTestError(failures)
    return tuple(t.name for t in project.tests)
