"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from newsite import NewsSite  # tests/ is on sys.path (rootdir conftest, no __init__.py)


@pytest.fixture(scope="session")
def other_site() -> Iterator[NewsSite]:
    """A second site on 127.0.0.2: the 'other host' that feeds link to and a crawl must never reach."""
    with NewsSite("127.0.0.2") as site:
        yield site


@pytest.fixture(scope="session")
def news_site(other_site: NewsSite) -> Iterator[NewsSite]:
    """A real HTTP news site on 127.0.0.1 (see tests/newsite.py), shared by the whole session."""
    with NewsSite(other=other_site.base_url) as site:
        yield site
