"""The data tests (sql/tests/*.sql and the generic ones made from warehouse/contract.py): each
passes on a sound warehouse and fires on a broken table."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from lakes import sample_warehouse

from warehouse.build import DataTestError, run_data_tests
from warehouse.contract import TABLE
from warehouse.models import SQL_DIR, DataTest, load_project

# data test -> statements that break exactly what it guards: every sql/tests/*.sql, and some
# generic tests written out by hand (all generic ones are also broken as the declaration says,
# in test_generic_test_fires_on_a_broken_table)
BREAKS: dict[str, list[str]] = {
    "unique_people_person_id": ["INSERT INTO people SELECT * FROM people ORDER BY person_id LIMIT 1"],
    "not_null_locations_location_id": [
        "UPDATE locations SET location_id = NULL WHERE location_key = 'loc:city:geneva'"
    ],
    "relationships_round_participants_person_id": [
        "DELETE FROM people WHERE person_id IN (SELECT person_id FROM round_participants ORDER BY 1 LIMIT 1)"
    ],
    "accepted_values_negotiation_rounds_status": [
        "UPDATE negotiation_rounds SET status = 'postponed' WHERE round_number = 3"
    ],
    "columns_negotiation_rounds": ["ALTER TABLE negotiation_rounds ALTER round_number TYPE VARCHAR"],
    "rounds_have_reports": ["DELETE FROM round_articles WHERE round_id = (SELECT min(round_id) FROM round_articles)"],
    "tracks_count_their_rounds": ["UPDATE negotiations SET round_count = round_count + 1"],
    "accepted_country_codes": ["UPDATE negotiation_rounds SET parties = ['RU', 'XX'] WHERE round_number = 1"],
    "accepted_values_locations_kind": ["UPDATE locations SET kind = 'planet' WHERE location_key = 'loc:city:miami'"],
    "people_have_a_name": ["UPDATE people SET name_en = NULL, name_ar = NULL WHERE person_key = 'person:putin'"],
    "evidence_verbatim": [
        "UPDATE round_articles SET evidence = evidence || ' (edited)' WHERE reported_status = 'planned'"
    ],
    "no_duplicate_rounds": [
        "CREATE TEMP TABLE twin AS SELECT * FROM negotiation_rounds WHERE start_date = DATE '2025-12-20'",
        "UPDATE twin SET round_id = 'r_twin'",
        "INSERT INTO negotiation_rounds SELECT * FROM twin",
        "INSERT INTO round_articles SELECT * REPLACE ('r_twin' AS round_id) FROM round_articles "
        "WHERE round_id = (SELECT min(round_id) FROM negotiation_rounds WHERE start_date = DATE '2025-12-20')",
    ],
}


@pytest.fixture(scope="module")
def sound_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.mktemp("datatests"))


def generic(test: DataTest) -> bool:
    return test.path.name == "contract.py"


GENERIC = sorted(t.name for t in load_project().tests if generic(t))


def test_every_data_test_has_a_break_case() -> None:
    tests = load_project().tests
    assert sorted(t.name for t in tests if not generic(t)) == sorted(p.stem for p in (SQL_DIR / "tests").glob("*.sql"))
    assert {t.name for t in tests if not generic(t)} <= set(BREAKS)
    assert set(BREAKS) <= {t.name for t in tests}
    assert len(GENERIC) > 40  # columns, unique, not null, accepted values, relationships


def test_all_pass_on_a_sound_warehouse(sound_db: Path) -> None:
    con = duckdb.connect(str(sound_db), read_only=True)
    try:
        assert sorted(run_data_tests(con)) == sorted(t.name for t in load_project().tests)
    finally:
        con.close()


def fires(sound_db: Path, tmp_path: Path, name: str, statements: list[str]) -> None:
    db = tmp_path / "broken.duckdb"
    shutil.copy(sound_db, db)
    con = duckdb.connect(str(db))
    try:
        for statement in statements:
            con.execute(statement)
        with pytest.raises(DataTestError) as caught:
            run_data_tests(con)
    finally:
        con.close()
    assert name in caught.value.failures
    assert name in str(caught.value)


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_data_test_fires_on_a_broken_table(name: str, sound_db: Path, tmp_path: Path) -> None:
    fires(sound_db, tmp_path, name, BREAKS[name])


def generic_break(name: str) -> list[str]:
    """Statements that break what a generic test guards, from the test's name and the declaration."""
    project = load_project()
    kind, rest = next(
        (k, name[len(k) + 1 :])
        for k in ("columns", "unique", "not_null", "accepted_values", "relationships")
        if name.startswith(k + "_")
    )
    table = next(t for t in sorted(project.models, key=len, reverse=True) if rest == t or rest.startswith(t + "_"))
    relation, column = project.models[table].relation, rest[len(table) + 1 :]
    if kind == "columns":
        first = TABLE[table].columns[0].name  # moved to the end: every column is there, out of order
        return [f"CREATE OR REPLACE TABLE {relation} AS SELECT * EXCLUDE ({first}), {first} FROM {relation}"]
    if kind == "unique":  # two rows of null keys, whatever the table holds
        return [f"INSERT INTO {relation} DEFAULT VALUES", f"INSERT INTO {relation} DEFAULT VALUES"]
    if kind == "not_null":
        return [f"INSERT INTO {relation} DEFAULT VALUES"]
    return [f"INSERT INTO {relation} ({column}) VALUES ('not-a-value')"]


@pytest.mark.parametrize("name", GENERIC)
def test_generic_test_fires_on_a_broken_table(name: str, sound_db: Path, tmp_path: Path) -> None:
    fires(sound_db, tmp_path, name, generic_break(name))
