"""Consolidating event mentions across articles into negotiation rounds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lakes import Ev, Lake, built, fetch, near_copy, round_id_for

from warehouse.build import build_warehouse

MIAMI = "loc:city:miami"
ISTANBUL = "loc:city:istanbul"


def build(tmp_path: Path, lake: Lake) -> Path:
    return built(lake, tmp_path)


def rounds(db: Path) -> list[dict[str, object]]:
    cols = "round_id, label, status, parties, mediators, start_date, end_date, date_precision, round_number, "
    cols += "location_id, outcomes, first_reported, last_reported, article_count"
    rows = fetch(db, f"SELECT {cols} FROM negotiation_rounds ORDER BY label, round_id")
    names = [c.strip() for c in cols.split(",")]
    return [dict(zip(names, r, strict=True)) for r in rows]


def articles_of(db: Path, round_id: str) -> set[str]:
    return {r[0] for r in fetch(db, "SELECT article_id FROM round_articles WHERE round_id = ?", [round_id])}


def test_two_miami_rounds_in_december_stay_apart(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    ua = lake.add_article(
        "ua",
        Ev(["UA", "US"], status="ongoing", place=MIAMI, start="2025-12-04", end="2025-12-06"),
        published="2025-12-06",
    )
    ru1 = lake.add_article(
        "ru1", Ev(["RU", "US"], status="planned", place=MIAMI, start="2025-12-20"), published="2025-12-18"
    )
    ru2 = lake.add_article(
        "ru2", Ev(["RU", "US"], status="held", place=MIAMI, start="2025-12-20"), published="2025-12-21"
    )
    db = build(tmp_path, lake)
    got = rounds(db)
    assert [r["label"] for r in got] == ["Russia–United States talks, Miami", "Ukraine–United States talks, Miami"]
    us_ru, us_ua = got
    assert us_ru["parties"] == ["RU", "US"] and us_ru["start_date"] == date(2025, 12, 20)
    assert us_ru["status"] == "held" and us_ru["article_count"] == 2
    assert articles_of(db, str(us_ru["round_id"])) == {ru1.article_id, ru2.article_id}
    assert us_ua["parties"] == ["UA", "US"]
    assert (us_ua["start_date"], us_ua["end_date"]) == (date(2025, 12, 4), date(2025, 12, 6))
    assert articles_of(db, str(us_ua["round_id"])) == {ua.article_id}


def test_same_place_different_dates_are_two_rounds(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("dec", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-21")
    lake.add_article("feb", Ev(["RU", "US"], place=MIAMI, start="2026-02-10"), published="2026-02-11")
    got = rounds(build(tmp_path, lake))
    assert len(got) == 2
    # the same base label on two rounds gets their dates to tell them apart
    assert {r["label"] for r in got} == {
        "Russia–United States talks, Miami (20 Dec 2025)",
        "Russia–United States talks, Miami (10 Feb 2026)",
    }


def test_undated_rounds_told_apart_by_round_number(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "istanbul",
        Ev(["RU", "UA"], place=ISTANBUL, round_number=1),
        Ev(["RU", "UA"], place=ISTANBUL, round_number=2),
        published="2025-07-01",
    )
    lake.add_article("again", Ev(["RU", "UA"], place="loc:country:TR", round_number=2), published="2025-08-15")
    got = rounds(build(tmp_path, lake))
    assert [(r["round_number"], r["label"]) for r in got] == [
        (1, "Russia–Ukraine talks, Istanbul, round 1"),
        (2, "Russia–Ukraine talks, Istanbul, round 2"),  # Turkey-level mention joined the Istanbul one
    ]
    assert [r["article_count"] for r in got] == [1, 2]


def test_unnumbered_mention_never_chains_two_round_numbers(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("r3", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-23", round_number=3), published="2025-07-23")
    lake.add_article("r4", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-25", round_number=4), published="2025-07-25")
    # dated within 3 days of both numbered rounds: may join one of them, never both
    lake.add_article("bridge", Ev(["RU", "UA"], place=ISTANBUL, start="2025-07-24"), published="2025-07-24")
    got = rounds(build(tmp_path, lake))
    assert sorted(r["round_number"] for r in got) == [3, 4]
    assert sorted(r["article_count"] for r in got) == [1, 2]


def test_round_keeps_its_id_as_status_moves_from_planned_to_held(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    db = tmp_path / "warehouse.duckdb"
    first = lake.add_article(
        "plan",
        Ev(["RU", "UA"], status="planned", place="loc:country:TR", start="2025-05-15", precision="week"),
        published="2025-05-10",
    )
    lake.flush("2025-05-10")
    build_warehouse(lake.root, db)
    (r1,) = rounds(db)
    assert r1["status"] == "planned" and r1["date_precision"] == "week"
    assert r1["round_id"] == round_id_for(first.event_ids[0])

    lake.add_article(
        "start", Ev(["RU", "UA"], status="ongoing", place=ISTANBUL, start="2025-05-16"), published="2025-05-16"
    )
    lake.flush("2025-05-16")
    build_warehouse(lake.root, db)
    (r2,) = rounds(db)
    assert (r2["round_id"], r2["status"], r2["date_precision"]) == (r1["round_id"], "ongoing", "day")

    lake.add_article(
        "done",
        Ev(
            ["RU", "UA"],
            status="held",
            place="loc:venue:dolmabahce",
            start="2025-05-16",
            outcomes=["prisoner_exchange"],
        ),
        published="2025-05-17",
    )
    lake.flush("2025-05-17")
    build_warehouse(lake.root, db)
    (r3,) = rounds(db)
    assert r3["round_id"] == r1["round_id"]
    assert r3["status"] == "held" and r3["article_count"] == 3 and r3["start_date"] == date(2025, 5, 16)
    assert r3["label"] == "Russia–Ukraine talks, Dolmabahce Palace, Istanbul"
    assert r3["outcomes"] == ["prisoner_exchange"]
    claims = fetch(db, "SELECT reported_status FROM round_articles ORDER BY published_date")
    assert [c[0] for c in claims] == ["planned", "ongoing", "held"]


def test_undated_mention_joins_when_place_agrees(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("dated", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-20")
    later = lake.add_article("undated", Ev(["RU", "US"], place=MIAMI), published="2025-12-22")
    db = build(tmp_path, lake)
    (only,) = rounds(db)
    assert only["article_count"] == 2 and only["start_date"] == date(2025, 12, 20)
    assert later.article_id in articles_of(db, str(only["round_id"]))


def test_undated_mention_joins_when_participants_agree(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "dated",
        Ev(["RU", "US"], place=MIAMI, start="2025-12-20", participants=[("person:dmitriev", "RU")]),
        published="2025-12-20",
    )
    lake.add_article("undated", Ev(["RU", "US"], participants=[("person:dmitriev", "RU")]), published="2025-12-21")
    (only,) = rounds(build(tmp_path, lake))
    assert only["article_count"] == 2


def test_undated_mention_without_agreement_stays_its_own_round(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "dated",
        Ev(["RU", "US"], place=MIAMI, start="2025-12-20", participants=[("person:dmitriev", "RU")]),
        published="2025-12-20",
    )
    # no place, no people: an allusion, and it fits all three rounds below, so it adds nothing
    lake.add_article("bare", Ev(["RU", "US"]), published="2025-12-21")
    lake.add_article("elsewhere", Ev(["RU", "US"], place="loc:city:moscow"), published="2025-12-21")
    # held, with a shared participant, but reported before the dated round began
    lake.add_article(
        "earlier", Ev(["RU", "US"], status="held", participants=[("person:dmitriev", "RU")]), published="2025-12-06"
    )
    got = rounds(build(tmp_path, lake))
    assert len(got) == 3
    assert all(r["article_count"] == 1 for r in got)


def test_undated_mentions_group_among_themselves_only_when_reported_together(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    team = [("person:witkoff", "US"), ("person:kushner", "US")]
    kremlin = [*team, ("person:putin", "RU")]
    lake.add_article("k1", Ev(["RU", "US"], participants=kremlin), published="2025-12-03")
    lake.add_article("k2", Ev(["RU", "US"], participants=kremlin), published="2025-12-05")
    # the same envoys weeks later at another undated meeting: not the same talks
    lake.add_article("davos", Ev(["RU", "US"], participants=[*team, ("person:dmitriev", "RU")]), published="2026-01-21")
    # no place, no people: nothing to agree on, and it fits both rounds: it adds nothing
    lake.add_article("bare", Ev(["RU", "US"]), published="2025-12-04")
    got = rounds(build(tmp_path, lake))
    assert sorted(r["article_count"] for r in got) == [1, 2]
    # no report dates them: each takes the day its first report said it was held, at week precision
    assert sorted((r["start_date"], r["date_precision"]) for r in got) == [
        (date(2025, 12, 3), "week"),
        (date(2026, 1, 21), "week"),
    ]


def test_syndicated_copies_count_once(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    story = 0x1234_5678_9ABC_DEF0
    lake.add_article("wire", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-20", simhash=story)
    lake.add_article(
        "copy", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-21", simhash=near_copy(story, 3)
    )
    lake.add_article(
        "own", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-22", simhash=near_copy(story, 9)
    )
    db = build(tmp_path, lake)
    (only,) = rounds(db)
    assert only["article_count"] == 2
    assert (only["first_reported"], only["last_reported"]) == (date(2025, 12, 20), date(2025, 12, 22))
    flags = fetch(db, "SELECT count(*), count(*) FILTER (WHERE is_syndicated_copy) FROM round_articles")
    assert flags == [(3, 1)]


def test_mediator_is_not_a_party(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "host", Ev(["RU", "UA"], place=ISTANBUL, start="2025-05-16", mediators=["TR"]), published="2025-05-16"
    )
    # another report counts the host among the sides: still the same talks, and Turkey still the host
    lake.add_article("sides", Ev(["RU", "TR", "UA"], place=ISTANBUL, start="2025-05-16"), published="2025-05-16")
    lake.add_article(
        "named-twice",
        Ev(["RU", "UA"], place=ISTANBUL, start="2025-05-16", mediators=["TR", "UA"]),
        published="2025-05-17",
    )
    (only,) = rounds(build(tmp_path, lake))
    assert only["parties"] == ["RU", "UA"] and only["mediators"] == ["TR"]
    assert only["article_count"] == 3
    assert only["label"] == "Russia–Ukraine talks, Istanbul"


def test_status_latest_report_wins_ties_go_furthest_and_cancel_does_not_undo_held(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "a1", Ev(["RU", "US"], status="planned", place=MIAMI, start="2025-12-20"), published="2025-12-19T10:00"
    )
    lake.add_article(
        "a2", Ev(["RU", "US"], status="ongoing", place=MIAMI, start="2025-12-20"), published="2025-12-19T10:00"
    )
    lake.add_article("b1", Ev(["RU", "UA"], status="held", place=ISTANBUL, start="2025-05-16"), published="2025-05-16")
    lake.add_article(
        "b2", Ev(["RU", "UA"], status="cancelled", place=ISTANBUL, start="2025-05-16"), published="2025-05-18"
    )
    lake.add_article(
        "c1", Ev(["UA", "US"], status="planned", place="loc:city:geneva", start="2025-11-23"), published="2025-11-20"
    )
    lake.add_article(
        "c2", Ev(["UA", "US"], status="cancelled", place="loc:city:geneva", start="2025-11-23"), published="2025-11-22"
    )
    by_label = {r["label"]: r["status"] for r in rounds(build(tmp_path, lake))}
    assert by_label == {
        "Russia–United States talks, Miami": "ongoing",  # same time: the furthest along
        "Russia–Ukraine talks, Istanbul": "held",  # a later "cancelled" cannot undo held talks
        "Ukraine–United States talks, Geneva": "cancelled",  # the latest report wins
    }


def test_dates_merge_into_a_range_with_precision(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "month", Ev(["RU", "US"], status="planned", start="2025-12-01", precision="month"), published="2025-11-25"
    )
    lake.add_article("d1", Ev(["RU", "US"], status="held", start="2025-12-02"), published="2025-12-02")
    lake.add_article(
        "d2", Ev(["RU", "US"], status="held", start="2025-12-03", end="2025-12-04"), published="2025-12-05"
    )
    (only,) = rounds(build(tmp_path, lake))
    assert (only["start_date"], only["end_date"], only["date_precision"]) == (
        date(2025, 12, 2),
        date(2025, 12, 4),
        "day",
    )
    assert only["location_id"] is None and only["label"] == "Russia–United States talks"


def test_different_parties_same_place_and_day_stay_apart(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "x",
        Ev(["RU", "US"], place=MIAMI, start="2025-12-20"),
        Ev(["UA", "US"], place=MIAMI, start="2025-12-20"),
        published="2025-12-20",
    )
    got = rounds(build(tmp_path, lake))
    assert sorted(tuple(r["parties"]) for r in got) == [("RU", "US"), ("UA", "US")]


def test_round_participants_and_people(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "a",
        Ev(
            ["RU", "US"],
            place=MIAMI,
            start="2025-12-20",
            participants=[("person:dmitriev", "RU"), ("person:witkoff", None)],
        ),
        published="2025-12-20",
    )
    lake.add_article(
        "b",
        Ev(["RU", "US"], place=MIAMI, start="2025-12-20", participants=[("person:witkoff", "US")]),
        published="2025-12-21",
        people=["person:putin"],
    )
    db = build(tmp_path, lake)
    parts = fetch(db, "SELECT p.name_en, rp.side FROM round_participants rp JOIN people p USING (person_id) ORDER BY 1")
    assert parts == [("Kirill Dmitriev", "RU"), ("Steve Witkoff", "US")]
    people = fetch(db, "SELECT name_en, article_count, first_seen, last_seen FROM people ORDER BY 1")
    assert people == [
        ("Kirill Dmitriev", 1, date(2025, 12, 20), date(2025, 12, 20)),
        ("Steve Witkoff", 2, date(2025, 12, 20), date(2025, 12, 21)),
        ("Vladimir Putin", 1, date(2025, 12, 21), date(2025, 12, 21)),  # named, though in no round
    ]


def test_a_cancellation_does_not_reach_a_meeting_held_two_months_before(tmp_path: Path) -> None:
    # a meeting held on 15 August; on 23 October an undated report says a meeting of the same people was
    # called off: that is another meeting (what took place in August is not cancelled in October)
    lake = Lake(tmp_path / "lake")
    people = [("person:rubio", "US"), ("person:lavrov", "RU")]
    lake.add_article(
        "held", Ev(["RU", "US"], place=MIAMI, start="2025-08-15", participants=people), published="2025-08-16"
    )
    lake.add_article("late", Ev(["RU", "US"], status="cancelled", participants=people), published="2025-10-23")
    found = rounds(build(tmp_path, lake))
    assert sorted(r["status"] for r in found) == ["cancelled", "held"]
    # reported a week after the meeting's day, the same cancellation still joins it (and cannot undo held)
    lake2 = Lake(tmp_path / "lake2")
    lake2.add_article(
        "planned",
        Ev(["RU", "US"], status="planned", place=MIAMI, start="2025-10-16", participants=people),
        published="2025-10-10",
    )
    lake2.add_article("late", Ev(["RU", "US"], status="cancelled", participants=people), published="2025-10-23")
    (only,) = rounds(build(tmp_path / "b", lake2))
    assert only["status"] == "cancelled" and only["article_count"] == 2
