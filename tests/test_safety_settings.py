"""Settings are checked before any work (issue #15, 6): unknown keys and ROUNDTABLE_* names are
errors with a "did you mean", ranges are checked, the config file is named in its errors, and the
command exits 2 with one line per mistake, having touched nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import cli
from flows.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.upper().startswith("ROUNDTABLE_"):
            monkeypatch.delenv(name)


def error_of(**overrides: object) -> str:
    with pytest.raises(SettingsError) as caught:
        load_settings(**overrides)
    return str(caught.value)


def test_a_misspelled_variable_is_an_error_with_a_suggestion(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUNDTABLE_WORKRS", "2")
    msg = error_of()
    assert "ROUNDTABLE_WORKRS" in msg and "did you mean ROUNDTABLE_WORKERS?" in msg
    monkeypatch.delenv("ROUNDTABLE_WORKRS")
    monkeypatch.setenv("ROUNDTABLE_ZZZ", "1")
    msg = error_of()
    assert "unknown setting ROUNDTABLE_ZZZ" in msg and "did you mean" not in msg


def test_names_other_tools_of_the_project_read_are_not_settings_but_are_allowed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ROUNDTABLE_HOME", str(tmp_path))  # prefect.yaml's working directory
    monkeypatch.setenv("ROUNDTABLE_CRASH_SEED", "3")  # a knob of the test suite
    assert load_settings().batch_size == 200


@pytest.mark.parametrize(
    ("name", "value", "needle"),
    [
        ("ROUNDTABLE_WORKERS", "0", "greater than or equal to 1"),
        ("ROUNDTABLE_WORKERS", "-3", "greater than or equal to 1"),
        ("ROUNDTABLE_BATCH_SIZE", "0", "greater than or equal to 1"),
        ("ROUNDTABLE_EXPORT_TEXT", "bogus", "'full', 'excerpt' or 'none'"),
        ("ROUNDTABLE_HTTP_READ_TIMEOUT", "0", "greater than 0"),
        ("ROUNDTABLE_QUERY_TIMEOUT", "-1", "greater than 0"),
        ("ROUNDTABLE_QUERY_MEMORY_LIMIT", "lots", "a size"),
        ("ROUNDTABLE_MAX_PAGE_BYTES", "0", "greater than or equal to 1"),
        ("ROUNDTABLE_LAKE_STORAGE_OPTIONS", "{not json", "ROUNDTABLE_LAKE_STORAGE_OPTIONS"),
    ],
)
def test_values_out_of_range_are_errors_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, needle: str
) -> None:
    monkeypatch.setenv(name, value)
    msg = error_of()
    assert name in msg and needle in msg, msg
    assert len(msg.splitlines()) == 1


def test_a_flag_out_of_range_names_the_flag() -> None:
    assert "--workers" in error_of(workers=0)


def test_config_file_mistakes_name_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    toml = tmp_path / "roundtable.toml"
    monkeypatch.setenv("ROUNDTABLE_CONFIG", str(toml))

    toml.write_text('batchsize = 10\nexport_text = "none"\n', encoding="utf-8")
    msg = error_of()
    assert str(toml) in msg and "'batchsize'" in msg and "did you mean 'batch_size'?" in msg

    toml.write_text("batch_size = \n", encoding="utf-8")  # not TOML
    msg = error_of()
    assert str(toml) in msg and "not valid TOML" in msg

    toml.write_text("batch_size = 0\n", encoding="utf-8")
    msg = error_of()
    assert str(toml) in msg and "batch_size" in msg and "greater than or equal to 1" in msg

    toml.write_text("http_max_bytes = 1000\n", encoding="utf-8")
    assert "max_page_bytes" in error_of()  # a renamed setting says its new name

    yml = tmp_path / "roundtable.yaml"
    monkeypatch.setenv("ROUNDTABLE_CONFIG", str(yml))
    yml.write_text("- a\n- b\n", encoding="utf-8")
    msg = error_of()
    assert str(yml) in msg and "mapping" in msg
    yml.write_text("workers: [unclosed\n", encoding="utf-8")
    assert str(yml) in error_of()

    monkeypatch.setenv("ROUNDTABLE_CONFIG", str(tmp_path / "missing.toml"))
    assert "missing.toml" in error_of()

    toml.write_text('batch_size = 7\nexport_text = "none"\n', encoding="utf-8")
    monkeypatch.setenv("ROUNDTABLE_CONFIG", str(toml))
    monkeypatch.setenv("ROUNDTABLE_BATCH_SIZE", "9")
    settings = load_settings()
    assert (settings.batch_size, settings.export_text) == (9, "none")  # environment beats the file


def test_several_mistakes_are_one_line_each(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUNDTABLE_WORKERS", "0")
    monkeypatch.setenv("ROUNDTABLE_BATCHSIZE", "0")
    assert len(error_of().splitlines()) == 2


@pytest.mark.parametrize("command", [["run"], ["query", "SELECT 1"], ["export"], ["report"]])
def test_every_command_stops_before_any_work_with_exit_2(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ROUNDTABLE_EXPORT_TEXT", "bogus")
    monkeypatch.setenv("ROUNDTABLE_WORKRS", "2")
    data = tmp_path / "data"
    code = cli.main([*command, "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 2
    assert "ROUNDTABLE_EXPORT_TEXT" in err and "ROUNDTABLE_WORKERS" in err
    assert "Traceback" not in err
    assert not data.exists()  # nothing was done: no lake, no warehouse


def test_run_refuses_a_workers_flag_of_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["run", "--workers", "0", "--data-dir", str(tmp_path / "d")]) == 2
    assert "--workers" in capsys.readouterr().err
