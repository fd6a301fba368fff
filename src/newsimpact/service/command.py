"""`newsimpact serve`: the web service with embedded defaults (SQLite in a data directory, worker threads)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def serve(
    host: Annotated[
        str | None, typer.Option("--host", help="Address to listen on. Default 127.0.0.1.")
    ] = None,
    port: Annotated[int | None, typer.Option("--port", min=0, max=65535, help="Port. Default 8000.")] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="NEWSIMPACT_DATA_DIR",
            help="Where the SQLite database and the generated API key live.",
        ),
    ] = None,
) -> None:
    """Start the web service: article pages, JSON API (/api, docs at /docs) and job workers."""
    import uvicorn

    from newsimpact.service.app import create_app
    from newsimpact.service.settings import ServiceSettings

    settings = ServiceSettings()
    if data_dir is not None:
        settings.data_dir = data_dir
    if host is not None:
        settings.service.host = host
    if port is not None:
        settings.service.port = port
    app = create_app(settings)
    shown_host = settings.service.host if settings.service.host not in ("0.0.0.0", "::") else "localhost"
    url = f"http://{shown_host}:{settings.service.port}/"
    where = "the configured database" if settings.database_url else str(settings.data_dir)
    key_note = "from NEWSIMPACT_API_KEY" if settings.api_key else f"in {settings.api_key_file()}"
    typer.echo(f"newsimpact serving at {url}  (API docs: {url}docs)")
    typer.echo(f"data: {where}; API key for writes: {key_note}")
    uvicorn.run(app, host=settings.service.host, port=settings.service.port, log_level="info")
