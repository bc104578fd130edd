"""A self-contained HTML report of the warehouse, grouped by negotiation (track): the negotiations,
their rounds on one timeline, a table of each one's rounds with their evidence, the places on a
small map coloured by negotiation, and people.

One file, no network: CSS is inline, charts are inline SVG, there is no JavaScript, and a
Content-Security-Policy forbids loading anything, so a stray URL in the data cannot make the
page fetch it. Everything that comes from the data is HTML-escaped; only http(s) URLs become
links. Output is deterministic for a given warehouse (rows are sorted in Python, no clock is read).

    python -m warehouse.report DATA/warehouse.duckdb report.html
"""

from __future__ import annotations

import argparse
import html
import math
import os
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import duckdb

Row = dict[str, Any]

# Columns the report reads, per contract table. Missing columns read as None, missing tables as
# empty, so a warehouse that is still being built (or an older one) renders instead of failing.
COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "source_uri", "title", "published_at", "language", "source"],
    "people": ["person_id", "name_en", "name_ar", "role", "country_code"],
    "article_people": ["article_id", "person_id", "mentions"],
    "locations": ["location_id", "name_en", "name_ar", "country_code", "kind", "latitude", "longitude"],
    "negotiation_rounds": [
        "round_id",
        "label",
        "location_id",
        "start_date",
        "end_date",
        "date_precision",
        "status",
        "parties",
        "sides",
        "mediators",
        "round_number",
        "outcomes",
        "first_reported",
        "last_reported",
        "article_count",
        "negotiation_id",
    ],
    "negotiations": [
        "negotiation_id",
        "label",
        "sides",
        "mediators",
        "first_round_date",
        "last_round_date",
        "round_count",
        "last_status",
    ],
    "round_participants": ["round_id", "person_id", "side"],
    "round_articles": ["round_id", "article_id", "evidence", "reported_status", "reported_start"],
}

STATUSES = ["proposed", "planned", "ongoing", "held", "cancelled"]
STATUS_COLOURS = {
    "proposed": "#8e7cc3",
    "planned": "#3d85c6",
    "ongoing": "#e69138",
    "held": "#38761d",
    "cancelled": "#cc0000",
}
UNKNOWN_COLOUR = "#999999"
# one colour per negotiation on the map (and its swatch beside the negotiation's name), in turn
TRACK_COLOURS = [
    "#1f4e79",
    "#b45f06",
    "#38761d",
    "#741b47",
    "#7f6000",
    "#134f5c",
    "#20124d",
    "#990000",
    "#3d3d3d",
    "#0b5394",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# ---------------------------------------------------------------- data


@dataclass(slots=True)
class Track:
    """A negotiation and its rounds (in time order), as the report groups them."""

    key: str  # negotiation_id, or "" for rounds of no known negotiation
    label: str
    sides: list[str]
    mediators: list[str]
    last_status: str | None
    rounds: list[Row]
    anchor: str  # HTML id of its section
    colour: str

    @property
    def latest(self) -> date | None:
        days = [d for r in self.rounds if (d := _round_day(r)) is not None]
        return max(days) if days else None


@dataclass(slots=True)
class ReportData:
    source_name: str
    rounds: list[Row] = field(default_factory=list)  # grouped by track, in time order within each
    tracks: list[Track] = field(default_factory=list)
    track_of: dict[str, Track] = field(default_factory=dict)  # round_id -> its track
    locations: dict[str, Row] = field(default_factory=dict)
    people: dict[str, Row] = field(default_factory=dict)
    articles: dict[str, Row] = field(default_factory=dict)
    participants: dict[str, list[Row]] = field(default_factory=dict)  # round_id -> round_participants rows
    evidence: dict[str, list[Row]] = field(default_factory=dict)  # round_id -> round_articles rows
    person_articles: dict[str, tuple[int, int]] = field(default_factory=dict)  # person_id -> (articles, mentions)
    anchors: dict[str, str] = field(default_factory=dict)  # round_id -> HTML id of its table row


def _existing_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
    ).fetchall()
    found: dict[str, set[str]] = defaultdict(set)
    for table, column in rows:
        found[table].add(column)
    return found


def _select(con: duckdb.DuckDBPyConnection, existing: dict[str, set[str]], table: str) -> list[Row]:
    wanted = COLUMNS[table]
    have = [c for c in wanted if c in existing.get(table, set())]
    if not have:
        return []
    cols = ", ".join(f'"{c}"' for c in have)
    result = con.execute(f'SELECT {cols} FROM "{table}"').fetchall()
    return [{c: dict(zip(have, r, strict=True)).get(c) for c in wanted} for r in result]


def load_data(db_path: Path) -> ReportData:
    """Every row the report shows, read once through a read-only connection."""
    if not db_path.exists():
        raise FileNotFoundError(f"no warehouse at {db_path}")
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        existing = _existing_columns(con)
        tables = {name: _select(con, existing, name) for name in COLUMNS}
    finally:
        con.close()
    data = ReportData(source_name=db_path.name)
    data.tracks = group_tracks(tables["negotiation_rounds"], tables["negotiations"])
    data.rounds = [r for t in data.tracks for r in t.rounds]
    data.track_of = {str(r["round_id"]): t for t in data.tracks for r in t.rounds}
    data.anchors = {str(r["round_id"]): f"round-{i + 1}" for i, r in enumerate(data.rounds)}
    data.locations = {str(r["location_id"]): r for r in tables["locations"]}
    data.people = {str(r["person_id"]): r for r in tables["people"]}
    data.articles = {str(r["article_id"]): r for r in tables["articles"]}
    for row in sorted(tables["round_participants"], key=lambda r: (_s(r["side"]), _person_name(data, r["person_id"]))):
        data.participants.setdefault(str(row["round_id"]), []).append(row)
    for row in sorted(tables["round_articles"], key=lambda r: _evidence_sort_key(data, r)):
        data.evidence.setdefault(str(row["round_id"]), []).append(row)
    data.person_articles = _person_article_counts(tables["article_people"])
    return data


