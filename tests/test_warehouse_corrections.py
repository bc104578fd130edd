"""Analyst corrections: loaded from YAML into tables and applied on every build."""

from __future__ import annotations

from pathlib import Path

import pytest
from lakes import Ev, Lake, fetch, person_id_for, round_id_for

from warehouse.build import build_warehouse
from warehouse.corrections import CorrectionsError, load_corrections

MIAMI = "loc:city:miami"
REPO = Path(__file__).resolve().parent.parent


def build(tmp_path: Path, lake: Lake, corrections: str | None = None) -> Path:
    lake.flush()
    db = tmp_path / "warehouse.duckdb"
    path = None
    if corrections is not None:
        path = tmp_path / "corrections.yaml"
        path.write_text(corrections, encoding="utf-8")
    build_warehouse(lake.root, db, path)
    return db


def round_ids(db: Path) -> list[str]:
    return [r[0] for r in fetch(db, "SELECT round_id FROM negotiation_rounds ORDER BY round_id")]


def test_merge_rounds_by_round_id_and_by_event_id(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    a = lake.add_article("a", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-20")
    b = lake.add_article("b", Ev(["RU", "US"], place="loc:city:moscow", start="2025-12-20"), published="2025-12-21")
    c = lake.add_article("c", Ev(["RU", "US"], start="2026-01-10"), published="2026-01-11")
    d = lake.add_article("d", Ev(["RU", "US"], start="2026-03-10"), published="2026-03-11")
    db = build(tmp_path, lake)
    assert len(round_ids(db)) == 4
    ra, rb = round_id_for(a.event_ids[0]), round_id_for(b.event_ids[0])
    fixes = f"""
merge_rounds:
  - rounds: [{ra}, {rb}]
    note: one meeting, place misread
  - events: [{c.event_ids[0]}, {d.event_ids[0]}]
"""
    db = build(tmp_path, lake, fixes)
    assert round_ids(db) == sorted([ra, round_id_for(c.event_ids[0])])  # merged rounds keep the earliest id
    counts = fetch(db, "SELECT article_count FROM negotiation_rounds ORDER BY round_id")
    assert sorted(c[0] for c in counts) == [2, 2]
    # corrections are applied on every build, not once: without the file the rounds come apart again
    db = build(tmp_path, lake)
    assert len(round_ids(db)) == 4


def test_split_off_by_event_and_by_article(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    a = lake.add_article("a", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-20")
    b = lake.add_article("b", Ev(["RU", "US"], place=MIAMI, start="2025-12-20"), published="2025-12-21")
    c = lake.add_article("c", Ev(["RU", "US"], place=MIAMI, start="2025-12-21"), published="2025-12-22")
    db = build(tmp_path, lake)
    assert round_ids(db) == [round_id_for(a.event_ids[0])]
    db = build(tmp_path, lake, f"split_rounds:\n  - events: [{b.event_ids[0]}]\n")
    assert round_ids(db) == sorted([round_id_for(a.event_ids[0]), round_id_for(b.event_ids[0])])
    db = build(tmp_path, lake, f"split_rounds:\n  - articles: [{a.article_id}]\n")
    assert round_ids(db) == sorted([round_id_for(a.event_ids[0]), round_id_for(b.event_ids[0])])
    assert fetch(db, "SELECT article_count FROM negotiation_rounds ORDER BY article_count") == [(1,), (2,)]
    assert c.article_id  # c stays with b


def test_alias_folds_one_person_into_another(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    alias = "person:en:steven witkoff"
    lake.add_article(
        "a", Ev(["RU", "US"], place=MIAMI, start="2025-12-20", participants=[(alias, "US")]), published="2025-12-20"
    )
    lake.add_article(
        "b",
        Ev(["RU", "US"], place=MIAMI, start="2025-12-20", participants=[("person:witkoff", "US")]),
        published="2025-12-21",
    )
    db = build(tmp_path, lake)
    assert fetch(db, "SELECT count(*) FROM people") == [(2,)]
    db = build(tmp_path, lake, f'same_entity:\n  - alias: "{alias}"\n    canonical: person:witkoff\n')
    canonical = person_id_for("person:witkoff")
    assert fetch(db, "SELECT person_id, name_en, article_count FROM people") == [(canonical, "Steve Witkoff", 2)]
    assert fetch(db, "SELECT DISTINCT person_id FROM article_people") == [(canonical,)]
    assert fetch(db, "SELECT person_id, side, mention_count FROM round_participants") == [(canonical, "US", 2)]


def test_alias_of_a_place_makes_places_agree(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("a", Ev(["RU", "UA"], place="loc:city:istanbul", start="2025-05-16"), published="2025-05-16")
    lake.add_article("b", Ev(["RU", "UA"], place="loc:city:constantinople", start="2025-05-16"), published="2025-05-17")
    db = build(tmp_path, lake)
    assert len(round_ids(db)) == 2
    db = build(tmp_path, lake, "same_entity:\n  - {alias: loc:city:constantinople, canonical: loc:city:istanbul}\n")
    assert fetch(db, "SELECT label, article_count FROM negotiation_rounds") == [("Russia–Ukraine talks, Istanbul", 2)]


def test_not_a_round_drops_the_mention(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    a = lake.add_article(
        "a",
        Ev(["RU", "US"], place=MIAMI, start="2025-12-20"),
        Ev(["RU", "US"], status="proposed", place="loc:city:moscow"),
        published="2025-12-20",
    )
    db = build(tmp_path, lake)
    assert len(round_ids(db)) == 2
    db = build(
        tmp_path, lake, f"not_a_round:\n  - event: {a.event_ids[1]}\n    note: a phone call\n  - e_0000000000000000\n"
    )
    assert round_ids(db) == [round_id_for(a.event_ids[0])]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just a list\n", "expected a mapping"),
        ("merge_round:\n  - events: []\n", "unknown section"),
        ("merge_rounds:\n  - events: [e_0000000000000001]\n", "at least two"),
        ("merge_rounds:\n  - rounds: [e_0000000000000001, r_x]\n", "not a valid id"),
        ("split_rounds:\n  - articles: [r_0000000000000001]\n", "not a valid id"),
        ("split_rounds:\n  - {events: [e_0000000000000001], why: x}\n", "unknown key"),
        ("same_entity:\n  - {alias: person:a, canonical: person:a}\n", "alias of itself"),
        (
            "same_entity:\n  - {alias: person:a, canonical: person:b}\n  - {alias: person:a, canonical: person:c}\n",
            "already an alias",
        ),
        ("not_a_round:\n  - event: r_0000000000000001\n", "event id"),
        ("merge_rounds: [\n", "cannot read"),
    ],
)
def test_bad_corrections_are_refused_with_a_clear_message(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=message):
        load_corrections(path)


def test_example_file_is_valid(tmp_path: Path) -> None:
    fixes = load_corrections(REPO / "corrections.example.yaml")
    assert all(n > 0 for n in fixes.counts().values())
    # ids that match nothing in the lake are ignored
    build_warehouse(tmp_path / "lake", tmp_path / "w.duckdb", REPO / "corrections.example.yaml")
    assert fetch(tmp_path / "w.duckdb", "SELECT count(*) FROM corrections.merge_rounds") == [(4,)]
