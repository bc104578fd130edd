"""The real flow, end to end, on the bundled sample corpus and on bad input.

Prefect runs for real (its test harness: a temporary local API); the warehouse is a real
DuckDB file; the exports are read back as the contract's tables.
"""

from __future__ import annotations

import asyncio
import html
import shutil
import socket
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, FlowRunFilter, FlowRunFilterStartTime
from prefect.client.schemas.sorting import FlowRunSort

from flows import cli
from flows.settings import SAMPLE_CORPUS
from warehouse.contract import CONTRACT_TABLES

# the contract's tables and columns as warehouse/contract.py declares them (the independent copy,
# written from CONTRACT.md, is in tests/test_warehouse_exports.py, checked against the declaration)
CONTRACT: dict[str, list[str]] = {t.name: list(t.column_names) for t in CONTRACT_TABLES}


def read_export(exports: Path, name: str) -> tuple[list[str], list[dict]]:
    file, folder = exports / f"{name}.parquet", exports / name
    assert file.exists() != folder.exists(), f"{name}: exactly one of file or folder"
    table = ds.dataset(str(file if file.exists() else folder), format="parquet", partitioning="hive").to_table()
    return table.column_names, table.to_pylist()


def snapshot(exports: Path) -> dict[str, list[str]]:
    """Every export table as sorted row reprs: equal snapshots mean equal exports, row for row."""
    return {name: sorted(repr(sorted(r.items())) for r in read_export(exports, name)[1]) for name in CONTRACT}


def lake_files(data_dir: Path) -> set[str]:
    return {str(p.relative_to(data_dir)) for p in (data_dir / "lake").rglob("*.parquet")}


