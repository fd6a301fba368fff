"""Newsroom conventions that generic extractors miss: datelines, bylines, times, captions.

Korean wire style:  "[세종=뉴스핌] 이경태 기자 = 본문..."  or  "(서울=연합뉴스) 홍길동 기자 = ..."
Korean times:       "기사입력 : 2024년01월19일 09:00", "최종수정 : ...", "입력 2024.01.19 09:00"
Korean captions:    "[서울=뉴스핌] 최지환 기자 = 설명... 2023.11.07 someone@site.com"
English wire style: "WASHINGTON, Jan 19 (Reuters) - Body..." and "By Jane Doe" bylines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from newsimpact.article import Caption, Dateline

KST = timezone(timedelta(hours=9), "KST")

_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"
_KO_ROLE = r"(?:[가-힣]{0,8}기자|특파원|통신원|객원기자|기자·PD|PD)"
_KO_NAME = r"[가-힣]{2,4}(?:·[가-힣]{2,4})*"

KO_DATELINE = re.compile(
    r"^\s*[\[\(](?P<place>[^\[\]()=]{1,20})=(?P<agency>[^\[\]()]{1,20})[\]\)]\s*"
    rf"(?:(?P<name>{_KO_NAME})\s*(?P<role>{_KO_ROLE})\s*)?(?:=\s*)?"
)
EN_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'\-]{1,40}?),?\s+(?:(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2})\s+)?"
    r"\((?P<agency>Reuters|AP|AFP|Bloomberg|Yonhap)\)\s*[-–—]\s*"
)
EN_BYLINE = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.'\-]+(?:\s+(?:and\s+)?[A-Z][\w.'\-]+){0,5})\s*$")
EMAIL_ONLY = re.compile(rf"^\s*(?P<email>{_EMAIL})\s*$")
TRAILING_EMAIL = re.compile(rf"\s*(?P<email>{_EMAIL})\s*$")
CAPTION_TAIL = re.compile(
    rf"\s*(?P<date>\d{{4}}\.\d{{1,2}}\.\d{{1,2}})\.?\s*(?:/\s*)?(?P<email>{_EMAIL})?\s*$"
)
EN_PHOTO_CREDIT = re.compile(
    r"\s*(?P<agency>[A-Z]{2,12})/(?P<name>[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3})\s*$"
)
PHOTO_CREDIT = re.compile(r"\[(?:사진|사진제공|그래픽|자료)\s*=\s*[^\]]{1,30}\]\s*$")

_KO_TIME = (
    r"(?P<y>\d{4})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*일?\.?"
    r"(?:\s*(?:(?P<ampm>오전|오후)\s*)?(?P<H>\d{1,2})\s*[:시]\s*(?P<M>\d{2})?분?)?"
)
PUBLISHED_LINE = re.compile(rf"(?:기사입력|최초입력|입력|등록|게재|발행|승인)\s*[:：]?\s*{_KO_TIME}")
MODIFIED_LINE = re.compile(rf"(?:최종수정|최종 수정|수정|업데이트)\s*[:：]?\s*{_KO_TIME}")


@dataclass(frozen=True)
class DatelineMatch:
    dateline: Dateline
    reporter: str | None
    rest: str


def _time_from(match: re.Match[str], tz: timezone = KST) -> datetime | None:
    try:
        hour = int(match.group("H") or 0)
        if match.group("ampm") == "오후" and hour < 12:
            hour += 12
        return datetime(
            int(match.group("y")),
            int(match.group("m")),
            int(match.group("d")),
            hour,
            int(match.group("M") or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None


def parse_published(line: str) -> datetime | None:
    match = PUBLISHED_LINE.search(line)
    return _time_from(match) if match else None


def parse_modified(line: str) -> datetime | None:
    match = MODIFIED_LINE.search(line)
    return _time_from(match) if match else None


def is_time_line(line: str) -> bool:
    """A short line that only states a time (not body text that mentions a date)."""
    return len(line) <= 60 and (
        PUBLISHED_LINE.search(line) is not None or MODIFIED_LINE.search(line) is not None
    )


def parse_dateline(paragraph: str) -> DatelineMatch | None:
    match = KO_DATELINE.match(paragraph)
    if match and (match.group("name") or paragraph[match.end() - 1 : match.end()] in "=] )"):
        name = match.group("name")
        return DatelineMatch(
            Dateline(place=match.group("place").strip(), agency=match.group("agency").strip()),
            name,
            paragraph[match.end() :].lstrip(" =").strip(),
        )
    match = EN_DATELINE.match(paragraph)
    if match:
        return DatelineMatch(
            Dateline(place=match.group("place").strip().title(), agency=match.group("agency")),
            None,
            paragraph[match.end() :].strip(),
        )
    return None


def parse_caption(paragraph: str) -> Caption | None:
    """A photo caption: dateline-led text that ends with "YYYY.MM.DD email" or a [사진=...] credit."""
    tail = CAPTION_TAIL.search(paragraph)
    credit = PHOTO_CREDIT.search(paragraph)
    if tail is None and credit is None:
        return None
    if tail is not None and tail.group("email") is None and not KO_DATELINE.match(paragraph):
        return None  # a bare date at the end of a body sentence is not a caption
    body = paragraph[: (tail or credit).start()].strip()  # type: ignore[union-attr]
    dateline = parse_dateline(body)
    place = photographer = None
    if dateline is not None:
        place, photographer, body = dateline.dateline.place, dateline.reporter, dateline.rest
    elif tail is None:
        return None  # a credit alone without a dateline is too weak a signal
    return Caption(
        text=body,
        place=place,
        photographer=photographer,
        date=tail.group("date") if tail else None,
        email=tail.group("email") if tail else None,
    )


def parse_figcaption(text: str) -> Caption:
    """A caption known to be one (a <figcaption>): Korean style, or English "... AGENCY/Name"."""
    parsed = parse_caption(text)
    if parsed is not None:
        return parsed
    credit = EN_PHOTO_CREDIT.search(text)
    if credit is not None and credit.start() > 0:
        return Caption(text=text[: credit.start()].strip(), photographer=credit.group("name"))
    return Caption(text=text)


def parse_byline(line: str) -> str | None:
    match = EN_BYLINE.match(line)
    return match.group("name") if match else None


def email_only(line: str) -> str | None:
    match = EMAIL_ONLY.match(line)
    return match.group("email") if match else None
