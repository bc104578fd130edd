"""A country named through a non-state side in one report and as the host in another: the movement
sat at the table, so the country is a party of the round, not its mediator (built on real DuckDB)."""

from __future__ import annotations

from pathlib import Path

from lakes import Ev, Lake, built, fetch

SANAA = "loc:city:sanaa"


def parties_and_mediators(db: Path) -> list[tuple[object, ...]]:
    return fetch(db, "SELECT parties, mediators FROM negotiation_rounds ORDER BY round_id")


def test_a_movement_at_the_table_outweighs_a_report_of_its_country_as_host(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    # one report: the Houthis' leader receives two delegations in Sanaa (Yemen reads as the host)
    lake.add_article(
        "received", Ev(["OM", "SA"], place=SANAA, start="2024-04-08", mediators=["YE"]), published="2024-04-09"
    )
    # the other: the two delegations held talks with the Houthis' leaders in Sanaa
    lake.add_article(
        "talks",
        Ev(["OM", "SA", "YE"], place=SANAA, start="2024-04-08", sides=["OM", "SA", "org:houthis"]),
        published="2024-04-10",
    )
    assert parties_and_mediators(built(lake, tmp_path)) == [(["OM", "SA", "YE"], [])]


def test_a_state_named_as_a_side_in_one_report_and_host_in_another_is_still_a_mediator(tmp_path: Path) -> None:
    # guard: the tie rule stands for states (one report's "Turkey" as a side is the other's host)
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "hosted",
        Ev(["RU", "UA"], place="loc:city:istanbul", start="2024-05-16", mediators=["TR"]),
        published="2024-05-16",
    )
    lake.add_article(
        "three", Ev(["RU", "TR", "UA"], place="loc:city:istanbul", start="2024-05-16"), published="2024-05-17"
    )
    assert parties_and_mediators(built(lake, tmp_path)) == [(["RU", "UA"], ["TR"])]
