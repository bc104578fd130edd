"""Staging: reading the lake as it is, superseded extractions, duplicate articles, entity attributes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lakes import Ev, Lake, fetch, person_id_for

from warehouse.build import BuildError, build_warehouse
from warehouse.models import lake_relation

MIAMI = "loc:city:miami"


def test_empty_lake_builds_every_table_empty(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    result = build_warehouse(tmp_path / "no-lake-yet", db)
    assert result.row_counts["negotiation_rounds"] == 0 and result.row_counts["articles"] == 0
    assert result.row_counts["countries"] > 200
    assert "evidence_verbatim" in result.tests


def test_missing_table_folder_reads_as_empty_relation_of_its_schema(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.rows("articles", {"article_id": "a_0000000000000001", "text": "Only an article.", "simhash": 5})
    lake.flush()
    assert "read_parquet" not in lake_relation(lake.root, "events")
    assert "read_parquet" in lake_relation(lake.root, "articles")
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT article_id, word_count FROM articles") == [("a_0000000000000001", 3)]
    assert fetch(db, "SELECT count(*) FROM negotiation_rounds") == [(0,)]


def test_only_the_newest_extraction_of_an_article_counts(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    art = lake.add_article(
        "re",
        Ev(["RU", "US"], place=MIAMI, start="2025-12-20", participants=[("person:witkoff", "US")]),
        published="2025-12-20",
    )
    lake.flush("2025-12-20")
    # extracted again by a newer extractor: another event, other people
    sentence = art.text.splitlines()[1]
    lake.extract(
        art.article_id,
        art.text,
        [Ev(["RU", "UA"], place=MIAMI, start="2025-12-20", sentence=sentence, participants=[("person:umerov", "UA")])],
        version="v2",
    )
    lake.flush("2025-12-21")
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT parties FROM negotiation_rounds") == [(["RU", "UA"],)]
    assert fetch(db, "SELECT extractor_version FROM staging.stg_events") == [("v2",)]
    assert fetch(db, "SELECT person_id FROM article_people") == [(person_id_for("person:umerov"),)]


def test_an_interrupted_reextraction_does_not_replace_the_recorded_one(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    art = lake.add_article(
        "x", Ev(["RU", "US"], start="2025-12-20", participants=[("person:witkoff", "US")]), people=["person:umerov"]
    )
    lake.flush("2025-12-20")
    sentence = art.text.splitlines()[1]
    # v2 rows were written, but its extractions row never was: v1 stays current
    lake.extract(
        art.article_id,
        art.text,
        [Ev(["RU", "UA"], start="2025-12-20", sentence=sentence, participants=[("person:umerov", "UA")])],
        version="v2",
        record=False,
    )
    lake.flush("2025-12-21")
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT parties FROM negotiation_rounds") == [(["RU", "US"],)]
    assert fetch(db, "SELECT DISTINCT extractor_version FROM staging.stg_mentions") == [("v1",)]
    assert fetch(db, "SELECT person_id, mentions FROM article_people ORDER BY 1") == sorted(
        [(person_id_for("person:witkoff"), 1), (person_id_for("person:umerov"), 1)]
    )


def test_the_same_version_run_again_keeps_only_its_newest_rows(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    art = lake.add_article(
        "x", Ev(["RU", "US"], start="2025-12-20", participants=[("person:witkoff", "US")]), people=["person:umerov"]
    )
    lake.flush("2025-12-20")
    sentence = art.text.splitlines()[1]
    lake.extract(
        art.article_id,
        art.text,
        [Ev(["RU", "UA"], start="2025-12-20", sentence=sentence, participants=[("person:umerov", "UA")])],
        version="v1",
    )
    lake.flush("2025-12-21")
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT parties FROM negotiation_rounds") == [(["RU", "UA"],)]
    assert fetch(db, "SELECT person_id FROM article_people") == [(person_id_for("person:umerov"),)]
    assert fetch(db, "SELECT count(*) FROM staging.stg_entities") == [(1,)]


def test_rows_without_an_extractions_row_fall_back_to_their_newest_version(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("x", Ev(["RU", "US"], start="2025-12-20"), published="2025-12-20")
    lake.pending.pop("extractions")
    lake.flush()
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT is_recorded, extractor_version FROM staging.stg_extractions") == [(False, "v1")]
    assert fetch(db, "SELECT count(*) FROM negotiation_rounds") == [(1,)]


def test_articles_deduplicated_by_id_then_by_text_hash(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    first = lake.add_article("one", Ev(["RU", "US"], start="2025-12-20"), published="2025-12-20")
    lake.flush("2025-12-20")
    # the same article written again later (another ingest day): the first written row stays
    lake.rows("articles", dict(lake_row(lake, first.article_id), title="Rewritten", written_at=lake.tick()))
    # another URL, same cleaned text: one article
    same = first.text.splitlines()[1]
    lake.add_article(
        "mirror",
        Ev(["RU", "US"], start="2025-12-20", sentence=same),
        published="2025-12-21",
        text=first.text,
        url="https://mirror.example/one",
    )
    lake.flush("2025-12-22")
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT article_id, title FROM articles") == [(first.article_id, "Title one")]
    assert fetch(db, "SELECT article_count FROM negotiation_rounds") == [(1,)]


def lake_row(lake: Lake, article_id: str) -> dict[str, object]:
    import pyarrow.dataset as ds

    table = ds.dataset(lake.root / "articles", format="parquet", partitioning="hive").to_table()
    (row,) = [r for r in table.to_pylist() if r["article_id"] == article_id]
    row.pop("ingest_date", None)
    return row


def test_gazetteer_attributes_win_over_discovered(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    discovered = {"person:witkoff": {"name_en": "S. Witkoff", "role": "businessman", "entity_source": "discovered"}}
    # the gazetteer row is the older one: it still wins over the newer discovered row
    lake.add_article("b", Ev(["RU", "US"], participants=[("person:witkoff", "US")]), published="2025-12-20")
    lake.add_article(
        "a",
        Ev(["RU", "US"], participants=[("person:witkoff", "US")]),
        published="2025-12-25",
        entity_overrides=discovered,
    )
    lake.flush()
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT name_en, role, entity_source FROM people") == [
        ("Steve Witkoff", "US special envoy", "gazetteer")
    ]


def test_evidence_is_cut_from_the_text_by_offsets_when_the_string_differs(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    art = lake.add_article("ev", Ev(["RU", "US"], start="2025-12-20"), published="2025-12-20")
    (event,) = lake.pending["events"]
    true_evidence = event["evidence"]
    event["evidence"] = true_evidence.upper()  # e.g. an extractor that handed back normalised text
    lake.flush()
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT evidence FROM round_articles") == [(true_evidence,)]
    assert true_evidence in art.text


def test_evidence_not_in_text_fails_the_build_and_keeps_the_old_warehouse(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("ok", Ev(["RU", "US"], start="2025-12-20"), published="2025-12-20")
    lake.flush("2025-12-20")
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    lake.add_article("bad", Ev(["RU", "UA"], start="2025-12-21"), published="2025-12-21")
    (event,) = lake.pending["events"]
    event.update(evidence="Words the article never says.", evidence_start=-1, evidence_end=-1)
    lake.flush("2025-12-21")
    with pytest.raises(BuildError, match="evidence_verbatim"):
        build_warehouse(lake.root, db)
    assert fetch(db, "SELECT count(*) FROM articles") == [(1,)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lake", "warehouse.duckdb"]


def test_sides_are_normalised_and_an_empty_list_reads_as_the_parties(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("sd", Ev(["sd"], sides=[" ORG:RSF ", "sd", "org:rsf", ""], mediators=["SA", "SD"]))
    lake.add_article("old", Ev(["ua", "UK"], sides=[]))
    lake.flush()
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    rows = fetch(db, "SELECT parties, sides, mediators FROM staging.stg_events ORDER BY parties")
    assert rows == [(["GB", "UA"], ["GB", "UA"], []), (["SD"], ["SD", "org:rsf"], ["SA"])]


def test_an_entitys_attributes_come_from_the_newest_article_not_the_last_extracted(tmp_path: Path) -> None:
    """A re-run extracts articles in whatever order its workers finish: the row chosen for a person
    seen in two articles must not depend on it (newer publication first, then article id)."""
    lake = Lake(tmp_path / "lake")
    ev = Ev(["RU", "US"], participants=[("person:witkoff", "US")])
    newer = {"person:witkoff": {"name_en": "S. Witkoff", "role": "special envoy", "entity_source": "discovered"}}
    older = {"person:witkoff": {"name_en": "Steven Witkoff", "role": "businessman", "entity_source": "discovered"}}
    # the newer article is written first, the older one last
    lake.add_article("n", ev, published="2025-12-25", entity_overrides=newer)
    lake.add_article("o", ev, published="2025-12-20", entity_overrides=older)
    lake.flush()
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT name_en, role FROM people") == [("S. Witkoff", "special envoy")]
