"""Draft -> Article: apply the newsroom rules to candidate lines from any extractor."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsimpact.article import Article, Caption, Dateline, Language, Reporter
from newsimpact.extract import news_rules as rules

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_REPORTING_CREDIT = re.compile(
    r"^\s*\(?(?:Reporting|Additional reporting|Writing|Editing) by\b", re.IGNORECASE
)


@dataclass
class Draft:
    """What an extractor found, before the newsroom rules run."""

    title: str = ""
    lines: list[str] = field(default_factory=list)
    subtitle: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    url: str | None = None
    author: str | None = None
    captions: list[Caption] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def detect_language(text: str) -> Language:
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul and hangul >= 0.2 * (hangul + latin):
        return "ko"
    if latin and latin > 0.5 * max(1, len(text.replace(" ", ""))):
        return "en"
    return "en" if latin > hangul else "other"


def _same_name(a: str, b: str) -> bool:
    return a.replace(" ", "").casefold() == b.replace(" ", "").casefold()


def assemble(draft: Draft) -> Article:
    paragraphs: list[str] = []
    captions = list(draft.captions)
    caption_texts = {c.text for c in captions}
    dateline: Dateline | None = None
    reporter_name = draft.author
    reporter_email: str | None = None
    published, modified = draft.published, draft.modified

    for raw in draft.lines:
        line = raw.strip()
        if not line or line == draft.title or line == draft.subtitle or line in caption_texts:
            continue
        if rules.is_time_line(line):
            published = published or rules.parse_published(line)
            modified = modified or rules.parse_modified(line)
            continue
        caption = rules.parse_caption(line)
        if caption is not None:
            captions.append(caption)
            continue
        email = rules.email_only(line)
        if email is not None:
            reporter_email = reporter_email or email
            continue
        byline = rules.parse_byline(line)
        if byline is not None and not paragraphs:
            reporter_name = reporter_name or byline
            continue
        if _REPORTING_CREDIT.match(line) and paragraphs:
            continue
        if dateline is None and not paragraphs:
            found = rules.parse_dateline(line)
            if found is not None:
                dateline = found.dateline
                reporter_name = found.reporter or reporter_name
                line = found.rest
                if not line:
                    continue
        paragraphs.append(line)

    if paragraphs:
        trailing = rules.TRAILING_EMAIL.search(paragraphs[-1])
        if (
            trailing
            and trailing.start() > 0
            and paragraphs[-1][: trailing.start()].rstrip().endswith((".", "다"))
        ):
            reporter_email = reporter_email or trailing.group("email")
            paragraphs[-1] = paragraphs[-1][: trailing.start()].rstrip()

    if reporter_name and dateline and dateline.agency and _same_name(reporter_name, dateline.agency):
        reporter_name = None  # page metadata often names the wire service as the author
    language = detect_language(" ".join([draft.title, *paragraphs[:5]]))
    warnings = list(draft.warnings)
    # Pages mix offset-aware metadata with naive on-page times; make both aware before comparing.
    published = ensure_aware(published, language, warnings)
    modified = ensure_aware(modified, language, warnings)
    if modified is not None and published is not None and modified < published:
        modified = None
    reporter = (
        Reporter(name=reporter_name, email=reporter_email) if (reporter_name or reporter_email) else None
    )
    return Article(
        title=draft.title.strip(),
        subtitle=draft.subtitle,
        published=published,
        modified=modified,
        dateline=dateline,
        reporter=reporter,
        paragraphs=paragraphs,
        captions=captions,
        language=language,
        url=draft.url,
        warnings=warnings,
    )


def ensure_aware(value: datetime | None, language: str, warnings: list[str]) -> datetime | None:
    """Korean pages print KST wall-clock times; elsewhere a naive time is taken as UTC, with a warning."""
    if value is None or value.tzinfo is not None:
        return value
    if language == "ko":
        return value.replace(tzinfo=rules.KST)
    if "page gave no timezone: UTC assumed" not in warnings:
        warnings.append("page gave no timezone: UTC assumed")
    return value.replace(tzinfo=UTC)
