"""The timeline's layout: one time axis for every negotiation, each negotiation's rounds under its
name (dated ones in time order, then an undated lane). Positions only; timeline.svg.j2 draws them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from warehouse.report.data import ReportData, Track, status_colour
from warehouse.report.text import (
    MONTHS,
    Row,
    as_list,
    first_strong,
    fmt_dates,
    place_name,
    plural,
    round_span,
    s,
    side_code,
    sides,
    truncate,
)

TL_WIDTH, TL_GUTTER, TL_ROW, TL_TOP = 1200, 130, 26, 44
LABEL_CHARS = 70
CHAR_PX = 6.8  # rough width of a 12px character, for deciding which side of a bar a label goes


@dataclass(frozen=True, slots=True)
class Scale:
    t0: date
    t1: date
    x0: float
    x1: float

    def x(self, d: date) -> float:
        days = max((self.t1 - self.t0).days, 1)
        return self.x0 + (d - self.t0).days / days * (self.x1 - self.x0)


def _time_scale(spans: list[tuple[date, date, bool]], x0: float, x1: float) -> Scale:
    lo, hi = min(sp[0] for sp in spans), max(sp[1] for sp in spans)
    pad = timedelta(days=max(10, (hi - lo).days // 30))
    return Scale(lo - pad, hi + pad, x0, x1)


def _day_ticks(scale: Scale) -> list[tuple[date, str]]:
    """Daily ticks for a span of two weeks or less, else weekly ones on Mondays."""
    step = 1 if (scale.t1 - scale.t0).days <= 14 else 7
    d = scale.t0 if step == 1 else scale.t0 + timedelta(days=-scale.t0.weekday() % 7)
    ticks_ = []
    while d <= scale.t1:
        first = not ticks_ or (d.month == 1 and d.day <= step)
        ticks_.append((d, f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if first else "")))
        d += timedelta(days=step)
    return ticks_


def ticks(scale: Scale) -> list[tuple[date, str]]:
    """Axis ticks: days or weeks for a short span (a few weeks of talks), else months or years."""
    if (scale.t1 - scale.t0).days <= 75:
        return _day_ticks(scale)
    months = (scale.t1.year - scale.t0.year) * 12 + scale.t1.month - scale.t0.month + 1
    step = next((st for st in (1, 2, 3, 6, 12, 24, 60, 120) if months / st <= 12), 240)
    out, index = [], scale.t0.year * 12 + scale.t0.month - 1
    index += (-index) % step  # align ticks to multiples of the step (Jan/Apr/Jul/Oct for 3)
    while True:
        d = date(index // 12, index % 12 + 1, 1)
        if d > scale.t1:
            return out
        if d >= scale.t0:
            out.append((d, str(d.year) if step >= 12 else f"{MONTHS[d.month - 1]} {d.year}"))
        index += step


# ---------------------------------------------------------------- what is drawn


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    x: float
    y: float  # baseline
    anchor: str  # text-anchor


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str  # "tsep" between negotiations, "sep" above an undated lane
    y: float


@dataclass(frozen=True, slots=True)
class Heading:
    kind = "heading"
    track: Track
    text: str
    y: float


@dataclass(frozen=True, slots=True)
class Lane:
    kind = "lane"
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Mark:
    """One round: a dot (short), a bar (a span; dashed when approximate) or a hollow dot (undated)."""

    kind = "mark"
    href: str
    tip: str
    parties: str
    mediators: str
    shape: str  # "dot", "bar" or "hollow"
    x: float  # the dot's centre, or the bar's left edge
    y: float
    width: float
    colour: str
    approx: bool
    label: Label


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    top: int
    bottom: float  # where the grid lines end
    grid: list[tuple[float, str]] = field(default_factory=list)  # (x, tick label)
    items: list[Rule | Heading | Lane | Mark] = field(default_factory=list)


def _label(text: str, x_left: float, x_right: float, y: float, x_max: float) -> Label:
    """A label right of its mark, or left of it when it would run off the chart."""
    label = truncate(text, LABEL_CHARS)
    rtl = first_strong(label) == "rtl"
    fits_right = x_right + 8 + len(label) * CHAR_PX < x_max
    x = x_right + 8 if fits_right else x_left - 8
    # With direction=rtl 'start' is the right edge, so the anchors swap for Arabic labels.
    anchor = ("end" if rtl else "start") if fits_right else ("start" if rtl else "end")
    return Label(label, x, y + 4, anchor)


def _tip(data: ReportData, r: Row) -> str:
    place = place_name(data.locations.get(s(r["location_id"]))) or "place unknown"
    when = fmt_dates(r["start_date"], r["end_date"], r["date_precision"])
    return f"{s(r['label'])} — {s(r['status']) or 'status unknown'}, {when}, {place}"


def _mark(data: ReportData, r: Row, shape: str, x: float, y: float, width: float, approx: bool, label: Label) -> Mark:
    return Mark(
        href=data.anchors[s(r["round_id"])],
        tip=_tip(data, r),
        parties=" · ".join(side_code(sd) for sd in sides(r)) or "?",
        mediators=",".join(as_list(r["mediators"])),
        shape=shape,
        x=x,
        y=y,
        width=width,
        colour=status_colour(r["status"]),
        approx=approx,
        label=label,
    )


def _dated(data: ReportData, r: Row, span: tuple[date, date, bool], scale: Scale, y: float) -> Mark:
    start, end, approx = span
    xa, xb = scale.x(start), scale.x(end)
    if xb - xa < 6 and not approx:
        shape, x, width = "dot", xa, 0.0
        xa, xb = xa - 6, xa + 6
    else:
        xb = max(xb, xa + 6)
        shape, x, width = "bar", xa, xb - xa
    return _mark(data, r, shape, x, y, width, approx, _label(s(r["label"]), xa, xb, y, TL_WIDTH - 10))


def layout(data: ReportData) -> Timeline:
    """One time axis for every negotiation; each negotiation's rounds under its name, dated ones
    in time order, then its undated ones in an undated lane."""
    spans = [span for r in data.rounds if (span := round_span(r)) is not None]
    x0, x1 = TL_GUTTER + 10.0, TL_WIDTH - 200.0  # room on the right for the last labels
    items: list[Rule | Heading | Lane | Mark] = []
    y = float(TL_TOP)
    scale = _time_scale(spans, x0, x1) if spans else None
    for i, track in enumerate(data.tracks):
        if len(data.tracks) > 1 or track.key:
            if i:  # a rule between one negotiation's rounds and the next one's name
                items.append(Rule("tsep", y - TL_ROW / 2 + 2))
                y += 8
            y += 4
            items.append(Heading(track, f"{truncate(track.label, 90)} ({plural(len(track.rounds), 'round')})", y))
            y += TL_ROW * 0.9
        dated = [(r, span) for r in track.rounds if (span := round_span(r)) is not None]
        undated = [r for r in track.rounds if round_span(r) is None]
        for r, span in dated:
            assert scale is not None
            items.append(_dated(data, r, span, scale, y))
            y += TL_ROW
        if undated:
            y += 6
            items.append(Rule("sep", y - TL_ROW / 2))
            items.append(Lane(x0, y))
            y += TL_ROW * 0.8
            for r in undated:
                x = x0 + 8
                label = _label(s(r["label"]), x - 6, x + 6, y, TL_WIDTH)
                items.append(_mark(data, r, "hollow", x, y, 0.0, False, label))
                y += TL_ROW
    grid = [(scale.x(d), text) for d, text in ticks(scale)] if scale is not None else []
    return Timeline(width=TL_WIDTH, height=int(y), top=TL_TOP, bottom=y, grid=grid, items=items)
