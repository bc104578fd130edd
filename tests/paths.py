"""Where the tests' inputs are: the read-only shared inputs (contract, development sets, scorer),
the repository's own check sets, and the real-news texts that are retrieved, never committed.

CI clones the repo with `shared/` beside it; a developer's checkout has it at ../shared too
(ROUNDTABLE_SHARED names another place).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite's own variables, read here once. flows.settings refuses unknown ROUNDTABLE_* variables, so
# conftest.py hides these from the environment while the tests run the CLI.
TEST_VARIABLES = ("ROUNDTABLE_SHARED", "ROUNDTABLE_REAL_TEXTS", "ROUNDTABLE_QUALITY_REAL_TEXTS")

REPO = Path(__file__).resolve().parent.parent
_SHARED_ENV = os.environ.get("ROUNDTABLE_SHARED")
# beside the checkout, else this workplace's own copy (for a clone elsewhere, e.g. under /tmp)
_CANDIDATES = (Path(_SHARED_ENV),) if _SHARED_ENV else (REPO.parent / "shared", Path("/work/shared"))
SHARED = next((p for p in _CANDIDATES if (p / "eval").is_dir()), _CANDIDATES[0])
EVAL = SHARED / "eval"
DEV = EVAL / "dev"
QUALITY = REPO / "quality"

# Real news: the gold is committed, the texts are retrieved by a recipe and kept out of the repository.
REAL = EVAL / "real"  # gold.json, manifest.csv; texts by the recipe in its README
REAL_TEXTS = Path(os.environ.get("ROUNDTABLE_REAL_TEXTS", "/tmp/real/articles"))
QUALITY_REAL = QUALITY / "real"  # <batch>/gold.json
QUALITY_REAL_TEXTS = Path(os.environ.get("ROUNDTABLE_QUALITY_REAL_TEXTS", "/tmp/quality-real"))  # <batch>/*.txt


def require(*paths: Path) -> None:
    """Fail (never skip) when committed test data is missing: a gate without its data is no gate."""
    missing = [p for p in paths if not p.exists()]
    if not missing:
        return
    where = ""
    if any(p.is_relative_to(SHARED) for p in missing):
        where = f"; shared inputs are looked for at {', '.join(map(str, _CANDIDATES))}"
    pytest.fail(f"committed test data missing: {', '.join(map(str, missing))}{where}", pytrace=False)
