"""Build the DuckDB warehouse from the lake: corrections, macros, seeds, models, data tests.

The build writes a new database file under a temporary name beside the target and swaps it in
with os.replace, so a reader (`roundtable query`, an export) always sees a whole warehouse,
the old one or the new one, and a failed build (bad SQL, a data test) leaves the old one as it was.

A data test that says `On failure: quarantine` (sql/tests/accepted_country_codes.sql) does not
fail the build: the rows it finds move from their mart to a table of the same name in the
`quarantine` schema (with `quarantined_by`), rows referring to them go with them, the tests run
again, and BuildResult.quarantined says what moved. Any other failing test fails the build.

The temporary files of a killed build (`.warehouse.duckdb.PID.TAG.building` and its .wal and
.spill) are swept by the next build, once their process is gone.
"""

from __future__ import annotations

import functools
import os
import queue
import re
import shutil
import time
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import ParamSpec, TypeVar

import duckdb

from lake.fs import Lake, LakeLocation, as_lake
from warehouse import contract
from warehouse.corrections import load_corrections, write_correction_tables
from warehouse.models import SQL_DIR, DataTest, Model, Project, load_project, render
from warehouse.scope import write_scope_table

P = ParamSpec("P")
R = TypeVar("R")

# DuckDB's own memory cap for a build (and an export): past it, joins, sorts and aggregates
# spill to a temporary folder beside the warehouse instead of growing. The whole pipeline must
# stay under 1.5 GiB; see the README for what a build of a million mention rows takes.
DEFAULT_MEMORY_LIMIT = "512MB"
# worker threads by default: each holds its own buffers within that cap, so more threads than
# this make a small cap too tight (at 256MB, 16 threads run out of memory on 1M mention rows)
MAX_DEFAULT_THREADS = 4
# models built at the same time (each model waits for those it reads): most are too small for DuckDB
# to spread over its threads, so one at a time leaves a core idle
MODELS_AT_ONCE = 2


class BuildError(Exception):
    """A model failed to build; the message names the model and DuckDB's reason."""


class DataTestError(BuildError):
    """One or more data tests returned rows; the message names every failing test."""

    def __init__(self, failures: dict[str, tuple[int, list[tuple[object, ...]]]]) -> None:
        self.failures = failures
        parts = [f"{name} ({count} rows, e.g. {rows[:2]})" for name, (count, rows) in failures.items()]
        super().__init__("data test(s) failed: " + "; ".join(parts))


QUARANTINE_SCHEMA = "quarantine"
# the marts a quarantining data test may name, with the columns of their key (joined by '/')
MART_KEYS: dict[str, tuple[str, ...]] = {t.name: t.key for t in contract.TABLES}
# (mart, column, mart it refers to): a row referring to a quarantined row goes to quarantine too
REFERENCES: tuple[tuple[str, str, str], ...] = tuple(
    (child, column, parent) for child, column, parent, _ in contract.references()
)


@dataclass(frozen=True, slots=True)
class Quarantined:
    """What one data test moved to the quarantine schema."""

    test: str
    rows: dict[str, int]  # mart -> rows the test found
    with_them: dict[str, int] = field(default_factory=dict)  # mart -> rows that referred to those

    def line(self) -> str:
        """One line for the run's output."""
        found = ", ".join(f"{t} {n}" for t, n in sorted(self.rows.items()))
        more = ", ".join(f"{t} {n}" for t, n in sorted(self.with_them.items()))
        more = f"; with them {more}" if more else ""
        return (
            f"data test {self.test} failed: {sum(self.rows.values())} row(s) quarantined ({found}{more}); "
            f"the rest is exported; see {QUARANTINE_SCHEMA}.* in the warehouse"
        )


@dataclass(frozen=True, slots=True)
class BuildResult:
    db_path: Path
    models: tuple[str, ...]  # in the order they were built
    row_counts: dict[str, int]  # every model's row count
    model_seconds: dict[str, float]  # time each model took to build
    tests: tuple[str, ...]  # data tests run (all passed, after any quarantine)
    corrections: dict[str, int]  # rows loaded per corrections table
    seconds: float
    quarantined: tuple[Quarantined, ...] = ()  # what failing quarantine tests moved out of the marts


