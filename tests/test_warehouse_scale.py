"""Consolidation at scale: many reports of one set of sides, in little memory, grouped exactly."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

from lakes import Ev, Lake, fetch

from warehouse.build import build_warehouse

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def make_lake() -> ModuleType:
    """benchmarks/make_lake.py, the synthetic lake generator (benchmarks/ is not a package)."""
    if "make_lake" not in sys.modules:
        spec = importlib.util.spec_from_file_location("make_lake", BENCHMARKS / "make_lake.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_lake"] = module
        spec.loader.exec_module(module)
    return sys.modules["make_lake"]


def test_thousands_of_events_of_one_party_set_build_in_256mb_into_the_true_rounds(tmp_path: Path) -> None:
    ml = make_lake()
    spec = ml.LakeSpec(
        mentions=10_000,
        mentions_per_article=10,  # ~1,000 articles of ~3 events: ~3,000 events
        noise=0.0,  # no random events: the generator's truth is exact
        families=((("RU", "UA", "US"), 1.0, True),),
        seed=11,
    )
    truth = ml.write_lake(tmp_path / "lake", spec)
    assert truth.exact and truth.events >= 2_800
    db = tmp_path / "warehouse.duckdb"
    result = build_warehouse(tmp_path / "lake", db, memory_limit="256MB", threads=2)
    assert result.row_counts["int_event_mentions"] == truth.events
    # the generator's bare reports (no date, place, people or number) are allusions: each joins
    # the one round it fits or adds nothing, so the rows are the true rounds, and its truth says so
    assert result.row_counts["negotiation_rounds"] == truth.rounds_by_family["RU-UA-US"] == truth.rounds
    # every round is of the one set of sides, and the numbered ones keep distinct numbers
    assert fetch(db, "SELECT DISTINCT parties FROM negotiation_rounds") == [(["RU", "UA", "US"],)]
    ((numbered, numbers),) = fetch(
        db, "SELECT count(round_number), count(DISTINCT round_number) FROM negotiation_rounds"
    )
    assert numbered == numbers == truth.rounds_by_family["RU-UA-US"]


def test_a_long_chain_of_reports_is_one_round(tmp_path: Path) -> None:
    # each report within 3 days of the next: 300 links in a row, one round (the components
    # step must not need one pass per link)
    lake = Lake(tmp_path / "lake")
    first = date(2025, 1, 1)
    for i in range(300):
        day = (first + timedelta(days=2 * i)).isoformat()
        lake.add_article(f"chain-{i}", Ev(["RU", "US"], place="loc:city:miami", start=day), published=day)
    lake.flush()
    db = tmp_path / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    assert fetch(db, "SELECT count(*), sum(article_count) FROM negotiation_rounds") == [(1, 300)]
