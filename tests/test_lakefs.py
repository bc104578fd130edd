"""lake/fs.py: a lake on local disk or on any fsspec filesystem (here fsspec's in-memory one,
a real non-local filesystem), and the store and warehouse reading and writing through it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import fsspec
import lakes
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lake import store
from lake.fs import Lake, open_lake
from warehouse.build import build_warehouse
from warehouse.models import lake_relation

MEMORY = fsspec.filesystem("memory")


@pytest.fixture
def memory_lake() -> Iterator[Lake]:
    """A lake in fsspec's in-memory filesystem, under a root no other test uses; removed afterwards."""
    name = f"lakefs-test-{uuid.uuid4().hex[:8]}"
    lake = open_lake(f"memory://{name}/lake")
    yield lake
    if MEMORY.exists(f"/{name}"):
        MEMORY.rm(f"/{name}", recursive=True)


def _outcome(pid: str) -> dict:
    return {
        "page_id": pid,
        "outcome": "article",
        "article_id": f"a_{pid}",
        "reason": None,
        "written_at": store.now_utc(),
    }


def test_locations_parse_to_a_filesystem_and_a_root(tmp_path: Path) -> None:
    plain = open_lake(tmp_path / "lake")
    assert plain.is_local and plain.local_dir == tmp_path / "lake"
    assert plain.url("articles", "*", "*.parquet") == str(tmp_path / "lake" / "articles" / "*" / "*.parquet")
    relative = open_lake("data/lake")
    assert relative.local_dir == Path("data/lake") and relative.url("x") == str(Path("data/lake/x"))
    as_url = open_lake(f"file://{tmp_path}/lake")
    assert as_url.is_local and as_url.local_dir == tmp_path / "lake"
    memory = open_lake("memory://somewhere/lake")
    assert not memory.is_local and memory.local_dir is None
    assert memory.root == "/somewhere/lake"
    assert memory.path("articles", "x.parquet") == "/somewhere/lake/articles/x.parquet"
    assert memory.url("articles") == "memory:///somewhere/lake/articles"
    assert open_lake(memory) is memory
    with pytest.raises(ValueError, match="Protocol not known"):
        open_lake("nosuchprotocol://bucket/lake")


def test_a_local_write_is_renamed_into_place_and_leaves_no_temporary(tmp_path: Path) -> None:
    lake = open_lake(tmp_path / "lake")
    data = pa.table({"a": [1, 2, 3]})
    path = lake.write_parquet("t/ingest_date=2025-12-20", "part-1.parquet", data)
    folder = tmp_path / "lake" / "t" / "ingest_date=2025-12-20"
    assert path == str(folder / "part-1.parquet")
    assert sorted(p.name for p in folder.iterdir()) == ["part-1.parquet"]  # no .part-1.parquet.tmp left
    assert pq.read_table(path).equals(data)


def test_a_memory_write_is_one_object_at_its_final_key(memory_lake: Lake) -> None:
    path = store.write_table(memory_lake, "page_outcomes", [_outcome("p1"), _outcome("p2")], date(2025, 12, 20))
    assert path is not None and path.startswith(memory_lake.root + "/page_outcomes/ingest_date=2025-12-20/part-")
    assert MEMORY.find(memory_lake.root) == [path]  # nothing else: no temporary, no marker
    with MEMORY.open(path, "rb") as fh:
        assert pq.read_schema(fh).remove_metadata().names == store.LAKE_TABLES["page_outcomes"].names


def test_store_reads_a_memory_lake_through_duckdb(memory_lake: Lake, tmp_path: Path) -> None:
    assert not store.has_files(memory_lake, "page_outcomes")
    assert store.query_lake(memory_lake, "page_outcomes") == []
    store.write_table(memory_lake, "page_outcomes", [_outcome("p1")])
    store.write_table(memory_lake, "page_outcomes", [{**_outcome("p1"), "outcome": "duplicate"}, _outcome("p2")])
    assert store.has_files(memory_lake, "page_outcomes")
    assert store.distinct_values(memory_lake, "page_outcomes", "page_id") == {"p1", "p2"}
    rows = store.rows_where_in(memory_lake, "page_outcomes", "page_id", ["p1"], ["page_id", "outcome"])
    assert [r["outcome"] for r in rows] == ["duplicate", "article"]
    assert not (tmp_path / "lake").exists() and not Path("memory:").exists()


def test_fingerprint_changes_when_a_file_is_added(memory_lake: Lake, tmp_path: Path) -> None:
    for lake in (memory_lake, open_lake(tmp_path / "lake")):
        empty = store.lake_fingerprint(lake)
        store.write_table(lake, "page_outcomes", [_outcome("p1")])
        one = store.lake_fingerprint(lake)
        assert one != empty and store.lake_fingerprint(lake) == one  # stable while nothing is added
        store.write_table(lake, "page_outcomes", [_outcome("p1")])  # the same rows: a new file all the same
        assert store.lake_fingerprint(lake) not in (empty, one)


