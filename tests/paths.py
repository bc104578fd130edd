"""Where the read-only shared inputs (contract, development set, scorer) are.

CI clones the repo with `shared/` beside it; a developer's checkout has it at ../shared too.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_CANDIDATES = (REPO.parent / "shared", Path("/work/shared"))
SHARED = next((p for p in _CANDIDATES if (p / "eval").is_dir()), _CANDIDATES[0])
EVAL = SHARED / "eval"
DEV = EVAL / "dev"
