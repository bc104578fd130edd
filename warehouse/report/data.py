"""What the report shows, read once from the warehouse through a read-only connection, and put
in the order the report shows it: negotiations (tracks) with their rounds, places with the point
they are drawn at, people, articles, participants and evidence."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from warehouse.contract import CONTRACT_TABLES
from warehouse.report.text import Row, as_date, as_list, round_day, s, sides

# Columns the report reads: the contract's (warehouse/contract.py), but not the articles' text;
# and where a place lies, for drawing a place without coordinates on the map. Missing columns read
# as None, missing tables as empty, so a warehouse that is still being built (or an older one)
# renders instead of failing.
UNREAD = {("articles", "text"), ("articles", "word_count")}
COLUMNS: dict[str, list[str]] = {
    t.name: [c for c in t.column_names if (t.name, c) not in UNREAD] for t in CONTRACT_TABLES
}
COLUMNS["locations"].append("parent_location_id")

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


def status_colour(status: Any) -> str:
    return STATUS_COLOURS.get(s(status), UNKNOWN_COLOUR)


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
        days = [d for r in self.rounds if (d := round_day(r)) is not None]
        return max(days) if days else None

    @property
    def span(self) -> str:
        """Its first and last dated day: '2025-02-18 – 2026-01-01'."""
        days = sorted(d for r in self.rounds for d in (as_date(r["start_date"]), as_date(r["end_date"])) if d)
        if not days:
            return "no dated round"
        return days[0].isoformat() if days[0] == days[-1] else f"{days[0].isoformat()} – {days[-1].isoformat()}"


@dataclass(frozen=True, slots=True)
class Point:
    """Where a place is drawn: its own coordinates, or those of the place named in `borrowed`."""

    lat: float
    lon: float
    borrowed: Row | None = None  # the venue, city or country whose coordinates stand in


@dataclass(slots=True)
class ReportData:
    source_name: str
    rounds: list[Row] = field(default_factory=list)  # grouped by track, in time order within each
    tracks: list[Track] = field(default_factory=list)
    track_of: dict[str, Track] = field(default_factory=dict)  # round_id -> its track
    locations: dict[str, Row] = field(default_factory=dict)
    points: dict[str, Point] = field(default_factory=dict)  # location_id -> where it is drawn
    people: dict[str, Row] = field(default_factory=dict)
    articles: dict[str, Row] = field(default_factory=dict)
    participants: dict[str, list[Row]] = field(default_factory=dict)  # round_id -> round_participants rows
    evidence: dict[str, list[Row]] = field(default_factory=dict)  # round_id -> round_articles rows
    person_articles: dict[str, tuple[int, int]] = field(default_factory=dict)  # person_id -> (articles, mentions)
    anchors: dict[str, str] = field(default_factory=dict)  # round_id -> HTML id of its table row

    def rounds_per_location(self) -> Counter[str]:
        return Counter(s(r["location_id"]) for r in self.rounds if r["location_id"] is not None)

    def tracks_at(self, locs: Sequence[Row]) -> list[tuple[Track, int]]:
        """The negotiations with rounds at these places, most rounds first (then in report order)."""
        ids = {s(lo["location_id"]) for lo in locs}
        counts: Counter[str] = Counter()
        for r in self.rounds:
            if r["location_id"] is not None and s(r["location_id"]) in ids:
                counts[self.track_of[s(r["round_id"])].anchor] += 1
        order = {t.anchor: i for i, t in enumerate(self.tracks)}
        by_anchor = {t.anchor: t for t in self.tracks}
        return [(by_anchor[a], n) for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))]

    def person_name(self, person_id: Any) -> str:
        p = self.people.get(str(person_id))
        if not p:
            return s(person_id)
        return s(p["name_en"] or p["name_ar"] or person_id)


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
    data.points = place_points(data.locations, set(data.rounds_per_location()))
    data.people = {str(r["person_id"]): r for r in tables["people"]}
    data.articles = {str(r["article_id"]): r for r in tables["articles"]}
    for row in sorted(tables["round_participants"], key=lambda r: (s(r["side"]), data.person_name(r["person_id"]))):
        data.participants.setdefault(str(row["round_id"]), []).append(row)
    for row in sorted(tables["round_articles"], key=lambda r: _evidence_sort_key(data, r)):
        data.evidence.setdefault(str(row["round_id"]), []).append(row)
    data.person_articles = _person_article_counts(tables["article_people"])
    return data


def group_tracks(rounds: Sequence[Row], negotiations: Sequence[Row]) -> list[Track]:
    """The rounds grouped by negotiation_id, each group in time order; the negotiation with the
    most recent round first. Rounds without a known negotiation (an older warehouse) are one
    group of their own, named after what they have in common."""
    known = {s(n["negotiation_id"]): n for n in negotiations if n["negotiation_id"] is not None}
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rounds:
        key = s(r["negotiation_id"])
        groups[key if key in known else ""].append(r)
    tracks = []
    for key, members in groups.items():
        members.sort(key=_round_sort_key)
        n = known.get(key)
        if n is not None:
            label, sides_, mediators = s(n["label"]), as_list(n["sides"]), as_list(n["mediators"])
            status = n["last_status"]
        else:
            label, sides_, mediators, status = "Negotiation rounds", _common_sides(members), [], None
        tracks.append(Track(key, label, sides_, mediators, status, members, "", ""))
    tracks.sort(key=lambda t: (t.latest is None, -(t.latest or date.min).toordinal(), t.label, t.key))
    for i, t in enumerate(tracks):
        t.anchor, t.colour = f"negotiation-{i + 1}", TRACK_COLOURS[i % len(TRACK_COLOURS)]
    return tracks


def _common_sides(rounds: Sequence[Row]) -> list[str]:
    sets = [set(sides(r)) for r in rounds]
    return sorted(set.intersection(*sets)) if sets else []


def _person_article_counts(rows: Iterable[Row]) -> dict[str, tuple[int, int]]:
    articles: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for r in rows:
        pid = str(r["person_id"])
        articles[pid].add(str(r["article_id"]))
        mentions[pid] += int(r["mentions"] or 1)
    return {pid: (len(arts), mentions[pid]) for pid, arts in articles.items()}


def _round_sort_key(r: Row) -> tuple:
    start = as_date(r["start_date"]) or as_date(r["end_date"])
    # Dated rounds in time order, then undated ones; label and id break ties deterministically.
    return (start is None, start or date.min, s(r["label"]), s(r["round_id"]))


def _evidence_sort_key(data: ReportData, r: Row) -> tuple:
    art = data.articles.get(str(r["article_id"]), {})
    published = as_date(art.get("published_at"))
    return (published is None, published or date.min, s(art.get("title")), s(r["article_id"]), s(r["evidence"]))


# ---------------------------------------------------------------- where places are drawn


def coords(loc: Row) -> tuple[float, float] | None:
    """A place's own coordinates, when they are real ones."""
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


