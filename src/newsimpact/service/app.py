"""The FastAPI application: storage, worker threads, JSON API, pages and error handling."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsimpact import __version__
from newsimpact.errors import NewsImpactError
from newsimpact.store import Store

from . import api, desk, docs, web
from .cache import CachedReadsMiddleware, DataVersion
from .core import NewsService
from .headers import SecurityHeadersMiddleware
from .http import ApiError, BodyLimitMiddleware, classify, error_json
from .prices import NoPrices, PriceSource, StorePrices
from .settings import DataDirError, ServiceSettings
from .storage import storage_failure
from .worker import ServicePipeline, Worker

log = logging.getLogger("newsimpact.service")

DESCRIPTION = """Reads financial news article pages and keeps, for each article, the cleaned text,
its translations and the S&P 500 stock tracker report.

Writes need the API key (`X-API-Key: KEY` or `Authorization: Bearer KEY`); reads are public."""


def default_pipeline() -> ServicePipeline:
    from newsimpact.config import Settings
    from newsimpact.pipeline import Pipeline

    pipeline: ServicePipeline = Pipeline(Settings())
    return pipeline


def open_store(settings: ServiceSettings) -> Store:
    """The migrated store, or a one-line DataDirError (a read-only directory, an unreachable server)."""
    url = settings.resolved_database_url()
    try:
        return Store(url)  # migrates to the newest schema
    except SQLAlchemyError as exc:
        _, code, _ = storage_failure(exc)
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
        where = "the configured database" if settings.database_url else str(settings.data_dir)
        raise DataDirError(f"cannot open {where}: {reason} ({code.removeprefix('storage_')})") from exc


def price_source(settings: ServiceSettings, store: Store) -> PriceSource:
    if settings.service.price_source == "none":
        return NoPrices()
    return StorePrices(store)


def create_app(
    settings: ServiceSettings | None = None,
    *,
    pipeline: ServicePipeline | None = None,
    prices: PriceSource | None = None,
) -> FastAPI:
    settings = settings or ServiceSettings()
    store = open_store(settings)
    pipeline = pipeline if pipeline is not None else default_pipeline()
    worker = Worker(
        store,
        pipeline,
        pools=settings.worker_pools(),
        max_attempts=settings.service.max_attempts,
        poll_seconds=settings.service.poll_seconds,
        lease_seconds=settings.service.lease_seconds,
        abandon_after_s=settings.service.translation_abandon_s,
    )
    service = NewsService(settings, store, pipeline, worker, prices or price_source(settings, store))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        worker.start()
        try:
            yield
        finally:
            worker.stop()
            store.close()

    # The stock docs pages load Swagger UI and ReDoc from a CDN; ours serve the installed copies.
    app = FastAPI(
        title="newsimpact",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.worker = worker
    app.state.service = service
    app.state.api_key = settings.resolved_api_key()

    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)
    if settings.service.read_cache:
        version = DataVersion(store, settings.service.version_check_seconds)
        app.add_middleware(CachedReadsMiddleware, version=version)
    # Added last, so it is outermost and sees every response, the size limit's refusals included.
    app.add_middleware(SecurityHeadersMiddleware)
    app.include_router(api.router)
    app.include_router(desk.api_router)
    app.include_router(web.router)
    app.include_router(desk.router)
    app.include_router(docs.router)
    app.mount("/static/apidocs", StaticFiles(directory=docs.ASSETS), name="apidocs")
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    install_error_handlers(app)
    return app


def wants_json(request: Request) -> bool:
    """The API answers JSON; pages answer HTML unless the client asks for JSON and not HTML."""
    if request.url.path.startswith(("/api/", "/openapi.json")) or request.url.path == "/api":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def respond_error(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    if wants_json(request):
        return error_json(status, code, message, headers)
    ui = web.ui_language(request, request.query_params.get("ui"))
    context: dict[str, Any] = {"status": status, "message": message, "code": code}
    return web.render(request, "error.html", ui, context, status=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return respond_error(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(NewsImpactError)
    async def _pipeline_error(request: Request, exc: NewsImpactError) -> Response:
        status, code = classify(exc)
        return respond_error(request, status, code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(part) for part in err.get("loc", ()))
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return respond_error(request, 422, "invalid_request", "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return respond_error(request, exc.status_code, code, message, dict(exc.headers or {}) or None)

    @app.exception_handler(SQLAlchemyError)
    async def _storage_error(request: Request, exc: SQLAlchemyError) -> Response:
        status, code, message = storage_failure(exc)
        log.error("storage error on %s %s: %s", request.method, request.url.path, exc.__class__.__name__)
        if status >= 500:
            request.app.state.service.storage.failed(code)
        return respond_error(request, status, code, message, {"Retry-After": "30"} if status >= 500 else None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"error": {"status": 500, "code": "internal", "message": "internal error; see the server log"}},
            status_code=500,
        )
