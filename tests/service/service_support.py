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
