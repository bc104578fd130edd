"""docs/data_dictionary.md is generated from the marts' header comments and stays current."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warehouse.dictionary import DOCS_PATH, DictionaryError, parse_header, write_data_dictionary
from warehouse.models import SQL_DIR


def test_committed_dictionary_is_current(tmp_path: Path) -> None:
    fresh = write_data_dictionary(tmp_path / "dd.md")
    assert DOCS_PATH.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        "docs/data_dictionary.md is stale: run `python -m warehouse.dictionary`"
    )
    text = fresh.read_text(encoding="utf-8")
    assert "## negotiation_rounds" in text and "| `parties` | VARCHAR[] |" in text


def test_parse_header() -> None:
    doc = parse_header(
        "things",
        "-- things: one thing\n-- seen twice.\n-- Grain: one row per thing_id.\n--\n-- A note\n-- on two lines.\n"
        "-- Columns:\n--   thing_id: the id\n--   size: how big,\n--     in metres\nselect 1\n",
    )
    assert (doc.summary, doc.grain, doc.notes) == (
        "one thing seen twice.",
        "one row per thing_id.",
        ["A note on two lines."],
    )
    assert doc.columns == {"thing_id": "the id", "size": "how big, in metres"}


def test_undocumented_column_is_an_error(tmp_path: Path) -> None:
    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    model = sql / "marts" / "article_people.sql"
    model.write_text(model.read_text(encoding="utf-8").replace("    mentions\n", "    mentions,\n    1 as extra\n"))
    with pytest.raises(DictionaryError, match=r"article_people: undocumented \['extra'\]"):
        write_data_dictionary(tmp_path / "dd.md", sql_dir=sql)
