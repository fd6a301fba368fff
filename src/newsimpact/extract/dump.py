"""Plain-text page dumps (what copying a whole page gives): find the article, drop the rest.

The article is anchored on what every news page has: a title line followed by the time lines
("기사입력 : ...") and/or a dateline paragraph ("[서울=뉴스핌] 홍길동 기자 = ..."). Everything after a
stop marker (related-article blocks, translation and tracker widgets, footers) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from newsimpact.extract import news_rules as rules
from newsimpact.extract.assemble import Draft

_BULLET = re.compile(r"^[\s•·▶▷■□◆◇○●\-–*]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Boilerplate:
    stop_prefixes: tuple[str, ...]
    stop_patterns: tuple[re.Pattern[str], ...]
    drop_prefixes: tuple[str, ...]
    drop_exact: frozenset[str]
    disclaimer_markers: tuple[str, ...]


def _squash(text: str) -> str:
    return _SPACES.sub("", text)


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    data = yaml.safe_load(
        resources.files("newsimpact.extract").joinpath("data/boilerplate.yaml").read_text("utf-8")
    )
    return Boilerplate(
        stop_prefixes=tuple(_squash(s) for s in data["stop_prefixes"]),
        stop_patterns=tuple(re.compile(p) for p in data.get("stop_patterns") or ()),
        drop_prefixes=tuple(_squash(s) for s in data["drop_prefixes"]),
        drop_exact=frozenset(_squash(s) for s in data["drop_exact"]),
        disclaimer_markers=tuple(data["disclaimer_markers"]),
    )


def _is_drop(line: str, bp: Boilerplate) -> bool:
    squashed = _squash(line)
    return squashed in bp.drop_exact or squashed.startswith(bp.drop_prefixes)


def _is_stop(line: str, bp: Boilerplate) -> bool:
    return (
        _squash(line).startswith(bp.stop_prefixes)
        or any(p.match(line) for p in bp.stop_patterns)
        or any(m in line for m in bp.disclaimer_markers)
    )


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
        (
            i
            for i, line in enumerate(lines)
            if (time_index is None or i > time_index) and _looks_like_body(line)
        ),
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
    """Already-clean article text: one paragraph per line (blank lines allowed), nothing dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return Draft(title=title or "", lines=lines)
