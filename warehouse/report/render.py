"""The report page: the warehouse's rows (data.py) laid out (timeline.py, places.py) and rendered
by the Jinja2 templates in templates/, with autoescaping on. Everything from the data is escaped by
the environment itself (as html.escape does), so a template never builds markup from data by
hand; only http(s) URLs become links (text.safe_href)."""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from jinja2.ext import Extension
from markupsafe import Markup

from warehouse.contract import STATUSES
from warehouse.report import places, timeline
from warehouse.report.data import ReportData, Track, load_data, status_colour
from warehouse.report.text import (
    Row,
    article_label,
    as_date,
    as_list,
    codes,
    direction,
    fmt_dates,
    place_name,
    plural,
    s,
    safe_href,
    sides,
)


class JoinLines(Extension):
    """In a .j2 template a line break and the indentation after it are dropped, so markup can be
    laid out on lines without adding whitespace to the page (a kept line break is {{ "\\n" }})."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return re.sub(r"\n[ \t]*", "", source) if name and name.endswith(".j2") else source


def _escape(value: Any) -> Any:
    """Autoescaping as html.escape does it (&quot; and &#x27;); None shows as nothing."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("warehouse.report", "templates"),
        autoescape=True,
        finalize=_escape,
        extensions=[JoinLines],
        keep_trailing_newline=True,
    )
    env.filters.update(
        f0=lambda x: f"{x:.0f}",
        f1=lambda x: f"{x:.1f}",
        f3=lambda x: f"{x:.3f}",
        codes=codes,
        direction=direction,
        place_name=place_name,
        plural=plural,
        status_colour=status_colour,
    )
    env.globals["statuses_known"] = STATUSES
    return env


ENV = _environment()


# ---------------------------------------------------------------- what the templates show


@dataclass(frozen=True, slots=True)
class Evidence:
    label: str  # the article's title (or file name, source, id)
    href: str | None  # a link to it, only when it is http(s)
    source: str | None  # beside a title when there is no link: where the article came from
    meta: str  # source · published · reported status · for which date
    quote: str  # the sentence(s) the round was read from


@dataclass(frozen=True, slots=True)
class RoundRow:
    round: Row
    round_id: str
    anchor: str
    place: str | None  # None: unknown
    dates: str
    sides: list[str]
    outcomes: str
    participants: list[Row]
    evidence: list[Evidence]


def _evidence(data: ReportData, ev: Row) -> Evidence:
    art = data.articles.get(str(ev["article_id"]), {})
    label = article_label(art, ev["article_id"])
    href = safe_href(art.get("source_uri"))
    uri, title = art.get("source_uri"), art.get("title")
    source = uri if href is None and uri and title and uri != title else None  # what the title is from
    meta = [m for m in (s(art.get("source")), s(as_date(art.get("published_at")) or "")) if m]
    if ev["reported_status"]:
        meta.append(f"reported {ev['reported_status']}")
    if as_date(ev["reported_start"]):
        meta.append(f"for {as_date(ev['reported_start'])}")
    return Evidence(label, href, source, " · ".join(meta), s(ev["evidence"]))


def round_rows(data: ReportData, track: Track) -> list[RoundRow]:
    rows = []
    for r in track.rounds:
        rid = s(r["round_id"])
        loc = data.locations.get(s(r["location_id"]))
        rows.append(
            RoundRow(
                round=r,
                round_id=rid,
                anchor=data.anchors[rid],
                place=place_name(loc) if loc else None,
                dates=fmt_dates(r["start_date"], r["end_date"], r["date_precision"]),
                sides=sides(r),
                outcomes=", ".join(o.replace("_", " ") for o in as_list(r["outcomes"])) or "—",
                participants=data.participants.get(rid, []),
                evidence=[_evidence(data, ev) for ev in data.evidence.get(rid, [])],
            )
        )
    return rows


def people_rows(data: ReportData) -> list[tuple[Row, int, int, int]]:
    """(person, articles, mentions, rounds), the most reported first."""
    in_rounds: Counter[str] = Counter(s(p["person_id"]) for ps in data.participants.values() for p in ps)

    def key(p: Row) -> tuple:
        arts, mentions = data.person_articles.get(s(p["person_id"]), (0, 0))
        return (-arts, -mentions, s(p["name_en"] or p["name_ar"]), s(p["person_id"]))

    rows = []
    for p in sorted(data.people.values(), key=key):
        pid = s(p["person_id"])
        arts, mentions = data.person_articles.get(pid, (0, 0))
        rows.append((p, arts, mentions, in_rounds[pid]))
    return rows


def status_counts(data: ReportData) -> list[tuple[int, str]]:
    """(rounds, status) in the order of STATUSES, then unknown, then any other status."""
    counts = Counter(s(r["status"]) or "unknown" for r in data.rounds)
    order = [st for st in [*STATUSES, "unknown"] if counts[st]] + sorted(set(counts) - {*STATUSES, "unknown"})
    return [(counts[st], st) for st in order]


def report_title(data: ReportData) -> str:
    """What the page is about: the one negotiation it holds, or how many it holds."""
    named = [t for t in data.tracks if t.key]
    if len(data.tracks) == 1 and named:
        return f"{named[0].label}: negotiation rounds"
    if len(data.tracks) > 1:
        return f"Negotiation rounds in {len(data.tracks)} negotiations"
    return "Negotiation rounds"


def render_html(data: ReportData, generated_at: str | None = None) -> str:
    published = sorted(d for a in data.articles.values() if (d := as_date(a["published_at"])) is not None)
    return ENV.get_template("page.html.j2").render(
        data=data,
        title=report_title(data),
        published=published,
        generated_at=generated_at,
        statuses=status_counts(data),
        tl=timeline.layout(data) if data.rounds else None,
        round_rows=lambda track: round_rows(data, track),
        map=places.layout(data),
        places=places.place_rows(data),
        people=people_rows(data),
    )


def render_report(db_path: Path, generated_at: str | None = None) -> str:
    """The whole report as one HTML string (same warehouse, same string)."""
    return render_html(load_data(Path(db_path)), generated_at)


def write_report(db_path: Path, out: Path, generated_at: str | None = None) -> Path:
    """Render and write atomically: a reader sees the old report or the new one, never half of one."""
    out = Path(out)
    page = render_report(db_path, generated_at)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is meant to be shared
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
