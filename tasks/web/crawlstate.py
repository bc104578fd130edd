"""What earlier runs left in the lake about the web: the fetch log per URL, the frontier of links
still to fetch, and each source's recent runs. Read-only; plain DuckDB over the lake's Parquet
(on whatever filesystem the lake is: see lake/fs.py).

    load_history(lake) -> dict[uri, UrlHistory]   # last outcome, validators, transient streak
    frontier_rows(lake, sources) -> list[dict]     # first listing of each link, oldest first
    source_warnings(lake, sources, ...) -> list[str]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import duckdb

from lake import store
from lake.fs import LakeLocation, as_lake

TERMINAL = ("failed", "skipped")  # with transient = false: not retried until they age out


@dataclass(frozen=True, slots=True)
class UrlHistory:
    outcome: str  # of the last attempt
    transient: bool
    reason: str | None
    attempted_at: datetime
    etag: str | None  # validators from the last successful (or 304) answer
    last_modified: str | None
    transient_streak: int  # transient failures since the last success

    def is_terminal(self, now: datetime, retry_after: timedelta) -> bool:
        """A permanent failure (404, 410, wrong type, robots) recent enough not to be tried again."""
        return self.outcome in TERMINAL and not self.transient and now - self.attempted_at < retry_after


def _query(lake: LakeLocation, tables: Sequence[str], sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Run `sql` with {table} placeholders bound to the tables' Parquet; [] if one has no file yet."""
    lake = as_lake(lake)
    if not all(store.has_files(lake, t) for t in tables):
        return []
    with lake.prepare(duckdb.connect()) as con:
        con.execute("SET TimeZone = 'UTC'")
        return con.execute(sql.format(**{t: store.table_relation(lake, t) for t in tables}), list(params)).fetchall()


def load_history(lake: LakeLocation) -> dict[str, UrlHistory]:
    rows = _query(
        lake,
        ["fetch_log"],
        """
        with log as (select * from {fetch_log}),
        last_ok as (
            select uri, max(attempted_at) as ok_at from log
            where outcome in ('ok', 'not_modified') group by uri
        ),
        validators as (
            select uri, arg_max(etag, attempted_at) as etag, arg_max(last_modified, attempted_at) as last_modified
            from log where outcome in ('ok', 'not_modified') group by uri
        )
        select log.uri,
               arg_max(outcome, attempted_at), arg_max(coalesce(transient, false), attempted_at),
               arg_max(reason, attempted_at), max(attempted_at),
               any_value(v.etag), any_value(v.last_modified),
               count(*) filter (where outcome = 'failed' and transient
                                and attempted_at > coalesce(l.ok_at, '1970-01-01'::timestamptz))
        from log
        left join last_ok l using (uri)
        left join validators v using (uri)
        group by log.uri
    """,
    )
    return {r[0]: UrlHistory(r[1], bool(r[2]), r[3], r[4], r[5], r[6], int(r[7])) for r in rows}


def stored_uris(lake: LakeLocation) -> set[str]:
    return store.distinct_values(lake, "raw_pages", "source_uri")


def frontier_uris(lake: LakeLocation) -> set[str]:
    return store.distinct_values(lake, "frontier", "uri")


FRONTIER_COLUMNS = ("uri", "source", "found_in", "hint_title", "hint_published_at", "hint_language", "hint_source")


def frontier_rows(lake: LakeLocation, sources: Iterable[str]) -> list[dict[str, Any]]:
    """The first listing of every link of these sources, in the order they were found."""
    names = list(sources)
    if not names:
        return []
    rows = _query(
        lake,
        ["frontier"],
        f"""
        select {", ".join(FRONTIER_COLUMNS)} from {{frontier}}
        where source in (select unnest(?))
        qualify row_number() over (partition by uri order by written_at, source) = 1
        order by written_at, uri
    """,
        [names],
    )
    return [dict(zip(FRONTIER_COLUMNS, r, strict=True)) for r in rows]


def recent_runs(lake: LakeLocation, source: str, n: int) -> list[tuple[str, int]]:
    """(outcome, links_new) of the source's last n runs, newest first."""
    return [
        (r[0], int(r[1] or 0))
        for r in _query(
            lake,
            ["source_runs"],
            """
        select outcome, links_new from {source_runs} where source = ? order by run_at desc limit ?
    """,
            [source, n],
        )
    ]


def recent_page_outcomes(lake: LakeLocation, source: str, n: int) -> list[str]:
    """Cleaning outcomes of the source's n most recently stored pages, newest first."""
    return [
        r[0]
        for r in _query(
            lake,
            ["frontier", "raw_pages", "page_outcomes"],
            """
        with mine as (select distinct uri from {frontier} where source = ?),
        pages as (
            select p.page_id, p.written_at from {raw_pages} p join mine on p.source_uri = mine.uri
        ),
        outcomes as (
            select page_id, arg_max(outcome, written_at) as outcome from {page_outcomes} group by page_id
        )
        select o.outcome from pages join outcomes o using (page_id)
        order by pages.written_at desc limit ?
    """,
            [source, n],
        )
    ]


def source_warnings(
    lake: LakeLocation, sources: Iterable[tuple[str, str]], *, stale_runs: int, empty_pages: int
) -> list[str]:
    """Silent breakage made loud, for (name, kind) sources: pages that stopped yielding article
    text (a template change), a feed or sitemap with nothing new for `stale_runs` runs, or one
    that failed in each of them."""
    out: list[str] = []
    for name, kind in sources:
        outcomes = recent_page_outcomes(lake, name, empty_pages)
        if empty_pages > 0 and len(outcomes) == empty_pages and all(o == "empty" for o in outcomes):
            out.append(f"source {name}: its last {empty_pages} pages yielded no article text (page template changed?)")
        if kind == "url" or stale_runs <= 0:
            continue
        runs = recent_runs(lake, name, stale_runs)
        if len(runs) < stale_runs:
            continue
        if all(o == "failed" for o, _ in runs):
            out.append(f"source {name}: its {kind} failed in each of the last {stale_runs} runs")
        elif all(new == 0 for _, new in runs):
            out.append(f"source {name}: nothing new in its {kind} for {stale_runs} runs (stale or moved?)")
    return out
