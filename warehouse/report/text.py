"""Text for the report, as plain strings: writing direction, safe links, dates, codes and names.
No markup here: the templates add it (and escape what they show)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

Row = dict[str, Any]

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


def s(value: Any) -> str:
    """Sort-safe string: None sorts first as ''."""
    return "" if value is None else str(value)


def as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else ([] if value is None else [str(value)])


# ---------------------------------------------------------------- direction


def first_strong(text: str) -> str | None:
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


def direction(value: Any) -> str:
    """How a text is isolated in the English page: '' (no right-to-left letter: as it is), 'rtl'
    (it starts right-to-left: Arabic), or 'auto' (mixed, starting left-to-right)."""
    text = s(value)
    if not has_rtl(text):
        return ""
    return "rtl" if first_strong(text) == "rtl" else "auto"


# ---------------------------------------------------------------- links


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


_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def file_name(uri: Any) -> str | None:
    """The file name of a local file's source_uri (a path or a file:// URL), else None."""
    if not isinstance(uri, str) or not uri.strip():
        return None
    text = uri.strip()
    if text.lower().startswith("file:"):
        text = unquote(urlsplit(text).path)
    elif not _WINDOWS_DRIVE.match(text) and urlsplit(text).scheme:
        return None  # a URL of another kind (http, javascript, data...)
    name = re.split(r"[\\/]", text.rstrip("\\/"))[-1]
    return name or None


def article_label(art: Row, article_id: Any) -> str:
    """What an article is called in the report: its title; a local file without one by its file name
    (not its whole path); else its source or its id."""
    return s(art.get("title") or file_name(art.get("source_uri")) or art.get("source_uri") or article_id)


# ---------------------------------------------------------------- dates


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
    s_, e = as_date(start), as_date(end)
    if s_ is None and e is None:
        return "date unknown"
    if s_ is None:
        return f"until {_fmt_one(e, precision)}"  # type: ignore[arg-type]
    if e is None or e == s_:
        return _fmt_one(s_, precision)
    return f"{_fmt_one(s_, precision)} – {_fmt_one(e, precision)}"


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
    s_, e = as_date(r["start_date"]), as_date(r["end_date"])
    if s_ is None and e is None:
        return None
    if s_ is None or e is None:
        day = s_ or e
        assert day is not None
        end = _period_end(day, r["date_precision"])
        return day, end, end != day
    return (s_, e, False) if e >= s_ else (e, s_, False)


def round_day(r: Row) -> date | None:
    """The day a round is latest known for: its end, else its start, else its last report."""
    return as_date(r["end_date"]) or as_date(r["start_date"]) or as_date(r["last_reported"])


# ---------------------------------------------------------------- sides, names


def side_code(side: str) -> str:
    """A side as a short code: a state's ISO code, a non-state actor's slug (org:hamas -> hamas)."""
    return side.removeprefix("org:")


def codes(value: Any) -> str:
    return ", ".join(side_code(v) for v in as_list(value)) or "—"


def sides(r: Row) -> list[str]:
    """A round's sides; a warehouse from before sides existed has only its parties."""
    return as_list(r["sides"]) if r.get("sides") else as_list(r["parties"])


def place_name(loc: Row | None) -> str:
    if not loc:
        return ""
    return s(loc["name_en"] or loc["name_ar"] or loc["location_id"])


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
