"""The lake: append-only, hive-partitioned Parquet, written atomically.

Each write is one file. On local disk it is written under a temporary name in its final folder
and renamed into place (rename is atomic on one filesystem); on an object store it is one put of
the whole object. Either way a reader or a crash never sees half a file. Readers only look at
`*.parquet`; leftover `*.tmp` files from a killed run are swept by `sweep_temporaries`.

Every function takes the lake as a `lake.fs.Lake` (any fsspec filesystem) or a local path.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from lake.fs import LakeLocation, as_lake
from lake.ids import digest
from lake.schemas import LAKE_TABLES


def now_utc() -> datetime:
    return datetime.now(UTC)


def _check(table: str) -> str:
    if table not in LAKE_TABLES:
        raise KeyError(f"unknown lake table {table!r}")
    return table


def has_files(lake: LakeLocation, table: str) -> bool:
    return as_lake(lake).has_match(f"{_check(table)}/*/*.parquet")


def table_relation(lake: LakeLocation, table: str) -> str:
    """A table's Parquet files as a DuckDB relation, `read_parquet('…/*/*.parquet', …)`, to read on a
    connection `Lake.prepare`d for the lake."""
    glob = as_lake(lake).url(_check(table), "*", "*.parquet").replace("'", "''")
    return f"read_parquet('{glob}', hive_partitioning=true, union_by_name=true)"


def write_table(
    lake: LakeLocation, table: str, rows: Sequence[dict[str, Any]] | pa.Table, ingest_date: date | None = None
) -> str | None:
    """Write rows as one new Parquet file of `table`; returns its path on the lake's filesystem
    (None for no rows)."""
    data = to_table(table, rows)
    if data.num_rows == 0:
        return None
    day = (ingest_date or now_utc().date()).isoformat()
    # The name is a content hash of the keys plus a random part: two writers never collide,
    # and the first column (the table's key) makes files easy to trace.
    first = data.column(0).to_pylist()
    name = f"part-{digest(*map(str, first[:1000]), str(data.num_rows))[:12]}-{uuid.uuid4().hex[:8]}.parquet"
    return as_lake(lake).write_parquet(f"{table}/ingest_date={day}", name, data)


def to_table(table: str, rows: Sequence[dict[str, Any]] | pa.Table) -> pa.Table:
    """Rows (or an Arrow table) as `table`'s schema: its columns, in order, of its types."""
    schema = LAKE_TABLES[table]
    data = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(list(rows), schema=schema)
    return data.select(schema.names).cast(schema)


def sweep_temporaries(lake: LakeLocation) -> int:
    """Remove temporary files left by a killed run; returns how many."""
    return as_lake(lake).sweep_temporaries("*/*")


def query_lake(
    lake: LakeLocation, table: str, sql_tail: str = "", columns: Iterable[str] = ("*",), params: Sequence[Any] = ()
) -> list[tuple]:
    """SELECT columns FROM the table's Parquet files; [] when the table has no file yet."""
    lake = as_lake(lake)
    if not has_files(lake, table):
        return []
    cols = ", ".join(columns)
    with lake.prepare(duckdb.connect()) as con:
        return con.execute(f"SELECT {cols} FROM {table_relation(lake, table)} {sql_tail}", list(params)).fetchall()


def distinct_values(lake: LakeLocation, table: str, column: str) -> set[str]:
    return {r[0] for r in query_lake(lake, table, f"WHERE {column} IS NOT NULL", [f"DISTINCT {column}"])}


def rows_where_in(
    lake: LakeLocation, table: str, column: str, values: Iterable[str], columns: Sequence[str]
) -> list[dict[str, Any]]:
    """Rows whose `column` is one of `values` (newest written first), as dicts."""
    wanted = list(values)
    if not wanted:
        return []
    rows = query_lake(  # [] when the table has no file yet
        lake, table, f"WHERE {column} IN (SELECT unnest(?)) ORDER BY written_at DESC", columns, [wanted]
    )
    return [dict(zip(columns, r, strict=True)) for r in rows]


def lake_fingerprint(lake: LakeLocation) -> str:
    """A hash of which Parquet files the lake holds (names and sizes): files are only ever
    added, never rewritten in place, so an equal fingerprint means an unchanged lake."""
    lake = as_lake(lake)
    if not lake.exists():
        return digest("empty lake")
    return digest(*sorted(f"{name}:{size}" for name, size in lake.sizes("*/*/*.parquet").items()))
