"""`roundtable export --to DIR` writes only into an empty, missing or earlier exports folder (issue #15, 1).

Anything else (a folder of other files, the data dir, the working directory, a file) is refused
with one line and exit 2, and nothing in it is touched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lakes import sample_lake, sample_warehouse

from flows import cli
from warehouse.build import build_warehouse
from warehouse.export import EXPORTS_MARKER, ExportError, check_target, export, sweep_export_temporaries


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.mktemp("safe-export")).parent


def tree(path: Path) -> dict[str, bytes | None]:
    """Every file and folder under path with its bytes (None for a folder)."""
    return {
        str(p.relative_to(path)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(path.rglob("*"))
        if not p.is_symlink()
    }


def export_to(data_dir: Path, target: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["export", "--data-dir", str(data_dir), "--to", str(target)])
    out = capsys.readouterr()
    return code, out.err


def test_a_folder_of_other_files_is_refused_and_untouched(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "some" / "folder"
    folder.mkdir(parents=True)
    (folder / "thesis.docx").write_bytes(b"four years of work")
    (folder / "sub").mkdir()
    (folder / "sub" / "notes.txt").write_text("more", encoding="utf-8")
    before = tree(tmp_path)
    code, err = export_to(data_dir, folder, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "refused" in err and str(folder) in err
    assert tree(tmp_path) == before


def test_the_data_dir_is_refused_and_the_lake_and_warehouse_survive(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(data_dir)
    code, err = export_to(data_dir, data_dir, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert tree(data_dir) == before
    assert (data_dir / "warehouse.duckdb").is_file() and (data_dir / "lake").is_dir()


def test_the_working_directory_is_refused(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    (cwd / "Makefile").write_text("all:\n", encoding="utf-8")
    (cwd / ".git").mkdir()
    monkeypatch.chdir(cwd)
    before = tree(tmp_path)
    for target in (str(cwd), ".", ""):
        code, err = export_to(data_dir, target, capsys)
        assert code == 2, target
        assert len(err.strip().splitlines()) == 1
    assert tree(tmp_path) == before


def test_a_file_and_a_symlink_are_refused(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "exports"
    file.write_text("not a folder", encoding="utf-8")
    assert export_to(data_dir, file, capsys)[0] == 2
    assert file.read_text(encoding="utf-8") == "not a folder"
    real = tmp_path / "real"
    real.mkdir()
    (real / "keep.txt").write_text("keep", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(real)
    assert export_to(data_dir, link, capsys)[0] == 2
    assert (real / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_missing_empty_and_earlier_exports_folders_are_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "new" / "exports"
    assert export_to(data_dir, missing, capsys)[0] == 0
    assert (missing / EXPORTS_MARKER).is_file() and (missing / "articles.parquet").is_file()
    assert (missing / "fetch_log.parquet").is_file()  # fetch_log is an export, as the README says

    empty = tmp_path / "empty"
    empty.mkdir()
    assert export_to(data_dir, empty, capsys)[0] == 0
    assert (empty / EXPORTS_MARKER).is_file()

    # an exports folder of this project (the marker) is replaced whole, again and again
    (missing / "stale.parquet").write_bytes(b"old")
    assert export_to(data_dir, missing, capsys)[0] == 0
    assert not (missing / "stale.parquet").exists()

    # an exports folder written before the marker existed: only export tables in it
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "articles.parquet").write_bytes(b"old")
    (legacy / "round_articles.parquet").write_bytes(b"old")
    (legacy / "articles").mkdir()
    assert export_to(data_dir, legacy, capsys)[0] == 0
    assert (legacy / EXPORTS_MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "legacy", "new"]  # nothing left beside


def test_the_default_exports_folder_is_checked_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "exports").mkdir(parents=True)
    (data / "exports" / "mine.csv").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="refused"):
        check_target(data / "exports")
    sample_lake(data / "lake")
    build_warehouse(data / "lake", data / "warehouse.duckdb")
    with pytest.raises(ExportError, match="refused"):
        export(data / "warehouse.duckdb", data / "exports")
    assert (data / "exports" / "mine.csv").read_text(encoding="utf-8") == "x"


def test_leftovers_of_a_killed_export_are_swept(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    export(data_dir / "warehouse.duckdb", out)
    dead = _dead_pid()
    for name in (f".exports.new-{dead}.abcd1234", f".exports.old-{dead}.abcd1234", f".exports.spill-{dead}.x"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "articles.parquet").write_bytes(b"half")
    alive = tmp_path / f".exports.new-{os.getpid()}.live0000"  # a running export's folder stays
    alive.mkdir()
    (tmp_path / "keep.txt").write_text("k", encoding="utf-8")
    assert sweep_export_temporaries(out) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["exports", alive.name, "keep.txt"])
    export(data_dir / "warehouse.duckdb", out)  # an export sweeps them as well
    assert (out / "articles.parquet").is_file()


def _dead_pid() -> int:
    """A pid no process has now."""
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1
