"""Write the warehouse's contract tables as Parquet for BI tools, replacing the whole set at once.

Every table is written, in a deterministic row order, into a new folder beside the exports
folder; then the old folder is renamed away, the new one renamed in and the old one deleted.
A reader sees the old set or the new one, and no file of an older layout survives (e.g. an
`articles.parquet` beside a newer `articles/` folder).

Because the old folder is deleted, an export goes only into a folder that is missing, empty, or
already an exports folder of this project (it holds the EXPORTS_MARKER file, or, written before
the marker existed, nothing but export tables). Anything else is refused (ExportError) and left
untouched: nothing outside the exports folder is ever deleted. The temporary folders beside it
that a killed export leaves are swept by the next export (sweep_export_temporaries).
"""

from __future__ import annotations

import os
import re
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
import pyarrow.parquet as pq

from warehouse import contract
from warehouse.build import DEFAULT_MEMORY_LIMIT, configure, releases_connections

TextMode = Literal["full", "excerpt", "none"]
TEXT_MODES: tuple[str, ...] = ("full", "excerpt", "none")
EXCERPT_CHARS = 300
# beyond this many articles, `articles` becomes a folder partitioned by publication year
DEFAULT_PARTITION_THRESHOLD = 50_000
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # what pyarrow and DuckDB read back as null

# table -> ORDER BY over its unique key (warehouse/contract.py), so the same warehouse gives the
# same files row for row: the contract's tables and fetch_log
EXPORT_TABLES: dict[str, str] = {t.name: ", ".join(t.key) for t in contract.TABLES}
# written into every exports folder: the folder may be replaced whole by the next export
EXPORTS_MARKER = ".roundtable-exports"
_MARKER_TEXT = (
    "This folder holds the Parquet exports of roundtable. `roundtable export` and `roundtable run`\n"
    "replace the whole folder with a new set: keep nothing else in it.\n"
)
# beside the exports folder while an export runs: .NAME.new-PID.TAG, .NAME.old-PID.TAG, .NAME.spill-PID.TAG
_TEMP_KINDS = ("new", "old", "spill")
STALE_TEMP_SECONDS = 24 * 3600  # a temporary this old is swept even when its pid is in use again


class ExportError(Exception):
    """The exports could not be written (no warehouse, bad argument); the old set is untouched."""


class ExportRefused(ExportError):
    """The target is not a folder an export may replace (see check_target); nothing was touched."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    exports_dir: Path
    row_counts: dict[str, int]
    articles_partitioned: bool
    text_mode: str


@releases_connections
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
    db_path, exports_dir = Path(db_path), _absolute(exports_dir)
    if not db_path.is_file():
        raise ExportError(f"no warehouse at {db_path}: build it first")
    check_target(exports_dir, db_path)
    exports_dir.parent.mkdir(parents=True, exist_ok=True)
    sweep_export_temporaries(exports_dir)
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
        (staged / EXPORTS_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        check_target(exports_dir, db_path)  # still ours to replace after the minutes an export may take
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


def check_target(exports_dir: Path, db_path: Path | None = None) -> None:
    """Raise ExportError (one line, saying why) unless `exports_dir` may be replaced whole: it is
    missing, an empty folder, or an exports folder of this project. `db_path`, the warehouse being
    exported, must not lie inside it."""
    target = _absolute(exports_dir)
    refused = f"refused to export into {target}:"
    if not target.name:
        raise ExportRefused(f"{refused} the root of the filesystem")
    if target.is_symlink():
        raise ExportRefused(f"{refused} it is a symbolic link; name the folder it points to, or a new one")
    if not target.exists():
        return
    if not target.is_dir():
        raise ExportRefused(f"{refused} it is a file, not a folder")
    if db_path is not None and _absolute(db_path).is_relative_to(target):
        raise ExportRefused(f"{refused} the warehouse {db_path} is inside it")
    if (target / EXPORTS_MARKER).is_file():
        return
    stranger = next((p.name for p in sorted(target.iterdir()) if not _is_export_entry(p)), None)
    if stranger is not None:
        raise ExportRefused(
            f"{refused} it holds {stranger!r} and other things that are not roundtable exports "
            "(exports go into a missing or empty folder, or an earlier exports folder)"
        )


def _is_export_entry(path: Path) -> bool:
    """A file or folder an exports folder written before the marker existed would hold."""
    if path.is_symlink():
        return False
    if path.is_file():
        return path.suffix == ".parquet" and path.stem in EXPORT_TABLES
    if path.is_dir() and path.name == "articles":  # the partitioned layout: published_year=YYYY/part-0.parquet
        return all(p.is_dir() and p.name.startswith("published_year=") for p in path.iterdir())
    return False


def sweep_export_temporaries(exports_dir: Path) -> int:
    """Remove what killed exports left beside `exports_dir` (their process is gone); returns how many."""
    exports_dir = _absolute(exports_dir)
    parent = exports_dir.parent
    if not parent.is_dir():
        return 0
    pattern = re.compile(rf"^\.{re.escape(exports_dir.name)}\.(?:{'|'.join(_TEMP_KINDS)})-(\d+)\.[0-9a-z]+$")
    swept = 0
    for entry in parent.iterdir():
        m = pattern.match(entry.name)
        if m and entry.is_dir() and not entry.is_symlink() and is_leftover(entry, int(m.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            swept += 1
    return swept


def is_leftover(path: Path, pid: int) -> bool:
    """A temporary named after process `pid` is a leftover when no such process runs any more
    (or the file is a day old: the pid may belong to another process by now)."""
    if pid == os.getpid():
        return False
    try:
        if time.time() - path.lstat().st_mtime > STALE_TEMP_SECONDS:
            return True
    except OSError:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def _absolute(path: Path | str) -> Path:
    """An absolute, normalised path (`.` and `..` folded) without resolving symbolic links."""
    return Path(os.path.abspath(os.fspath(path) or "."))


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
