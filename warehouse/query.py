"""Ad-hoc read-only SQL against the warehouse (`roundtable query`).

The warehouse file is attached read-only to a fresh in-memory database, then external access is
switched off and the configuration locked: no COPY ... TO, no read_csv('/etc/passwd'), no ATTACH,
no INSTALL/LOAD. Only read statements are accepted at all (SELECT and its forms, EXPLAIN), so
not even a temporary table can be written. Each call opens the file anew, so a query started
while a build swaps a new warehouse in reads the old file or the new one, whole.

A query is bounded: DuckDB's memory is capped (the build's cap by default, nothing spilled to
disk) and a timer interrupts it past its time limit; the error says which limit stopped it.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import duckdb

Format = Literal["table", "csv", "json"]
FORMATS: tuple[str, ...] = ("table", "csv", "json")
_READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
_TABLE_CELL_MAX = 60
DEFAULT_TIMEOUT = 60.0  # seconds (setting query_timeout)
DEFAULT_MEMORY_LIMIT = "512MB"  # as the build's (warehouse.build.DEFAULT_MEMORY_LIMIT; setting query_memory_limit)


class QueryError(Exception):
    """A query was refused or failed; str() is one line saying why."""


def run_query(
    db_path: Path,
    sql: str,
    fmt: Format = "table",
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
    timeout_name: str = "query_timeout",
    memory_name: str = "query_memory_limit",
) -> str:
    """Run `sql` (one or more read statements) read-only; return the last statement's result.

    timeout: seconds before the query is interrupted (None: no limit); memory_limit: DuckDB's cap
    ("512MB"; None: DuckDB's default, most of the RAM). `timeout_name`/`memory_name` are how the
    error names the settings.

    Raises QueryError for bad SQL, a write or file access attempt, a missing warehouse, an
    unknown format, or a query stopped by a limit.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    db_path = Path(db_path)
    if not db_path.is_file():
        raise QueryError(f"no warehouse at {db_path}: build it first (roundtable run)")
    if not sql or not sql.strip():
        raise QueryError("no SQL given")
    con = duckdb.connect(":memory:")
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as e:
            raise QueryError(f"bad SQL: {_first_line(e)}") from e
        if not statements:
            raise QueryError("no SQL given")
        for statement in statements:
            if statement.type not in _READ_STATEMENTS:
                kind = str(statement.type).rsplit(".", 1)[-1]
                raise QueryError(f"refused: the warehouse is read-only here (only SELECT/EXPLAIN; got {kind})")
        _lock_down(con, db_path, memory_limit)
        timed_out = threading.Event()

        def stop() -> None:
            timed_out.set()
            con.interrupt()

        timer = threading.Timer(timeout, stop) if timeout else None
        try:
            if timer is not None:
                timer.daemon = True
                timer.start()
            for statement in statements[:-1]:
                con.execute(statement).fetchall()
            cursor = con.execute(statements[-1])
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall()  # a streaming result runs here: the timer covers it too
        except duckdb.InterruptException as e:
            if timed_out.is_set():
                raise QueryError(f"stopped after {timeout:g} s: the time limit (setting {timeout_name})") from None
            raise QueryError(_first_line(e)) from None
        except duckdb.OutOfMemoryException:
            raise QueryError(
                f"stopped: the query needs more than the {memory_limit} memory limit (setting {memory_name})"
            ) from None
        except duckdb.PermissionException as e:
            raise QueryError(f"refused: {_first_line(e)}") from None
        except duckdb.Error as e:
            raise QueryError(_first_line(e)) from None
        finally:
            if timer is not None:
                timer.cancel()
    finally:
        con.close()
    if fmt == "csv":
        return _as_csv(columns, rows)
    if fmt == "json":
        return _as_json(columns, rows)
    return _as_table(columns, rows)


def _lock_down(con: duckdb.DuckDBPyConnection, db_path: Path, memory_limit: str | None) -> None:
    path = "'" + str(db_path).replace("'", "''") + "'"
    try:
        con.execute(f"ATTACH {path} AS warehouse (READ_ONLY)")
    except duckdb.Error as e:
        raise QueryError(f"cannot open the warehouse {db_path}: {_first_line(e)}") from None
    con.execute("USE warehouse")
    if memory_limit:
        try:
            con.execute("SET memory_limit = '" + memory_limit.replace("'", "''") + "'")
        except duckdb.Error as e:
            raise QueryError(f"bad memory limit {memory_limit!r}: {_first_line(e)}") from None
    con.execute("SET temp_directory = ''")  # nothing spills to disk: the cap is the cap
    con.execute("SET enable_external_access = false")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET lock_configuration = true")


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


# ---------------------------------------------------------------------------------------- formats


def _plain(value: Any) -> Any:
    """A JSON-able form of a DuckDB value."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _text(value: Any) -> str:
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, (list, dict)):
        return json.dumps(plain, ensure_ascii=False)
    return str(plain)


def _as_json(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    records = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1)


def _as_csv(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_text(v) for v in row] for row in rows)
    return out.getvalue()


def _as_table(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    def cell(value: Any) -> str:
        text = "NULL" if value is None else " ".join(_text(value).split())
        return text if len(text) <= _TABLE_CELL_MAX else text[: _TABLE_CELL_MAX - 1] + "…"

    body = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in body)]) for i, c in enumerate(columns)]
    lines = [
        " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
        "-+-".join("-" * w for w in widths),
        *(" | ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in body),
        f"({len(rows)} row{'' if len(rows) == 1 else 's'})",
    ]
    return "\n".join(lines)
