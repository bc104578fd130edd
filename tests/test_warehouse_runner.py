"""The SQL runner: build order derived from the models, clear errors, atomic swaps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lakes import Ev, Lake, fetch, sample_lake

from warehouse.build import BuildError, build_warehouse
from warehouse.models import SQL_DIR, ModelError, header_lines, load_project

HEADER = "-- {name}: a test model.\n-- Grain: one row per thing.\n-- Columns:\n--   n: a number\n"


def copy_sql(tmp_path: Path) -> Path:
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    return sql


def add_model(sql: Path, layer: str, name: str, body: str) -> None:
    (sql / layer / f"{name}.sql").write_text(HEADER.format(name=name) + body, encoding="utf-8")


def test_build_order_puts_every_model_after_what_it_reads() -> None:
    project = load_project()
    position = {name: i for i, name in enumerate(project.order)}
    assert set(position) == set(project.models)
    for model in project.models.values():
        for ref in model.refs:
            assert position[ref] < position[model.name], (ref, model.name)
    assert project.models["negotiation_rounds"].refs  # the order is not trivially satisfied


def test_every_model_has_a_header_naming_its_grain() -> None:
    for model in load_project().models.values():
        if not model.is_seed:
            lines = header_lines(model.sql)
            assert lines[0].startswith(f"{model.name}:"), model.name
            assert any(line.startswith("Grain:") for line in lines), model.name


def test_a_new_model_lands_in_the_right_order_and_builds(tmp_path: Path) -> None:
    sql = copy_sql(tmp_path)
    # named to sort first, yet it reads a mart: it must come after negotiation_rounds
    add_model(sql, "intermediate", "int_aaa_round_count", "select count(*) as n from {{ ref('negotiation_rounds') }}")
    add_model(sql, "marts", "aaa_summary", "select n from {{ ref('int_aaa_round_count') }}")
    order = load_project(sql).order
    assert order.index("negotiation_rounds") < order.index("int_aaa_round_count") < order.index("aaa_summary")
    lake = Lake(tmp_path / "lake")
    lake.add_article("x", Ev(["RU", "US"], start="2025-12-20"))
    lake.flush()
    result = build_warehouse(lake.root, tmp_path / "w.duckdb", sql_dir=sql)
    assert result.models == order
    assert fetch(tmp_path / "w.duckdb", "SELECT n FROM main.aaa_summary") == [(1,)]
    assert fetch(tmp_path / "w.duckdb", "SELECT n FROM intermediate.int_aaa_round_count") == [(1,)]


def test_unknown_reference_is_a_clear_error(tmp_path: Path) -> None:
    sql = copy_sql(tmp_path)
    add_model(sql, "marts", "broken", "select * from {{ ref('no_such_model') }}")
    with pytest.raises(ModelError, match=r"'broken'.*unknown model 'no_such_model'"):
        load_project(sql)


def test_cycle_is_a_clear_error(tmp_path: Path) -> None:
    sql = copy_sql(tmp_path)
    add_model(sql, "intermediate", "int_chicken", "select * from {{ ref('int_egg') }}")
    add_model(sql, "intermediate", "int_egg", "select * from {{ ref('int_chicken') }}")
    with pytest.raises(ModelError, match=r"cycle.*int_chicken -> int_egg -> int_chicken"):
        load_project(sql)


def test_model_without_header_is_refused(tmp_path: Path) -> None:
    sql = copy_sql(tmp_path)
    (sql / "marts" / "bare.sql").write_text("select 1 as n\n", encoding="utf-8")
    with pytest.raises(ModelError, match="Grain"):
        load_project(sql)


def test_unknown_lake_table_is_a_clear_error(tmp_path: Path) -> None:
    sql = copy_sql(tmp_path)
    add_model(sql, "staging", "stg_nothing", "select * from {{ source('lake', 'nothing') }}")
    with pytest.raises(ModelError, match="unknown lake table 'nothing'"):
        load_project(sql)


def test_failing_model_names_itself_and_keeps_the_old_warehouse(tmp_path: Path) -> None:
    sample_lake(tmp_path / "lake")
    db = tmp_path / "out" / "warehouse.duckdb"
    build_warehouse(tmp_path / "lake", db)
    before = fetch(db, "SELECT round_id FROM negotiation_rounds ORDER BY 1")
    sql = copy_sql(tmp_path)
    add_model(sql, "marts", "zz_bad", "select no_such_column from {{ ref('articles') }}")
    with pytest.raises(BuildError, match="model zz_bad"):
        build_warehouse(tmp_path / "lake", db, sql_dir=sql)
    assert fetch(db, "SELECT round_id FROM negotiation_rounds ORDER BY 1") == before
    assert [p.name for p in db.parent.iterdir()] == ["warehouse.duckdb"]  # no temporary file left


def test_rebuild_from_the_same_lake_gives_the_same_tables(tmp_path: Path) -> None:
    sample_lake(tmp_path / "lake")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    build_warehouse(tmp_path / "lake", one)
    build_warehouse(tmp_path / "lake", two)
    for table in ("negotiation_rounds", "round_articles", "people", "locations", "round_participants"):
        query = f"SELECT * FROM {table} ORDER BY ALL"
        assert fetch(one, query) == fetch(two, query), table
