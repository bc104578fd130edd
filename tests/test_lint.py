"""The code stays ruff-clean (the project's own configuration in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from paths import REPO


def test_ruff_check_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--quiet", str(REPO)], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr
