"""Quality cannot silently regress: the real pipeline on the development set, scored by the
shared scorer, must reach at least the best scores recorded in quality/best_scores.json.

Raise the recorded figures when the scores improve (never lower them).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from paths import DEV, EVAL, REPO
from prefect.testing.utilities import prefect_test_harness

from flows import cli

BEST = REPO / "quality" / "best_scores.json"
# name -> (articles folder, gold file): the shared development set as text and as HTML, and our own
# check sets (English and Arabic articles about other rounds, written by the team)
SETS = {
    "text": (DEV / "articles", DEV / "gold.json"),
    "html": (DEV / "html", DEV / "gold_html.json"),
    "holdout": (REPO / "quality" / "holdout" / "articles", REPO / "quality" / "holdout" / "gold.json"),
    # written after the extraction was tuned, to measure generalisation; see quality/README.md
    "fresh": (REPO / "quality" / "fresh" / "articles", REPO / "quality" / "fresh" / "gold.json"),
}

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason=f"no development set at {EVAL}")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("roundtable_eval_score", EVAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def harness() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_do_not_drop_below_the_best_recorded(name: str, harness: None, tmp_path: Path) -> None:
    folder, gold = SETS[name]
    assert cli.main(["run", "--input", str(folder), "--data-dir", str(tmp_path)]) == 0
    report = load_scorer().score(tmp_path / "exports", json.loads(gold.read_text(encoding="utf-8")))
    summary = report["summary"]
    best = json.loads(BEST.read_text(encoding="utf-8"))[name]
    drops = {k: (summary.get(k), v) for k, v in best.items() if summary.get(k) is None or summary[k] < v}
    assert not drops, f"{name}: scores below the best recorded (now, best): {drops}\nerrors: " + "; ".join(
        report["round_attribute_errors"]
    )
    assert summary["people_split"] == 0
