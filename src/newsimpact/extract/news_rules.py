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
from newsimpact.extract.ruledata import alternation, newsroom

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
KO_BYLINE_LINE = re.compile(
    rf"^\s*(?P<name>{_KO_NAME})\s*{_KO_ROLE}\s*(?:[(<\[]?\s*(?P<email>{_EMAIL})\s*[)>\]]?)?\s*$"
)
"""A line that is only a Korean byline: "김하늘 기자", "김하늘 기자 sky@example.com"."""
EN_BYLINE = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.'\-]+(?:\s+(?:and\s+)?[A-Z][\w.'\-]+){0,5})\s*$")
EMAIL_ONLY = re.compile(rf"^\s*(?P<email>{_EMAIL})\s*$")
TRAILING_EMAIL = re.compile(rf"\s*(?P<email>{_EMAIL})\s*$")
CAPTION_TAIL = re.compile(rf"\s*(?P<date>\d{{4}}\.\d{{1,2}}\.\d{{1,2}})\.?\s*(?:/\s*)?(?P<email>{_EMAIL})?\s*$")
EN_PHOTO_CREDIT = re.compile(r"\s*(?P<agency>[A-Z]{2,12})/(?P<name>[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3})\s*$")
PHOTO_CREDIT = re.compile(r"\[(?:사진|사진제공|그래픽|자료)\s*=\s*[^\]]{1,30}\]\s*$")

_KO_TIME = (
    r"(?P<y>\d{4})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*일?\.?"
    r"(?:\s*(?:(?P<ampm>오전|오후)\s*)?(?P<H>\d{1,2})\s*[:시]\s*(?P<M>\d{2})?분?)?"
)
# Labels come from extract/data/newsroom.yaml ("입력", "기사승인", "최종수정"...).
PUBLISHED_LINE = re.compile(rf"(?:{alternation(newsroom().time_labels.published)})\s*[:：|]?\s*{_KO_TIME}")
MODIFIED_LINE = re.compile(rf"(?:{alternation(newsroom().time_labels.modified)})\s*[:：|]?\s*{_KO_TIME}")


# Longer than any e-mail address (254 characters) with a date, a slash and spaces before it.
_TAIL_WINDOW = 400