def group_tracks(rounds: Sequence[Row], negotiations: Sequence[Row]) -> list[Track]:
    """The rounds grouped by negotiation_id, each group in time order; the negotiation with the
    most recent round first. Rounds without a known negotiation (an older warehouse) are one
    group of their own, named after what they have in common."""
    known = {_s(n["negotiation_id"]): n for n in negotiations if n["negotiation_id"] is not None}
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rounds:
        key = _s(r["negotiation_id"])
        groups[key if key in known else ""].append(r)
    tracks = []
    for key, members in groups.items():
        members.sort(key=_round_sort_key)
        n = known.get(key)
        if n is not None:
            label, sides, mediators, status = _s(n["label"]), _list(n["sides"]), _list(n["mediators"]), n["last_status"]
        else:
            label, sides, mediators, status = "Negotiation rounds", _common_sides(members), [], None
        tracks.append(Track(key, label, sides, mediators, status, members, "", ""))
    tracks.sort(key=lambda t: (t.latest is None, -(t.latest or date.min).toordinal(), t.label, t.key))
    for i, t in enumerate(tracks):
        t.anchor, t.colour = f"negotiation-{i + 1}", TRACK_COLOURS[i % len(TRACK_COLOURS)]
    return tracks


def _common_sides(rounds: Sequence[Row]) -> list[str]:
    sets = [set(_sides(r)) for r in rounds]
    return sorted(set.intersection(*sets)) if sets else []


def _round_day(r: Row) -> date | None:
    return as_date(r["end_date"]) or as_date(r["start_date"]) or as_date(r["last_reported"])


def _person_article_counts(rows: Iterable[Row]) -> dict[str, tuple[int, int]]:
    articles: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for r in rows:
        pid = str(r["person_id"])
        articles[pid].add(str(r["article_id"]))
        mentions[pid] += int(r["mentions"] or 1)
    return {pid: (len(arts), mentions[pid]) for pid, arts in articles.items()}


def _s(value: Any) -> str:
    """Sort-safe string: None sorts first as ''."""
    return "" if value is None else str(value)


def _round_sort_key(r: Row) -> tuple:
    start = as_date(r["start_date"]) or as_date(r["end_date"])
    # Dated rounds in time order, then undated ones; label and id break ties deterministically.
    return (start is None, start or date.min, _s(r["label"]), _s(r["round_id"]))


def _evidence_sort_key(data: ReportData, r: Row) -> tuple:
    art = data.articles.get(str(r["article_id"]), {})
    published = as_date(art.get("published_at"))
    return (published is None, published or date.min, _s(art.get("title")), _s(r["article_id"]), _s(r["evidence"]))


# ---------------------------------------------------------------- text, links, dates


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _first_strong(text: str) -> str | None:
    """'rtl' or 'ltr' from the first strongly directional character (the Unicode bidi rule)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def txt(value: Any, tag: str = "bdi") -> str:
    """Escaped text; Arabic (any RTL) text is isolated in its own element with a direction so it
    reads right-to-left inside the English page without scrambling the punctuation around it."""
    text = "" if value is None else str(value)
    if not has_rtl(text):
        return esc(text) if tag == "bdi" else f"<{tag}>{esc(text)}</{tag}>"
    if _first_strong(text) == "rtl":
        return f'<{tag} lang="ar" dir="rtl">{esc(text)}</{tag}>'
    return f'<{tag} dir="auto">{esc(text)}</{tag}>'


def svg_text_attrs(text: str) -> str:
    """SVG has no dir attribute: RTL labels get the `direction` presentation attribute instead."""
    if not has_rtl(text):
        return ""
    if _first_strong(text) == "rtl":
        return ' direction="rtl" unicode-bidi="embed" lang="ar"'
    return ' direction="ltr" unicode-bidi="embed"'


def safe_href(uri: Any) -> str | None:
    """The URL normalised, only when it is http(s) with a host; anything else (javascript:, data:,
    file paths) is shown as text, never as a link."""
    if not isinstance(uri, str):
        return None
    try:
        parts = urlsplit(uri.strip())  # urlsplit also drops tabs/newlines, as browsers do
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in parts.netloc):
        return None
    return urlunsplit(parts)


def as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _fmt_one(d: date, precision: str | None) -> str:
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{MONTH_NAMES[d.month - 1]} {d.year}"
    if precision == "week":
        return f"week of {d.isoformat()}"
    return d.isoformat()


def fmt_dates(start: Any, end: Any, precision: str | None) -> str:
    s, e = as_date(start), as_date(end)
    if s is None and e is None:
        return "date unknown"
    if s is None:
        return f"until {_fmt_one(e, precision)}"  # type: ignore[arg-type]
    if e is None or e == s:
        return _fmt_one(s, precision)
    return f"{_fmt_one(s, precision)} – {_fmt_one(e, precision)}"


def _period_end(start: date, precision: str | None) -> date:
    """Last day of the period an imprecise date stands for (a 'June 2025' round spans June)."""
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    if precision == "week":
        return start + timedelta(days=6)
    return start


def round_span(r: Row) -> tuple[date, date, bool] | None:
    """(first day, last day, approximate?) for the timeline, or None when the round has no date."""
    s, e = as_date(r["start_date"]), as_date(r["end_date"])
    if s is None and e is None:
        return None
    if s is None or e is None:
        day = s or e
        assert day is not None
        end = _period_end(day, r["date_precision"])
        return day, end, end != day
    return (s, e, False) if e >= s else (e, s, False)


def _list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else ([] if value is None else [str(value)])


def _codes(value: Any) -> str:
    return ", ".join(_side_code(v) for v in _list(value)) or "—"


def _side_code(side: str) -> str:
    """A side as a short code: a state's ISO code, a non-state actor's slug (org:hamas -> hamas)."""
    return side.removeprefix("org:")


def _sides(r: Row) -> list[str]:
    """A round's sides; a warehouse from before sides existed has only its parties."""
    return _list(r["sides"]) if r.get("sides") else _list(r["parties"])


