"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from newsite import NewsSite  # tests/ is on sys.path (rootdir conftest, no __init__.py)


@pytest.fixture(scope="session")
def news_site() -> Iterator[NewsSite]:
    """A real HTTP news site on 127.0.0.1 (see tests/newsite.py), shared by the whole session."""
    with NewsSite() as site:
        yield site