def place_points(locations: dict[str, Row], hosts: set[str]) -> dict[str, Point]:
    """Where each place is drawn on the map: at its own coordinates; a place where rounds were held
    (an id in `hosts`) but without coordinates at those of a venue in it, else of the place it lies
    in (its city, its country), else of its country's row, so its rounds stay on the map. A place
    only named in articles is drawn only where it has coordinates of its own."""
    points = {lid: Point(*c) for lid, loc in locations.items() if (c := coords(loc)) is not None}
    venues: dict[str, list[Row]] = defaultdict(list)
    countries: dict[str, Row] = {}
    for lid in sorted(points):
        loc = locations[lid]
        if loc.get("parent_location_id") is not None and loc["kind"] == "venue":
            venues[s(loc["parent_location_id"])].append(loc)
        if loc["kind"] == "country" and loc["country_code"]:
            countries.setdefault(s(loc["country_code"]), loc)
    for lid in sorted(hosts - set(points)):
        loc = locations.get(lid)
        if loc is None:
            continue
        stand_in = next(iter(venues.get(lid, [])), None) or _placed_ancestor(locations, points, loc)
        stand_in = stand_in or countries.get(s(loc["country_code"]))
        if stand_in is not None:
            own = points[s(stand_in["location_id"])]
            points[lid] = Point(own.lat, own.lon, stand_in)
    return points


def _placed_ancestor(locations: dict[str, Row], points: dict[str, Point], loc: Row) -> Row | None:
    seen = {s(loc["location_id"])}
    parent = s(loc.get("parent_location_id"))
    while parent and parent not in seen:
        seen.add(parent)
        if parent in points and points[parent].borrowed is None:
            return locations[parent]
        parent = s(locations[parent].get("parent_location_id")) if parent in locations else ""
    return None
