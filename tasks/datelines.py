"""A publication date from the top of an article's text, for when nothing else gives one.

    dateline_date(text, language) -> date | None

What counts, in a line that starts within the first HEAD_CHARS characters of the text:

* a dateline: a place, a separator, a full date, then the wire's name in brackets and/or a dash
  or colon before the story ("GENEVA, March 11, 2025 (Reuters) - ...",
  «القاهرة - الثلاثاء 11 مارس 2025», «موسكو، 18 فبراير 2025 (رويترز)»);
* a date line: a full date alone on its line, with at most a weekday, a time, a publishing cue
  ("Published", «نشر في») or the wire's name around it («الثلاثاء 11 مارس 2025»,
  "Tuesday, March 11, 2025").

A full date has a day, a month and a year: a month's name (Arabic, in its Egyptian/Gulf,
Levantine or Maghrebi name, or both as «آذار/مارس»; English) or the ISO form 2025-03-11, or
day/month/year in digits when only one reading is a date (Arabic texts write the day first).
A date without a year ("GENEVA, Feb 18 (Reuters) -") gives none: nothing in the text says which
year, and a wrong publication day would misdate every "today" and "on Tuesday" in the article.
A date inside a sentence is the date of what the sentence reports, never the publication's, so
dates deeper in the text, or in a line with other words around them, are not used. When the top
of the page holds several (the site's header giving today's date above the article's own), the
earliest is the publication's: the others are stamped on or after it.
"""

from __future__ import annotations

import re
from datetime import date

from tasks.nlp.text.charsets import DIGIT_FOLD, PUNCT_FOLD, light_fold
from tasks.nlp.yaml_resources import words

HEAD_CHARS = 300  # a dateline or date line starts within the first this many characters
LINE_CHARS = 200  # and is read from the first this many characters of its line

_WORDS = words("dates.yaml")
_MONTHS: dict[str, int] = {
    light_fold(str(name)).lower(): int(number) for group in _WORDS["months"].values() for name, number in group.items()
}
_WEEKDAYS = [light_fold(str(name)).lower() for name in _WORDS["weekdays"]]
# English weekdays are also abbreviated: "Tue", "Tues."
_WEEKDAY_FORMS = {*_WEEKDAYS, *(w[:3] for w in _WEEKDAYS if w.isascii()), "tues", "thur", "thurs"}


def _alt(items: set[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


_FOLD = str.maketrans(DIGIT_FOLD | PUNCT_FOLD)
_MONTH = rf"(?:{_alt(set(_MONTHS))})(?![^\W\d_])\.?"


def _month_pair(k: str) -> str:
    """A month's name, or two names of it: «آذار/مارس», «آذار (مارس)»; groups mon<k>, alt<k>."""
    return rf"(?P<mon{k}>{_MONTH})(?:\s*(?:/|\()\s*(?P<alt{k}>{_MONTH})\s*\)?)?"


def _day(k: str) -> str:
    return rf"(?P<d{k}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def _year(k: str) -> str:
    return rf"(?P<y{k}>(?:19|20)\d\d)(?!\d)(?:\s*م(?!\w))?"  # «2025م»: the Gregorian year


_DATE = (
    rf"(?:{_day('1')}\s+(?:من\s+)?{_month_pair('1')}(?:\s*[,،]?\s*(?:عام\s+|سنه\s+)?{_year('1')})?"  # 11 مارس 2025
    rf"|{_month_pair('2')}\s+{_day('2')}(?:\s*[,،]?\s*{_year('2')})?"  # March 11, 2025
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"  # 2025-03-11
    r"|(?P<num>\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d))"  # 11/03/2025
)
_WEEKDAY = rf"(?:{_alt(_WEEKDAY_FORMS)})(?![^\W\d_])\.?"
_TIME = r"(?:\s*[-,،|]?\s*\d{1,2}:\d\d(?:\s*(?:am|pm|a\.m\.|p\.m\.|ص|م))?(?:\s*(?:gmt|utc|[a-z]{2,4}t)\b)?)"
_SOURCE = r"(?:\s*\([^()\n]{1,30}\))"
_CUE = r"(?:(?:published|posted|date)(?:\s+on)?|تاريخ النشر|نشر(?:\s+في)?|بتاريخ)\s*:?\s*"
_PLACE = r"(?P<place>[^\W\d_](?:[^\W\d_]|[ .'-])*?)\s*(?:[,،]|\s-)\s*"  # GENEVA, / القاهرة -
_LINE = re.compile(
    rf"^[\s\"'*•·|-]*(?:{_CUE})?(?:{_PLACE})?(?:{_WEEKDAY}\s*[,،]?\s*)?{_DATE}{_TIME}?(?P<src>{_SOURCE})?"
    r"\s*(?P<end>[-:]|$)?"
)


def _fold(text: str) -> str:
    return light_fold(text).translate(_FOLD).lower()


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _numeric(value: str, language: str | None) -> date | None:
    """dd/mm/yyyy when only one reading is a date, or the day comes first (Arabic texts)."""
    a, b, y = (int(p) for p in re.split(r"[/.]", value))
    day_first, month_first = _valid(y, b, a), _valid(y, a, b)
    if day_first and month_first and day_first != month_first:
        return day_first if (language or "").lower().startswith("ar") else None
    return day_first or month_first


def _date_of(m: re.Match[str], language: str | None) -> date | None:
    if m["iso"]:
        y, mo, d = (int(p) for p in m["iso"].split("-"))
        return _valid(y, mo, d)
    if m["num"]:
        return _numeric(m["num"], language)
    k = "1" if m["mon1"] else "2"
    if not m[f"y{k}"]:
        return None  # no year: not a publication date we can know
    month = _MONTHS[m[f"mon{k}"].rstrip(".")]
    if m[f"alt{k}"] and _MONTHS[m[f"alt{k}"].rstrip(".")] != month:
        return None  # «آذار/أبريل»: two different months
    return _valid(int(m[f"y{k}"]), month, int(m[f"d{k}"]))


def _place_ok(place: str | None) -> bool:
    """A dateline's place: a few words naming it, not a clause."""
    return place is None or len(place.split()) <= 3


def dateline_date(text: str, language: str | None = None) -> date | None:
    """The publication date a dateline or date line at the top of `text` gives, else None."""
    body = text.lstrip()
    offset = 0
    dates: list[date] = []
    for line in body.splitlines(keepends=True):
        if offset >= HEAD_CHARS:
            break
        offset += len(line)
        line = line.strip()
        m = _LINE.match(_fold(line[:LINE_CHARS]))
        if m is None or not _place_ok(m["place"]):
            continue
        # the date must close the line, or be followed by the wire's name or a dash or colon
        # before the story: otherwise it is a date inside a sentence
        closes_line = m["end"] == "" and len(line) <= LINE_CHARS
        if not (closes_line or m["end"] or m["src"]):
            continue
        found = _date_of(m, language)
        if found is not None:
            dates.append(found)
    # a page's other stamps at the top (today's date in the site's header, an update) fall on
    # or after the day it was published
    return min(dates, default=None)
