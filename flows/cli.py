"""`roundtable`: the command line of the contract (run, query, export).

Exit status: 0 done (bad inputs are reported and skipped), 1 nothing at all could be
processed or an internal error, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from flows.progress import TerminalProgress


def _quiet_prefect(debug: bool = False) -> None:
    """Keep Prefect's start-up/shutdown chatter (and its local server's logs) off the terminal:
    the command prints its own progress and one line per problem. Set before prefect is imported
    (its settings are read once); --debug or PREFECT_LOGGING_LEVEL bring Prefect's logs back."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if debug else "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Prefect waits 20 s for its temporary server; on a busy machine (a CI runner, other runs beside
    # this one) it takes longer, and the whole run failed with "Timed out ... ephemeral Prefect API server"
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=None, help="where everything is read and written (./data)")
    common.add_argument("--debug", action="store_true", help="show tracebacks")

    parser = argparse.ArgumentParser(prog="roundtable", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", parents=[common], help="run the whole pipeline as one Prefect flow run")
    run.add_argument(
        "--input",
        action="append",
        default=[],
        metavar="PATH",
        help="a file or folder of .txt/.html/.htm articles (manifest.csv honoured); repeatable",
    )
    run.add_argument("--url", nargs="+", action="extend", default=[], metavar="URL", help="pages to fetch over HTTP")
    run.add_argument("--feed", nargs="+", action="extend", default=[], metavar="URL", help="RSS or Atom feeds")
    run.add_argument(
        "--sitemap",
        nargs="+",
        action="extend",
        default=[],
        metavar="URL",
        help="sitemaps or sitemap indexes (news sitemaps and .xml.gz included)",
    )
    run.add_argument(
        "--sources",
        type=Path,
        default=None,
        metavar="FILE",
        help="a YAML file of web sources (see docs/sources.example.yaml)",
    )
    run.add_argument(
        "--refetch",
        action="store_true",
        help="fetch pages already stored (conditionally) and earlier permanent failures again",
    )
    run.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes for cleaning and extraction (with --dask-address: pieces per batch)",
    )
    run.add_argument(
        "--dask-address",
        default=None,
        metavar="ADDR",
        help="run the CPU work on this Dask scheduler (tcp://host:8786) through prefect-dask",
    )
    run.add_argument(
        "--only",
        action="append",
        default=None,
        metavar="SIDES",
        help="follow only this negotiation: its sides, comma-separated (RU,UA,US or IL,org:hamas); "
        "repeat for several; default: every negotiation",
    )
    run.add_argument(
        "--lake-url",
        default=None,
        metavar="URL",
        help="keep the lake on any fsspec filesystem (s3://bucket/prefix, memory://lake, ...) "
        "instead of DIR/lake; see docs/lake.md",
    )

    query = sub.add_parser("query", parents=[common], help="ad-hoc read-only SQL against the warehouse")
    query.add_argument("sql")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")

    export = sub.add_parser("export", parents=[common], help="rewrite the Parquet exports from the warehouse")
    export.add_argument("--to", type=Path, default=None, help="exports folder (default DIR/exports)")
    export.add_argument(
        "--text",
        choices=["full", "excerpt", "none"],
        default=None,
        help="article text in the exports: full, a short excerpt, or none",
    )
    report = sub.add_parser("report", parents=[common], help="a self-contained HTML report of the warehouse")
    report.add_argument("--out", type=Path, default=None, help="the HTML file to write (default DIR/report.html)")
    return parser


def _print_summary(summary, started: float) -> None:
    c = summary.counts
    print(
        f"done in {time.monotonic() - started:.1f}s: {summary.inputs} input(s), {summary.pages_new} new page(s), "
        f"{summary.articles_new} new article(s), {len(summary.failures)} problem(s)"
    )
    print(
        f"  articles {c.get('articles', 0)} · people {c.get('people', 0)} · places {c.get('locations', 0)} · "
        f"rounds {c.get('negotiation_rounds', 0)}"
    )
    for line in getattr(summary, "warnings", []):
        print(f"  ⚠ {line}")
    print(f"  exports:   {summary.exports_dir}")
    print(f'  warehouse: {summary.warehouse}  ({command_name()} query "SELECT * FROM negotiation_rounds")')


def command_name() -> str:
    """This command as the user can type it again: the path it was run by (.venv/bin/roundtable),
    relative to the working directory when inside it; `roundtable` when it is on PATH as that."""
    import shutil

    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is None or argv0.name != "roundtable":
        script = Path(sys.executable).with_name("roundtable")  # run some other way (python -m, a test)
        argv0 = script if script.is_file() else None
    if argv0 is None:
        return f"{sys.executable} -m flows.cli"
    found = shutil.which("roundtable")
    if found and Path(found).resolve() == argv0.resolve():
        return "roundtable"
    try:
        return str(argv0.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(argv0.resolve())


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like SIGINT: the flow run ends as crashed, its server and pool stop."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated


def cmd_run(args: argparse.Namespace) -> int:
    previous = signal.signal(signal.SIGTERM, _on_sigterm)  # from the start, SIGTERM stops a run as SIGINT does
    try:
        return _cmd_run(args)
    except KeyboardInterrupt:
        from flows import parallel

        parallel.shutdown(now=True)  # stop the pool's batches now rather than wait for them
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)


