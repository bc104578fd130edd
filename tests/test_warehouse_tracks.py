"""Negotiations as tracks, non-state sides, and the user's scope, applied in the warehouse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from lakes import Ev, Lake, fetch, sha16

from warehouse.build import DataTestError, build_warehouse, run_data_tests
from warehouse.scope import ScopeError, normalise_scope, parse_only, scope_key, write_scope_table

MIAMI, ISTANBUL, GENEVA = "loc:city:miami", "loc:city:istanbul", "loc:city:geneva"
ASTANA, CAIRO, JEDDAH, MUSCAT = "loc:city:astana", "loc:city:cairo", "loc:city:jeddah", "loc:city:muscat"
HAMAS = {"org:hamas": {"kind": "org", "name_en": "Hamas", "name_ar": "حماس", "country_code": "PS"}}


def negotiation_id(*sides: str) -> str:
    return "n_" + sha16(",".join(sorted(sides)))


def build(lake: Lake, name: str = "warehouse.duckdb", scope: list[frozenset[str]] | None = None) -> Path:
    lake.flush()
    db = lake.root.parent / name
    build_warehouse(lake.root, db, scope=scope)
    return db


def tracks(db: Path) -> dict[str, dict[str, object]]:
    cols = "negotiation_id, label, sides, mediators, first_round_date, last_round_date, round_count, last_status"
    cols += ", other_sides"
    names = [c.strip() for c in cols.split(",")]
    return {r[1]: dict(zip(names, r, strict=True)) for r in fetch(db, f"SELECT {cols} FROM negotiations")}


def round_tracks(db: Path) -> dict[str, str]:
    """round label -> its track's label"""
    sql = """SELECT r.label, n.label FROM negotiation_rounds AS r
             JOIN negotiations AS n ON n.negotiation_id = r.negotiation_id"""
    return dict(fetch(db, sql))


