"""A self-contained HTML report of the warehouse, grouped by negotiation (track): the negotiations,
their rounds on one timeline, a table of each one's rounds with their evidence, the places on a
small map coloured by negotiation, and people.

One file, no network: CSS is inline, charts are inline SVG, there is no JavaScript, and a
Content-Security-Policy forbids loading anything, so a stray URL in the data cannot make the
page fetch it. Everything that comes from the data is HTML-escaped; only http(s) URLs become
links. Output is deterministic for a given warehouse (rows are sorted in Python, no clock is read).

    data.py       the rows, read once (read-only), grouped and ordered; where each place is drawn
    text.py       direction of Arabic text, safe links, dates, codes and names (plain strings)
    timeline.py   the timeline's layout          places.py   the map's layout and the places table
    render.py     the Jinja2 environment (autoescaping on) and what each template is given
    templates/    page.html.j2 and its parts (negotiations, legend, timeline, rounds, places, map,
                  people), macros.html.j2, report.css

    python -m warehouse.report DATA/warehouse.duckdb report.html
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb

from warehouse.contract import STATUSES
from warehouse.report.data import TRACK_COLOURS, ReportData, Track, group_tracks, load_data
from warehouse.report.render import render_html, render_report, report_title, write_report
from warehouse.report.text import fmt_dates, round_span, safe_href
from warehouse.report.timeline import Scale, ticks

__all__ = [
    "STATUSES",
    "TRACK_COLOURS",
    "ReportData",
    "Scale",
    "Track",
    "fmt_dates",
    "group_tracks",
    "load_data",
    "main",
    "render_html",
    "render_report",
    "report_title",
    "round_span",
    "safe_href",
    "ticks",
    "write_report",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.report", description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="the warehouse, e.g. data/warehouse.duckdb")
    parser.add_argument("out", type=Path, help="the HTML file to write")
    parser.add_argument("--generated-at", default=None, help="a timestamp to print in the page (default: none)")
    args = parser.parse_args(argv)
    try:
        path = write_report(args.db, args.out, args.generated_at)
    except (FileNotFoundError, duckdb.Error) as exc:
        print(f"report: {exc}", file=sys.stderr)
        return 1
    print(f"report written: {path}")
    return 0
