"""Shared by the service tests (kept out of conftest.py: several test folders have one, and
`from conftest import ...` could pick up the wrong one)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from newsimpact.service.settings import ServiceOptions, ServiceSettings

API_KEY = "test-key-0123456789"
AUTH = {"X-API-Key": API_KEY}


def make_settings(data_dir: Path, database_url: str | None = None, **service: object) -> ServiceSettings:
    """Test settings on the given database (default: a SQLite file in data_dir)."""
    return ServiceSettings(
        data_dir=data_dir,
        database_url=database_url or f"sqlite:///{data_dir / 'test.sqlite'}",
        api_key=API_KEY,
        max_request_bytes=64 * 1024,
        service=ServiceOptions.model_validate({"workers": 0, **service}),
    )


def run_jobs(app: FastAPI) -> int:
    """The tests' app has no worker threads: run the queued jobs here, deterministically."""
    ran: int = app.state.worker.run_pending()
    return ran
