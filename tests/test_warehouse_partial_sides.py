"""Partial sides of one meeting: reports naming some of a meeting's sides are that meeting.

"Russia–Ukraine talks in Abu Dhabi on 5 February" and "Russia–Ukraine–US talks in Abu Dhabi, 4–5
February" are one round whose sides are all three. Only a subset of sides joins, at a city or
venue both name, on day-precise dates that overlap or lie within merge_days(): two pairs that
share one side (US–Ukraine and US–Russia in Riyadh the same week) stay two rounds.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lakes import Ev, Lake, built, fetch, round_id_for

from warehouse.build import build_warehouse

ABU_DHABI = "loc:city:abu-dhabi"
RIYADH = "loc:city:riyadh"
BRUSSELS = "loc:city:brussels"
ASTANA = "loc:city:astana"
ISTANBUL = "loc:city:istanbul"
DOLMABAHCE = "loc:venue:dolmabahce"


def build(tmp_path: Path, lake: Lake) -> Path:
    return built(lake, tmp_path)


def rounds(db: Path) -> list[tuple[object, ...]]:
    """(round_id, sides, mediators, start_date, end_date, round_number, article_count), by sides then date."""
    return fetch(
        db,
        "SELECT round_id, sides, mediators, start_date, end_date, round_number, article_count "
        "FROM negotiation_rounds ORDER BY sides, start_date, round_id",
    )


def test_two_sides_of_a_three_sided_meeting_are_that_meeting(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    pair = lake.add_article(
        "ru-ua", Ev(["RU", "UA"], place=ABU_DHABI, start="2026-02-05", mediators=["AE"]), published="2026-02-05"
    )
    lake.add_article(
        "trilateral",
        Ev(["RU", "UA", "US"], place=ABU_DHABI, start="2026-02-04", end="2026-02-05", mediators=["AE"]),
        published="2026-02-06",
    )
    db = build(tmp_path, lake)
    # the earliest report founds the round; its sides are the larger set
    assert rounds(db) == [
        (round_id_for(pair.event_ids[0]), ["RU", "UA", "US"], ["AE"], date(2026, 2, 4), date(2026, 2, 5), None, 2)
    ]
    assert fetch(db, "SELECT label FROM negotiation_rounds") == [("Russia–Ukraine–United States talks, Abu Dhabi",)]


def test_each_pair_of_a_meeting_joins_it_and_a_venue_lies_in_its_city(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("eu-xk", Ev(["EU", "XK"], place=BRUSSELS, start="2025-06-10"), published="2025-06-10")
    lake.add_article("eu-rs", Ev(["EU", "RS"], place=BRUSSELS, start="2025-06-11"), published="2025-06-11")
    lake.add_article("all", Ev(["EU", "RS", "XK"], place=BRUSSELS, start="2025-06-11"), published="2025-06-12")
    # a venue inside the city of the three-sided report, dates within merge_days()
    lake.add_article("ru-ua", Ev(["RU", "UA"], place=DOLMABAHCE, start="2025-05-16"), published="2025-05-16")
    lake.add_article("ru-ua-tr", Ev(["RU", "TR", "UA"], place=ISTANBUL, start="2025-05-18"), published="2025-05-18")
    got = [(r[1], r[3], r[6]) for r in rounds(build(tmp_path, lake))]
    assert got == [
        (["EU", "RS", "XK"], date(2025, 6, 10), 3),
        (["RU", "TR", "UA"], date(2025, 5, 16), 2),
    ]


def test_a_subset_needs_a_common_side_set_not_one_shared_side(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    # two meetings in Riyadh the same week, each with the US: never one round
    lake.add_article("us-ua", Ev(["UA", "US"], place=RIYADH, start="2025-03-11"), published="2025-03-11")
    lake.add_article("us-ru", Ev(["RU", "US"], place=RIYADH, start="2025-03-12"), published="2025-03-12")
    # a pair that is no subset of the three guarantors (Syria is not among them) stays apart too
    lake.add_article("ru-sy", Ev(["RU", "SY"], place=ASTANA, start="2025-02-17"), published="2025-02-17")
    lake.add_article("astana", Ev(["IR", "RU", "TR"], place=ASTANA, start="2025-02-17"), published="2025-02-18")
    got = [r[1] for r in rounds(build(tmp_path, lake))]
    assert got == [["IR", "RU", "TR"], ["RU", "SY"], ["RU", "US"], ["UA", "US"]]


def test_pairs_join_a_meeting_naming_all_their_sides(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("ru-sy", Ev(["RU", "SY"], place=ASTANA, start="2025-02-17"), published="2025-02-17")
    lake.add_article("sy-tr", Ev(["SY", "TR"], place=ASTANA, start="2025-02-18"), published="2025-02-18")
    lake.add_article(
        "astana",
        Ev(["IR", "RU", "SY", "TR"], place=ASTANA, start="2025-02-17", end="2025-02-18"),
        published="2025-02-19",
    )
    got = [(r[1], r[6]) for r in rounds(build(tmp_path, lake))]
    assert got == [(["IR", "RU", "SY", "TR"], 3)]


def test_no_place_a_country_only_another_city_or_days_apart_stay_apart(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("trilateral", Ev(["RU", "UA", "US"], place=ISTANBUL, start="2025-05-16"), published="2025-05-16")
    lake.add_article("no-place", Ev(["RU", "UA"], start="2025-05-16"), published="2025-05-16")
    lake.add_article("country", Ev(["UA", "US"], place="loc:country:TR", start="2025-05-16"), published="2025-05-16")
    lake.add_article("ankara", Ev(["RU", "US"], place="loc:city:ankara", start="2025-05-16"), published="2025-05-16")
    # four days after: beyond merge_days()
    lake.add_article("later", Ev(["RU", "UA"], place=ISTANBUL, start="2025-05-20"), published="2025-05-20")
    got = [(r[1], r[3], r[6]) for r in rounds(build(tmp_path, lake))]
    assert got == [
        (["RU", "UA"], date(2025, 5, 16), 1),
        (["RU", "UA"], date(2025, 5, 20), 1),
        (["RU", "UA", "US"], date(2025, 5, 16), 1),
        (["RU", "US"], date(2025, 5, 16), 1),
        (["UA", "US"], date(2025, 5, 16), 1),
    ]


def test_a_numbered_meeting_takes_its_unnumbered_pairs_within_merge_days(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    trilateral = lake.add_article(
        "round-2",
        Ev(["RU", "UA", "US"], place=ABU_DHABI, start="2026-02-04", end="2026-02-05", round_number=2),
        published="2026-02-05",
    )
    lake.add_article("pair", Ev(["RU", "UA"], place=ABU_DHABI, start="2026-02-05"), published="2026-02-06")
    # the same number, two days later: the same round, as for two reports of the same sides
    lake.add_article(
        "numbered", Ev(["RU", "US"], place=ABU_DHABI, start="2026-02-07", round_number=2), published="2026-02-08"
    )
    # a week later, no number: another meeting of two of them
    lake.add_article("later", Ev(["UA", "US"], place=ABU_DHABI, start="2026-02-12"), published="2026-02-12")
    got = rounds(build(tmp_path, lake))
    assert [(r[0], r[1], r[3], r[4], r[5], r[6]) for r in got] == [
        (round_id_for(trilateral.event_ids[0]), ["RU", "UA", "US"], date(2026, 2, 4), date(2026, 2, 7), 2, 3),
        (got[1][0], ["UA", "US"], date(2026, 2, 12), date(2026, 2, 12), None, 1),
    ]


def test_an_unnumbered_pair_never_chains_two_numbered_meetings(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "round-2", Ev(["RU", "UA", "US"], place=ABU_DHABI, start="2026-02-04", round_number=2), published="2026-02-04"
    )
    lake.add_article(
        "round-3", Ev(["RU", "UA", "US"], place=ABU_DHABI, start="2026-02-08", round_number=3), published="2026-02-08"
    )
    # within merge_days() of both: it joins one of them, never both
    lake.add_article("between", Ev(["RU", "UA"], place=ABU_DHABI, start="2026-02-06"), published="2026-02-09")
    got = rounds(build(tmp_path, lake))
    assert [(r[1], r[5]) for r in got] == [(["RU", "UA", "US"], 2), (["RU", "UA", "US"], 3)]
    assert sum(r[6] for r in got) == 3


def test_a_round_keeps_its_id_when_a_fuller_report_joins(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    db = tmp_path / "warehouse.duckdb"
    pair = lake.add_article("ru-ua", Ev(["RU", "UA"], place=ABU_DHABI, start="2026-01-23"), published="2026-01-23")
    lake.flush("2026-01-23")
    build_warehouse(lake.root, db)
    ((before, sides, *_),) = rounds(db)
    assert (before, sides) == (round_id_for(pair.event_ids[0]), ["RU", "UA"])

    lake.add_article(
        "trilateral",
        Ev(["RU", "UA", "US"], place=ABU_DHABI, start="2026-01-23", end="2026-01-24"),
        published="2026-01-24",
    )
    lake.flush("2026-01-24")
    build_warehouse(lake.root, db)
    assert [(r[0], r[1], r[6]) for r in rounds(db)] == [(before, ["RU", "UA", "US"], 2)]
