"""One bad value does not withhold every export (issue #15, 7): country codes are the ones the
data world uses (ISO 3166-1, XK, EU); a quarantining data test moves the rows it finds (and what
refers to them) out of the marts, the rest is built and exported, and the result says so in one
line. DuckDB connections do not outlive a failed build (no nanobind noise at exit)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from lakes import Ev, Lake, sample_lake
from test_safety_export import _dead_pid

from warehouse.build import DataTestError, build_warehouse, sweep_build_temporaries
from warehouse.export import export
from warehouse.models import SQL_DIR, load_project

REPO = Path(__file__).resolve().parent.parent


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_seed_holds_iso_3166_xk_and_eu() -> None:
    with (SQL_DIR / "seeds" / "countries.csv").open(encoding="utf-8", newline="") as fh:
        codes = [r["country_code"] for r in csv.DictReader(fh)]
    assert len(codes) == len(set(codes)) == 249 + 2  # the 249 ISO 3166-1 codes, XK and EU
    assert {"XK", "EU", "RS", "UA", "PS", "TW"} <= set(codes)
    assert all(len(c) == 2 and c.isupper() for c in codes)


def test_kosovo_is_a_country_code(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("brussels", Ev(["RS", "XK"], place="loc:city:geneva", start="2026-01-15", mediators=["EU"]))
    lake.flush()
    result = build_warehouse(tmp_path / "lake", tmp_path / "w.duckdb")
    assert result.quarantined == ()
    assert rows(tmp_path / "w.duckdb", "SELECT parties, mediators FROM negotiation_rounds") == [(["RS", "XK"], ["EU"])]


def test_an_unknown_code_is_quarantined_and_the_rest_exported(tmp_path: Path) -> None:
    sample_lake(tmp_path / "lake")
    clean = build_warehouse(tmp_path / "lake", tmp_path / "clean.duckdb")
    lake = Lake(tmp_path / "lake")
    lake.add_article(
        "bad-code",
        Ev(["RU", "XX"], place="loc:city:geneva", start="2026-02-02", participants=[("person:putin", "RU")]),
        published="2026-02-02",
    )
    lake.flush()
    db = tmp_path / "w.duckdb"
    result = build_warehouse(tmp_path / "lake", db)  # no DataTestError: the round is quarantined
    assert [q.test for q in result.quarantined] == ["accepted_country_codes"]
    q = result.quarantined[0]
    assert q.rows == {"negotiation_rounds": 1}
    bad = rows(db, "SELECT round_id FROM quarantine.negotiation_rounds")[0][0]
    for bridge in ("round_articles", "round_participants"):  # rebuilt from the rounds left: none of it
        assert rows(db, f"SELECT count(*) FROM {bridge} WHERE round_id = '{bad}'") == [(0,)]
    line = q.line()
    assert "\n" not in line and "accepted_country_codes" in line and "quarantine" in line
    assert rows(db, "SELECT parties FROM quarantine.negotiation_rounds") == [(["RU", "XX"],)]
    by = rows(db, "SELECT DISTINCT quarantined_by FROM quarantine.negotiation_rounds")
    assert by == [("accepted_country_codes",)]
    assert rows(db, "SELECT count(*) FROM negotiation_rounds WHERE list_contains(parties, 'XX')") == [(0,)]
    # every other round is there, as in a build without the bad article
    rounds = "SELECT round_id FROM negotiation_rounds ORDER BY 1"
    assert rows(db, rounds) == rows(tmp_path / "clean.duckdb", rounds)
    assert clean.row_counts["negotiation_rounds"] == result.row_counts["negotiation_rounds"]  # counted after
    out = export(db, tmp_path / "exports")
    assert out.row_counts["negotiation_rounds"] == len(rows(db, rounds))


def test_without_quarantine_or_for_other_tests_a_failure_still_fails(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    lake.add_article("bad", Ev(["RU", "XX"], place="loc:city:geneva", start="2026-02-02"))
    lake.flush()
    with pytest.raises(DataTestError, match="accepted_country_codes"):
        build_warehouse(tmp_path / "lake", tmp_path / "w.duckdb", quarantine=False)
    assert not (tmp_path / "w.duckdb").exists()
    assert [t.name for t in load_project().tests if t.quarantines] == ["accepted_country_codes"]


def test_a_failed_build_leaves_no_duckdb_connection_behind(tmp_path: Path) -> None:
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    (sql / "tests" / "always_fails.sql").write_text("-- Fails on purpose.\nselect 1 as x\n", encoding="utf-8")
    sample_lake(tmp_path / "lake")
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(REPO)!r})
        from pathlib import Path
        from warehouse.build import DataTestError, build_warehouse
        kept = []
        try:
            build_warehouse(Path({str(tmp_path / "lake")!r}), Path({str(tmp_path / "w.duckdb")!r}),
                            sql_dir=Path({str(sql)!r}))
        except DataTestError as exc:
            kept.append(exc)  # as Prefect keeps a failed task's exception until the process ends
            print("failed as expected")
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "failed as expected" in proc.stdout, proc.stderr
    assert "nanobind" not in proc.stderr and "leaked" not in proc.stderr, proc.stderr[:2000]


def test_a_killed_builds_temporaries_are_swept(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getpid()
    db = tmp_path / "warehouse.duckdb"
    left = [
        tmp_path / f".warehouse.duckdb.{dead}.0a1b2c3d.building",
        tmp_path / f".warehouse.duckdb.{dead}.0a1b2c3d.building.wal",
    ]
    for path in left:
        path.write_bytes(b"half")
    (tmp_path / f".warehouse.duckdb.{dead}.0a1b2c3d.building.spill").mkdir()
    live = tmp_path / f".warehouse.duckdb.{alive}.99999999.building"
    live.write_bytes(b"a build running now")
    other = tmp_path / f".other.duckdb.{dead}.0a1b2c3d.building"
    other.write_bytes(b"not ours")
    assert sweep_build_temporaries(db) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


def test_rows_referring_to_a_quarantined_person_go_with_it(tmp_path: Path) -> None:
    from lake.fs import as_lake
    from warehouse.build import quarantine_rows, run_data_tests

    sample_lake(tmp_path / "lake")
    db = tmp_path / "w.duckdb"
    build_warehouse(tmp_path / "lake", db)
    project = load_project()
    test = next(t for t in project.tests if t.name == "accepted_country_codes")
    con = duckdb.connect(str(db))
    try:
        con.execute("UPDATE people SET country_code = 'XX' WHERE person_key = 'person:putin'")
        (putin,) = con.execute("SELECT person_id FROM people WHERE person_key = 'person:putin'").fetchone()
        links = con.execute(f"SELECT count(*) FROM article_people WHERE person_id = '{putin}'").fetchone()[0]
        seats = con.execute(f"SELECT count(*) FROM round_participants WHERE person_id = '{putin}'").fetchone()[0]
        assert links and seats
        done = quarantine_rows(con, project, test, as_lake(tmp_path / "lake"))
        assert done.rows == {"people": 1}
        assert done.with_them == {"article_people": links, "round_participants": seats}
        assert run_data_tests(con, project)  # whole again: every test passes
        assert con.execute("SELECT count(*) FROM quarantine.article_people").fetchone() == (links,)
    finally:
        con.close()