def test_fingerprint_is_names_and_sizes_alike_on_any_filesystem(memory_lake: Lake, tmp_path: Path) -> None:
    local = open_lake(tmp_path / "lake")
    path = local.write_parquet("t/d=1", "part-1.parquet", pa.table({"a": [1]}))
    MEMORY.put_file(path, memory_lake.path("t", "d=1", "part-1.parquet"))
    assert (
        local.sizes("*/*/*.parquet")
        == memory_lake.sizes("*/*/*.parquet")
        == {"t/d=1/part-1.parquet": Path(path).stat().st_size}
    )
    assert store.lake_fingerprint(local) == store.lake_fingerprint(memory_lake)


def test_sweep_removes_temporaries_on_a_memory_lake(memory_lake: Lake) -> None:
    assert store.sweep_temporaries(memory_lake) == 0  # no lake yet
    store.write_table(memory_lake, "page_outcomes", [_outcome("p1")])
    (kept,) = memory_lake.glob("page_outcomes/*/*.parquet")
    dead = memory_lake.path("page_outcomes", "ingest_date=2025-12-20", ".part-dead.parquet.tmp")
    MEMORY.pipe_file(dead, b"half a file")
    assert store.distinct_values(memory_lake, "page_outcomes", "page_id") == {"p1"}  # invisible to readers
    assert store.sweep_temporaries(memory_lake) == 1
    assert not MEMORY.exists(dead) and MEMORY.exists(kept)
    assert store.sweep_temporaries(memory_lake) == 0


def test_lake_relation_reads_through_a_prepared_connection(memory_lake: Lake) -> None:
    store.write_table(memory_lake, "page_outcomes", [_outcome("p1"), _outcome("p2")])
    assert "read_parquet" not in lake_relation(memory_lake, "articles")  # no file: the typed empty relation
    relation = lake_relation(memory_lake, "page_outcomes")
    assert "memory://" in relation
    # DuckDB alone cannot read the in-memory filesystem
    with duckdb.connect() as con, pytest.raises(duckdb.Error):
        con.execute(f"SELECT count(*) FROM {relation}").fetchall()
    with memory_lake.prepare(duckdb.connect()) as con:
        assert con.execute(f"SELECT count(*), min(page_id) FROM {relation}").fetchall() == [(2, "p1")]


def test_warehouse_from_a_memory_lake_equals_the_one_from_disk(memory_lake: Lake, tmp_path: Path) -> None:
    source = lakes.Lake(tmp_path / "lake")
    source.add_article(
        "a",
        lakes.Ev(["RU", "US"], place="loc:city:miami", start="2025-12-20", participants=[("person:witkoff", "US")]),
        published="2025-12-20",
    )
    source.add_article(
        "b", lakes.Ev(["RU", "UA"], place="loc:city:istanbul", start="2025-05-16"), published="2025-05-17"
    )
    source.flush()
    for path in (tmp_path / "lake").rglob("*.parquet"):
        MEMORY.put_file(str(path), memory_lake.path(path.relative_to(tmp_path / "lake").as_posix()))
    local = build_warehouse(tmp_path / "lake", tmp_path / "local.duckdb")
    remote = build_warehouse(memory_lake, tmp_path / "remote.duckdb")
    assert remote.row_counts == local.row_counts and local.row_counts["negotiation_rounds"] == 2
    tables = ("articles", "negotiation_rounds", "round_participants", "round_articles", "people", "locations")
    for db_file in ("local.duckdb", "remote.duckdb"):
        assert (tmp_path / db_file).is_file()  # the warehouse file is on local disk either way
    with (
        duckdb.connect(str(tmp_path / "local.duckdb"), read_only=True) as a,
        duckdb.connect(str(tmp_path / "remote.duckdb"), read_only=True) as b,
    ):
        for table in tables:
            query = f"SELECT * FROM {table} ORDER BY ALL"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table


def test_settings_default_to_dir_lake_and_take_a_url_and_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.settings import load_settings

    for name in ("ROUNDTABLE_CONFIG", "ROUNDTABLE_LAKE_URL", "ROUNDTABLE_LAKE_STORAGE_OPTIONS"):
        monkeypatch.delenv(name, raising=False)
    assert load_settings(data_dir=tmp_path).lake.local_dir == tmp_path / "lake"
    config = tmp_path / "roundtable.toml"
    config.write_text(
        'lake_url = "memory://from-config/lake"\n\n[lake_storage_options]\nendpoint_url = "http://127.0.0.1:9"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ROUNDTABLE_CONFIG", str(config))
    settings = load_settings(data_dir=tmp_path)
    assert settings.lake_storage_options == {"endpoint_url": "http://127.0.0.1:9"}
    assert settings.lake.url() == "memory:///from-config/lake" and not settings.lake.is_local
    monkeypatch.setenv("ROUNDTABLE_LAKE_STORAGE_OPTIONS", '{"endpoint_url": "http://127.0.0.2:9"}')
    assert load_settings().lake_storage_options == {"endpoint_url": "http://127.0.0.2:9"}  # env over file
    assert load_settings(lake_url="memory://from-flag").lake.root == "/from-flag"  # a flag over both


def test_run_refuses_a_lake_it_cannot_open_before_starting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from flows import cli

    assert cli.main(["run", "--data-dir", str(tmp_path / "d"), "--lake-url", "nosuchprotocol://bucket/lake"]) == 2
    assert "Protocol not known: nosuchprotocol" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()
