"""Uvicorn factory for servers the tests start as subprocesses:
`uvicorn --factory service_support:create_test_app` with PYTHONPATH=src:tests/service.

NEWSIMPACT_TEST_TRACKER_DELAY / NEWSIMPACT_TEST_TRANSLATOR_DELAY (seconds) make jobs slow on purpose,
so a test can kill the server while one runs."""

from __future__ import annotations

import os

from fastapi import FastAPI
from service_fakes import make_pipeline

from newsimpact.service.app import create_app
from newsimpact.service.settings import ServiceSettings


def create_test_app() -> FastAPI:
    tracker_delay = float(os.environ.get("NEWSIMPACT_TEST_TRACKER_DELAY", "0"))
    translator_delay = float(os.environ.get("NEWSIMPACT_TEST_TRANSLATOR_DELAY", "0"))
    settings = ServiceSettings()
    settings.service.poll_seconds = 0.2
    return create_app(settings, pipeline=make_pipeline(tracker_delay, translator_delay))


def run_test_worker() -> None:
    """`python -m service_support`: a `newsimpact worker` process with the fake pipeline.

    NEWSIMPACT_TEST_QUEUES (default analysis,translation) picks the queues; NEWSIMPACT_DATABASE_URL and
    NEWSIMPACT_SERVICE__LEASE_SECONDS / __POLL_SECONDS as for the service."""
    import sys

    from newsimpact.service.worker import run_workers
    from newsimpact.store import Store

    tracker_delay = float(os.environ.get("NEWSIMPACT_TEST_TRACKER_DELAY", "0"))
    translator_delay = float(os.environ.get("NEWSIMPACT_TEST_TRANSLATOR_DELAY", "0"))
    queues = os.environ.get("NEWSIMPACT_TEST_QUEUES", "analysis,translation").split(",")
    settings = ServiceSettings()
    store = Store(settings.resolved_database_url())

    def ready(worker: object) -> None:
        print(f"ready {getattr(worker, 'id', '')}", file=sys.stderr, flush=True)

    try:
        run_workers(
            store,
            make_pipeline(tracker_delay, translator_delay),
            {queue: 1 for queue in queues},
            max_attempts=settings.service.max_attempts,
            poll_seconds=settings.service.poll_seconds,
            lease_seconds=settings.service.lease_seconds,
            on_ready=ready,
        )
    finally:
        store.close()


if __name__ == "__main__":
    run_test_worker()
