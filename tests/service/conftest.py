"""Fixtures for the service tests: a real app on a real SQLite file, with fake tracker and translator."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
try:
    import newsimpact  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from service_fakes import make_pipeline  # noqa: E402

from newsimpact.service.app import create_app  # noqa: E402
from newsimpact.service.settings import ServiceOptions, ServiceSettings  # noqa: E402

API_KEY = "test-key-0123456789"
AUTH = {"X-API-Key": API_KEY}


def make_settings(data_dir: Path, **service: object) -> ServiceSettings:
    return ServiceSettings(
        data_dir=data_dir,
        database_url=f"sqlite:///{data_dir / 'test.sqlite'}",
        api_key=API_KEY,
        max_request_bytes=64 * 1024,
        service=ServiceOptions(**{"workers": 0, **service}),  # type: ignore[arg-type]
    )


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


def run_jobs(app: FastAPI) -> int:
    """The tests' app has no worker threads: run the queued jobs here, deterministically."""
    ran: int = app.state.worker.run_pending()
    return ran
