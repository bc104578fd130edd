"""A round's status when several reports come out on one day.

The latest report wins and a tie goes to the furthest along (proposed < planned < cancelled <
ongoing < held). A report known only to the day (the pipeline stores a bare date as midnight UTC,
tasks/articles.py) may have come out at any hour, so reports of one day are a tie unless each
gives its time.
"""

from __future__ import annotations

from pathlib import Path

from lakes import Ev, Lake, built, fetch

MIAMI = "loc:city:miami"
GENEVA = "loc:city:geneva"
ISTANBUL = "loc:city:istanbul"
BERLIN = "loc:city:berlin"


def day(value: str) -> str:
    """A publication known to the day only, stored as the pipeline stores a bare date."""
    return value + "T00:00"


def statuses(tmp_path: Path, lake: Lake) -> dict[str, str]:
    return dict(fetch(built(lake, tmp_path), "SELECT label, status FROM negotiation_rounds"))


def test_held_wins_over_ongoing_and_planned_reported_the_same_day(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    talks = {"parties": ["RU", "US"], "place": MIAMI, "start": "2025-12-20"}
    lake.add_article("planned", Ev(**talks, status="planned"), published=day("2025-12-20"))
    lake.add_article("held", Ev(**talks, status="held"), published=day("2025-12-20"))
    lake.add_article("ongoing", Ev(**talks, status="ongoing"), published=day("2025-12-20"))
    assert statuses(tmp_path, lake) == {"Russia–United States talks, Miami": "held"}


def test_cancelled_wins_over_planned_reported_the_same_day(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    talks = {"parties": ["UA", "US"], "place": GENEVA, "start": "2025-11-23"}
    lake.add_article("cancelled", Ev(**talks, status="cancelled"), published=day("2025-11-21"))
    lake.add_article("planned", Ev(**talks, status="planned"), published=day("2025-11-21"))
    assert statuses(tmp_path, lake) == {"Ukraine–United States talks, Geneva": "cancelled"}


def test_a_time_of_day_does_not_outrun_a_report_known_only_to_the_day(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    talks = {"parties": ["RU", "UA"], "place": ISTANBUL, "start": "2025-05-16"}
    lake.add_article("held", Ev(**talks, status="held"), published=day("2025-05-16"))
    lake.add_article("planned-evening", Ev(**talks, status="planned"), published="2025-05-16T18:00")
    assert statuses(tmp_path, lake) == {"Russia–Ukraine talks, Istanbul": "held"}


def test_times_decide_when_every_report_of_the_day_gives_one_and_a_later_day_wins(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    # called off in the morning, on again in the evening
    talks = {"parties": ["UA", "US"], "place": BERLIN, "start": "2025-12-14"}
    lake.add_article("cancelled", Ev(**talks, status="cancelled"), published="2025-12-10T09:00")
    lake.add_article("planned", Ev(**talks, status="planned"), published="2025-12-10T18:00")
    # reported held on one day, planned again (for the same talks) the next day: the latest report
    later = {"parties": ["RU", "US"], "place": MIAMI, "start": "2026-01-10"}
    lake.add_article("held", Ev(**later, status="held"), published=day("2026-01-10"))
    lake.add_article("ongoing", Ev(**later, status="ongoing"), published=day("2026-01-11"))
    assert statuses(tmp_path, lake) == {
        "Ukraine–United States talks, Berlin": "planned",
        "Russia–United States talks, Miami": "ongoing",
    }


def test_a_meeting_called_off_stays_off_until_a_report_dates_it_again(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    # "the summit in Budapest is off"; the next day "the two presidents had been planning to meet in Budapest"
    summit = {"parties": ["RU", "US"], "place": "loc:city:budapest"}
    lake.add_article("off", Ev(**summit, status="cancelled"), published=day("2025-10-22"))
    lake.add_article("recalled", Ev(**summit, status="planned"), published=day("2025-10-23"))
    assert statuses(tmp_path, lake) == {"Russia–United States talks, Budapest": "cancelled"}


def test_a_meeting_called_off_is_on_again_when_a_report_gives_it_a_date(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    summit = {"parties": ["RU", "US"], "place": "loc:city:budapest"}
    lake.add_article("off", Ev(**summit, status="cancelled"), published=day("2025-10-22"))
    lake.add_article("on", Ev(**summit, status="planned", start="2025-11-20"), published=day("2025-10-30"))
    assert set(statuses(tmp_path, lake).values()) == {"planned"}


def test_a_numbered_round_recalled_months_later_joins_the_dated_talks_at_its_place(tmp_path: Path) -> None:
    # a report of talks in Athens on 22 November; months later "the first round, held in Athens",
    # undated: one round, numbered and dated
    lake = Lake(tmp_path / "lake")
    athens = "loc:city:athens"
    lake.add_article("opened", Ev(parties=["GR", "TR"], place=athens, start="2022-11-22"), published=day("2022-11-22"))
    lake.add_article("recall", Ev(parties=["GR", "TR"], place=athens, round_number=1), published=day("2023-03-10"))
    got = fetch(built(lake, tmp_path), "SELECT round_number, start_date::VARCHAR FROM negotiation_rounds")
    assert got == [(1, "2022-11-22")]


def test_a_round_recalled_long_ago_or_elsewhere_stays_its_own(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    athens, ankara = "loc:city:athens", "loc:city:ankara"
    lake.add_article("opened", Ev(parties=["GR", "TR"], place=athens, start="2021-11-22"), published=day("2021-11-22"))
    lake.add_article("recall", Ev(parties=["GR", "TR"], place=athens, round_number=1), published=day("2023-03-10"))
    lake.add_article("other", Ev(parties=["GR", "TR"], place=ankara, round_number=3), published=day("2023-03-10"))
    got = fetch(built(lake, tmp_path), "SELECT count(*) FROM negotiation_rounds")
    assert got == [(3,)]


def test_a_numbered_round_recalled_without_a_place_keeps_the_usual_window(tmp_path: Path) -> None:
    # "the second summit" months after a dated summit elsewhere is not that summit
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "first", Ev(parties=["GR", "TR"], place="loc:city:athens", start="2022-06-12"), published=day("2022-06-12")
    )
    lake.add_article("second", Ev(parties=["GR", "TR"], round_number=2), published=day("2023-03-01"))
    assert fetch(built(lake, tmp_path), "SELECT count(*) FROM negotiation_rounds") == [(2,)]


def test_a_dated_numbered_round_does_not_take_in_talks_months_later_through_its_plans(tmp_path: Path) -> None:
    # "the third round will be held in Ankara on 17 September" and, the same day, "the sides will meet
    # again in Ankara" (undated, a plan: a window of months); talks in Ankara on 11 December are others
    lake = Lake(tmp_path / "lake")
    ankara = "loc:city:ankara"
    third = {"parties": ["ET", "SO"], "place": ankara, "round_number": 3, "status": "planned"}
    lake.add_article("dated", Ev(**third, start="2024-09-17"), published=day("2024-08-13"))
    lake.add_article("plan", Ev(**third), published=day("2024-08-13"))
    lake.add_article(
        "december", Ev(parties=["ET", "SO"], place=ankara, start="2024-12-11"), published=day("2024-12-11")
    )
    got = fetch(built(lake, tmp_path), "SELECT round_number, start_date::VARCHAR FROM negotiation_rounds ORDER BY 2")
    assert got == [(3, "2024-09-17"), (None, "2024-12-11")]


def test_talks_reported_under_way_weeks_before_the_newest_news_have_ended(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    old = {"parties": ["RU", "UA"], "place": ISTANBUL, "start": "2025-05-16"}
    lake.add_article("under-way", Ev(**old, status="ongoing"), published=day("2025-05-16"))
    recent = {"parties": ["UA", "US"], "place": BERLIN, "start": "2025-06-20"}
    lake.add_article("recent", Ev(**recent, status="ongoing"), published=day("2025-06-20"))
    assert statuses(tmp_path, lake) == {
        "Russia–Ukraine talks, Istanbul": "held",  # five weeks before the newest article
        "Ukraine–United States talks, Berlin": "ongoing",  # the newest news: still under way
    }


def test_talks_under_way_a_few_days_before_the_newest_news_stay_under_way(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    talks = {"parties": ["RU", "UA"], "place": ISTANBUL, "start": "2025-05-16"}
    lake.add_article("under-way", Ev(**talks, status="ongoing"), published=day("2025-05-16"))
    other = {"parties": ["UA", "US"], "place": BERLIN, "start": "2025-05-25"}
    lake.add_article("later", Ev(**other, status="planned"), published=day("2025-05-20"))
    assert statuses(tmp_path, lake)["Russia–Ukraine talks, Istanbul"] == "ongoing"
