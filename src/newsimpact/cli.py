"""The `newsimpact` command: thin Typer commands that parse, call the pipeline and print."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsimpact.config import Settings
from newsimpact.errors import NewsImpactError
from newsimpact.extract import Page
from newsimpact.output import OutputFormat, print_analysis, print_article

app = typer.Typer(
    name="newsimpact",
    help="Read a financial news page: clean article, translation, S&P 500 stock tracker.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True)

PathArg = Annotated[str, typer.Argument(help="A page file (HTML, text dump or clean text), or - for stdin.")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="text for people, json for machines.")]
KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind", help="Input kind: html, dump (whole-page text copy) or text (clean article). Default: detect."
    ),
]


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def read_page(path: str, settings: Settings, kind: str | None) -> Page:
    max_bytes = settings.extract.max_bytes
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        page = Page.from_bytes(data, max_bytes=max_bytes)
    else:
        page = Page.from_path(path, max_bytes=max_bytes)
    if kind is not None:
        if kind not in ("html", "dump", "text"):
            raise NewsImpactError(f"unknown --kind {kind!r}: expected html, dump or text")
        page = Page(content=page.content, kind=kind)  # type: ignore[arg-type]
    return page


@app.command()
def extract(path: PathArg, fmt: FormatOpt = OutputFormat.text, kind: KindOpt = None) -> None:
    """Extract the article (title, times, dateline, reporter, body, captions) from a page."""
    from newsimpact.pipeline import Pipeline

    try:
        settings = Settings()
        article = Pipeline(settings, with_tracker=False).extract(read_page(path, settings, kind))
    except NewsImpactError as exc:
        fail(str(exc))
        return
    print_article(article, fmt)


@app.command()
def analyze(
    path: PathArg,
    fmt: FormatOpt = OutputFormat.json,
    kind: KindOpt = None,
    translate: Annotated[
        str | None, typer.Option("--translate", help="Also translate into this language (en, ja, zh-Hans, ...).")
    ] = None,
    engine: Annotated[str | None, typer.Option("--engine", help="Translation engine: local, openai, fake.")] = None,
) -> None:
    """Analyse a page: the article, its stock tracker report and (optionally) a translation."""
    from newsimpact.pipeline import Pipeline

    try:
        settings = Settings()
        if engine:
            settings.translation.engine = engine
        pipeline = Pipeline(settings)
        analysis = pipeline.analyze(read_page(path, settings, kind), translate_to=translate)
    except NewsImpactError as exc:
        fail(str(exc))
        return
    print_analysis(analysis, fmt)


@app.command()
def batch(
    input_path: Annotated[Path, typer.Argument(help="JSONL: one {id, html|page|text[, title]} per line.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL to write, one result per input line.")],
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    translate: Annotated[str | None, typer.Option("--translate", help="Also translate each article.")] = None,
) -> None:
    """Analyse many articles; one bad record never stops the batch."""
    from newsimpact.batch import run_batch

    try:
        summary = run_batch(input_path, output, workers=workers, translate_to=translate, settings=Settings())
    except NewsImpactError as exc:
        fail(str(exc))
        return
    err.print(f"{summary.ok} analysed, {summary.failed} failed -> {output}", highlight=False)


def _register_optional_commands() -> None:
    """Commands whose stages live in their own packages (translation, service, universe)."""
    from newsimpact.knowledge.command import universe_app
    from newsimpact.service.command import prices_app, serve
    from newsimpact.translate.command import translate

    app.command("translate")(translate)
    app.command("serve")(serve)
    app.add_typer(universe_app, name="universe")
    app.add_typer(prices_app, name="prices")


_register_optional_commands()


def main() -> None:
    try:
        app()
    except NewsImpactError as exc:  # a stage raised outside a command's own handling
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(1)
