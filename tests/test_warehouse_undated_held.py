"""Talks reported held or under way with no date: the first such report's day, at precision 'week'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lakes import Ev, Lake, built, fetch

OHRID = "loc:city:ohrid"


def rounds(db: Path) -> list[tuple[object, ...]]:
    return fetch(db, "SELECT status, start_date, end_date, date_precision FROM negotiation_rounds ORDER BY label")


def test_held_talks_no_report_dates_take_the_day_the_first_held_report_came_out(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("announce", Ev(["GR", "MK"], status="planned", place=OHRID), published="2018-06-10")
    lake.add_article("held", Ev(["GR", "MK"], status="held", place=OHRID), published="2018-06-17")
    lake.add_article("recalled", Ev(["GR", "MK"], status="held", place=OHRID), published="2018-06-20")
    ((status, start, end, precision),) = rounds(built(lake, tmp_path))
    assert (status, start, end, precision) == ("held", date(2018, 6, 17), date(2018, 6, 17), "week")


def test_a_planned_meeting_no_report_dates_stays_undated(tmp_path: Path) -> None:
    # a guard: it held before the rule too, and the rule must not date what nobody saw happen
    lake = Lake(tmp_path / "lake")
    lake.add_article("announce", Ev(["GR", "MK"], status="planned", place=OHRID), published="2018-06-10")
    ((status, start, end, precision),) = rounds(built(lake, tmp_path))
    assert (status, start, end, precision) == ("planned", None, None, None)


def test_a_dated_report_keeps_its_own_date(tmp_path: Path) -> None:
    # a guard: it held before the rule too, and a date some report gives always wins
    lake = Lake(tmp_path / "lake")
    lake.add_article("held", Ev(["GR", "MK"], status="held", place=OHRID), published="2018-06-17")
    lake.add_article("dated", Ev(["GR", "MK"], status="held", place=OHRID, start="2018-06-15"), published="2018-06-18")
    ((status, start, _end, precision),) = rounds(built(lake, tmp_path))
    assert (status, start, precision) == ("held", date(2018, 6, 15), "day")
