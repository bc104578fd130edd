"""Which negotiations the user follows: the scope, applied in the warehouse, never in the extraction.

A scope is a list of side sets, e.g. `[frozenset({"RU", "UA", "US"})]` from `--only RU,UA,US`
(the flag may repeat: one set each). A side is an ISO 3166-1 alpha-2 code for a state or
`org:<slug>` for a non-state actor. A round is followed when, for some set S, at least
min(2, |S|) of its parties, or of its sides, are in S; no scope (None or empty) follows every
negotiation between two or more sides. The rule itself is SQL (sql/marts/negotiation_rounds.sql);
this module only normalises the sets, writes them where the models read them (`settings.scope`,
before the models run) and gives the build stamp a key for them, so a changed scope rebuilds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import duckdb

Scope = list[frozenset[str]]

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_ORG = re.compile(r"^org:[a-z0-9][a-z0-9-]*$")
# the two common non-ISO spellings, as sql/macros/macros.sql norm_country maps them
_ALIASES = {"UK": "GB", "EL": "GR"}


class ScopeError(ValueError):
    """A side in a scope is neither a two-letter country code nor org:<slug>."""


def normalise_side(side: str) -> str:
    """'ru' -> 'RU', 'UK' -> 'GB', ' ORG:Hamas' -> 'org:hamas'; anything else is a ScopeError."""
    text = str(side).strip()
    if text.lower().startswith("org:"):
        out = "org:" + text[4:].strip().lower()
        if not _ORG.match(out):
            raise ScopeError(f"{side!r}: a non-state side is org:<slug> (letters, digits, hyphens)")
        return out
    code = _ALIASES.get(text.upper(), text.upper())
    if not _COUNTRY.match(code):
        raise ScopeError(f"{side!r}: a side is an ISO 3166-1 alpha-2 code (RU) or org:<slug> (org:hamas)")
    return code


def normalise_scope(scope: Iterable[Iterable[str]] | None) -> Scope:
    """Every set normalised; empty sets and repeated sets dropped; sets in a stable order."""
    sets = {frozenset(normalise_side(s) for s in group) for group in (scope or [])}
    return sorted((s for s in sets if s), key=lambda s: sorted(s))


def parse_only(values: Iterable[str]) -> Scope:
    """The scope of repeated `--only` flags: each value is one comma-separated set ('RU,UA,US')."""
    return normalise_scope([p for p in v.split(",") if p.strip()] for v in values)


def scope_key(scope: Iterable[Iterable[str]] | None) -> str:
    """A canonical text of the scope for the build stamp: '' for none, else 'RU,UA,US;IL,org:hamas'."""
    return ";".join(",".join(sorted(s)) for s in normalise_scope(scope))


def write_scope_table(con: duckdb.DuckDBPyConnection, scope: Iterable[Iterable[str]] | None) -> Scope:
    """Create `settings.scope` (set_id, side) on the connection, one row per side of each set
    (empty: no scope). Call before the models are built; returns the normalised scope."""
    sets = normalise_scope(scope)
    con.execute("CREATE SCHEMA IF NOT EXISTS settings")
    con.execute("CREATE OR REPLACE TABLE settings.scope (set_id INTEGER, side VARCHAR)")
    rows = [(i, side) for i, group in enumerate(sets, start=1) for side in sorted(group)]
    if rows:
        con.executemany("INSERT INTO settings.scope VALUES (?, ?)", rows)
    return sets
