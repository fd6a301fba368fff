"""Fixtures for the service tests: a real app on a real SQLite file, with fake tracker and translator."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
try:
    import newsimpact  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))
if str(HERE) not in sys.path:  # service_fakes, service_helpers, service_server
    sys.path.insert(0, str(HERE))

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from service_fakes import make_pipeline  # noqa: E402
from service_helpers import make_settings  # noqa: E402

from newsimpact.service.app import create_app  # noqa: E402
from newsimpact.service.settings import ServiceSettings  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> ServiceSettings:
    return make_settings(tmp_path)


@pytest.fixture
def app(settings: ServiceSettings) -> FastAPI:
    return create_app(settings, pipeline=make_pipeline())


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