def _person_name(data: ReportData, person_id: Any) -> str:
    p = data.people.get(str(person_id))
    if not p:
        return _s(person_id)
    return _s(p["name_en"] or p["name_ar"] or person_id)


def _place_name(loc: Row | None) -> str:
    if not loc:
        return ""
    return _s(loc["name_en"] or loc["name_ar"] or loc["location_id"])


def _status_colour(status: Any) -> str:
    return STATUS_COLOURS.get(_s(status), UNKNOWN_COLOUR)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class Scale:
    t0: date
    t1: date
    x0: float
    x1: float

    def x(self, d: date) -> float:
        days = max((self.t1 - self.t0).days, 1)
        return self.x0 + (d - self.t0).days / days * (self.x1 - self.x0)


def _time_scale(spans: Sequence[tuple[date, date, bool]], x0: float, x1: float) -> Scale:
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    pad = timedelta(days=max(10, (hi - lo).days // 30))
    return Scale(lo - pad, hi + pad, x0, x1)


def _day_ticks(scale: Scale) -> list[tuple[date, str]]:
    """Daily ticks for a span of two weeks or less, else weekly ones on Mondays."""
    step = 1 if (scale.t1 - scale.t0).days <= 14 else 7
    d = scale.t0 if step == 1 else scale.t0 + timedelta(days=-scale.t0.weekday() % 7)
    ticks = []
    while d <= scale.t1:
        first = not ticks or (d.month == 1 and d.day <= step)
        ticks.append((d, f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if first else "")))
        d += timedelta(days=step)
    return ticks


def _ticks(scale: Scale) -> list[tuple[date, str]]:
    """Axis ticks: days or weeks for a short span (a few weeks of talks), else months or years."""
    if (scale.t1 - scale.t0).days <= 75:
        return _day_ticks(scale)
    months = (scale.t1.year - scale.t0.year) * 12 + scale.t1.month - scale.t0.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120) if months / s <= 12), 240)
    ticks, y, m = [], scale.t0.year, scale.t0.month
    index = y * 12 + m - 1
    index += (-index) % step  # align ticks to multiples of the step (Jan/Apr/Jul/Oct for 3)
    while True:
        d = date(index // 12, index % 12 + 1, 1)
        if d > scale.t1:
            return ticks
        if d >= scale.t0:
            ticks.append((d, str(d.year) if step >= 12 else f"{MONTHS[d.month - 1]} {d.year}"))
        index += step


TL_WIDTH, TL_GUTTER, TL_ROW, TL_TOP = 1200, 130, 26, 44
LABEL_CHARS = 70
CHAR_PX = 6.8  # rough width of a 12px character, for deciding which side of a bar a label goes


def _label_svg(text: str, x_left: float, x_right: float, y: float, x_max: float) -> str:
    """A label right of its mark, or left of it when it would run off the chart."""
    label = _truncate(text, LABEL_CHARS)
    rtl = _first_strong(label) == "rtl"
    fits_right = x_right + 8 + len(label) * CHAR_PX < x_max
    x = x_right + 8 if fits_right else x_left - 8
    # With direction=rtl 'start' is the right edge, so the anchors swap for Arabic labels.
    anchor = ("end" if rtl else "start") if fits_right else ("start" if rtl else "end")
    attrs = f'x="{x:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" class="lbl"{svg_text_attrs(label)}'
    return f"<text {attrs}>{esc(label)}</text>"


def _gutter_svg(r: Row, y: float) -> str:
    parties, mediators = [_side_code(s) for s in _sides(r)], _list(r["mediators"])
    text = esc(" · ".join(parties) or "?")
    if mediators:
        text += f'<tspan class="med"> +{esc(",".join(mediators))}</tspan>'
    return f'<text x="8" y="{y + 4:.1f}" class="gut">{text}</text>'


def _tooltip(data: ReportData, r: Row) -> str:
    place = _place_name(data.locations.get(_s(r["location_id"]))) or "place unknown"
    tip = (
        f"{_s(r['label'])} — {_s(r['status']) or 'status unknown'}, "
        f"{fmt_dates(r['start_date'], r['end_date'], r['date_precision'])}, {place}"
    )
    return f"<title{svg_text_attrs(tip)}>{esc(tip)}</title>"


def _dated_row(data: ReportData, r: Row, span: tuple[date, date, bool], scale: Scale, y: float) -> str:
    start, end, approx = span
    colour = _status_colour(r["status"])
    xa, xb = scale.x(start), scale.x(end)
    if xb - xa < 6 and not approx:
        mark = f'<circle cx="{xa:.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>'
        xa, xb = xa - 6, xa + 6
    else:
        xb = max(xb, xa + 6)
        style = (
            f'fill="{colour}" fill-opacity="0.35" stroke="{colour}" stroke-dasharray="4 3"'
            if approx
            else f'fill="{colour}"'
        )
        mark = f'<rect x="{xa:.1f}" y="{y - 7:.1f}" width="{xb - xa:.1f}" height="14" rx="3" {style}/>'
    label = _label_svg(_s(r["label"]), xa, xb, y, TL_WIDTH - 10)
    href = data.anchors[_s(r["round_id"])]
    return f'<a href="#{href}">{_tooltip(data, r)}{_gutter_svg(r, y)}{mark}{label}</a>'


def _undated_row(data: ReportData, r: Row, x: float, y: float) -> str:
    colour = _status_colour(r["status"])
    mark = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#fff" stroke="{colour}" stroke-width="2.5"/>'
    label = _label_svg(_s(r["label"]), x - 6, x + 6, y, TL_WIDTH)
    href = data.anchors[_s(r["round_id"])]
    return f'<a href="#{href}">{_tooltip(data, r)}{_gutter_svg(r, y)}{mark}{label}</a>'


def _track_heading_svg(track: Track, y: float) -> str:
    """A negotiation's name across the timeline, above its rounds, linked to its section."""
    label = _truncate(track.label, 90)
    count = len(track.rounds)
    text = f"{label} ({count} round{'s' if count != 1 else ''})"
    swatch = f'<rect x="8" y="{y - 9:.1f}" width="10" height="10" rx="2" fill="{track.colour}"/>'
    name = f'<text x="24" y="{y:.1f}" class="trk"{svg_text_attrs(text)}>{esc(text)}</text>'
    return f'<a href="#{track.anchor}">{swatch}{name}</a>'


def timeline_svg(data: ReportData) -> str:
    """One time axis for every negotiation; each negotiation's rounds under its name, dated ones
    in time order, then its undated ones in an undated lane."""
    spans = [span for r in data.rounds if (span := round_span(r)) is not None]
    x0, x1 = TL_GUTTER + 10.0, TL_WIDTH - 200.0  # room on the right for the last labels
    rows: list[str] = []
    y = float(TL_TOP)
    scale = _time_scale(spans, x0, x1) if spans else None
    for i, track in enumerate(data.tracks):
        if len(data.tracks) > 1 or track.key:
            if i:  # a rule between one negotiation's rounds and the next one's name
                rule = y - TL_ROW / 2 + 2
                rows.append(f'<line x1="0" y1="{rule:.1f}" x2="{TL_WIDTH}" y2="{rule:.1f}" class="tsep"/>')
                y += 8
            y += 4
            rows.append(_track_heading_svg(track, y))
            y += TL_ROW * 0.9
        dated = [(r, span) for r in track.rounds if (span := round_span(r)) is not None]
        undated = [r for r in track.rounds if round_span(r) is None]
        for r, span in dated:
            assert scale is not None
            rows.append(_dated_row(data, r, span, scale, y))
            y += TL_ROW
        if undated:
            y += 6
            rows.append(
                f'<line x1="0" y1="{y - TL_ROW / 2:.1f}" x2="{TL_WIDTH}" y2="{y - TL_ROW / 2:.1f}" class="sep"/>'
            )
            rows.append(f'<text x="{x0:.1f}" y="{y:.1f}" class="lane">undated</text>')
            y += TL_ROW * 0.8
            for r in undated:
                rows.append(_undated_row(data, r, x0 + 8, y))
                y += TL_ROW
    grid: list[str] = []
    if scale is not None:
        for d, label in _ticks(scale):
            x = scale.x(d)
            grid.append(f'<line x1="{x:.1f}" y1="{TL_TOP - 16}" x2="{x:.1f}" y2="{y:.1f}" class="grid"/>')
            grid.append(f'<text x="{x:.1f}" y="{TL_TOP - 22}" text-anchor="middle" class="tick">{esc(label)}</text>')
    height = int(y)
    return (
        f'<svg class="timeline" viewBox="0 0 {TL_WIDTH} {height}" width="{TL_WIDTH}" height="{height}" '
        f'role="img" aria-label="Timeline of negotiation rounds">{"".join(grid + rows)}</svg>'
    )


def legend_html() -> str:
    items = [f'<span class="sw" style="background:{STATUS_COLOURS[s]}"></span>{s}' for s in STATUSES]
    items.append(f'<span class="sw" style="background:{UNKNOWN_COLOUR}"></span>status unknown')
    items.append('<span class="sw approx"></span>approximate date (week/month/year)')
    items.append('<span class="sw hollow"></span>undated')
    return '<p class="legend">' + "".join(f"<span class=item>{i}</span>" for i in items) + "</p>"


# ---------------------------------------------------------------- rounds table


def _participants_html(data: ReportData, round_id: str) -> str:
    rows = data.participants.get(round_id, [])
    if not rows:
        return "—"
    items = []
    for p in rows:
        side = f' <span class="code">{esc(p["side"])}</span>' if p["side"] else ""
        items.append(f"<li>{_person_html(data, p['person_id'], side)}</li>")
    return f'<ul class="plain">{"".join(items)}</ul>'


def _person_html(data: ReportData, person_id: Any, suffix: str = "") -> str:
    """English name (else Arabic) with the delegation, and the Arabic name on its own line below."""
    p = data.people.get(str(person_id))
    if not p:
        return txt(person_id) + suffix
    if p["name_en"] and p["name_ar"]:
        return f'{txt(p["name_en"])}{suffix}<div class="muted">{txt(p["name_ar"])}</div>'
    return txt(p["name_en"] or p["name_ar"]) + suffix


def _article_link(art: Row, article_id: Any) -> str:
    title = art.get("title") or art.get("source_uri") or article_id
    href = safe_href(art.get("source_uri"))
    if href is None:
        uri = art.get("source_uri")
        where = f' <span class="muted">({txt(uri)})</span>' if uri and uri != title else ""
        return f"{txt(title)}{where}"
    return f'<a href="{esc(href)}" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">{txt(title)}</a>'


def _evidence_html(data: ReportData, round_id: str) -> str:
    rows = data.evidence.get(round_id, [])
    if not rows:
        return "—"
    items = []
    for ev in rows:
        art = data.articles.get(str(ev["article_id"]), {})
        meta = [m for m in (_s(art.get("source")), _s(as_date(art.get("published_at")) or "")) if m]
        if ev["reported_status"]:
            meta.append(f"reported {ev['reported_status']}")
        if as_date(ev["reported_start"]):
            meta.append(f"for {as_date(ev['reported_start'])}")
        meta_html = f'<div class="muted">{txt(" · ".join(meta))}</div>' if meta else ""
        quote = txt(ev["evidence"], tag="blockquote") if ev["evidence"] else ""
        items.append(f"<li>{_article_link(art, ev['article_id'])}{meta_html}{quote}</li>")
    return f'<ul class="evidence">{"".join(items)}</ul>'


def _dates_html(r: Row) -> str:
    # Each date stays on one line; the range may break at its dash.
    text = fmt_dates(r["start_date"], r["end_date"], r["date_precision"])
    return " – ".join(f'<span class="nowrap">{esc(part)}</span>' for part in text.split(" – "))


def _round_row(data: ReportData, r: Row) -> str:
    rid = _s(r["round_id"])
    loc = data.locations.get(_s(r["location_id"]))
    place = txt(_place_name(loc)) if loc else '<span class="muted">unknown</span>'
    status = _s(r["status"]) or "unknown"
    outcomes = ", ".join(o.replace("_", " ") for o in _list(r["outcomes"])) or "—"
    number = esc(r["round_number"]) if r["round_number"] is not None else "—"
    cells = [
        f'<td class="what"><strong>{txt(r["label"])}</strong><div class="muted code">{esc(rid)}</div></td>',
        f"<td>{place}</td>",
        f"<td>{_dates_html(r)}</td>",
        f'<td><span class="status" style="background:{_status_colour(r["status"])}">{esc(status)}</span></td>',
        f'<td class="code">{esc(_codes(_sides(r)))}</td>',
        f'<td class="code">{esc(_codes(r["mediators"]))}</td>',
        f"<td>{number}</td>",
        f"<td>{txt(outcomes)}</td>",
        f'<td class="who">{_participants_html(data, rid)}</td>',
        f'<td class="ev">{_evidence_html(data, rid)}</td>',
    ]
    return f'<tr id="{data.anchors[rid]}">{"".join(cells)}</tr>'


def rounds_table_html(data: ReportData, rounds: Sequence[Row] | None = None) -> str:
    head = ["Round", "Place", "Dates", "Status", "Sides", "Mediators", "No.", "Outcomes", "Participants", "Evidence"]
    header = "".join(f"<th>{h}</th>" for h in head)
    body = "".join(_round_row(data, r) for r in (data.rounds if rounds is None else rounds))
    return f'<table class="rounds"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'


def _track_span(track: Track) -> str:
    days = sorted(d for r in track.rounds for d in (as_date(r["start_date"]), as_date(r["end_date"])) if d)
    if not days:
        return "no dated round"
    return days[0].isoformat() if days[0] == days[-1] else f"{days[0].isoformat()} – {days[-1].isoformat()}"


def _track_status(track: Track) -> str:
    status = _s(track.last_status) or "unknown"
    return f'<span class="status" style="background:{_status_colour(track.last_status)}">{esc(status)}</span>'


def negotiations_html(data: ReportData) -> str:
    """One row per negotiation: its sides, mediators, rounds, span and where it stands."""
    rows = []
    for t in data.tracks:
        rows.append(
            f'<tr><td><span class="sw" style="background:{t.colour}"></span>'
            f'<a href="#{t.anchor}">{txt(t.label)}</a></td>'
            f'<td class="code">{esc(_codes(t.sides))}</td><td class="code">{esc(_codes(t.mediators))}</td>'
            f"<td>{len(t.rounds)}</td>"
            f'<td class="nowrap">{esc(_track_span(t))}</td><td>{_track_status(t)}</td></tr>'
        )
    return (
        '<table class="negotiations"><thead><tr><th>Negotiation</th><th>Sides</th><th>Mediators</th>'
        f"<th>Rounds</th><th>Dates</th><th>Latest status</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def tracks_html(data: ReportData) -> str:
    """Each negotiation's rounds: a heading, a line about the negotiation, its table of rounds."""
    parts = []
    for t in data.tracks:
        mediators = f" · mediators {esc(_codes(t.mediators))}" if t.mediators else ""
        count = len(t.rounds)
        parts.append(
            f'<h3 id="{t.anchor}"><span class="sw" style="background:{t.colour}"></span>{txt(t.label)}</h3>'
            f'<p class="muted">sides {esc(_codes(t.sides))}{mediators} · {count} round{"s" if count != 1 else ""}'
            f" · {esc(_track_span(t))} · latest {_track_status(t)}</p>"
            f'<div class="scroll">{rounds_table_html(data, t.rounds)}</div>'
        )
    return "".join(parts)


# ---------------------------------------------------------------- places


MAP_WIDTH, MAP_MAX_HEIGHT, MAP_MIN_HEIGHT = 1200.0, 600.0, 320.0


@dataclass(frozen=True, slots=True)
class MapFrame:
    """Equirectangular: one degree of longitude is as wide as one of latitude is tall."""

    lon0: float
    lat1: float  # top edge
    scale: float  # pixels per degree
    height: float

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.scale, (self.lat1 - lat) * self.scale


def _map_frame(points: Sequence[tuple[float, float]]) -> MapFrame:
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    lon_c, lat_c = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    lon_span = max(max(lons) - min(lons) + 24, 30.0)
    lat_span = max(max(lats) - min(lats) + 10, 12.0)
    scale = min(MAP_WIDTH / lon_span, MAP_MAX_HEIGHT / lat_span)
    height = max(lat_span * scale, MAP_MIN_HEIGHT)
    return MapFrame(lon0=lon_c - MAP_WIDTH / scale / 2, lat1=lat_c + height / scale / 2, scale=scale, height=height)


def _graticule(frame: MapFrame) -> list[str]:
    step = next(s for s in (1, 2, 5, 10, 15, 30, 45, 90) if MAP_WIDTH / frame.scale / s <= 10)
    out = []
    lon = math.ceil(frame.lon0 / step) * step
    while (x := (lon - frame.lon0) * frame.scale) <= MAP_WIDTH:
        name = f"{abs(lon)}°{'E' if lon > 0 else 'W' if lon < 0 else ''}"
        out.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{frame.height:.1f}" class="grid"/>')
        out.append(f'<text x="{x + 3:.1f}" y="{frame.height - 4:.1f}" class="tick">{name}</text>')
        lon += step
    lat = math.floor(frame.lat1 / step) * step
    while (y := (frame.lat1 - lat) * frame.scale) <= frame.height:
        name = f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}"
        out.append(f'<line x1="0" y1="{y:.1f}" x2="{MAP_WIDTH}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="3" y="{y - 3:.1f}" class="tick">{name}</text>')
        lat -= step
    return out


def _rounds_per_location(data: ReportData) -> Counter[str]:
    return Counter(_s(r["location_id"]) for r in data.rounds if r["location_id"] is not None)


def _coords(loc: Row) -> tuple[float, float] | None:
    lat, lon = loc["latitude"], loc["longitude"]
    if lat is None or lon is None:
        return None
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _tracks_at(data: ReportData, locs: Sequence[Row]) -> list[tuple[Track, int]]:
    """The negotiations with rounds at these places, most rounds first (then in report order)."""
    ids = {_s(lo["location_id"]) for lo in locs}
    counts: Counter[str] = Counter()
    for r in data.rounds:
        if r["location_id"] is not None and _s(r["location_id"]) in ids:
            counts[data.track_of[_s(r["round_id"])].anchor] += 1
    order = {t.anchor: i for i, t in enumerate(data.tracks)}
    by_anchor = {t.anchor: t for t in data.tracks}
    return [(by_anchor[a], n) for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))]