def _cmd_run(args: argparse.Namespace) -> int:
    _quiet_prefect(args.debug)
    from flows.settings import load_settings

    if args.sources is not None and not args.sources.is_file():
        print(f"roundtable run: no sources file at {args.sources}", file=sys.stderr)
        return 2
    flags = {
        "data_dir": str(args.data_dir) if args.data_dir else None,
        "workers": args.workers,
        "dask_address": args.dask_address,
        "lake_url": args.lake_url,
        "only": args.only,
    }
    overrides = {name: value for name, value in flags.items() if value is not None}  # for the flow run too
    settings = load_settings(**overrides)  # checked now, before any work
    try:
        settings.lake  # noqa: B018 - an unknown protocol or a missing filesystem package is a usage error
    except (ImportError, ValueError) as exc:
        print(f"roundtable run: lake {settings.lake_url}: {exc}", file=sys.stderr)
        return 2
    from warehouse.export import ExportRefused, check_target

    try:
        check_target(settings.exports_dir, settings.warehouse_path)  # refused now, not after all the work
    except ExportRefused as exc:
        print(f"roundtable run: {exc}", file=sys.stderr)
        return 2
    if settings.dask_address is None and (args.input or args.url or args.feed or args.sitemap or args.sources):
        from flows import parallel

        parallel.warm(settings.workers)  # the pool starts while Prefect does
    from flows.server import start_temporary_server, tie_temporary_server

    start_temporary_server()  # its server boots while the pipeline is imported
    from flows import pipeline as pl  # Prefect: only once the arguments are known to be good

    tie_temporary_server()  # a temporary Prefect server dies with this process, however it dies
    started = time.monotonic()
    request = pl.RunRequest(
        inputs=[str(p) for p in args.input],
        urls=args.url,
        feeds=args.feed,
        sitemaps=args.sitemap,
        sources_file=str(args.sources) if args.sources else None,
        refetch=args.refetch,
    )
    flow = pl.pipeline_on(settings.dask_address)
    with TerminalProgress() as bars:
        try:
            summary = flow(request, overrides, reporter=bars)
        except pl.NothingProcessed as exc:
            _print_summary(exc.summary, started)
            print(f"roundtable run: {exc}", file=sys.stderr)
            return 1
        _print_summary(summary, started)
        return 0


def cmd_query(args: argparse.Namespace) -> int:
    from flows.settings import env_or_key, load_settings
    from warehouse.query import QueryError, run_query

    settings = load_settings(data_dir=args.data_dir)
    try:
        out = run_query(
            settings.warehouse_path,
            args.sql,
            fmt=args.format,
            timeout=settings.query_timeout,
            memory_limit=settings.query_memory_limit,
            timeout_name=env_or_key("query_timeout"),
            memory_name=env_or_key("query_memory_limit"),
        )
    except QueryError as exc:
        print(f"roundtable query: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(out if out.endswith("\n") else out + "\n")  # one newline at the end, never an empty line
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from flows.settings import load_settings
    from warehouse.export import ExportError, ExportRefused, check_target, export

    settings = load_settings(data_dir=args.data_dir, export_text=args.text)
    target = settings.exports_dir if args.to is None else args.to
    try:
        check_target(target, settings.warehouse_path)  # before anything else: a refused target is a usage error
    except ExportRefused as exc:
        print(f"roundtable export: {exc}", file=sys.stderr)
        return 2
    settings.build_stamp_file.unlink(missing_ok=True)  # the next run rebuilds rather than keep these exports
    try:
        result = export(
            settings.warehouse_path,
            target,
            settings.export_text,  # type: ignore[arg-type]
            partition_threshold=settings.articles_partition_threshold,
        )
    except ExportRefused as exc:
        print(f"roundtable export: {exc}", file=sys.stderr)
        return 2
    except ExportError as exc:
        print(f"roundtable export: {exc}", file=sys.stderr)
        return 1
    counts = result.row_counts
    print(f"exported {sum(counts.values())} rows in {len(counts)} tables to {target} (text: {result.text_mode})")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from flows.settings import load_settings
    from warehouse.report import write_report

    settings = load_settings(data_dir=args.data_dir)
    if not settings.warehouse_path.is_file():
        print(
            f"roundtable report: no warehouse at {settings.warehouse_path}; run `roundtable run` first", file=sys.stderr
        )
        return 1
    out = write_report(settings.warehouse_path, args.out or settings.data_dir / "report.html")
    print(f"report: {out} (self-contained; open it in any browser, no network needed)")
    return 0


COMMANDS = {"run": cmd_run, "query": cmd_query, "export": cmd_export, "report": cmd_report}


def main(argv: list[str] | None = None) -> int:
    from flows.settings import SettingsError

    args = build_parser().parse_args(argv)  # exits 2 on usage errors
    try:
        return COMMANDS[args.command](args)
    except SettingsError as exc:  # a usage error: found before any work
        for line in str(exc).splitlines():
            print(f"roundtable {args.command}: {line}", file=sys.stderr)
        return 2
    except Terminated:
        print("terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"roundtable {args.command}: {type(exc).__name__}: {exc} (--debug shows the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