def releases_connections(fn: Callable[P, R]) -> Callable[P, R]:
    """On an exception, clear the locals of the frames it passed through: a DuckDB connection held
    there (by a caller keeping the exception, like Prefect's task state) would stay alive until the
    interpreter exits and print nanobind's 'leaked instance' lines then."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except BaseException as exc:
            traceback.clear_frames(exc.__traceback__)
            for linked in (exc.__cause__, exc.__context__):
                if linked is not None:
                    traceback.clear_frames(linked.__traceback__)
            raise

    return wrapper


@releases_connections
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
    quarantine: bool = True,
) -> BuildResult:
    """Rebuild the whole warehouse at `db_path` (a local file) from the Parquet lake `lake`: a
    local folder, or a `lake.fs.Lake` on any fsspec filesystem.

    memory_limit caps DuckDB's memory ("512MB", "1GB"; None: DuckDB's default, 80% of RAM);
    what does not fit spills to a temporary folder beside `db_path`, removed afterwards.
    threads: DuckDB worker threads (None: one per core, at most MAX_DEFAULT_THREADS).
    scope: the side sets the user follows (warehouse/scope.py); None: every negotiation.
    quarantine: let tests that say so quarantine the rows they find (False: every failure fails).

    Raises BuildError (a model failed), DataTestError (a data test returned rows),
    ModelError (the SQL project is malformed) or CorrectionsError (bad corrections file);
    in every case the previous warehouse file is left untouched.
    """
    started = time.monotonic()
    lake, db_path = as_lake(lake), Path(db_path)
    project = load_project(sql_dir)
    fixes = load_corrections(corrections)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    sweep_build_temporaries(db_path)
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
            at_once = min(MODELS_AT_ONCE, int(threads or os.cpu_count() or 1))
            counts, timings = _build_models(con, project, lake, at_once)
            tests: tuple[str, ...] = ()
            quarantined: tuple[Quarantined, ...] = ()
            if run_tests:
                tests, quarantined = _test_or_quarantine(con, project, lake, quarantine, counts)
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
        quarantined=quarantined,
    )


_BUILD_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]+\.building(?:\.wal|\.spill)?$")


def sweep_build_temporaries(db_path: Path) -> int:
    """Remove what killed builds of `db_path` left beside it (their process is gone); returns how many."""
    from warehouse.export import is_leftover  # export imports this module

    db_path = Path(db_path)
    if not db_path.parent.is_dir():
        return 0
    swept = 0
    for entry in db_path.parent.iterdir():
        m = _BUILD_TEMP.match(entry.name)
        if not m or m.group("name") != db_path.name or not is_leftover(entry, int(m.group("pid"))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        swept += 1
    return swept


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


def _build_models(
    con: duckdb.DuckDBPyConnection, project: Project, lake: Lake, at_once: int
) -> tuple[dict[str, int], dict[str, float]]:
    """Build every model, each once the models it reads are built; up to `at_once` at the same time,
    each on its own cursor (most models are small: DuckDB runs one on a single thread, and the
    build would leave a core idle). Returns row counts and seconds per model, in build order."""
    counts: dict[str, int] = {}
    timings: dict[str, float] = {}

    def build(cur: duckdb.DuckDBPyConnection, name: str) -> None:
        began = time.monotonic()
        counts[name] = _build_model(cur, project, project.models[name], lake)
        timings[name] = round(time.monotonic() - began, 3)

    if at_once <= 1 or lake.local_dir is None:  # a remote lake's filesystem is registered on `con` only
        for name in project.order:
            build(con, name)
        return counts, timings
    for schema in dict.fromkeys(project.models[name].relation.split(".")[0] for name in project.order):
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")  # here, not by two cursors at once
    waiting = {name: set(project.models[name].refs) for name in project.order}
    cursors: queue.SimpleQueue[duckdb.DuckDBPyConnection] = queue.SimpleQueue()
    opened = []
    for _ in range(at_once):
        cur = con.cursor()
        cur.execute("SET TimeZone = 'UTC'")  # a connection's own setting
        opened.append(cur)
        cursors.put(cur)

    def on_cursor(name: str) -> str:
        cur = cursors.get()
        try:
            build(cur, name)
        finally:
            cursors.put(cur)
        return name

    try:
        with ThreadPoolExecutor(max_workers=at_once) as pool:
            running: set[Future[str]] = set()
            while waiting or running:
                ready = [name for name, refs in waiting.items() if not refs]  # in build order
                for name in ready:
                    del waiting[name]
                    running.add(pool.submit(on_cursor, name))
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    try:
                        built = future.result()
                    except BaseException:
                        for other in running:
                            other.cancel()
                        raise
                    for refs in waiting.values():
                        refs.discard(built)
    finally:
        for cur in opened:
            cur.close()
    return {name: counts[name] for name in project.order}, {name: timings[name] for name in project.order}


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


def _test_or_quarantine(
    con: duckdb.DuckDBPyConnection, project: Project, lake: Lake, quarantine: bool, counts: dict[str, int]
) -> tuple[tuple[str, ...], tuple[Quarantined, ...]]:
    """Run the data tests; when every failing one quarantines, quarantine and run them all again
    (a failure then is final). `counts` is brought up to date with what quarantine changed."""
    try:
        return run_data_tests(con, project), ()
    except DataTestError as exc:
        movable = {t.name: t for t in project.tests if t.quarantines}
        if not quarantine or not set(exc.failures) <= set(movable):
            raise
        done = tuple(quarantine_rows(con, project, movable[name], lake) for name in exc.failures)
    for name in counts:
        ((counts[name],),) = con.execute(f"SELECT count(*) FROM {project.models[name].relation}").fetchall()
    return run_data_tests(con, project), done


def quarantine_rows(con: duckdb.DuckDBPyConnection, project: Project, test: DataTest, lake: Lake) -> Quarantined:
    """Move the rows `test` finds out of their marts into the quarantine schema and rebuild what
    is built from those marts; then likewise the rows that refer to a quarantined row
    (REFERENCES) and rounds left without a reporting article, until nothing more moves."""
    sql = render(test.sql, project.models, None)
    targets: dict[str, set[str]] = {}
    for row in con.execute(f"SELECT * FROM ({sql})").fetchall():
        table = str(row[0]).split(".", 1)[0] if row else ""
        if table not in MART_KEYS or len(row) < 2 or row[1] is None:
            raise BuildError(
                f"data test {test.name} ({test.path}): cannot quarantine {row!r}: its first column must name "
                f"one of {', '.join(MART_KEYS)}, its second the row's key"
            )
        targets.setdefault(table, set()).add(str(row[1]))
    moved = _settle(con, project, lake, targets, test.name)
    with_them: dict[str, int] = {}
    while dangling := _dangling(con):
        for table, n in _settle(con, project, lake, dangling, f"{test.name} (with a quarantined row)").items():
            with_them[table] = with_them.get(table, 0) + n
    return Quarantined(test.name, moved, with_them)


def _settle(
    con: duckdb.DuckDBPyConnection, project: Project, lake: Lake, removals: dict[str, set[str]], by: str
) -> dict[str, int]:
    """Move the given rows (mart -> keys) to quarantine and rebuild, in build order, every model
    built from a changed one; a rebuilt mart loses again the rows quarantined from it before."""
    moved: dict[str, int] = {}
    dirty: set[str] = set()
    for name in project.order:
        model = project.models[name]
        if dirty & set(model.refs):
            _build_model(con, project, model, lake)
            dirty.add(name)
            if name in MART_KEYS and _quarantine_exists(con, name):
                key = _key_sql(name)
                con.execute(f"DELETE FROM main.{name} WHERE ({key}) IN (SELECT {key} FROM {QUARANTINE_SCHEMA}.{name})")
        if removals.get(name):
            n = _move(con, name, _key_sql(name), sorted(removals[name]), by)
            if n:
                moved[name] = n
            dirty.add(name)
    return moved


def _key_sql(table: str) -> str:
    return " || '/' || ".join(f'"{c}"' for c in MART_KEYS[table])


def _move(con: duckdb.DuckDBPyConnection, table: str, key: str, keys: list[str], by: str) -> int:
    """Move rows of main.<table> whose key is in `keys` to quarantine.<table>; returns how many."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {QUARANTINE_SCHEMA}")
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {QUARANTINE_SCHEMA}.{table} AS "
        f"SELECT *, CAST(NULL AS VARCHAR) AS quarantined_by FROM main.{table} WHERE false"
    )
    where = f"WHERE ({key}) IN (SELECT unnest(CAST(? AS VARCHAR[])))"
    con.execute(f"INSERT INTO {QUARANTINE_SCHEMA}.{table} SELECT *, ? FROM main.{table} {where}", [by, keys])
    ((n,),) = con.execute(f"SELECT count(*) FROM main.{table} {where}", [keys]).fetchall()
    con.execute(f"DELETE FROM main.{table} {where}", [keys])
    return int(n)