def search_tail(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Search a pattern anchored at the end ($) in the last few hundred characters only.

    A regex search tries every start position; for these patterns each try runs to the end of a
    run of letters or spaces, so a long line costs quadratic time (80k letters took seconds, a 4 MB
    line hours). What they look for is short, so the tail is enough and the cost is constant."""
    return pattern.search(text, max(0, len(text) - _TAIL_WINDOW))


def trailing_email(paragraph: str) -> re.Match[str] | None:
    """An e-mail address ending a paragraph (the reporter's sign-off)."""
    return search_tail(TRAILING_EMAIL, paragraph)


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
    return len(line) <= 60 and (PUBLISHED_LINE.search(line) is not None or MODIFIED_LINE.search(line) is not None)


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
    tail = search_tail(CAPTION_TAIL, paragraph)
    credit = search_tail(PHOTO_CREDIT, paragraph)
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
    credit = search_tail(EN_PHOTO_CREDIT, text)
    if credit is not None and credit.start() > 0:
        return Caption(text=text[: credit.start()].strip(), photographer=credit.group("name"))
    return Caption(text=text)


def parse_byline(line: str) -> str | None:
    match = EN_BYLINE.match(line) or KO_BYLINE_LINE.match(line)
    return match.group("name") if match else None


SENTENCE_END = re.compile(r"[.!?。…”\"')]\s*$|다\s*$")
"""How a body sentence ends (a final stop or the Korean declarative 다); headlines usually do not."""
HEADLINE_MAX_CHARS = 120


def looks_like_headline(line: str) -> bool:
    """Short, not a sentence, and none of the other newsroom lines (dateline, byline, time, e-mail)."""
    return not (
        len(line) > HEADLINE_MAX_CHARS
        or SENTENCE_END.search(line)
        or parse_dateline(line) is not None
        or parse_byline(line) is not None
        or is_time_line(line)
        or email_only(line) is not None
    )


def email_only(line: str) -> str | None:
    match = EMAIL_ONLY.match(line)
    return match.group("email") if match else None


# --- Korean bylines, sign-offs, agency lines, broadcast labels, photo credits ---------------

_EMAIL_IN_LINE = re.compile(rf"[(<\[]?\s*(?P<email>{_EMAIL})\s*[)>\]]?")
_BYLINE_EDGE = re.compile(r"^[\s/\-–—·|]+|[\s/\-–—·|]+$")
_NAME_TOKEN = re.compile(r"^[가-힣]{2,4}$")
_PLACE_PREFIX = re.compile(r"^(?P<place>[가-힣]{1,10}(?:,\s?[가-힣]{1,10})?)\s*=\s*")
_TOKEN_SPLIT = re.compile(r"[\s,·ㆍ]+")


@dataclass(frozen=True)
class Byline:
    """A byline or sign-off line: the people, their e-mail and a dateline place if given."""

    names: tuple[str, ...]
    email: str | None = None
    place: str | None = None


def _roles() -> frozenset[str]:
    return frozenset(newsroom().reporter_roles)


def is_outlet(name: str) -> bool:
    """An outlet, wire agency or portal, never a person ("헤럴드경제", "연합뉴스", "네이버")."""
    data = newsroom()
    squashed = name.replace(" ", "")
    return squashed in data.agencies or squashed.endswith(tuple(data.outlet_suffixes))


def _split_role(token: str, roles: frozenset[str]) -> tuple[str, str | None]:
    """ "홍길동기자" -> ("홍길동", "기자"); a token that is only a role -> ("", role)."""
    if token in roles:
        return "", token
    for role in sorted(roles, key=len, reverse=True):
        if token.endswith(role) and _NAME_TOKEN.match(token[: -len(role)]):
            return token[: -len(role)], role
    return token, None


def parse_ko_byline(line: str) -> Byline | None:
    """A Korean byline/sign-off line: "홍길동 기자 hong@x.com", "제주=홍길동 기자",
    "정리=홍길동 기자", "기자 홍길동", "/김철수·이영희 기자", "홍길동 기자 (hong@x.com)".

    Every word must be a name or a role word, and a role word or an e-mail must be present, so a
    sentence is never taken for a byline. Tokenised, not one big pattern: linear in the line."""
    if len(line) > 80:
        return None
    text = line
    email = None
    found = _EMAIL_IN_LINE.search(text)
    if found is not None:
        email = found.group("email")
        text = text[: found.start()] + " " + text[found.end() :]
        if _EMAIL_IN_LINE.search(text):
            return None  # two addresses: a contact list, not one byline
    text = _BYLINE_EDGE.sub("", text)
    place = None
    prefix = _PLACE_PREFIX.match(text)
    if prefix is not None:
        word = prefix.group("place")
        if word not in newsroom().byline_prefixes:
            place = word
        text = text[prefix.end() :]
        second = _PLACE_PREFIX.match(text)  # "경주=정리=홍길동"
        if second is not None and second.group("place") in newsroom().byline_prefixes:
            text = text[second.end() :]
    roles = _roles()
    names: list[str] = []
    has_role = False
    for token in _TOKEN_SPLIT.split(text.strip()):
        if not token:
            continue
        name, role = _split_role(token, roles)
        has_role = has_role or role is not None
        if not name:
            continue
        if not _NAME_TOKEN.match(name) or is_outlet(name):
            return None
        names.append(name)
    if not names or not (has_role or email):
        return None
    if not has_role and len(names) > 1:
        return None
    return Byline(names=tuple(dict.fromkeys(names)), email=email, place=place)


_SIGNOFFS = tuple(re.compile(p) for p in newsroom().broadcast_signoff_patterns)


def broadcast_signoff(line: str) -> str | None:
    """ "한빛방송 뉴스 홍길동입니다." -> "홍길동" (the reporter signing off a broadcast item)."""
    for pattern in _SIGNOFFS:
        match = pattern.match(line.strip())
        if match is not None:
            return match.group("name")
    return None


def agency_line(line: str) -> str | None:
    """A line that only names a wire agency ("연합뉴스", "(서울=연합뉴스)", "/뉴시스")."""
    text = line.strip(" ()[]/<>-=")
    if "=" in text:
        text = text.split("=", 1)[1].strip()
    return text if text in newsroom().agencies else None


def _broadcast_pattern() -> re.Pattern[str]:
    labels = alternation(newsroom().broadcast_labels)
    return re.compile(rf"^\s*(?:[\[【◀<]\s*(?:{labels})\s*[\]】▶>]|(?:{labels})\s*[:：])\s*")


_BROADCAST = _broadcast_pattern()


def strip_broadcast_label(line: str) -> tuple[str, bool]:
    """ "[앵커] 오늘 증시는..." -> ("오늘 증시는...", True); other lines come back unchanged."""
    match = _BROADCAST.match(line)
    if match is None:
        return line, False
    return line[match.end() :].strip(), True


_PHOTO_CREDITS = tuple(re.compile(p) for p in newsroom().photo_credit_patterns)


def is_photo_credit(line: str) -> bool:
    """A short line that is only a photo credit ("사진=한빛경제 DB", "/연합뉴스")."""
    text = line.strip()
    return len(text) <= 50 and any(p.match(text) for p in _PHOTO_CREDITS)
