"""`newsimpact translate` (owned by the translation stage)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsimpact.article import Article
from newsimpact.config import Settings
from newsimpact.errors import InputError, NewsImpactError
from newsimpact.translate.translation import Translation

err = Console(stderr=True)


class Format(StrEnum):
    text = "text"
    json = "json"


def translate(
    path: Annotated[str, typer.Argument(help="A page file (HTML, text dump or clean text), or - for stdin.")],
    to: Annotated[
        str, typer.Option("--to", help="Target language: en, ja, zh-Hans, zh-Hant, vi (or ko for English).")
    ] = "en",
    engine: Annotated[str | None, typer.Option("--engine", help="Translation engine: local, openai, fake.")] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="text: one paragraph per line; json: the Translation.")
    ] = Format.text,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="html, dump or text. text: first line the title, one paragraph per line."),
    ] = None,
) -> None:
    """Translate a page or plain text into another language."""
    from newsimpact.translate import build_translator

    try:
        settings = Settings()
        if engine:
            settings.translation.engine = engine
        article = read_article(path, settings, kind)
        translator = build_translator(settings.translation)
        with Progress(
            TextColumn("translating"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("segments", total=None)
            result = translator.translate(
                article, to, progress=lambda step: bar.update(task, completed=step.done, total=step.total)
            )
    except NewsImpactError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    for warning in result.warnings:
        err.print(f"[yellow]warning:[/] {warning.segment}: {warning.message}", highlight=False, soft_wrap=True)
    typer.echo(result.model_dump_json(indent=2) if fmt is Format.json else as_text(result))


def read_article(path: str, settings: Settings, kind: str | None) -> Article:
    """Plain text (--kind text) is read here, line by line; pages go through the extraction stage."""
    if kind not in (None, "html", "dump", "text"):
        raise InputError(f"unknown --kind {kind!r}: expected html, dump or text")
    from newsimpact.extract.page import Page

    max_bytes = settings.extract.max_bytes
    page = (
        Page.from_bytes(sys.stdin.buffer.read(max_bytes + 1), max_bytes=max_bytes)
        if path == "-"
        else Page.from_path(path, max_bytes=max_bytes)
    )
    if kind == "text":
        return article_from_lines(page.content)
    try:
        from newsimpact.pipeline import Pipeline
    except ImportError as exc:  # the extraction stage is optional in a partial install
        raise InputError(f"page extraction is not available ({exc}); pass --kind text for plain text") from exc
    return Pipeline(settings, with_tracker=False).extract(Page(content=page.content, kind=kind))  # type: ignore[arg-type]


def article_from_lines(content: str | bytes) -> Article:
    """First non-empty line the title, every other non-empty line a paragraph."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError("the text is not UTF-8") from exc
    lines = [line.strip() for line in content.splitlines() if line.strip()]
    if not lines:
        raise InputError("the input is empty")
    return Article(title=lines[0], paragraphs=lines[1:])


def as_text(translation: Translation) -> str:
    """Mirrors article_from_lines: the title, then one line per paragraph, then captions."""
    lines = [translation.title]
    if translation.subtitle:
        lines.append(translation.subtitle)
    if translation.byline:
        lines.append(translation.byline)
    lines += translation.paragraphs
    lines += [f"[caption] {caption}" for caption in translation.captions]
    return "\n".join(lines)
