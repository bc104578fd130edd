"""The main flow: sources → raw pages → articles → mentions/events → warehouse → exports.

One Prefect flow run; each stage runs as batches of Prefect tasks that read what the previous
stage left in the lake, so a killed run is finished by the next, and a re-run on the same
input does nothing new.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.utilities.annotations import quote

from flows import parallel
from flows.artifacts import changed_rounds_table, publish_artifacts
from flows.compute import Compute, task_runner_for
from flows.settings import Settings, load_settings
from flows.stages import (
    STAGE,
    LakeIndex,
    StageReport,
    ingest_files,
    pending_articles,
    pending_pages,
    record_articles,
    record_facts,
)
from flows.web import check_sources, ingest_web, web_sources
from tasks import store
from tasks.discover import discover_local
from tasks.ids import digest
from tasks.lakefs import Lake
from warehouse.build import build_warehouse, sweep_build_temporaries
from warehouse.export import EXPORT_TABLES, export, is_leftover, sweep_export_temporaries
from warehouse.models import SQL_DIR
from warehouse.scope import scope_key
from warehouse.snapshot import rounds_snapshot, table_counts

Say = Callable[[str], None]


@dataclass(slots=True)
class RunSummary:
    inputs: int = 0
    pages_new: int = 0
    pages_unchanged: int = 0
    articles_new: int = 0
    duplicates: int = 0
    extracted: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # sources that broke silently (flows.web.check_sources)
    counts: dict[str, int] = field(default_factory=dict)  # rows per exported table
    exports_dir: str = ""
    warehouse: str = ""
    changed_rounds: list[dict] = field(default_factory=list)  # new or changed rounds (flows.artifacts)

    @property
    def processed_anything(self) -> bool:
        """False when inputs were given and not one of them could be processed: every one failed
        (a missing path, an unsupported file, a missing sources file, a URL that failed...)."""
        return self.pages_new + self.pages_unchanged > 0 or not self.failures


def _batches(items: Sequence, size: int) -> list[Sequence]:
    return [items[i : i + size] for i in range(0, len(items), size)] if items else []


def _count_pages(summary: RunSummary, report: StageReport, say: Say) -> None:
    summary.pages_new += report.done
    summary.pages_unchanged += report.skipped
    _merge(summary, report, say)


def _clean_and_extract(
    pages: list[dict], lake: Lake, index: LakeIndex, settings: Settings, summary: RunSummary, say: Say
) -> None:
    """One batch of new pages through cleaning and extraction, in memory."""
    if not pages:
        return
    compute = Compute(settings.workers, settings.dask_address)
    cleaned = compute.clean(pages, settings.max_html_chars, settings.max_text_chars)
    recorded = record_articles(quote(cleaned), quote(pages), lake, quote(index))
    summary.articles_new += recorded.done
    summary.duplicates += recorded.skipped
    _merge(summary, recorded, say)
    _extract(recorded.rows, lake, settings, summary, say)


def _extract(articles: list[dict], lake: Lake, settings: Settings, summary: RunSummary, say: Say) -> None:
    if not articles:
        return
    rows = Compute(settings.workers, settings.dask_address).extract(articles)
    recorded = record_facts(quote(rows), lake)
    summary.extracted += recorded.done
    _merge(summary, recorded, say)


def _merge(summary: RunSummary, report: StageReport, say: Say) -> None:
    for uri, reason in report.failures:
        say(f"  ! {uri}: {reason}")
    summary.failures += report.failures


@task(name="build-warehouse", retries=1, retry_delay_seconds=1, **STAGE)
def warehouse_task(
    lake: Lake, db_path: Path, corrections: Path | None, scope: list[frozenset[str]] | None = None
) -> list[str]:
    """Build the warehouse; returns one line per data test that quarantined rows."""
    return [q.line() for q in build_warehouse(lake, db_path, corrections, scope=scope).quarantined]


@task(name="export", retries=1, retry_delay_seconds=1, **STAGE)
def export_task(db_path: Path, exports_dir: Path, text_mode: str, partition_threshold: int) -> dict[str, int]:
    return export(db_path, exports_dir, text_mode, partition_threshold=partition_threshold).row_counts


@flow(name="roundtable", log_prints=False)
def pipeline(
    inputs: list[str] | None = None,
    urls: list[str] | None = None,
    data_dir: str | None = None,
    use_sample: bool = True,
    feeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    sources_file: str | None = None,
    refetch: bool = False,
    workers: int | None = None,
    dask_address: str | None = None,
    lake_url: str | None = None,
    only: list[str] | None = None,
) -> RunSummary:
    """Run the whole pipeline. With no inputs and no web sources, the bundled sample corpus is used.
    With `dask_address`, run it as `pipeline_on(dask_address)` so CPU tasks go to that cluster.
    `lake_url` puts the lake on any fsspec filesystem (docs/lake.md); the default is DIR/lake.
    `only` lists the negotiations to follow as side sets ("RU,UA,US"); None: the settings' (every one)."""
    settings = load_settings(
        data_dir=Path(data_dir) if data_dir else None,
        workers=workers,
        dask_address=dask_address,
        lake_url=lake_url,
        only=only,
    )
    summary = run_pipeline(
        settings,
        inputs or [],
        urls or [],
        use_sample=use_sample,
        say=_logger_say(),
        feeds=feeds or [],
        sitemaps=sitemaps or [],
        sources_file=sources_file,
        refetch=refetch,
    )
    if not summary.processed_anything:
        # a failed flow run, so Prefect's notifications (automations) can catch a broken schedule
        raise NothingProcessed(summary)
    return summary


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


