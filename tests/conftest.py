"""Shared test helpers: where the page fixtures live."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"


@pytest.fixture
def pages_dir() -> Path:
    """Hand-written page fixtures (invented articles, never copies of real pages)."""
    return PAGES
