"""Helpers for tests of the tracker with the shipped knowledge: texts written here as articles, and
the picks read back."""

from __future__ import annotations

from newsimpact.article import Article
from newsimpact.tracker import TrackerReport


def ko(text: str, *body: str) -> Article:
    """A Korean headline alone (as a one-paragraph text), or a title with its body."""
    if body:
        return Article(title=text, paragraphs=list(body), language="ko")
    return Article(title="", paragraphs=[text], language="ko")


def en(text: str, *body: str) -> Article:
    if body:
        return Article(title=text, paragraphs=list(body), language="en")
    return Article(title="", paragraphs=[text], language="en")


def headline(text: str, *body: str) -> Article:
    """English when the text is ASCII, Korean otherwise."""
    return en(text, *body) if text.isascii() else ko(text, *body)


def picks(report: TrackerReport, shown_only: bool = False) -> dict[str, str]:
    return {p.ticker: p.direction for p in report.picks if not (shown_only and p.low_confidence)}


def shown(report: TrackerReport) -> dict[str, str]:
    return picks(report, shown_only=True)
