"""Fixtures for the service tests: a real app on a real database, with fake tracker and translator.

Tests that take `db_url` (directly or through `settings`/`app`/`client`) run twice: on a SQLite file
and on a PostgreSQL database of a throwaway cluster started once per session (see service_postgres.py).
Where PostgreSQL cannot be started the PostgreSQL runs are skipped, with the reason in the summary."""

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
from service_postgres import PostgresCluster, postgres_cluster  # noqa: E402

from newsimpact.service.app import create_app  # noqa: E402
from newsimpact.service.settings import ServiceSettings  # noqa: E402
from newsimpact.store.db import sqlite_url  # noqa: E402


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster | str]:
    """The session's PostgreSQL cluster, or the reason there is none."""
    try:
        with postgres_cluster() as cluster:
            yield cluster
    except RuntimeError as exc:
        yield str(exc)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "test.sqlite")
        return
    cluster = request.getfixturevalue("postgres")
    if isinstance(cluster, str):
        pytest.skip(f"PostgreSQL unavailable: {cluster}")
    with cluster.database() as url:
        yield url


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> ServiceSettings:
    return make_settings(tmp_path, database_url=db_url)


@pytest.fixture
def app(settings: ServiceSettings) -> Iterator[FastAPI]:
    application = create_app(settings, pipeline=make_pipeline())
    yield application
    application.state.store.close()  # lets the per-test PostgreSQL database be dropped at once


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
