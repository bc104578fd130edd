"""Round numbers that disagree: one report counts the rounds of this format, another overall.

Reports that agree on sides, a place and the day are one meeting whatever numbers they give; on
different days, or with no place named, different numbers still tell two rounds apart.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lakes import Ev, Lake, built, fetch, round_id_for

from warehouse.build import build_warehouse

ISTANBUL = "loc:city:istanbul"
GENEVA = "loc:city:geneva"


def build(tmp_path: Path, lake: Lake) -> Path:
    return built(lake, tmp_path)


def rounds(db: Path) -> list[tuple[object, ...]]:
    """(round_id, label, round_number, start_date, article_count), by start date then number."""
    return fetch(
        db,
        "SELECT round_id, label, round_number, start_date, article_count FROM negotiation_rounds "
        "ORDER BY start_date NULLS LAST, round_number NULLS LAST, round_id",
    )


def test_same_day_same_place_different_numbers_are_one_round_numbered_by_most_reports(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    first = lake.add_article(
        "format-count", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-23", round_number=1), published="2025-07-23"
    )
    lake.add_article(
        "overall-1", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-23", round_number=3), published="2025-07-24"
    )
    lake.add_article(
        "overall-2", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-23", round_number=3), published="2025-07-25"
    )
    db = build(tmp_path, lake)
    assert rounds(db) == [
        (round_id_for(first.event_ids[0]), "Russia–Ukraine talks, Istanbul, round 3", 3, date(2025, 7, 23), 3)
    ]
    # each report's own count stays visible
    claimed = fetch(db, "SELECT reported_round_number FROM round_articles ORDER BY published_date")
    assert [c[0] for c in claimed] == [1, 3, 3]


def test_a_round_keeps_its_id_when_a_report_with_another_number_joins(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    db = tmp_path / "warehouse.duckdb"
    first = lake.add_article(
        "first", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-23", round_number=1), published="2025-07-23"
    )
    lake.flush("2025-07-23")
    build_warehouse(lake.root, db)
    ((before, label, number, _, _),) = rounds(db)
    assert before == round_id_for(first.event_ids[0])
    assert (label, number) == ("Russia–Ukraine talks, Istanbul, round 1", 1)

    # one report each way: a tie, so the number is not known
    lake.add_article("later", Ev(["RU", "UA"], start="2025-07-23", round_number=3), published="2025-07-24")
    lake.flush("2025-07-24")
    build_warehouse(lake.root, db)
    assert rounds(db) == [(before, "Russia–Ukraine talks, Istanbul", None, date(2025, 7, 23), 2)]


def test_a_multi_day_meeting_overlapping_the_day_is_the_same_meeting(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "two-days",
        Ev(["IR", "US"], place=GENEVA, start="2025-02-17", end="2025-02-18", round_number=2, mediators=["OM"]),
        published="2025-02-18",
    )
    lake.add_article(
        "second-day", Ev(["IR", "US"], place=GENEVA, start="2025-02-18", round_number=5), published="2025-02-19"
    )
    (only,) = rounds(build(tmp_path, lake))
    assert only[2] is None and only[4] == 2


def test_different_numbers_on_different_days_stay_two_rounds(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("r2", Ev(["RU", "UA"], place=ISTANBUL, start="2025-06-02", round_number=2), published="2025-06-02")
    # the next day, within the days two unnumbered reports may lie apart: still another number
    lake.add_article("r3", Ev(["RU", "UA"], place=ISTANBUL, start="2025-06-03", round_number=3), published="2025-06-03")
    lake.add_article("r4", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-23", round_number=4), published="2025-07-23")
    got = rounds(build(tmp_path, lake))
    assert [(r[2], r[3], r[4]) for r in got] == [
        (2, date(2025, 6, 2), 1),
        (3, date(2025, 6, 3), 1),
        (4, date(2025, 7, 23), 1),
    ]


def test_same_day_without_a_place_different_numbers_stay_two_rounds(tmp_path: Path) -> None:
    # decided: with nothing but the sides and the day in common, two numbers are two rounds
    # (a military and a political track may meet the same day); a place named by either joins them
    lake = Lake(tmp_path / "lake")
    lake.add_article("one", Ev(["RU", "UA"], start="2025-07-23", round_number=1), published="2025-07-23")
    lake.add_article("three", Ev(["RU", "UA"], start="2025-07-23", round_number=3), published="2025-07-24")
    got = rounds(build(tmp_path, lake))
    assert [(r[1], r[2]) for r in got] == [
        ("Russia–Ukraine talks, round 1", 1),
        ("Russia–Ukraine talks, round 3", 3),
    ]


def test_different_numbers_need_day_precise_dates_and_compatible_places(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    # the same month is not the same day
    lake.add_article(
        "month",
        Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-01", precision="month", round_number=1),
        published="2025-06-20",
    )
    lake.add_article(
        "day", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-23", round_number=3), published="2025-07-23"
    )
    # the same day in another city is another meeting
    lake.add_article(
        "geneva", Ev(["RU", "UA"], place=GENEVA, start="2025-07-23", round_number=5), published="2025-07-23"
    )
    got = rounds(build(tmp_path, lake))
    assert sorted(r[2] for r in got) == [1, 3, 5]