class NothingProcessed(RuntimeError):
    """No input at all could be processed; carries the run's summary for the caller to show."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"nothing could be processed ({len(summary.failures)} problem(s))")
        self.summary = summary


def pipeline_on(dask_address: str | None) -> Any:
    """The flow, with prefect-dask's task runner when a Dask scheduler address is given."""
    runner = task_runner_for(dask_address)
    return pipeline if runner is None else pipeline.with_options(task_runner=runner)


# The command line prints progress itself; a deployment run logs it to Prefect instead.
console: Say | None = None
progress: Callable[[str, int, int], None] | None = None  # (stage, done, total), set by the command line


def _progress(stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def _logger_say() -> Say:
    return console or get_run_logger().info


def run_pipeline(
    settings: Settings,
    inputs: list[str],
    urls: list[str],
    *,
    use_sample: bool = True,
    say: Say = print,
    feeds: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    sources_file: str | None = None,
    refetch: bool = False,
) -> RunSummary:
    """The flow body (called inside a flow run); `say` prints progress lines."""
    lake, summary = settings.lake, RunSummary()
    lake.ensure()
    store.sweep_temporaries(lake)
    sweep_leftovers(settings)  # what a killed run left beside the warehouse and the exports
    sources, source_problems = web_sources(urls, feeds, sitemaps, sources_file)
    if not inputs and not urls and not feeds and not sitemaps and not sources_file and use_sample:
        inputs = [str(settings.sample_corpus)]
        say(f"no input given: using the bundled sample corpus ({settings.sample_corpus})")

    found = discover_local([Path(p) for p in inputs])  # web sources go through flows.web (politeness, feeds, sitemaps)
    found.problems += source_problems
    summary.inputs = len(found.items)
    for problem in found.problems:
        say(f"  ! {problem.uri}: {problem.reason}")
        summary.failures.append((problem.uri, problem.reason))
    files = [i for i in found.items if i.origin == "file"]
    index = LakeIndex.load(lake)

    # recovery: finish what a killed run stored but did not clean or extract
    leftover_pages = pending_pages(lake)
    if leftover_pages:
        say(f"recovering {len(leftover_pages)} page(s) an earlier run did not finish")
        for batch in _batches(leftover_pages, settings.batch_size):
            _clean_and_extract(list(batch), lake, index, settings, summary, say)
    leftover_articles = pending_articles(lake)
    if leftover_articles:
        say(f"extracting {len(leftover_articles)} article(s) not yet extracted by this extractor version")
        for batch in _batches(leftover_articles, settings.batch_size):
            _extract(list(batch), lake, settings, summary, say)

    say(f"ingest: {len(files)} file(s), {len(sources)} web source(s)")
    done = 0
    for batch in _batches(files, settings.batch_size):
        report = ingest_files(quote(list(batch)), lake, quote(index), settings.max_page_bytes)
        _count_pages(summary, report, say)
        _clean_and_extract(report.rows, lake, index, settings, summary, say)
        done += len(batch)
        _progress("files", done, len(files))
    fetched = ingest_web(
        settings,
        sources,
        refetch=refetch,
        say=say,
        on_pages=lambda pages: _clean_and_extract(pages, lake, index, settings, summary, say),
    )
    summary.inputs += fetched.inputs
    summary.pages_new += fetched.pages_new
    summary.pages_unchanged += fetched.pages_unchanged
    summary.failures += fetched.failures
    say(f"articles: {summary.articles_new} new, {summary.duplicates} duplicate(s); {summary.extracted} extracted")
    summary.warnings = check_sources(settings, sources, say)

    parallel.shutdown()  # the CPU pool's memory is not needed while DuckDB builds
    summary.exports_dir = str(settings.exports_dir)
    summary.warehouse = str(settings.warehouse_path)
    stamp = build_stamp(settings, lake)
    stamp_file = settings.build_stamp_file
    fresh = settings.warehouse_path.is_file() and settings.exports_dir.is_dir()
    if fresh and stamp_file.is_file() and stamp_file.read_text() == stamp:
        say("warehouse: lake, models and settings unchanged since the last build; kept as is")
        summary.counts = table_counts(settings.warehouse_path, list(EXPORT_TABLES))
    else:
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
    publish_artifacts(asdict(summary), summary.changed_rounds)
    return summary


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


# ---------------------------------------------------------------- the temporary Prefect server

# `roundtable run` without PREFECT_API_URL runs on a temporary Prefect server, a uvicorn child
# process (prefect.server.api.server.SubprocessASGIServer) that Prefect stops at exit, but not
# when the run is killed. Started through this wrapper instead, it watches the run's process (a
# pidfd, else polling) and stops when that is gone, however it went.
_SERVER_BOOT = """
import os, select, signal, sys, threading, time
parent = int(sys.argv[1])
def watch():
    try:
        fd = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        while os.getppid() == parent:
            time.sleep(0.5)
    else:
        select.select([fd], [], [])
    os.kill(os.getpid(), signal.SIGTERM)  # uvicorn's own orderly stop
    time.sleep(5)
    os._exit(1)
if os.getppid() != parent:
    sys.exit(1)
threading.Thread(target=watch, daemon=True).start()
sys.argv = ["uvicorn", *sys.argv[2:]]
from uvicorn.main import main
main()
"""


class _ServerSubprocess:
    """prefect.server.api.server's `subprocess`, with Popen starting uvicorn through _SERVER_BOOT."""

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    @staticmethod
    def Popen(args: Any, *rest: Any, **kwargs: Any) -> subprocess.Popen[Any]:
        if isinstance(args, list) and args[1:3] == ["-m", "uvicorn"]:
            args = [args[0], "-c", _SERVER_BOOT, str(os.getpid()), *args[3:]]
        return subprocess.Popen(args, *rest, **kwargs)


def tie_temporary_server() -> None:
    """Make the temporary Prefect server that a flow run may start die with this process."""
    from prefect.server.api import server

    if not isinstance(server.subprocess, _ServerSubprocess):
        server.subprocess = _ServerSubprocess()  # type: ignore[assignment]
