"""The warehouse and the exports, rebuilt when what they are made from changed.

    rebuild(settings, lake, summary, say)   # build + data tests + export, or keep them as they are
    sweep_leftovers(settings)                # what killed runs left beside the warehouse and exports

A build stamp (DIR/.last-build) records what the current warehouse and exports were made from: the
lake's files, the SQL models, the scope, the corrections and the export settings. When nothing of
it changed, the run keeps them as they are (a re-run on the same input is quick and changes no
export)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from prefect import task

from flows.artifacts import changed_rounds_table
from flows.progress import Say
from flows.settings import Settings
from flows.stages import STAGE
from flows.summary import RunSummary
from lake import store
from lake.fs import Lake
from lake.ids import digest
from warehouse.build import build_warehouse, sweep_build_temporaries
from warehouse.export import EXPORT_TABLES, export, is_leftover, sweep_export_temporaries
from warehouse.models import SQL_DIR
from warehouse.scope import scope_key
from warehouse.snapshot import rounds_snapshot, table_counts


@task(name="build-warehouse", retries=1, retry_delay_seconds=1, **STAGE)
def warehouse_task(
    lake: Lake, db_path: Path, corrections: Path | None, scope: list[frozenset[str]] | None = None
) -> list[str]:
    """Build the warehouse; returns one line per data test that quarantined rows."""
    return [q.line() for q in build_warehouse(lake, db_path, corrections, scope=scope).quarantined]


@task(name="export", retries=1, retry_delay_seconds=1, **STAGE)
def export_task(db_path: Path, exports_dir: Path, text_mode: str, partition_threshold: int) -> dict[str, int]:
    return export(db_path, exports_dir, text_mode, partition_threshold=partition_threshold).row_counts


def build_stamp(settings: Settings, lake: Lake) -> str:
    """What the warehouse and exports are a function of: the lake's files, the SQL models, the
    corrections and the export settings. Equal stamps: rebuilding would change nothing."""
    models = sorted(SQL_DIR.rglob("*"))
    parts = [store.lake_fingerprint(lake), settings.export_text, str(settings.articles_partition_threshold)]
    parts.append(scope_key(settings.scope))  # a changed scope rebuilds
    parts += [f"{p.relative_to(SQL_DIR)}:{p.read_text(encoding='utf-8')}" for p in models if p.is_file()]
    corrections = settings.corrections_path()
    parts.append(corrections.read_text(encoding="utf-8") if corrections else "")
    return digest(*parts)


def rebuild(settings: Settings, lake: Lake, summary: RunSummary, say: Say) -> None:
    """Build the warehouse and export it, unless the build stamp says nothing changed; fills the
    summary's counts, changed rounds and quarantine warnings."""
    summary.exports_dir = str(settings.exports_dir)
    summary.warehouse = str(settings.warehouse_path)
    stamp = build_stamp(settings, lake)
    stamp_file = settings.build_stamp_file
    fresh = settings.warehouse_path.is_file() and settings.exports_dir.is_dir()
    if fresh and stamp_file.is_file() and stamp_file.read_text() == stamp:
        say("warehouse: lake, models and settings unchanged since the last build; kept as is")
        summary.counts = table_counts(settings.warehouse_path, list(EXPORT_TABLES))
        return
    say("warehouse: building")
    before = rounds_snapshot(settings.warehouse_path)
    for line in warehouse_task(lake, settings.warehouse_path, settings.corrections_path(), settings.scope):
        say(f"  ⚠ {line}")
        summary.warnings.append(line)
    summary.counts = export_task(
        settings.warehouse_path, settings.exports_dir, settings.export_text, settings.articles_partition_threshold
    )
    summary.changed_rounds = changed_rounds_table(before, rounds_snapshot(settings.warehouse_path))
    tmp = stamp_file.with_name(f"{stamp_file.name}.{os.getpid()}.tmp")
    tmp.write_text(stamp)
    os.replace(tmp, stamp_file)


def sweep_leftovers(settings: Settings) -> None:
    """Remove the temporaries of killed runs in the data dir (whose process is gone): the build's,
    the export's, and the build stamp's."""
    sweep_build_temporaries(settings.warehouse_path)
    sweep_export_temporaries(settings.exports_dir)
    stamp = settings.build_stamp_file
    pattern = re.compile(rf"^{re.escape(stamp.name)}\.(\d+)\.tmp$")
    for entry in stamp.parent.glob(f"{stamp.name}.*.tmp") if stamp.parent.is_dir() else []:
        m = pattern.match(entry.name)
        if m and is_leftover(entry, int(m.group(1))):
            entry.unlink(missing_ok=True)
