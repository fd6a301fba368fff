"""Plain-text page dumps (what copying a whole page gives): find the article, drop the rest.

The article is anchored on what every news page has: a title line followed by the time lines
("기사입력 : ...") and/or a dateline paragraph ("[서울=뉴스핌] 홍길동 기자 = ..."). Everything after a
stop marker (related-article blocks, translation and tracker widgets, footers) is dropped.
"""

from __future__ import annotations

import re

from newsimpact.extract import news_rules as rules
from newsimpact.extract.assemble import Draft
from newsimpact.extract.ruledata import Boilerplate, boilerplate

_BULLET = re.compile(r"^[\s•·▶▷■□◆◇○●\-–*]+")


def _is_drop(line: str, bp: Boilerplate) -> bool:
    return bp.is_drop(line)


def _is_stop(line: str, bp: Boilerplate) -> bool:
    return bp.is_stop(line)


def _looks_like_body(line: str) -> bool:
    return rules.parse_dateline(line) is not None or len(line) >= 120


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 8 <= len(line) <= 200 and len(words) >= 2 and not line.endswith(("다.", "다"))


def clean_dump(text: str) -> Draft:
    bp = boilerplate()
    lines = [_BULLET.sub("", raw).strip() for raw in text.splitlines()]
    lines = [line for line in lines if line]

    time_index = next((i for i, line in enumerate(lines) if rules.is_time_line(line)), None)
    body_index = next(
        (i for i, line in enumerate(lines) if (time_index is None or i > time_index) and _looks_like_body(line)),
        None,
    )
    if body_index is None:
        body_index = time_index + 1 if time_index is not None else 0

    # The title sits just above the time lines when there are any, else just above the body.
    anchor = time_index if time_index is not None else body_index
    title = ""
    title_index = anchor
    for i in range(anchor - 1, max(-1, anchor - 6), -1):
        line = lines[i]
        if _is_drop(line, bp) or rules.is_time_line(line):
            continue
        if _looks_like_headline(line):
            title, title_index = line, i
            if time_index is not None:
                break
        elif title:
            break

    draft = Draft(title=title)
    # Between the title and the first body paragraph: times, widgets and (Korean style) a subtitle.
    subtitle_parts: list[str] = []
    for line in lines[title_index + 1 : body_index]:
        if rules.is_time_line(line):
            draft.published = draft.published or rules.parse_published(line)
            draft.modified = draft.modified or rules.parse_modified(line)
        elif not _is_drop(line, bp) and line != title and _looks_like_headline(line):
            subtitle_parts.append(line)
    draft.subtitle = " / ".join(subtitle_parts) or None

    for line in lines[body_index:]:
        if _is_stop(line, bp):
            break
        if _is_drop(line, bp):
            continue
        draft.lines.append(line)
        if rules.email_only(line) is not None and len(draft.lines) > 1:
            # Korean articles sign off with the reporter's e-mail alone on a line; what follows
            # is the page around the article (related stories, widgets), whatever its wording.
            break
    return draft


def clean_text(text: str, title: str | None = None) -> Draft:
    """Already-clean article text: one paragraph per line (blank lines allowed). Without a given title,
    a first line that reads as a headline becomes the title rather than the first paragraph."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not title:
        title, lines = split_headline(lines)
    return Draft(title=title or "", lines=lines)


def split_headline(lines: list[str]) -> tuple[str, list[str]]:
    """('headline', rest) when the first of several lines reads as a headline; else ('', lines)."""
    if len(lines) < 2 or not rules.looks_like_headline(lines[0]):
        return "", lines
    return lines[0], lines[1:]
