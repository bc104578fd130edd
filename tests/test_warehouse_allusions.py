"""Allusions: mentions with no date, no place, no round number and no participant.

"Talks between Russia and the US", "the trilateral talks will continue": such a mention joins the
one round it fits as evidence, or adds nothing; it never makes a row of its own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lakes import Ev, Lake, built, fetch, round_id_for

MIAMI = "loc:city:miami"
GENEVA = "loc:city:geneva"


def build(tmp_path: Path, lake: Lake) -> Path:
    return built(lake, tmp_path)


def rounds(db: Path) -> list[tuple[object, ...]]:
    """(round_id, label, status, start_date, article_count), by label."""
    return fetch(
        db, "SELECT round_id, label, status, start_date, article_count FROM negotiation_rounds ORDER BY label, round_id"
    )


def articles_of(db: Path, round_id: object) -> set[str]:
    return {r[0] for r in fetch(db, "SELECT article_id FROM round_articles WHERE round_id = ?", [round_id])}


def test_an_allusion_fitting_one_round_is_its_evidence_and_changes_nothing_else(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    # published before the round's first report: it still does not found the round
    before = lake.add_article(
        "will-meet",
        Ev(["RU", "US"], status="planned", sentence="Russia and the United States will hold talks."),
        published="2025-12-18",
    )
    held = lake.add_article(
        "miami", Ev(["RU", "US"], status="held", place=MIAMI, start="2025-12-20"), published="2025-12-21"
    )
    # the day after, in Arabic: "the talks between Russia and America will continue"
    after = lake.add_article(
        "continue",
        Ev(["RU", "US"], status="planned", sentence="وستتواصل المحادثات بين روسيا وأمريكا."),
        published="2025-12-22",
    )
    db = build(tmp_path, lake)
    ((round_id, label, status, start, count),) = rounds(db)
    assert round_id == round_id_for(held.event_ids[0])
    # the latest report is the allusion's "will continue": the round stays held
    assert (label, status, start, count) == ("Russia–United States talks, Miami", "held", date(2025, 12, 20), 3)
    assert articles_of(db, round_id) == {before.article_id, held.article_id, after.article_id}
    evidence = fetch(db, "SELECT evidence FROM round_articles WHERE article_id = ?", [after.article_id])
    assert evidence == [("وستتواصل المحادثات بين روسيا وأمريكا.",)]


def test_an_allusion_fitting_two_rounds_adds_nothing(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("dec", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-20")
    lake.add_article("jan", Ev(["RU", "US"], place=GENEVA, start="2026-01-10"), published="2026-01-10")
    # held talks reported on 12 January: both meetings lie in the 60 days before
    vague = lake.add_article("vague", Ev(["RU", "US"], status="held"), published="2026-01-12")
    db = build(tmp_path, lake)
    assert [r[4] for r in rounds(db)] == [1, 1]
    assert fetch(db, "SELECT count(*) FROM round_articles WHERE article_id = ?", [vague.article_id]) == [(0,)]


def test_an_allusion_fitting_no_round_makes_no_row(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("ua", Ev(["UA", "US"], place=GENEVA, start="2025-11-23"), published="2025-11-23")
    # other sides
    lake.add_article("ru-us", Ev(["RU", "US"], status="held"), published="2025-11-24")
    # the right sides, but talks planned months after the round
    lake.add_article("ua-us", Ev(["UA", "US"], status="planned"), published="2026-05-01")
    # the trilateral talks, and no trilateral round anywhere
    lake.add_article("three", Ev(["RU", "UA", "US"], status="planned"), published="2025-11-24")
    db = build(tmp_path, lake)
    assert [r[1] for r in rounds(db)] == ["Ukraine–United States talks, Geneva"]
    assert fetch(db, "SELECT count(*) FROM round_articles") == [(1,)]


def test_an_allusion_joins_an_undated_round_with_a_place(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    geneva = lake.add_article("geneva", Ev(["UA", "US"], status="planned", place=GENEVA), published="2025-11-20")
    lake.add_article("allusion", Ev(["UA", "US"], status="planned"), published="2025-11-21")
    ((round_id, label, _, _, count),) = rounds(build(tmp_path, lake))
    assert (round_id, label, count) == (round_id_for(geneva.event_ids[0]), "Ukraine–United States talks, Geneva", 2)


def test_an_allusion_with_an_unknown_publication_day_fits_whatever_the_days(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("miami", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-20")
    lake.add_article("ua", Ev(["UA", "US"], place=GENEVA, start="2025-11-23"), published="2025-11-23")
    lake.add_article("ua-later", Ev(["UA", "US"], place=MIAMI, start="2026-02-01"), published="2026-02-01")
    lake.add_article("ru-us", Ev(["RU", "US"]), published=None)  # one RU-US round: joins it
    lake.add_article("ua-us", Ev(["UA", "US"]), published=None)  # two UA-US rounds: nothing
    got = {r[1]: r[4] for r in rounds(build(tmp_path, lake))}
    assert got == {
        "Russia–United States talks, Miami": 2,
        "Ukraine–United States talks, Geneva": 1,
        "Ukraine–United States talks, Miami": 1,
    }


def test_mentions_with_a_place_a_date_or_people_still_make_their_round(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("placed", Ev(["RU", "US"], status="held", place=MIAMI), published="2025-12-21")
    lake.add_article("dated", Ev(["UA", "US"], status="planned", start="2026-01-15"), published="2026-01-02")
    lake.add_article(
        "people",
        Ev(["IR", "US"], status="held", participants=[("person:witkoff", "US")]),
        published="2025-12-21",
    )
    got = [r[1] for r in rounds(build(tmp_path, lake))]
    assert got == [
        "Iran–United States talks",
        "Russia–United States talks, Miami",
        "Ukraine–United States talks",
    ]
