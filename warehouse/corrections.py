"""Analyst corrections: a YAML file read on every build and loaded into `corrections.*` tables.

Four kinds (see corrections.example.yaml at the repository root):

    merge_rounds:  these rounds (round ids) or mentions (event ids) are one round
    split_rounds:  these mentions (event ids, or every mention of these article ids) are a round
                   of their own, apart from everything else
    same_entity:   this entity key is an alias of that one (person or place)
    not_a_round:   this mention (event id) is not a negotiation round

The models apply them (sql/staging/stg_corrections_*.sql and the round models), so the same
lake and the same corrections always give the same warehouse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import yaml

# table -> column definitions; the models read them as {{ source('corrections', TABLE) }}
CORRECTION_TABLES: dict[str, str] = {
    "merge_rounds": "entry INTEGER, ref_kind VARCHAR, ref_id VARCHAR, note VARCHAR",
    "split_rounds": "entry INTEGER, ref_kind VARCHAR, ref_id VARCHAR, note VARCHAR",
    "same_entity": "entry INTEGER, alias_key VARCHAR, canonical_key VARCHAR, note VARCHAR",
    "not_a_round": "entry INTEGER, event_id VARCHAR, note VARCHAR",
}

_ID = {"rounds": re.compile(r"^r_[0-9a-f]{16}$"), "events": re.compile(r"^e_[0-9a-f]{16}$")}
_ID["articles"] = re.compile(r"^a_[0-9a-f]{16}$")
_REF_KIND = {"rounds": "round", "events": "event", "articles": "article"}


class CorrectionsError(Exception):
    """The corrections file cannot be read or breaks its format; the message names the entry."""


@dataclass(frozen=True, slots=True)
class Corrections:
    # rows for the tables above, in file order
    merge_rounds: list[tuple[int, str, str, str | None]] = field(default_factory=list)
    split_rounds: list[tuple[int, str, str, str | None]] = field(default_factory=list)
    same_entity: list[tuple[int, str, str, str | None]] = field(default_factory=list)
    not_a_round: list[tuple[int, str, str | None]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in CORRECTION_TABLES}


def load_corrections(path: Path | None) -> Corrections:
    """Parse and validate the corrections file; None or an empty file means no corrections."""
    if path is None:
        return Corrections()
    try:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise CorrectionsError(f"cannot read corrections {path}: {str(e).splitlines()[0]}") from e
    if doc is None:
        return Corrections()
    if not isinstance(doc, dict):
        raise CorrectionsError(f"{path}: expected a mapping with keys {sorted(CORRECTION_TABLES)}")
    unknown = sorted(set(doc) - set(CORRECTION_TABLES))
    if unknown:
        raise CorrectionsError(f"{path}: unknown section(s) {unknown}; known: {sorted(CORRECTION_TABLES)}")
    out = Corrections()
    for i, entry in enumerate(_entries(doc, "merge_rounds"), start=1):
        refs = _refs(entry, f"merge_rounds #{i}", ("rounds", "events"))
        if len(refs) < 2:
            raise CorrectionsError(f"merge_rounds #{i}: name at least two rounds or events to merge")
        out.merge_rounds.extend((i, kind, ref, _note(entry)) for kind, ref in refs)
    for i, entry in enumerate(_entries(doc, "split_rounds"), start=1):
        refs = _refs(entry, f"split_rounds #{i}", ("events", "articles"))
        if not refs:
            raise CorrectionsError(f"split_rounds #{i}: name the events or articles to split off")
        out.split_rounds.extend((i, kind, ref, _note(entry)) for kind, ref in refs)
    aliases: dict[str, str] = {}
    for i, entry in enumerate(_entries(doc, "same_entity"), start=1):
        _only(entry, f"same_entity #{i}", {"alias", "canonical", "note"})
        alias, canonical = entry.get("alias"), entry.get("canonical")
        if not (isinstance(alias, str) and alias.strip() and isinstance(canonical, str) and canonical.strip()):
            raise CorrectionsError(f"same_entity #{i}: needs `alias` and `canonical` entity keys")
        alias, canonical = alias.strip(), canonical.strip()
        if alias == canonical:
            raise CorrectionsError(f"same_entity #{i}: {alias!r} is an alias of itself")
        if aliases.get(alias, canonical) != canonical:
            raise CorrectionsError(f"same_entity #{i}: {alias!r} is already an alias of {aliases[alias]!r}")
        aliases[alias] = canonical
        out.same_entity.append((i, alias, canonical, _note(entry)))
    for i, entry in enumerate(_entries(doc, "not_a_round"), start=1):
        if isinstance(entry, str):  # a bare event id is allowed
            entry = {"event": entry}
        _only(entry, f"not_a_round #{i}", {"event", "note"})
        event = entry.get("event")
        if not (isinstance(event, str) and _ID["events"].match(event)):
            raise CorrectionsError(f"not_a_round #{i}: `event` must be an event id (e_ + 16 hex)")
        out.not_a_round.append((i, event, _note(entry)))
    return out


def _entries(doc: dict[str, Any], section: str) -> list[Any]:
    entries = doc.get(section) or []
    if not isinstance(entries, list):
        raise CorrectionsError(f"{section}: expected a list of entries")
    return entries


def _only(entry: Any, where: str, allowed: set[str]) -> None:
    if not isinstance(entry, dict):
        raise CorrectionsError(f"{where}: expected a mapping")
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise CorrectionsError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")


def _refs(entry: Any, where: str, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    _only(entry, where, {*kinds, "note"})
    refs: list[tuple[str, str]] = []
    for kind in kinds:
        ids = entry.get(kind) or []
        if isinstance(ids, str):
            ids = [ids]
        for ref in ids:
            if not (isinstance(ref, str) and _ID[kind].match(ref)):
                raise CorrectionsError(f"{where}: {ref!r} is not a valid id in `{kind}`")
            refs.append((_REF_KIND[kind], ref))
    return list(dict.fromkeys(refs))


def _note(entry: dict[str, Any]) -> str | None:
    note = entry.get("note")
    return None if note is None else str(note)


def write_correction_tables(con: duckdb.DuckDBPyConnection, corrections: Corrections) -> None:
    """Create the `corrections` schema and its tables (always, empty when there is nothing)."""
    con.execute("CREATE SCHEMA IF NOT EXISTS corrections")
    for table, columns in CORRECTION_TABLES.items():
        con.execute(f"CREATE OR REPLACE TABLE corrections.{table} ({columns})")
        rows = getattr(corrections, table)
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            con.executemany(f"INSERT INTO corrections.{table} VALUES ({marks})", rows)