def _map_groups(data: ReportData) -> list[tuple[float, float, list[Row], int]]:
    """Places at (nearly) the same point share one dot: a venue and its city are one label."""
    per_loc = _rounds_per_location(data)
    groups: dict[tuple[float, float], list[Row]] = defaultdict(list)
    for loc in sorted(data.locations.values(), key=lambda lo: (-per_loc[_s(lo["location_id"])], _place_name(lo))):
        if (c := _coords(loc)) is not None:
            groups[(round(c[0], 1), round(c[1], 1))].append(loc)
    out = [(lat, lon, locs, sum(per_loc[_s(lo["location_id"])] for lo in locs)) for (lat, lon), locs in groups.items()]
    return sorted(out, key=lambda g: (-g[3], -g[0], g[1]))


def _place_label(locs: Sequence[Row], rounds: int, negotiations: int = 1) -> str:
    names = [_place_name(lo) for lo in locs]
    text = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
    several = f", {negotiations} negotiations" if negotiations > 1 else ""
    return f"{text} ({rounds} round{'s' if rounds != 1 else ''}{several})" if rounds else text


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_box(
    x: float, y: float, r: float, width: float, height: float, obstacles: list[Box]
) -> tuple[float, float, bool]:
    """(left edge, baseline, displaced?) of a label beside its dot: right of it, else left, else
    nudged up or down, whichever first overlaps no dot or label already drawn and stays on the map."""
    candidates = [(x + r + 4, y + 4), (x - r - 4 - width, y + 4)]
    for dy in (15, -15, 30, -30, 45, -45):
        candidates += [(x + r + 4, y + 4 + dy), (x - r - 4 - width, y + 4 + dy)]
    inside = [
        (lx, by)
        for lx, by in candidates
        if lx >= 2 and lx + width <= MAP_WIDTH - 2 and by - 11 >= 2 and by + 3 <= height - 2
    ]
    for lx, by in inside or candidates:
        box = (lx - 1, by - 10, lx + width + 1, by + 2.5)
        if not any(_overlaps(box, o) for o in obstacles):
            return lx, by, by != y + 4
    lx, by = (inside or candidates)[0]
    return lx, by, False


