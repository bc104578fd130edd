"""The SQL data tests in sql/tests/: each passes on a sound warehouse and fires on a broken table."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from lakes import sample_lake

from warehouse.build import DataTestError, build_warehouse, run_data_tests
from warehouse.models import load_project

# data test -> statements that break exactly what it guards
BREAKS: dict[str, list[str]] = {
    "unique_ids": ["INSERT INTO people SELECT * FROM people ORDER BY person_id LIMIT 1"],
    "not_null_ids": ["UPDATE locations SET location_id = NULL WHERE location_key = 'loc:city:geneva'"],
    "relationships": [
        "DELETE FROM people WHERE person_id IN (SELECT person_id FROM round_participants ORDER BY 1 LIMIT 1)"
    ],
    "accepted_statuses": ["UPDATE negotiation_rounds SET status = 'postponed' WHERE round_number = 3"],
    "accepted_country_codes": ["UPDATE negotiation_rounds SET parties = ['RU', 'XX'] WHERE round_number = 1"],
    "accepted_location_kinds": ["UPDATE locations SET kind = 'planet' WHERE location_key = 'loc:city:miami'"],
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
    root = tmp_path_factory.mktemp("datatests")
    sample_lake(root / "lake")
    db = root / "warehouse.duckdb"
    build_warehouse(root / "lake", db)
    return db


def test_every_data_test_has_a_break_case() -> None:
    assert sorted(t.name for t in load_project().tests) == sorted(BREAKS)


def test_all_pass_on_a_sound_warehouse(sound_db: Path) -> None:
    con = duckdb.connect(str(sound_db), read_only=True)
    try:
        assert run_data_tests(con) == tuple(sorted(BREAKS))
    finally:
        con.close()


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_data_test_fires_on_a_broken_table(name: str, sound_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "broken.duckdb"
    shutil.copy(sound_db, db)
    con = duckdb.connect(str(db))
    try:
        for statement in BREAKS[name]:
            con.execute(statement)
        with pytest.raises(DataTestError) as caught:
            run_data_tests(con)
    finally:
        con.close()
    assert name in caught.value.failures
    assert name in str(caught.value)