@pytest.fixture(scope="module")
def sample_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run the sample corpus into one data dir twice, and once into a second data dir."""
    started = datetime.now(UTC)
    first = tmp_path_factory.mktemp("run1")
    second = tmp_path_factory.mktemp("run2")
    assert cli.main(["run", "--data-dir", str(first)]) == 0
    after_one = (snapshot(first / "exports"), lake_files(first))
    assert cli.main(["run", "--data-dir", str(first)]) == 0
    after_two = (snapshot(first / "exports"), lake_files(first))
    assert cli.main(["run", "--input", str(SAMPLE_CORPUS), "--data-dir", str(second)]) == 0
    window = (started, datetime.now(UTC))  # the session's Prefect API also holds other modules' runs
    return {"first": first, "second": second, "after_one": after_one, "after_two": after_two, "window": window}


def test_every_contract_table_and_column_is_exported(sample_run: dict) -> None:
    exports = sample_run["first"] / "exports"
    for name, columns in CONTRACT.items():
        cols, rows = read_export(exports, name)
        assert cols[: len(columns)] == columns, f"{name}: columns {cols}"
        assert rows, f"{name}: no rows"
    _, articles = read_export(exports, "articles")
    assert len(articles) == 5
    assert {a["language"] for a in articles} == {"ar"}
    assert all(a["published_at"] is not None and a["text"] and a["word_count"] > 0 for a in articles)
    assert (sample_run["first"] / "warehouse.duckdb").exists()


def test_run_publishes_artifacts(sample_run: dict) -> None:
    start, end = sample_run["window"]

    async def read() -> dict[str, str]:
        async with get_client() as client:
            arts = await client.read_artifacts(
                artifact_filter=ArtifactFilter(
                    key=ArtifactFilterKey(any_=["roundtable-run-summary", "roundtable-changed-rounds"])
                )
            )
            return {a.key: str(a.data) for a in arts if a.key and a.created and start <= a.created <= end}

    found = asyncio.run(read())
    assert "roundtable-run-summary" in found and "roundtable-changed-rounds" in found
    assert "articles" in found["roundtable-run-summary"].lower()


def test_report_command_writes_every_round(sample_run: dict, capsys: pytest.CaptureFixture[str]) -> None:
    data = sample_run["first"]
    out = data / "r.html"
    assert cli.main(["report", "--data-dir", str(data), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    _, rounds = read_export(data / "exports", "negotiation_rounds")
    for r in rounds:
        assert html.escape(r["label"]) in page


def test_rerun_changes_nothing(sample_run: dict) -> None:
    exports_one, lake_one = sample_run["after_one"]
    exports_two, lake_two = sample_run["after_two"]
    assert exports_one == exports_two
    assert lake_one == lake_two, "a re-run on the same input wrote new lake files"


def test_ids_are_stable_across_data_dirs(sample_run: dict) -> None:
    for name in ("articles", "people", "locations", "negotiation_rounds"):
        id_col = CONTRACT[name][0]
        ids_a = {r[id_col] for r in read_export(sample_run["first"] / "exports", name)[1]}
        ids_b = {r[id_col] for r in read_export(sample_run["second"] / "exports", name)[1]}
        assert ids_a == ids_b, name
    assert snapshot(sample_run["first"] / "exports") == snapshot(sample_run["second"] / "exports")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_bad_input_is_reported_and_the_rest_processed(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    good = sorted(SAMPLE_CORPUS.glob("*.txt"))[0]
    shutil.copy(good, corpus / good.name)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "garbage.html").write_bytes(bytes(range(256)) * 40)
    (corpus / "slides.pptx").write_bytes(b"PK\x03\x04")
    (corpus / "manifest.csv").write_text(
        f"file,published_at\n{good.name},2025-12-20\ngone.txt,2025-01-01\n", encoding="utf-8"
    )
    dead_url = f"http://127.0.0.1:{_closed_port()}/article"
    data = tmp_path / "data"
    code = cli.main(["run", "--input", str(corpus), "--url", dead_url, "--data-dir", str(data)])
    out = capsys.readouterr()
    assert code == 0
    assert "Traceback" not in out.out + out.err
    lines = out.out.splitlines()
    for needle in ("empty.txt", "garbage.html", "slides.pptx", "gone.txt", dead_url):
        hits = [ln for ln in lines if needle in ln and "!" in ln]
        assert len(hits) == 1, f"{needle}: {hits}"
    _, articles = read_export(data / "exports", "articles")
    assert [Path(a["source_uri"]).name for a in articles] == [good.name]


def _latest_flow_run_state(since: datetime) -> str:
    """The state of the latest flow run started since `since` (the session's Prefect API holds every module's runs)."""

    async def read() -> str:
        async with get_client() as client:
            runs = await client.read_flow_runs(
                flow_run_filter=FlowRunFilter(start_time=FlowRunFilterStartTime(after_=since)),
                sort=FlowRunSort.START_TIME_DESC,
                limit=1,
            )
            return runs[0].state.type.value

    return asyncio.run(read())


def test_nothing_processed_exits_1_as_a_failed_flow_run_and_usage_error_exits_2(
    prefect_harness: None, tmp_path: Path
) -> None:
    since = datetime.now(UTC)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    assert cli.main(["run", "--input", str(tmp_path / "in"), "--data-dir", str(tmp_path / "d")]) == 1
    assert _latest_flow_run_state(since) == "FAILED"  # so Prefect notifications can catch a broken schedule
    with pytest.raises(SystemExit) as exc:
        cli.main(["run", "--no-such-flag"])
    assert exc.value.code == 2


def test_unchanged_lake_skips_the_rebuild_and_an_export_forces_the_next(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert cli.main(["run", "--data-dir", str(data)]) == 0
    assert "warehouse: building" in capsys.readouterr().out
    assert cli.main(["run", "--data-dir", str(data)]) == 0
    assert "unchanged since the last build" in capsys.readouterr().out
    assert cli.main(["export", "--data-dir", str(data), "--text", "none"]) == 0
    assert all(a["text"] is None for a in read_export(data / "exports", "articles")[1])
    capsys.readouterr()
    assert cli.main(["run", "--data-dir", str(data)]) == 0
    assert "warehouse: building" in capsys.readouterr().out
    assert all(a["text"] for a in read_export(data / "exports", "articles")[1])