def _dot_radius(rounds: int) -> float:
    return 4 + 2.5 * math.sqrt(rounds) if rounds else 3.5


def map_svg(data: ReportData) -> str:
    groups = _map_groups(data)
    if not groups:
        return '<p class="muted">No place has coordinates yet.</p>'
    frame = _map_frame([(g[0], g[1]) for g in groups])
    parts = [f'<rect width="{MAP_WIDTH}" height="{frame.height:.1f}" class="sea"/>', *_graticule(frame)]
    dots, labels, leaders = [], [], []
    obstacles: list[Box] = []  # every dot first, so no label covers a dot drawn later
    for lat, lon, _, rounds in groups:
        x, y = frame.xy(lat, lon)
        r = _dot_radius(rounds)
        obstacles.append((x - r, y - r, x + r, y + r))
    for lat, lon, locs, rounds in groups:  # most rounds first: they get the best label spots
        x, y = frame.xy(lat, lon)
        r = _dot_radius(rounds)
        cls = "host" if rounds else "mentioned"
        here = _tracks_at(data, locs)
        # a host dot takes the colour of the negotiation with the most rounds there; a place that
        # several negotiations met at is ringed
        fill = f' style="fill:{here[0][0].colour}"' if here else ""
        ring = " multi" if len(here) > 1 else ""
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" class="{cls}{ring}"{fill}/>')
        label = _place_label(locs, rounds, len(here))
        width = len(label) * CHAR_PX
        lx, by, displaced = _place_box(x, y, r, width, frame.height, obstacles)
        obstacles.append((lx - 1, by - 10, lx + width + 1, by + 2.5))
        if displaced:  # a nudged label gets a thin line back to its dot
            ex = lx if lx > x else lx + width
            leaders.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{ex:.1f}" y2="{by - 4:.1f}" class="leader"/>')
        right = lx > x
        # Anchor the edge next to the dot (for RTL text, 'start' is the right edge).
        ax, anchor = (lx, "start") if right else (lx + width, "end")
        if _first_strong(label) == "rtl":
            anchor = "end" if anchor == "start" else "start"
        labels.append(
            f'<text x="{ax:.1f}" y="{by:.1f}" text-anchor="{anchor}" class="plbl {cls}"'
            f"{svg_text_attrs(label)}>{esc(label)}</text>"
        )
    height = f"{frame.height:.0f}"
    body = "".join(parts + leaders + dots + labels)
    return (
        f'<svg class="map" viewBox="0 0 {MAP_WIDTH:.0f} {height}" width="{MAP_WIDTH:.0f}" height="{height}" '
        f'role="img" aria-label="Map of places">{body}</svg>'
    ) + _map_legend(data)


