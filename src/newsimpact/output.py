"""Rendering for the CLI: JSON for machines, Rich text for people."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from newsimpact.article import Article

if TYPE_CHECKING:
    from newsimpact.pipeline import Analysis
    from newsimpact.tracker.report import TrackerReport
    from newsimpact.translate.translation import Translation


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _out() -> Console:
    return Console(soft_wrap=True, highlight=False)


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def render_article(article: Article, console: Console) -> None:
    # Page text goes through escape(): Rich reads "[...]" as markup, and "[/x]" in an article would raise.
    console.print(f"[bold]{escape(article.title)}[/]")
    if article.subtitle:
        console.print(f"[italic]{escape(article.subtitle)}[/]")
    meta = []
    if article.published:
        meta.append(f"입력 {article.published.isoformat()}")
    if article.modified:
        meta.append(f"수정 {article.modified.isoformat()}")
    if article.dateline:
        meta.append(f"[{article.dateline.place}={article.dateline.agency}]")
    if article.reporter:
        meta.append(" ".join(x for x in (article.reporter.name, article.reporter.email) if x))
    if meta:
        console.print("[dim]" + escape(" · ".join(meta)) + "[/]")
    console.print()
    if article.paragraphs:
        # One call for the whole body: Rich's per-call cost made a page of 40k short lines take seconds.
        console.print("\n\n".join(article.paragraphs), markup=False)
        console.print()
    for caption in article.captions:
        credit = escape(f"{caption.text} ({caption.date or ''} {caption.photographer or ''})")
        console.print(f"[dim]📷 {credit}[/]")
    for warning in article.warnings:
        console.print(f"[yellow]warning: {escape(warning)}[/]")


def render_tracker(report: TrackerReport, console: Console) -> None:
    if report.abstained:
        reason = escape(report.reason or "")
        # The console soft-wraps prose; a panel must wrap inside its border instead.
        console.print(Panel(f"종목 추적기: 뚜렷한 영향 종목 없음 — {reason}", style="dim"), soft_wrap=False)
    # Low-confidence picks (score under the calibrated threshold) are plausible, not shown as
    # calls: they go apart, under their own heading, so a reader does not take them as the verdict.
    shown = [p for p in (*report.positive, *report.negative) if not p.low_confidence]
    tentative = [p for p in (*report.positive, *report.negative) if p.low_confidence]
    for title, picks, colour in (
        ("긍정 영향 종목", [p for p in shown if p.direction == "positive"], "green"),
        ("부정 영향 종목", [p for p in shown if p.direction == "negative"], "red"),
        ("낮은 확신 (참고)", tentative, "dim"),
    ):
        if not picks:
            continue
        table = Table(title=title, title_style=f"bold {colour}", show_lines=True)
        for column in ("종목", "방향", "섹터", "점수", "근거"):
            table.add_column(column)
        for pick in picks:
            table.add_row(
                escape(f"{pick.name_ko or pick.name} ({pick.ticker})"),
                "긍정" if pick.direction == "positive" else "부정",
                escape(pick.sector_ko),
                f"{pick.score:.2f}",
                f"{escape(pick.rationale_ko)}\n[dim]{escape(pick.evidence[0].text) if pick.evidence else ''}[/]",
            )
        console.print(table, soft_wrap=False)  # the console soft-wraps prose; tables must fit the width
    if report.disclaimer:
        console.print(f"[dim]{escape(report.disclaimer.ko)}[/]")


def render_translation(translation: Translation, console: Console) -> None:
    engine = escape(f"({translation.target_language}, {translation.engine})")
    console.print(f"[bold]{escape(translation.title)}[/]  [dim]{engine}[/]")
    if translation.paragraphs:
        console.print("\n\n".join(translation.paragraphs), markup=False)
        console.print()


def print_article(article: Article, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        print_json(article.model_dump(mode="json"))
    else:
        render_article(article, _out())


def print_analysis(analysis: Analysis, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        print_json(analysis.model_dump(mode="json", exclude_none=True))
        return
    console = _out()
    render_article(analysis.article, console)
    if analysis.tracker is not None:
        render_tracker(analysis.tracker, console)
    if analysis.translation is not None:
        render_translation(analysis.translation, console)
