"""The map's layout: places on an equirectangular frame, places at (nearly) one point sharing a
dot, labels beside their dots where they cover no other dot or label. Positions only; map.svg.j2
draws them."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from warehouse.report.data import Point, ReportData, Track
from warehouse.report.text import Row, first_strong, place_name, plural, s

MAP_WIDTH, MAP_MAX_HEIGHT, MAP_MIN_HEIGHT = 1200.0, 600.0, 320.0
CHAR_PX = 6.8  # rough width of a 12px character

Box = tuple[float, float, float, float]  # left, top, right, bottom


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


@dataclass(frozen=True, slots=True)
class GridLine:
    kind: str  # "meridian" (at an x) or "parallel" (at a y)
    at: float
    label: str  # 30°E, 45°N


def _graticule(frame: MapFrame) -> list[GridLine]:
    step = next(st for st in (1, 2, 5, 10, 15, 30, 45, 90) if MAP_WIDTH / frame.scale / st <= 10)
    out = []
    lon = math.ceil(frame.lon0 / step) * step
    while (x := (lon - frame.lon0) * frame.scale) <= MAP_WIDTH:
        out.append(GridLine("meridian", x, f"{abs(lon)}°{'E' if lon > 0 else 'W' if lon < 0 else ''}"))
        lon += step
    lat = math.floor(frame.lat1 / step) * step
    while (y := (frame.lat1 - lat) * frame.scale) <= frame.height:
        out.append(GridLine("parallel", y, f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}"))
        lat -= step
    return out


def _groups(data: ReportData) -> list[tuple[float, float, list[Row], int]]:
    """Places at (nearly) the same point share one dot: a venue and its city are one label."""
    per_loc = data.rounds_per_location()
    groups: dict[tuple[float, float], list[Row]] = defaultdict(list)
    for loc in sorted(data.locations.values(), key=lambda lo: (-per_loc[s(lo["location_id"])], place_name(lo))):
        if (p := data.points.get(s(loc["location_id"]))) is not None:
            groups[(round(p.lat, 1), round(p.lon, 1))].append(loc)
    out = [(lat, lon, locs, sum(per_loc[s(lo["location_id"])] for lo in locs)) for (lat, lon), locs in groups.items()]
    return sorted(out, key=lambda g: (-g[3], -g[0], g[1]))


def _place_label(locs: Sequence[Row], rounds: int, negotiations: int = 1) -> str:
    names = [place_name(lo) for lo in locs]
    text = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
    several = f", {negotiations} negotiations" if negotiations > 1 else ""
    return f"{text} ({plural(rounds, 'round')}{several})" if rounds else text


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


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    kind: str  # "host" (rounds were held there) or "mentioned"
    colour: str | None  # the negotiation with the most rounds there; None: the class's colour
    several: bool  # rounds of several negotiations: ringed
    label: str
    label_x: float
    label_y: float
    anchor: str  # text-anchor
    leader: tuple[float, float] | None  # a label nudged away gets a thin line back to its dot: its end


@dataclass(slots=True)
class Map:
    width: float
    height: float
    grid: list[GridLine] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)  # most rounds first
    legend: list[Track] = field(default_factory=list)  # negotiations with a round at a known place


def layout(data: ReportData) -> Map | None:
    """The map, or None when no place has coordinates."""
    groups = _groups(data)
    if not groups:
        return None
    frame = _map_frame([(g[0], g[1]) for g in groups])
    obstacles: list[Box] = []  # every dot first, so no label covers a dot drawn later
    for lat, lon, _, rounds in groups:
        x, y = frame.xy(lat, lon)
        r = _dot_radius(rounds)
        obstacles.append((x - r, y - r, x + r, y + r))
    dots = []
    for lat, lon, locs, rounds in groups:  # most rounds first: they get the best label spots
        x, y = frame.xy(lat, lon)
        r = _dot_radius(rounds)
        here = data.tracks_at(locs)
        label = _place_label(locs, rounds, len(here))
        width = len(label) * CHAR_PX
        lx, by, displaced = _place_box(x, y, r, width, frame.height, obstacles)
        obstacles.append((lx - 1, by - 10, lx + width + 1, by + 2.5))
        leader = (lx if lx > x else lx + width, by - 4) if displaced else None
        # Anchor the edge next to the dot (for RTL text, 'start' is the right edge).
        ax, anchor = (lx, "start") if lx > x else (lx + width, "end")
        if first_strong(label) == "rtl":
            anchor = "end" if anchor == "start" else "start"
        # a host dot takes the colour of the negotiation with the most rounds there; a place that
        # several negotiations met at is ringed
        colour = here[0][0].colour if here else None
        kind = "host" if rounds else "mentioned"
        dots.append(Dot(x, y, r, kind, colour, len(here) > 1, label, ax, by, anchor, leader))
    placed = {data.track_of[s(r["round_id"])].anchor for r in data.rounds if r["location_id"] is not None}
    legend = [t for t in data.tracks if t.anchor in placed]
    return Map(MAP_WIDTH, frame.height, _graticule(frame), dots, legend)


@dataclass(frozen=True, slots=True)
class PlaceRow:
    loc: Row
    point: Point | None
    rounds: int
    negotiations: list[tuple[Track, int]]


def place_rows(data: ReportData) -> list[PlaceRow]:
    """The places table: places with the most rounds first."""
    per_loc = data.rounds_per_location()
    locs = sorted(
        data.locations.values(),
        key=lambda lo: (-per_loc[s(lo["location_id"])], place_name(lo), s(lo["location_id"])),
    )
    rows = []
    for loc in locs:
        lid = s(loc["location_id"])
        rows.append(PlaceRow(loc, data.points.get(lid), per_loc[lid], data.tracks_at([loc])))
    return rows
