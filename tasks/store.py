"""The lake: append-only, hive-partitioned Parquet, written atomically.

Each write is one file, written under a temporary name in its final folder and renamed into
place (rename is atomic on one filesystem), so a reader or a crash never leaves half a file
behind. Readers only look at `*.parquet`; leftover `*.tmp` files from a killed run are swept
by `sweep_temporaries`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tasks.ids import digest
from tasks.schemas import LAKE_TABLES


def now_utc() -> datetime:
    return datetime.now(UTC)


def table_dir(lake_dir: Path, table: str) -> Path:
    if table not in LAKE_TABLES:
        raise KeyError(f"unknown lake table {table!r}")
    return lake_dir / table


def has_files(lake_dir: Path, table: str) -> bool:
    folder = table_dir(lake_dir, table)
    return folder.exists() and any(folder.glob("*/*.parquet"))


def write_table(lake_dir: Path, table: str, rows: Sequence[dict[str, Any]] | pa.Table,
                ingest_date: date | None = None) -> Path | None:
    """Write rows as one new Parquet file of `table`; returns its path (None for no rows)."""
    schema = LAKE_TABLES[table]
    data = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(list(rows), schema=schema)
    if data.num_rows == 0:
        return None
    data = data.select(schema.names).cast(schema)
    day = (ingest_date or now_utc().date()).isoformat()
    folder = table_dir(lake_dir, table) / f"ingest_date={day}"
    folder.mkdir(parents=True, exist_ok=True)
    # The name is a content hash of the keys plus a random part: two writers never collide,
    # and the first column (the table's key) makes files easy to trace.
    first = data.column(0).to_pylist()
    name = f"part-{digest(*map(str, first[:1000]), str(data.num_rows))[:12]}-{uuid.uuid4().hex[:8]}.parquet"
    final = folder / name
    tmp = folder / f".{name}.tmp"
    pq.write_table(data, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    return final


def sweep_temporaries(lake_dir: Path) -> int:
    """Remove temporary files left by a killed run; returns how many."""
    if not lake_dir.exists():
        return 0
    n = 0
    for tmp in lake_dir.glob("*/*/.*.tmp"):
        tmp.unlink(missing_ok=True)
        n += 1
    return n


def _glob(lake_dir: Path, table: str) -> str:
    return str(table_dir(lake_dir, table) / "*" / "*.parquet")


def query_lake(lake_dir: Path, table: str, sql_tail: str = "", columns: Iterable[str] = ("*",),
               params: Sequence[Any] = ()) -> list[tuple]:
    """SELECT columns FROM the table's Parquet files; [] when the table has no file yet."""
    if not has_files(lake_dir, table):
        return []
    cols = ", ".join(columns)
    with duckdb.connect() as con:
        return con.execute(
            f"SELECT {cols} FROM read_parquet(?, hive_partitioning=true, union_by_name=true) {sql_tail}",
            [_glob(lake_dir, table), *params],
        ).fetchall()


def distinct_values(lake_dir: Path, table: str, column: str) -> set[str]:
    return {r[0] for r in query_lake(lake_dir, table, f"WHERE {column} IS NOT NULL", [f"DISTINCT {column}"])}


def rows_where_in(lake_dir: Path, table: str, column: str, values: Iterable[str],
                  columns: Sequence[str]) -> list[dict[str, Any]]:
    """Rows whose `column` is one of `values` (newest written first), as dicts."""
    wanted = list(values)
    if not wanted or not has_files(lake_dir, table):
        return []
    rows = query_lake(
        lake_dir, table, f"WHERE {column} IN (SELECT unnest(?)) ORDER BY written_at DESC", columns, [wanted]
    )
    return [dict(zip(columns, r, strict=True)) for r in rows]


def lake_fingerprint(lake_dir: Path) -> str:
    """A hash of which Parquet files the lake holds (names and sizes): files are only ever
    added, never rewritten in place, so an equal fingerprint means an unchanged lake."""
    if not lake_dir.exists():
        return digest("empty lake")
    parts = sorted(f"{p.relative_to(lake_dir)}:{p.stat().st_size}" for p in lake_dir.glob("*/*/*.parquet"))
    return digest(*parts)