def _quarantine_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    ((n,),) = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", [QUARANTINE_SCHEMA, table]
    ).fetchall()
    return bool(n)


def _dangling(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Rows that refer to a quarantined row (and not to a row still there), and rounds whose every
    reporting article went to quarantine: mart -> keys."""
    out: dict[str, set[str]] = {}
    for child, column, parent in REFERENCES:
        if not _quarantine_exists(con, parent):
            continue
        pkey = MART_KEYS[parent][0]
        found = con.execute(
            f"SELECT {_key_sql(child)} FROM main.{child} WHERE {column} IN "
            f"(SELECT {pkey} FROM {QUARANTINE_SCHEMA}.{parent}) AND {column} NOT IN (SELECT {pkey} FROM main.{parent})"
        ).fetchall()
        out.setdefault(child, set()).update(r[0] for r in found)
    if _quarantine_exists(con, "round_articles"):
        found = con.execute(
            "SELECT round_id FROM main.negotiation_rounds AS r "
            "WHERE NOT EXISTS (SELECT 1 FROM main.round_articles AS a WHERE a.round_id = r.round_id) "
            f"AND round_id IN (SELECT round_id FROM {QUARANTINE_SCHEMA}.round_articles)"
        ).fetchall()
        out.setdefault("negotiation_rounds", set()).update(r[0] for r in found)
    return {table: keys for table, keys in out.items() if keys}
