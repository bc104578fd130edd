"""A snapshot of the rounds in a warehouse file, to tell what a run changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from warehouse.build import releases_connections

ROUNDS_WITH_PARTICIPANTS = """
SELECT r.*, (SELECT list(p.person_id ORDER BY p.person_id) FROM round_participants p
             WHERE p.round_id = r.round_id) AS participants
FROM negotiation_rounds r ORDER BY r.round_id
"""


@releases_connections
def rounds_snapshot(db_path: Path) -> list[dict[str, Any]]:
    """negotiation_rounds rows with their participants' ids; [] when there is no warehouse yet."""
    if not Path(db_path).is_file():
        return []
    with duckdb.connect(str(db_path), read_only=True) as con:
        try:
            cur = con.execute(ROUNDS_WITH_PARTICIPANTS)
        except duckdb.CatalogException:  # a warehouse from before the rounds mart existed
            return []
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


@releases_connections
def table_counts(db_path: Path, tables: list[str]) -> dict[str, int]:
    """Row counts of the given warehouse tables ({} when there is no warehouse)."""
    if not Path(db_path).is_file():
        return {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
