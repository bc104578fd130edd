"""Parquet exports: contract columns, whole-set swaps, text modes, partitioning, idempotence."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from lakes import Ev, Lake, sample_lake, sample_warehouse

from warehouse.build import build_warehouse
from warehouse.contract import CONTRACT_TABLES
from warehouse.export import EXCERPT_CHARS, EXPORT_TABLES, EXPORTS_MARKER, NULL_PARTITION, ExportError, export

# The independent copy of the contract's tables and columns, written from CONTRACT.md, on
# purpose not read from warehouse/contract.py (the declaration everything else reads): the two are
# checked against each other here. tests/test_flow.py reads the declaration.
CONTRACT: dict[str, list[str]] = {
    "articles": ["article_id", "source_uri", "title", "published_at", "language", "source", "text", "word_count"],
    "people": ["person_id", "name_en", "name_ar", "role", "country_code"],
    "article_people": ["article_id", "person_id", "mentions"],
    "locations": ["location_id", "name_en", "name_ar", "country_code", "kind", "latitude", "longitude"],
    "negotiation_rounds": [
        "round_id",
        "label",
        "location_id",
        "start_date",
        "end_date",
        "date_precision",
        "status",
        "parties",
        "sides",
        "mediators",
        "round_number",
        "outcomes",
        "first_reported",
        "last_reported",
        "article_count",
        "negotiation_id",
    ],
    "negotiations": [
        "negotiation_id",
        "label",
        "sides",
        "mediators",
        "first_round_date",
        "last_round_date",
        "round_count",
        "last_status",
    ],
    "round_participants": ["round_id", "person_id", "side"],
    "round_articles": ["round_id", "article_id", "evidence", "reported_status", "reported_start"],
}
# extras that come right after the contract's columns
EXTRAS: dict[str, list[str]] = {"people": ["first_seen", "last_seen", "article_count"]}


def test_the_declaration_is_the_contract() -> None:
    assert {t.name: list(t.column_names) for t in CONTRACT_TABLES} == CONTRACT
    assert list(EXPORT_TABLES) == [*CONTRACT, "fetch_log"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.mktemp("exports"))


def read(exports: Path, name: str) -> pa.Table:
    file, folder = exports / f"{name}.parquet", exports / name
    assert file.exists() != folder.exists(), f"{name}: exactly one of file and folder"
    path = file if file.exists() else folder
    table = ds.dataset(path, format="parquet", partitioning="hive").to_table()
    return table


def test_every_contract_table_with_its_columns_first_in_order(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = export(db, out)
    # the contract's tables, fetch_log, and the marker that makes the folder replaceable by the next export
    expected = [*(f"{n}.parquet" for n in CONTRACT), "fetch_log.parquet", EXPORTS_MARKER]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    for name, contract_columns in CONTRACT.items():
        columns = contract_columns + EXTRAS.get(name, [])
        table = read(out, name)
        assert table.column_names[: len(columns)] == columns, name
        assert table.num_rows == result.row_counts[name]
    assert pq.ParquetFile(out / "people.parquet").metadata.row_group(0).column(0).compression == "ZSTD"
    rounds = read(out, "negotiation_rounds")
    assert rounds.schema.field("parties").type == pa.list_(pa.string())
    assert rounds.schema.field("start_date").type == pa.date32()


def test_rows_sorted_and_identical_across_rebuilds(tmp_path: Path) -> None:
    exports = []
    for run in ("one", "two"):
        sample_lake(tmp_path / run / "lake")
        build_warehouse(tmp_path / run / "lake", tmp_path / run / "w.duckdb")
        export(tmp_path / run / "w.duckdb", tmp_path / run / "exports", partition_threshold=2)
        exports.append(tmp_path / run / "exports")
    for name in CONTRACT:
        one, two = read(exports[0], name), read(exports[1], name)
        assert one.equals(two), name
        # rows in key order (articles: within each year's partition)
        years = one.column("published_year").to_pylist() if name == "articles" else [0] * one.num_rows
        keys = list(zip([(y is None, y or 0) for y in years], one.column(0).to_pylist(), strict=True))
        assert keys == sorted(keys), name


def test_swap_replaces_the_whole_set_and_leaves_no_stale_layout(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    first = export(db, out, partition_threshold=0)
    assert first.articles_partitioned and (out / "articles").is_dir()
    (out / "old_table.parquet").write_bytes(b"stale")
    second = export(db, out, partition_threshold=10_000)
    assert not second.articles_partitioned
    assert (out / "articles.parquet").is_file() and not (out / "articles").exists()
    assert not (out / "old_table.parquet").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]  # no temporary folder left beside
    export(db, out, partition_threshold=0)
    assert (out / "articles").is_dir() and not (out / "articles.parquet").exists()


def test_failed_export_keeps_the_previous_set(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    export(db, out)
    with pytest.raises(ExportError, match="no warehouse"):
        export(tmp_path / "missing.duckdb", out)
    with pytest.raises(ExportError, match="text_mode"):
        export(db, out, text_mode="some")  # type: ignore[arg-type]
    assert (out / "articles.parquet").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


@pytest.mark.parametrize("mode", ["full", "excerpt", "none"])
def test_text_modes_keep_the_schema(db: Path, tmp_path: Path, mode: str) -> None:
    full = read(export(db, tmp_path / "full").exports_dir, "articles")
    table = read(export(db, tmp_path / mode, text_mode=mode).exports_dir, "articles")  # type: ignore[arg-type]
    assert table.schema == full.schema
    texts, originals = table.column("text").to_pylist(), full.column("text").to_pylist()
    if mode == "full":
        assert texts == originals
    elif mode == "excerpt":
        assert all(t == o[:EXCERPT_CHARS] for t, o in zip(texts, originals, strict=True))
        assert any(len(o) > EXCERPT_CHARS for o in originals) or all(
            t == o for t, o in zip(texts, originals, strict=True)
        )
    else:
        assert texts == [None] * len(originals)


def test_excerpt_cuts_long_texts(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    sentence = "Delegations of RU and US held talks in Miami."
    long_text = sentence + " " + "word " * 200
    lake.add_article("long", Ev(["RU", "US"], sentence=sentence), text=long_text)
    lake.flush()
    build_warehouse(lake.root, tmp_path / "w.duckdb")
    table = read(export(tmp_path / "w.duckdb", tmp_path / "ex", text_mode="excerpt").exports_dir, "articles")
    assert table.column("text").to_pylist() == [long_text[:EXCERPT_CHARS]]


def test_articles_partitioned_by_year_beyond_the_threshold(db: Path, tmp_path: Path) -> None:
    single = read(export(db, tmp_path / "single", partition_threshold=6).exports_dir, "articles")
    assert single.num_rows == 6  # at the threshold: still one file
    result = export(db, tmp_path / "parts", partition_threshold=5)
    assert result.articles_partitioned
    folders = sorted(p.name for p in (tmp_path / "parts" / "articles").iterdir())
    assert folders == ["published_year=2025", f"published_year={NULL_PARTITION}"]
    parted = read(tmp_path / "parts", "articles")
    assert parted.column_names == single.column_names  # the same columns in the same order either way
    by_id = {r["article_id"]: r["published_year"] for r in parted.to_pylist()}
    assert by_id == {r["article_id"]: r["published_year"] for r in single.to_pylist()}
    assert sorted(by_id.values(), key=lambda v: v or 0) == [None, 2025, 2025, 2025, 2025, 2025]