def many_talks(root: Path) -> Lake:
    """The Ukraine talks (bilateral meetings and one trilateral round), Astana rounds (one with
    Syria), an Iran–US round, a Saudi–Iran round and Israel–Hamas talks."""
    lake = Lake(root)
    lake.add_article("ru-us-1", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-21")
    lake.add_article("ru-us-2", Ev(["RU", "US"], place=GENEVA, start="2026-02-10"), published="2026-02-11")
    lake.add_article("ua-us-1", Ev(["UA", "US"], place=MIAMI, start="2025-11-30"), published="2025-12-01")
    lake.add_article("ru-ua-1", Ev(["RU", "UA"], place=ISTANBUL, start="2025-05-16"), published="2025-05-17")
    lake.add_article("trio", Ev(["RU", "UA", "US"], mediators=["AE"], start="2026-01-23"), published="2026-01-24")
    for n, day in enumerate(["2025-01-10", "2025-03-12", "2025-06-20"], start=1):
        lake.add_article(f"astana-{n}", Ev(["IR", "RU", "TR"], place=ASTANA, start=day), published=day)
    lake.add_article(
        "astana-sy", Ev(["IR", "RU", "SY", "TR"], place=ASTANA, start="2025-09-01"), published="2025-09-02"
    )
    lake.add_article(
        "ir-us", Ev(["IR", "US"], place=MUSCAT, mediators=["OM"], start="2025-04-12"), published="2025-04-13"
    )
    lake.add_article("sa-ir", Ev(["IR", "SA"], status="planned", start="2025-10-05"), published="2025-09-20")
    lake.add_article(
        "il-hamas",
        Ev(["IL", "PS"], sides=["IL", "org:hamas"], place=CAIRO, start="2025-10-07", mediators=["EG", "QA"]),
        published="2025-10-08",
        people=["org:hamas"],
        entity_overrides=HAMAS,
    )
    return lake


@pytest.fixture(scope="module")
def talks(tmp_path_factory: pytest.TempPathFactory) -> Lake:
    lake = many_talks(tmp_path_factory.mktemp("tracks") / "lake")
    lake.flush()
    return lake


@pytest.fixture(scope="module")
def everything(talks: Lake) -> Path:
    return build(talks, "all.duckdb")


# ---------------------------------------------------------------- tracks


def test_one_track_per_negotiation_with_analyst_labels(everything: Path) -> None:
    found = tracks(everything)
    assert sorted(found) == [
        "Hamas–Israel talks",
        "Iran–Russia–Turkey talks",
        "Iran–Saudi Arabia talks",
        "Iran–United States talks",
        "Russia–Ukraine–United States talks",
    ]
    ukraine = found["Russia–Ukraine–United States talks"]
    assert ukraine["sides"] == ["RU", "UA", "US"]
    assert ukraine["negotiation_id"] == negotiation_id("RU", "UA", "US"), "derived from the core sides alone"
    assert ukraine["round_count"] == 5
    assert (ukraine["first_round_date"], ukraine["last_round_date"]) == (date(2025, 5, 16), date(2026, 2, 10))
    assert ukraine["last_status"] == "held" and ukraine["mediators"] == ["AE"]
    hamas = found["Hamas–Israel talks"]
    assert hamas["sides"] == ["IL", "org:hamas"] and hamas["mediators"] == ["EG", "QA"]


def test_bilateral_meetings_of_core_sides_join_the_wider_talks(everything: Path) -> None:
    of = round_tracks(everything)
    assert of["Russia–United States talks, Miami"] == "Russia–Ukraine–United States talks"
    assert of["Ukraine–United States talks, Miami"] == "Russia–Ukraine–United States talks"
    assert of["Russia–Ukraine talks, Istanbul"] == "Russia–Ukraine–United States talks"
    # Iran meets the US too, but Iran–US is not inside the Ukraine talks' core: a track of its own
    assert of["Iran–United States talks, Muscat"] == "Iran–United States talks"


def test_a_guest_seen_once_joins_the_core_without_it(everything: Path) -> None:
    of = round_tracks(everything)
    assert of["Iran–Russia–Syria–Turkey talks, Astana"] == "Iran–Russia–Turkey talks"
    astana = tracks(everything)["Iran–Russia–Turkey talks"]
    assert astana["round_count"] == 4 and astana["other_sides"] == ["SY"]
    relation = dict(fetch(everything, "SELECT sides_key, relation FROM intermediate.int_negotiation_tracks"))
    assert relation["IR,RU,SY,TR"] == "beyond" and relation["RU,US"] == "within" and relation["IR,RU,TR"] == "core"


def test_a_guest_who_keeps_coming_becomes_part_of_the_core(talks: Lake, tmp_path: Path) -> None:
    lake = many_talks(tmp_path / "lake")
    lake.add_article(
        "astana-sy-2", Ev(["IR", "RU", "SY", "TR"], place=ASTANA, start="2025-11-20"), published="2025-11-21"
    )
    found = tracks(build(lake))
    assert "Iran–Russia–Syria–Turkey talks" in found and "Iran–Russia–Turkey talks" not in found
    assert found["Iran–Russia–Syria–Turkey talks"]["round_count"] == 5


def test_without_a_trilateral_round_the_bilateral_talks_are_tracks_of_their_own(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("ru-us-1", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-21")
    lake.add_article("ru-us-2", Ev(["RU", "US"], place=GENEVA, start="2026-02-10"), published="2026-02-11")
    lake.add_article("ua-us-1", Ev(["UA", "US"], place=MIAMI, start="2025-11-30"), published="2025-12-01")
    db = build(lake)
    assert {k: v["negotiation_id"] for k, v in tracks(db).items()} == {
        "Russia–United States talks": negotiation_id("RU", "US"),
        "Ukraine–United States talks": negotiation_id("UA", "US"),
    }


def test_an_outsider_at_one_round_does_not_capture_the_track(tmp_path: Path) -> None:
    lake = many_talks(tmp_path / "lake")
    lake.add_article("paris", Ev(["FR", "RU", "UA", "US"], start="2026-03-01"), published="2026-03-02")
    db = build(lake)
    assert round_tracks(db)["France–Russia–Ukraine–United States talks"] == "Russia–Ukraine–United States talks"
    ukraine = tracks(db)["Russia–Ukraine–United States talks"]
    assert ukraine["negotiation_id"] == negotiation_id("RU", "UA", "US") and ukraine["other_sides"] == ["FR"]


def test_negotiations_sharing_a_side_stay_apart(tmp_path: Path) -> None:
    """Russia sits in Astana and in the Ukraine talks; a Russia–Turkey meeting joins Astana, and
    a one-off Russia–Turkey–Ukraine signing is a track of its own, not a bridge between the two."""
    lake = many_talks(tmp_path / "lake")
    lake.add_article("ru-tr", Ev(["RU", "TR"], place="loc:city:ankara", start="2025-08-01"), published="2025-08-02")
    lake.add_article("grain", Ev(["RU", "TR", "UA"], place=ISTANBUL, start="2022-07-22"), published="2022-07-22")
    db = build(lake)
    of = round_tracks(db)
    assert of["Russia–Turkey talks, Ankara"] == "Iran–Russia–Turkey talks"
    assert of["Russia–Turkey–Ukraine talks, Istanbul"] == "Russia–Turkey–Ukraine talks"
    assert of["Russia–Ukraine talks, Istanbul"] == "Russia–Ukraine–United States talks"
    assert len(tracks(db)) == 6


def test_a_guest_at_a_meeting_of_part_of_the_core_joins_the_talks(tmp_path: Path) -> None:
    """The EU at a Ukraine–US meeting (Berlin): the Ukraine talks. Iran at a Russia–US meeting: Iran
    is a side of the Iran–US talks, so the meeting belongs to neither and is a track of its own."""
    lake = many_talks(tmp_path / "lake")
    lake.add_article("berlin", Ev(["EU", "UA", "US"], place="loc:city:berlin", start="2025-12-15"))
    lake.add_article("ir-ru-us", Ev(["IR", "RU", "US"], place=GENEVA, start="2025-07-01"))
    db = build(lake)
    of = round_tracks(db)
    assert of["European Union–Ukraine–United States talks, Berlin"] == "Russia–Ukraine–United States talks"
    assert of["Iran–Russia–United States talks, Geneva"] == "Iran–Russia–United States talks"
    assert tracks(db)["Russia–Ukraine–United States talks"]["other_sides"] == ["EU"]


def test_track_ids_do_not_depend_on_other_negotiations(everything: Path, tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    for n, day in enumerate(["2025-01-10", "2025-03-12"], start=1):
        lake.add_article(f"astana-{n}", Ev(["IR", "RU", "TR"], place=ASTANA, start=day), published=day)
    alone = tracks(build(lake))["Iran–Russia–Turkey talks"]["negotiation_id"]
    assert alone == tracks(everything)["Iran–Russia–Turkey talks"]["negotiation_id"] == negotiation_id("IR", "RU", "TR")


# ---------------------------------------------------------------- non-state sides


def test_a_non_state_side_is_a_side_of_its_own(everything: Path) -> None:
    ((label, parties, sides),) = fetch(
        everything, "SELECT label, parties, sides FROM negotiation_rounds WHERE list_contains(parties, 'IL')"
    )
    assert (label, parties, sides) == ("Hamas–Israel talks, Cairo", ["IL", "PS"], ["IL", "org:hamas"])


def test_a_report_naming_only_the_country_joins_the_org_side(tmp_path: Path) -> None:
    """One report says Hamas, another the Palestinian side: one round, and its side is Hamas."""
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "hamas",
        Ev(["IL", "PS"], sides=["IL", "org:hamas"], place=CAIRO, start="2025-10-07"),
        published="2025-10-07",
        people=["org:hamas"],
        entity_overrides=HAMAS,
    )
    lake.add_article("palestinians", Ev(["IL", "PS"], place=CAIRO, start="2025-10-07"), published="2025-10-08")
    db = build(lake)
    assert fetch(db, "SELECT sides, article_count FROM negotiation_rounds") == [(["IL", "org:hamas"], 2)]


def test_contradicting_non_state_sides_are_two_rounds(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("hamas", Ev(["IL", "PS"], sides=["IL", "org:hamas"], place=CAIRO, start="2025-10-07"))
    lake.add_article("pij", Ev(["IL", "PS"], sides=["IL", "org:pij"], place=CAIRO, start="2025-10-07"))
    db = build(lake)
    assert sorted(fetch(db, "SELECT sides, label FROM negotiation_rounds")) == [
        (["IL", "org:hamas"], "Hamas–Israel talks, Cairo"),
        (["IL", "org:pij"], "Israel–PIJ talks, Cairo"),
    ]


def test_a_state_and_a_group_of_the_same_country_are_two_sides(tmp_path: Path) -> None:
    """Sudan's army (SD) and the RSF: parties hold one code, sides two; it is a negotiation."""
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "jeddah", Ev(["SD"], sides=["SD", "org:rsf"], place=JEDDAH, start="2023-05-06", mediators=["SA", "US"])
    )
    db = build(lake)
    assert fetch(db, "SELECT label, parties, sides FROM negotiation_rounds") == [
        ("RSF–Sudan talks, Jeddah", ["SD"], ["SD", "org:rsf"])
    ]
    assert fetch(db, "SELECT label, sides FROM negotiations") == [("RSF–Sudan talks", ["SD", "org:rsf"])]


def test_a_lake_without_sides_reads_them_as_the_parties(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("old", Ev(["RU", "UA"], place=ISTANBUL, start="2025-05-16"))
    lake.flush()
    for path in (lake.root / "events").rglob("*.parquet"):  # as an older writer left them
        pq.write_table(pq.read_table(path).drop_columns(["sides"]), path)
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT parties, sides, negotiation_id FROM negotiation_rounds") == [
        (["RU", "UA"], ["RU", "UA"], negotiation_id("RU", "UA"))
    ]


def test_a_round_with_one_side_is_not_a_negotiation_round(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("alone", Ev(["RU"], place=MIAMI, start="2025-12-20"))
    lake.add_article("pair", Ev(["RU", "US"], place=GENEVA, start="2025-12-20"))
    db = build(lake)
    assert fetch(db, "SELECT sides FROM negotiation_rounds") == [(["RU", "US"],)]
    assert fetch(db, "SELECT count(*) FROM round_articles") == [(1,)]


# ---------------------------------------------------------------- scope


def test_scope_keeps_rounds_with_two_followed_sides(talks: Lake, everything: Path) -> None:
    db = build(talks, "ukraine.duckdb", scope=[frozenset({"RU", "UA", "US"})])
    labels = {r[0] for r in fetch(db, "SELECT label FROM negotiation_rounds")}
    assert labels == {
        "Russia–United States talks, Miami",
        "Russia–United States talks, Geneva",
        "Ukraine–United States talks, Miami",
        "Russia–Ukraine talks, Istanbul",
        "Russia–Ukraine–United States talks",
    }
    assert [r["label"] for r in tracks(db).values()] == ["Russia–Ukraine–United States talks"]
    kept = {r[0] for r in fetch(db, "SELECT round_id FROM negotiation_rounds")}
    assert {r[0] for r in fetch(db, "SELECT DISTINCT round_id FROM round_articles")} == kept
    assert {r[0] for r in fetch(db, "SELECT DISTINCT round_id FROM round_participants")} <= kept
    # the same rounds under the same ids, labels and tracks as without a scope
    sql = "SELECT round_id, label, negotiation_id FROM negotiation_rounds"
    assert set(fetch(db, sql)) < set(fetch(everything, sql))
    assert fetch(db, "SELECT * FROM settings.scope ORDER BY side") == [(1, "RU"), (1, "UA"), (1, "US")]


def test_scope_of_one_side_follows_every_round_it_sits_in(talks: Lake) -> None:
    db = build(talks, "iran.duckdb", scope=[frozenset({"IR"})])
    assert sorted(tracks(db)) == ["Iran–Russia–Turkey talks", "Iran–Saudi Arabia talks", "Iran–United States talks"]


def test_scope_by_non_state_side_or_by_its_country(talks: Lake) -> None:
    by_org = build(talks, "hamas.duckdb", scope=[frozenset({"IL", "org:hamas"})])
    by_country = build(talks, "ps.duckdb", scope=[frozenset({"IL", "PS"})])
    one_side = build(talks, "ps-hamas.duckdb", scope=[frozenset({"PS", "org:hamas"})])
    assert list(tracks(by_org)) == list(tracks(by_country)) == ["Hamas–Israel talks"]
    assert list(tracks(one_side)) == [], "Hamas and its country are one side, not two"


def test_several_followed_sets(talks: Lake) -> None:
    db = build(talks, "two.duckdb", scope=[frozenset({"RU", "UA", "US"}), frozenset({"SA", "IR"})])
    assert sorted(tracks(db)) == ["Iran–Saudi Arabia talks", "Russia–Ukraine–United States talks"]


def test_scope_helpers() -> None:
    assert parse_only(["ru, ua,US", "IL,ORG:Hamas", "ua,us,ru"]) == [
        frozenset({"IL", "org:hamas"}),
        frozenset({"RU", "UA", "US"}),
    ]
    assert normalise_scope(None) == normalise_scope([]) == normalise_scope([[]]) == []
    assert normalise_scope([["UK", "fr"]]) == [frozenset({"GB", "FR"})]
    assert scope_key(None) == ""
    assert scope_key([{"US", "RU", "UA"}, {"org:hamas", "IL"}]) == "IL,org:hamas;RU,UA,US"
    assert scope_key([{"RU", "UA"}]) != scope_key([{"RU", "UA", "US"}]), "a changed scope changes the stamp"
    for bad in ("Russia", "R1", "org:", "org:Has Space"):
        with pytest.raises(ScopeError):
            normalise_scope([[bad]])
    con = duckdb.connect()
    assert write_scope_table(con, [["us", "ru"]]) == [frozenset({"RU", "US"})]
    assert con.execute("SELECT * FROM settings.scope ORDER BY side").fetchall() == [(1, "RU"), (1, "US")]
    write_scope_table(con, None)
    assert con.execute("SELECT count(*) FROM settings.scope").fetchall() == [(0,)]


# ---------------------------------------------------------------- data tests


def test_data_tests_guard_the_tracks(talks: Lake, tmp_path: Path) -> None:
    db = build(talks, "broken.duckdb")
    con = duckdb.connect(str(db))
    try:
        con.execute("UPDATE negotiation_rounds SET negotiation_id = 'n_nowhere' WHERE list_contains(sides, 'IL')")
        with pytest.raises(DataTestError) as caught:
            run_data_tests(con)
        assert set(caught.value.failures) == {
            "relationships_negotiation_rounds_negotiation_id",
            "tracks_count_their_rounds",  # the track the rounds left
        }
        con.execute("UPDATE negotiation_rounds SET negotiation_id = NULL WHERE list_contains(sides, 'IL')")
        con.execute("INSERT INTO negotiations SELECT * FROM negotiations WHERE label LIKE 'Iran–Saudi%'")
        with pytest.raises(DataTestError) as caught:
            run_data_tests(con)
        assert {
            "unique_negotiations_negotiation_id",
            "not_null_negotiation_rounds_negotiation_id",
            "tracks_count_their_rounds",
        } <= set(caught.value.failures)
    finally:
        con.close()


def test_one_countrys_rival_sides_named_together_make_a_round_and_a_track(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    sd = Ev(["SD"], sides=["org:sd-factions"], place=JEDDAH, mediators=["SA"], start="2025-05-06")
    lake.add_article("sd-1", sd, published="2025-05-06")
    lake.add_article("sd-2", sd, published="2025-05-07")
    lake.add_article("one-side", Ev(["SD"], sides=["SD"], place=JEDDAH, start="2025-06-01"), published="2025-06-01")
    db = build(lake)
    rows = fetch(db, "SELECT label, parties, sides, mediators, negotiation_id FROM negotiation_rounds")
    assert len(rows) == 1  # a lone state is no meeting; the collective of rival sides is
    label, parties, sides, mediators, nid = rows[0]
    assert (parties, sides, mediators) == (["SD"], ["org:sd-factions"], ["SA"])
    assert label.startswith("Sudan factions talks") and nid == negotiation_id("org:sd-factions")
    assert [t["round_count"] for t in tracks(db).values()] == [1]
