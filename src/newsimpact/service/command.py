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

    from newsimpact.errors import NewsImpactError
    from newsimpact.service.app import create_app
    from newsimpact.service.settings import ServiceSettings

    settings = ServiceSettings()
    if data_dir is not None:
        settings.data_dir = data_dir
    if host is not None:
        settings.service.host = host
    if port is not None:
        settings.service.port = port
    try:
        app = create_app(settings)
    except NewsImpactError as exc:  # a data directory or database that cannot be used: one line, no traceback
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    shown_host = settings.service.host if settings.service.host not in ("0.0.0.0", "::") else "localhost"
    url = f"http://{shown_host}:{settings.service.port}/"
    where = "the configured database" if settings.database_url else str(settings.data_dir)
    key_note = "from NEWSIMPACT_API_KEY" if settings.api_key else f"in {settings.api_key_file()}"
    typer.echo(f"newsimpact serving at {url}  (API docs: {url}docs)")
    typer.echo(f"data: {where}; API key for writes: {key_note}")
    uvicorn.run(app, host=settings.service.host, port=settings.service.port, log_level="info")


prices_app = typer.Typer(help="Daily closing prices for ticker charts and pick moves.", no_args_is_help=True)


@prices_app.command("import")
def import_prices(
    path: Annotated[Path, typer.Argument(help="CSV with a header date,ticker,close (gzip accepted).")],
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", envvar="NEWSIMPACT_DATA_DIR", help="The service's data directory."),
    ] = None,
) -> None:
    """Load closes into the service's database: validated, all or nothing, safe to run again."""
    from newsimpact.errors import NewsImpactError
    from newsimpact.service.prices import import_price_file
    from newsimpact.service.settings import ServiceSettings
    from newsimpact.store import Store

    settings = ServiceSettings()
    if data_dir is not None:
        settings.data_dir = data_dir
    try:
        store = Store(settings.resolved_database_url())
    except Exception as exc:  # a bad URL or an unreachable database: one line, not a traceback
        typer.echo(f"error: cannot open the database: {exc}", err=True)
        raise typer.Exit(1) from None
    try:
        written = import_price_file(store, path)
        total = store.count_prices()
    except NewsImpactError as exc:
        typer.echo(f"error: {exc}; nothing was imported", err=True)
        raise typer.Exit(1) from None
    finally:
        store.close()
    typer.echo(f"imported {written:,} closes from {path.name} ({total:,} in the database)")