def _map_legend(data: ReportData) -> str:
    """Which colour is which negotiation, for the negotiations with a round at a known place."""
    placed = {data.track_of[_s(r["round_id"])].anchor for r in data.rounds if r["location_id"] is not None}
    items = [
        f'<span class="item"><span class="sw" style="background:{t.colour}"></span>{txt(t.label)}</span>'
        for t in data.tracks
        if t.anchor in placed
    ]
    if not items:
        return ""
    items.append('<span class="item"><span class="sw ring"></span>rounds of several negotiations</span>')
    items.append('<span class="item"><span class="sw hollow"></span>named, no round held there</span>')
    return '<p class="legend">' + "".join(items) + "</p>"


def _negotiations_cell(data: ReportData, loc: Row) -> str:
    here = _tracks_at(data, [loc])
    if not here:
        return "—"
    return ", ".join(f'<a href="#{t.anchor}">{txt(t.label)}</a> ({n})' for t, n in here)


def places_html(data: ReportData) -> str:
    if not data.locations:
        return '<p class="muted">No places in the warehouse yet.</p>'
    per_loc = _rounds_per_location(data)
    locs = sorted(
        data.locations.values(),
        key=lambda lo: (-per_loc[_s(lo["location_id"])], _place_name(lo), _s(lo["location_id"])),
    )
    rows = []
    for loc in locs:
        c = _coords(loc)
        where = f"{c[0]:.3f}, {c[1]:.3f}" if c else '<span class="muted">no coordinates</span>'
        rows.append(
            f"<tr><td>{txt(loc['name_en'] or '—')}</td><td>{txt(loc['name_ar'] or '—')}</td>"
            f'<td class="code">{esc(loc["country_code"] or "—")}</td><td>{esc(loc["kind"] or "—")}</td>'
            f'<td class="nowrap">{where}</td><td>{per_loc[_s(loc["location_id"])]}</td>'
            f"<td>{_negotiations_cell(data, loc)}</td></tr>"
        )
    missing = [loc for loc in locs if _coords(loc) is None]
    missing_html = ""
    if missing:
        names = ", ".join(txt(_place_name(loc)) for loc in missing)
        missing_html = f"<p><strong>Without coordinates (not on the map):</strong> {names}</p>"
    table = (
        '<table class="places"><thead><tr><th>Place</th><th>Arabic name</th><th>Country</th><th>Kind</th>'
        f"<th>Lat, lon</th><th>Rounds</th><th>Negotiations</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return map_svg(data) + missing_html + table


# ---------------------------------------------------------------- people


def people_html(data: ReportData) -> str:
    if not data.people:
        return '<p class="muted">No people in the warehouse yet.</p>'
    in_rounds: Counter[str] = Counter(_s(p["person_id"]) for ps in data.participants.values() for p in ps)

    def key(p: Row) -> tuple:
        arts, mentions = data.person_articles.get(_s(p["person_id"]), (0, 0))
        return (-arts, -mentions, _s(p["name_en"] or p["name_ar"]), _s(p["person_id"]))

    rows = []
    for p in sorted(data.people.values(), key=key):
        pid = _s(p["person_id"])
        arts, mentions = data.person_articles.get(pid, (0, 0))
        rows.append(
            f"<tr><td>{txt(p['name_en'] or '—')}</td><td>{txt(p['name_ar'] or '—')}</td>"
            f'<td>{txt(p["role"] or "—")}</td><td class="code">{esc(p["country_code"] or "—")}</td>'
            f"<td>{arts}</td><td>{mentions}</td><td>{in_rounds[pid]}</td></tr>"
        )
    return (
        '<table class="people"><thead><tr><th>Name</th><th>Arabic name</th><th>Role</th><th>Country</th>'
        "<th>Articles</th><th>Mentions</th><th>Rounds</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


# ---------------------------------------------------------------- page


CSS = """
:root{--fg:#1d2330;--muted:#667085;--line:#d9dde5;--bg:#fff;--soft:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Noto Sans Arabic","DejaVu Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid var(--line)}
.muted{color:var(--muted)}.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
.nowrap{white-space:nowrap}.summary{margin:4px 0 0}
.legend .item{display:inline-block;margin-right:16px;white-space:nowrap}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px}
.sw.approx{background:#bbb;opacity:.45;border:1px dashed #555}.sw.hollow{border:2px solid #777;border-radius:50%}
.scroll{overflow-x:auto}
svg text{font-size:12px;fill:var(--fg)}svg .tick{fill:var(--muted);font-size:11px}
svg .grid{stroke:#eceff4;stroke-width:1}svg .sep{stroke:var(--line);stroke-dasharray:3 3}
svg .gut{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:11px}svg .med{fill:var(--muted)}
svg .lane{fill:var(--muted);font-style:italic}svg a:hover text.lbl{text-decoration:underline}
svg .sea{fill:#f3f7fb;stroke:var(--line)}svg circle.host{fill:#1f4e79;fill-opacity:.85;stroke:#fff}
svg .leader{stroke:#9aa5b8;stroke-width:1}svg circle.multi{stroke:#1d2330;stroke-width:2.5}
svg .trk{font-weight:600;font-size:13px}svg .tsep{stroke:#9aa5b8;stroke-width:1}h3{font-size:16px;margin:24px 0 2px}
.sw.ring{background:#fff;border:2.5px solid #1d2330;border-radius:50%}
svg circle.mentioned{fill:#fff;stroke:#7a869a;stroke-width:1.5}svg text.mentioned{fill:var(--muted);font-size:11px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:start;vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
tr:target{background:#fff8e1}
.status{color:#fff;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
ul.plain,ul.evidence{margin:0;padding-left:16px}ul.evidence li{margin-bottom:8px}
td.ev{min-width:300px;max-width:480px;overflow-wrap:anywhere}
td.ev blockquote{max-height:9em;overflow:auto}td.who{min-width:170px}td.what{min-width:160px}
ul.plain li{margin-bottom:2px}
blockquote{margin:4px 0 0;padding:4px 8px;border-inline-start:3px solid var(--line);background:var(--soft)}
.empty{padding:24px;background:var(--soft);border-radius:8px;font-size:16px}
footer{margin-top:32px;color:var(--muted);font-size:12px}
"""

# No script, no remote anything: the browser itself refuses loads even if a URL slipped through.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _generated_line(data: ReportData, generated_at: str | None) -> str:
    published = sorted(d for a in data.articles.values() if (d := as_date(a["published_at"])) is not None)
    span = f", published {published[0]} – {published[-1]}" if published else ""
    line = (
        f"Generated from {data.source_name}: {len(data.articles)} articles{span}, {len(data.rounds)} rounds, "
        f"{len(data.people)} people, {len(data.locations)} places."
    )
    if generated_at:
        line += f" Generated at {generated_at}."
    return esc(line)


def _status_summary(data: ReportData) -> str:
    counts = Counter(_s(r["status"]) or "unknown" for r in data.rounds)
    order = [s for s in [*STATUSES, "unknown"] if counts[s]] + sorted(set(counts) - {*STATUSES, "unknown"})
    return ", ".join(f"{counts[s]} {esc(s)}" for s in order)


def report_title(data: ReportData) -> str:
    """What the page is about: the one negotiation it holds, or how many it holds."""
    named = [t for t in data.tracks if t.key]
    if len(data.tracks) == 1 and named:
        return f"{named[0].label}: negotiation rounds"
    if len(data.tracks) > 1:
        return f"Negotiation rounds in {len(data.tracks)} negotiations"
    return "Negotiation rounds"


def render_html(data: ReportData, generated_at: str | None = None) -> str:
    if data.rounds:
        rounds_part = (
            f'<h2 id="negotiations">Negotiations</h2><div class="scroll">{negotiations_html(data)}</div>'
            f'<h2 id="timeline">Timeline</h2>'
            f'<p class="summary">{len(data.rounds)} rounds: {_status_summary(data)}.</p>'
            f'{legend_html()}<div class="scroll">{timeline_svg(data)}</div>'
            f'<h2 id="rounds">Rounds</h2>{tracks_html(data)}'
        )
    else:
        rounds_part = (
            '<h2 id="timeline">Timeline</h2><p class="empty">There are no negotiation rounds in the warehouse yet.</p>'
        )
    title = report_title(data)
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Roundtable: {esc(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{txt(title)}</h1>"
        f'<p class="muted">{_generated_line(data, generated_at)}</p></header>'
        f"<main>{rounds_part}"
        f'<h2 id="places">Places</h2><div class="scroll">{places_html(data)}</div>'
        f'<h2 id="people">People</h2><div class="scroll">{people_html(data)}</div></main>'
        "<footer>Self-contained report: opens offline; links go to the articles each round was read from.</footer>"
        "</body></html>\n"
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


if __name__ == "__main__":
    raise SystemExit(main())
