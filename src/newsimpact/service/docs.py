"""API documentation pages (Swagger UI, ReDoc) served from the installed fastapi-offline assets, so they
work without a network; their start-up code is a static file, not an inline script."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from .web import templates

ASSETS = Path(fastapi_offline.__file__).parent / "static"
FAVICON = Path(__file__).parent / "static" / "favicon.svg"

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui(request: Request) -> Response:
    return templates.TemplateResponse(request, "apidocs.html", {"viewer": "swagger"})


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> Response:
    return templates.TemplateResponse(request, "apidocs.html", {"viewer": "redoc"})


@router.get("/favicon.ico")
def favicon() -> Response:
    return FileResponse(FAVICON, media_type="image/svg+xml")
