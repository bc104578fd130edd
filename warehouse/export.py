"""Write the warehouse's contract tables as Parquet for BI tools, replacing the whole set at once.

Every table is written, in a deterministic row order, into a new folder beside the exports
folder; then the old folder is renamed away, the new one renamed in and the old one deleted.
A reader sees the old set or the new one, and no file of an older layout survives (e.g. an
`articles.parquet` beside a newer `articles/` folder).
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
import pyarrow.parquet as pq

from warehouse.build import DEFAULT_MEMORY_LIMIT, configure

TextMode = Literal["full", "excerpt", "none"]
TEXT_MODES: tuple[str, ...] = ("full", "excerpt", "none")
EXCERPT_CHARS = 300
# beyond this many articles, `articles` becomes a folder partitioned by publication year
DEFAULT_PARTITION_THRESHOLD = 50_000
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # what pyarrow and DuckDB read back as null

# table -> ORDER BY over a unique key, so the same warehouse gives the same files row for row
EXPORT_TABLES: dict[str, str] = {
    "articles": "article_id",
    "people": "person_id",
    "article_people": "article_id, person_id",
    "locations": "location_id",
    "negotiation_rounds": "round_id",
    "round_participants": "round_id, person_id",
    "round_articles": "round_id, article_id",
}


class ExportError(Exception):
    """The exports could not be written (no warehouse, bad argument); the old set is untouched."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    exports_dir: Path
    row_counts: dict[str, int]
    articles_partitioned: bool
    text_mode: str


def export(
    db_path: Path,
    exports_dir: Path,
    text_mode: TextMode = "full",
    *,
    partition_threshold: int = DEFAULT_PARTITION_THRESHOLD,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
) -> ExportResult:
    """Rewrite every export from the warehouse at `db_path` into `exports_dir` (zstd Parquet).

    text_mode: "full" keeps articles.text, "excerpt" keeps its first EXCERPT_CHARS characters,
    "none" nulls it (the column stays, so the schema does not change with the mode).
    memory_limit: DuckDB's memory cap while reading (as for the build); None for its default.
    """
    if text_mode not in TEXT_MODES:
        raise ExportError(f"text_mode must be one of {TEXT_MODES}, not {text_mode!r}")
    db_path, exports_dir = Path(db_path), Path(exports_dir)
    if not db_path.is_file():
        raise ExportError(f"no warehouse at {db_path}: build it first")
    exports_dir.parent.mkdir(parents=True, exist_ok=True)
    tag = f"{os.getpid()}.{uuid.uuid4().hex[:8]}"
    staged = exports_dir.parent / f".{exports_dir.name}.new-{tag}"
    retired = exports_dir.parent / f".{exports_dir.name}.old-{tag}"
    spill = exports_dir.parent / f".{exports_dir.name}.spill-{tag}"
    staged.mkdir()
    try:
        con = duckdb.connect()
        try:
            con.execute("SET TimeZone = 'UTC'")
            configure(con, spill, memory_limit, None)
            con.execute(f"ATTACH {_literal(db_path)} AS wh (READ_ONLY)")
            counts: dict[str, int] = {}
            partitioned = False
            for table, order in EXPORT_TABLES.items():
                if table == "articles":
                    counts[table], partitioned = _export_articles(con, staged, text_mode, partition_threshold)
                else:
                    query = f"SELECT * FROM wh.main.{table} ORDER BY {order}"
                    counts[table] = _copy(con, query, staged / f"{table}.parquet")
        finally:
            con.close()
        if exports_dir.exists():
            os.rename(exports_dir, retired)
        try:
            os.rename(staged, exports_dir)
        except OSError:
            if retired.exists():  # put the old set back rather than leave nothing
                os.rename(retired, exports_dir)
            raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
        shutil.rmtree(spill, ignore_errors=True)
    return ExportResult(exports_dir, counts, partitioned, text_mode)


def _export_articles(con: duckdb.DuckDBPyConnection, out: Path, text_mode: str, threshold: int) -> tuple[int, bool]:
    text = {
        "full": "text",
        "excerpt": f"left(text, {EXCERPT_CHARS})",
        "none": "CAST(NULL AS VARCHAR)",
    }[text_mode]
    year = "CAST(year(coalesce(published_date, CAST(published_at AS DATE))) AS INTEGER)"
    # published_year is the partition column of the folder layout; the single file carries it
    # too, so both layouts read back with the same columns in the same order
    base = f"SELECT * REPLACE ({text} AS text), {year} AS published_year FROM wh.main.articles"
    ((total,),) = con.execute("SELECT count(*) FROM wh.main.articles").fetchall()
    if total <= threshold:
        _copy(con, f"{base} ORDER BY article_id", out / "articles.parquet")
        return total, False
    years = [r[0] for r in con.execute(f"SELECT DISTINCT published_year FROM ({base})").fetchall()]
    for y in sorted(years, key=lambda v: (v is None, v or 0)):
        where = "published_year IS NULL" if y is None else f"published_year = {int(y)}"
        folder = out / "articles" / f"published_year={NULL_PARTITION if y is None else int(y)}"
        folder.mkdir(parents=True)
        query = f"SELECT * EXCLUDE (published_year) FROM ({base}) WHERE {where} ORDER BY article_id"
        _copy(con, query, folder / "part-0.parquet")
    return total, True


def _copy(con: duckdb.DuckDBPyConnection, query: str, path: Path) -> int:
    # written through Arrow rather than COPY: DuckDB's writer marks a column "required" when
    # this data happens to hold no null in it, so the files' schema would change with the data
    table = con.sql(query).to_arrow_table()
    pq.write_table(table, path, compression="zstd")
    return table.num_rows


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
