"""Quality cannot silently regress: the real pipeline on the development set, scored by the
shared scorer, must reach at least the best scores recorded in quality/best_scores.json.

Raise the recorded figures when the scores improve (never lower them).

A committed set that is missing fails the gate. The real-news sets have committed gold but texts
that are retrieved, never committed (see ../shared/eval/real/README.md): when the texts are absent
their check is skipped with a "NOT CHECKED" line at the end of the run, never quietly.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import NOT_CHECKED
from paths import DEV, EVAL, QUALITY, QUALITY_REAL, QUALITY_REAL_TEXTS, REAL, REAL_TEXTS, require

from flows import cli

BEST = QUALITY / "best_scores.json"
# name -> (articles folder, gold file): the shared development set as text and as HTML, and our own
# check sets (English and Arabic articles about other rounds, written by the team)
SETS = {
    "text": (DEV / "articles", DEV / "gold.json"),
    "html": (DEV / "html", DEV / "gold_html.json"),
    "holdout": (QUALITY / "holdout" / "articles", QUALITY / "holdout" / "gold.json"),
    # written after the extraction was tuned, to measure generalisation; see quality/README.md
    "fresh": (QUALITY / "fresh" / "articles", QUALITY / "fresh" / "gold.json"),
}
# name -> (texts folder, gold file): real news, committed gold, retrieved texts. "real" is the shared
# real-news set ($ROUNDTABLE_REAL_TEXTS); "real-<batch>" each quality/real/<batch>/ with a gold.json
# ($ROUNDTABLE_QUALITY_REAL_TEXTS/<batch>).
REAL_SETS = {"real": (REAL_TEXTS, REAL / "gold.json")} | {
    f"real-{gold.parent.name}": (QUALITY_REAL_TEXTS / gold.parent.name, gold)
    for gold in sorted(QUALITY_REAL.glob("*/gold.json"))
}


def load_scorer() -> ModuleType:
    require(EVAL / "score.py")
    spec = importlib.util.spec_from_file_location("roundtable_eval_score", EVAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best_recorded(name: str) -> dict[str, float] | None:
    require(BEST)
    return json.loads(BEST.read_text(encoding="utf-8")).get(name)


def run_and_score(folder: Path, gold: dict[str, Any], data: Path) -> dict[str, Any]:
    code = cli.main(["run", "--input", str(folder), "--data-dir", str(data)])
    assert code == 0, f"roundtable run --input {folder} exited {code}: nothing to score (its output is above)"
    return load_scorer().score(data / "exports", gold)


def drops_below(summary: dict[str, Any], best: dict[str, float]) -> dict[str, tuple[Any, float]]:
    return {k: (summary.get(k), v) for k, v in best.items() if summary.get(k) is None or summary[k] < v}


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_do_not_drop_below_the_best_recorded(name: str, prefect_harness: None, tmp_path: Path) -> None:
    folder, gold = SETS[name]
    require(folder, gold, EVAL / "score.py")
    report = run_and_score(folder, json.loads(gold.read_text(encoding="utf-8")), tmp_path)
    summary = report["summary"]
    best = best_recorded(name)
    assert best, f"{name}: no best scores recorded in {BEST}"
    drops = drops_below(summary, best)
    assert not drops, f"{name}: scores below the best recorded (now, best): {drops}\nerrors: " + "; ".join(
        report["round_attribute_errors"]
    )
    assert summary["people_split"] == 0


def _stale_texts(folder: Path, gold_file: Path, files: list[str]) -> list[str]:
    """Files whose text is not the one the recipe's sources.tsv (beside the gold, if any) describes."""
    sources = gold_file.with_name("sources.tsv")
    if not sources.is_file():
        return []
    with sources.open(encoding="utf-8", newline="") as f:
        want = {r["file"]: r for r in csv.DictReader(f, delimiter="\t")}
    stale = []
    for name in files:
        if name not in want:
            continue
        body = (folder / name).read_bytes().decode("utf-8", errors="replace")
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
        if digest != want[name]["body_sha256_16"] or len(body) != int(want[name]["body_chars"]):
            stale.append(name)
    return stale


@pytest.mark.parametrize("name", sorted(REAL_SETS))
def test_real_news_scores(name: str, prefect_harness: None, tmp_path: Path, terminal_note: Any) -> None:
    """Real news, when its texts are there: scored, and held to its best recorded scores if any."""
    folder, gold_file = REAL_SETS[name]
    require(gold_file, EVAL / "score.py")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    files = [a["article"] for a in gold["articles"]]
    assert files, f"{name}: {gold_file} lists no article"
    recipe = "the recipe in ../shared/eval/real/README.md" if name == "real" else "quality/README.md"
    missing = [f for f in files if not (folder / f).is_file()]
    if missing:
        pytest.skip(
            f"{NOT_CHECKED}: {name}: {len(missing)} of {len(files)} texts absent from {folder}"
            f" (retrieved, never committed: see {recipe})"
        )
    stale = _stale_texts(folder, gold_file, files)
    if stale:
        pytest.skip(f"{NOT_CHECKED}: {name}: texts in {folder} differ from sources.tsv: {', '.join(stale)}")

    # only the gold's articles (the folder may hold others) and the manifest with their dates
    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in files:
        shutil.copy(folder / f, inputs / f)
    manifest = next((m for m in (folder / "manifest.csv", gold_file.with_name("manifest.csv")) if m.is_file()), None)
    if manifest:
        shutil.copy(manifest, inputs / "manifest.csv")
    report = run_and_score(inputs, gold, tmp_path / "data")
    summary = report["summary"]
    figures = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in summary.items())
    best = best_recorded(name)
    terminal_note(f"{name} ({len(files)} articles{'' if best else ', no best recorded yet'}): {figures}")
    if not best:
        return
    drops = drops_below(summary, best)
    assert not drops, f"{name}: scores below the best recorded (now, best): {drops}\nerrors: " + "; ".join(
        report["round_attribute_errors"]
    )
