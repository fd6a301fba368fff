"""Shared test helpers: where the page fixtures live."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Shared generated fixtures (hostile_corpus) import as top-level modules from any test folder.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"


@pytest.fixture
def pages_dir() -> Path:
    """Hand-written page fixtures (invented articles, never copies of real pages)."""
    return PAGES
