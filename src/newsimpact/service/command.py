"""`newsimpact serve` (web pages, API and, by default, job workers) and `newsimpact worker` (job workers
only). Any number of each may share one database (see docs/deployment.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="NEWSIMPACT_DATA_DIR",
        help="Where the SQLite database and the generated API key live.",
    ),
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="NEWSIMPACT_DATABASE_URL",
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user:pw@host/db. Default: SQLite in the data dir.",
    ),
]


def serve(
    host: Annotated[str | None, typer.Option("--host", help="Address to listen on. Default 127.0.0.1.")] = None,
    port: Annotated[int | None, typer.Option("--port", min=0, max=65535, help="Port. Default 8000.")] = None,
    data_dir: DataDirOpt = None,
    database_url: DatabaseOpt = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            max=64,
            help="Analysis worker threads in this process; 0: none of either queue (run `newsimpact worker`).",
        ),
    ] = None,
    translation_workers: Annotated[
        int | None, typer.Option("--translation-workers", min=0, max=64, help="Translation worker threads.")
    ] = None,
    processes: Annotated[
        int,
        typer.Option(
            "--processes",
            min=1,
            max=64,
            help="Web server processes (uvicorn workers). Each also runs the workers above.",
        ),
    ] = 1,
) -> None:
    """Start the web service: article pages, JSON API (/api, docs at /docs) and job workers."""
    import uvicorn

    from newsimpact.errors import NewsImpactError
    from newsimpact.service.app import create_app
    from newsimpact.service.settings import ServiceSettings

    settings = ServiceSettings()
    if data_dir is not None:
        settings.data_dir = data_dir
    if database_url is not None:
        settings.database_url = database_url
    if host is not None:
        settings.service.host = host
    if port is not None:
        settings.service.port = port
    if workers is not None:
        settings.service.workers = workers
    if translation_workers is not None:
        settings.service.translation_workers = translation_workers
    try:
        app = create_app(settings)
    except NewsImpactError as exc:  # a data directory or database that cannot be used: one line, no traceback
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    shown_host = settings.service.host if settings.service.host not in ("0.0.0.0", "::") else "localhost"
    url = f"http://{shown_host}:{settings.service.port}/"
    where = "the configured database" if settings.database_url else str(settings.data_dir)
    key_note = "from NEWSIMPACT_API_KEY" if settings.api_key else f"in {settings.api_key_file()}"
    pools = settings.worker_pools()
    typer.echo(f"newsimpact serving at {url}  (API docs: {url}docs)")
    typer.echo(f"data: {where}; API key for writes: {key_note}")
    typer.echo(f"web processes: {processes}; job worker threads per process: {pools or 'none'}")
    if processes == 1:
        uvicorn.run(app, host=settings.service.host, port=settings.service.port, log_level="info")
        return
    # Each uvicorn worker process builds its own app from the environment: hand the options over there.
    settings.resolved_api_key()  # create the key file once, before the processes race to do it
    os.environ["NEWSIMPACT_DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        os.environ["NEWSIMPACT_DATABASE_URL"] = settings.database_url
    os.environ["NEWSIMPACT_SERVICE__WORKERS"] = str(settings.service.workers)
    os.environ["NEWSIMPACT_SERVICE__TRANSLATION_WORKERS"] = str(settings.service.translation_workers)
    app.state.store.close()  # migrated once above, before the processes start
    uvicorn.run(
        "newsimpact.service.app:create_app",
        factory=True,
        host=settings.service.host,
        port=settings.service.port,
        workers=processes,
        log_level="info",
    )


def worker(
    queue: Annotated[
        list[str] | None,
        typer.Option("--queue", "-q", help="analysis or translation; repeat for both. Default: both."),
    ] = None,
    threads: Annotated[int, typer.Option("--threads", "-t", min=1, max=64, help="Threads per queue.")] = 1,
    data_dir: DataDirOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Run job workers without the web server, until SIGTERM or Ctrl-C."""
    from newsimpact.service.app import default_pipeline
    from newsimpact.service.settings import ServiceSettings
    from newsimpact.service.worker import run_workers
    from newsimpact.store import Store
    from newsimpact.store.repository import QUEUES

    queues = queue or list(QUEUES)
    unknown = [q for q in queues if q not in QUEUES]
    if unknown:
        typer.echo(f"error: unknown queue {unknown[0]!r}: expected {' or '.join(QUEUES)}", err=True)
        raise typer.Exit(1)
    settings = ServiceSettings()
    if data_dir is not None:
        settings.data_dir = data_dir
    if database_url is not None:
        settings.database_url = database_url
    store = Store(settings.resolved_database_url())
    try:
        run_workers(
            store,
            default_pipeline(),
            {q: threads for q in queues},
            max_attempts=settings.service.max_attempts,
            poll_seconds=settings.service.poll_seconds,
            lease_seconds=settings.service.lease_seconds,
            abandon_after_s=settings.service.translation_abandon_s,
            on_ready=lambda w: typer.echo(f"newsimpact worker {w.id} running {w.pools}", err=True),
        )
    finally:
        store.close()


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
