"""Draft -> Article: apply the newsroom rules to candidate lines from any extractor."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsimpact.article import Article, Caption, Dateline, Language, Reporter
from newsimpact.extract import news_rules as rules
from newsimpact.extract.ruledata import boilerplate, squash

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_REPORTING_CREDIT = re.compile(r"^\s*\(?(?:Reporting|Additional reporting|Writing|Editing) by\b", re.IGNORECASE)


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
    subtitle_parts: list[str] = field(default_factory=list)
    author_email: str | None = None
    byline_texts: list[str] = field(default_factory=list)  # byline-classed elements of the page
    mailto: list[tuple[str, str]] = field(default_factory=list)  # (address, text around the link)
    author_structured: bool = False  # `author` comes from JSON-LD Person entries: trusted over byline blocks
    byline_place: str | None = None  # a dateline place found in the page's byline metadata
    site_name: str | None = None
    boilerplate: bool = False  # lines come from a whole page: drop widgets, stop at copyright lines
    refusal: str | None = None  # why the page is not a single article (None: it is one)


_SENTENCE_END = re.compile(r"(?:다|요|음|함|됨|\.|!|\?|。)[\"'”’)\]]*\s*$")


def _is_prose(line: str) -> bool:
    return len(line) >= 80 or (len(line) >= 12 and _SENTENCE_END.search(line) is not None)


@dataclass
class _Bylines:
    """Names, e-mail and dateline place read from byline and sign-off lines."""

    names: list[str] = field(default_factory=list)
    email: str | None = None
    place: str | None = None
    agency: str | None = None

    def take(self, line: str) -> bool:
        """Absorb a byline/sign-off/agency/e-mail line; False when the line is none of these."""
        email = rules.email_only(line)
        if email is not None:
            self.email = self.email or email
            return True
        byline = rules.parse_ko_byline(line)
        if byline is not None:
            self.names += [n for n in byline.names if n not in self.names]
            self.email = self.email or byline.email
            self.place = self.place or byline.place
            return True
        signoff = rules.broadcast_signoff(line)
        if signoff is not None:
            self.names += [signoff] if signoff not in self.names else []
            return True
        agency = rules.agency_line(line)
        if agency is not None:
            self.agency = self.agency or agency
            return True
        return False


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


def _split_place_words(found: _Bylines, structured: list[str]) -> None:
    """ "순천, 광양 홍길동 기자" parsed as three names when JSON-LD names only 홍길동: the words
    before the structured name are the dateline place, not people."""
    if not structured or structured[0] not in found.names:
        return
    first = found.names.index(structured[0])
    if first > 0 and not any(name in structured for name in found.names[:first]):
        found.place = found.place or ", ".join(found.names[:first])
        found.names = found.names[first:]


def _story_goes_on(following: list[str]) -> bool:
    """Two long sentences among the next lines: the stop marker was an inline promo."""
    return sum(1 for line in following if len(line) >= 80 and _SENTENCE_END.search(line)) >= 2


def _lead_time_line(line: str, found: _Bylines) -> bool:
    """ "홍길동 기자 입력 2025.03.04 09:30": a byline glued to the time line."""
    match = rules.PUBLISHED_LINE.search(line) or rules.MODIFIED_LINE.search(line)
    if match is not None and match.start() > 0:
        found.take(line[: match.start()].strip())
    return True


def assemble(draft: Draft) -> Article:
    paragraphs: list[str] = []
    captions = list(draft.captions)
    caption_keys = {squash(c.text) for c in captions}
    skip_keys = {squash(draft.title)} | {squash(p) for p in draft.subtitle_parts}
    if draft.subtitle:
        skip_keys.add(squash(draft.subtitle))
    skip_keys.discard("")
    dateline: Dateline | None = None
    reporter_name = draft.author
    reporter_email: str | None = None
    published, modified = draft.published, draft.modified
    bp = boilerplate() if draft.boilerplate else None
    found = _Bylines()
    lead_deck: list[str] = []
    seen_prose = False

    for index, raw in enumerate(draft.lines):
        line = raw.strip()
        key = squash(line)
        if not line or key in skip_keys or key in caption_keys:
            continue
        if bp is not None:
            if bp.is_stop(line, key):
                if seen_prose and not _story_goes_on(draft.lines[index + 1 : index + 4]):
                    break  # copyright line, reporter box, related-article block: the story is over
                continue  # an inline promo ("Read more: ...") inside the story
            if bp.is_drop(line, key):
                continue
        line, _labelled = rules.strip_broadcast_label(line)
        if not line:
            continue
        if rules.is_time_line(line):
            published = published or rules.parse_published(line)
            modified = modified or rules.parse_modified(line)
            _lead_time_line(line, found)
            continue
        caption = rules.parse_caption(line)
        if caption is not None:
            captions.append(caption)
            continue
        if rules.is_photo_credit(line) and rules.parse_ko_byline(line) is None:
            continue
        email = rules.email_only(line)
        if email is not None:
            reporter_email = reporter_email or email
            continue
        byline = rules.parse_byline(line)
        if byline is not None and not paragraphs:
            reporter_name = reporter_name or byline
            signed = rules.TRAILING_EMAIL.search(line)
            reporter_email = reporter_email or (signed.group("email") if signed else None)
            continue
        if not seen_prose and found.take(line):
            continue
        if _REPORTING_CREDIT.match(line) and paragraphs:
            continue
        if dateline is None and not paragraphs:
            match = rules.parse_dateline(line)
            if match is not None:
                dateline = match.dateline
                if match.reporter:
                    found.names = found.names or [match.reporter]
                line = match.rest
                if not line:
                    continue
        if bp is not None and not seen_prose and not _is_prose(line) and _HANGUL.search(line):
            # Before the lede: a short headline-like line is a deck line; a single word is a
            # label or a stray photo title.
            if len(line.split()) >= 2 and len(line) >= 8 and not draft.subtitle_parts:
                lead_deck.append(line)
            continue
        seen_prose = seen_prose or _is_prose(line)
        paragraphs.append(line)

    # Sign-off lines after the last paragraph: "홍길동 기자 hong@x.com", "제주=홍길동 기자",
    # "/김철수·이영희 기자", an e-mail alone, the agency line ("연합뉴스").
    while paragraphs and (found.take(paragraphs[-1]) or rules.is_photo_credit(paragraphs[-1])):
        paragraphs.pop()

    if paragraphs:
        trailing = rules.trailing_email(paragraphs[-1])
        if trailing and trailing.start() > 0 and paragraphs[-1][: trailing.start()].rstrip().endswith((".", "다")):
            reporter_email = reporter_email or trailing.group("email")
            paragraphs[-1] = paragraphs[-1][: trailing.start()].rstrip()

    if draft.author_structured and draft.author:
        _split_place_words(found, draft.author.split(", "))
    blocks = _Bylines()
    for text in draft.byline_texts:
        # Byline blocks often hold the headline too ("<h2>제목</h2> 정리=홍길동 기자").
        blocks.take(text.replace(draft.title, "").strip() if draft.title else text)
    if not found.names and not draft.author_structured:
        found.names, found.place = blocks.names, found.place or blocks.place
    found.email = found.email or blocks.email
    if found.names and not (reporter_email or found.email):
        # "홍길동 <a href=mailto:...>": an address printed beside the reporter's name.
        reporter_email = next((m for m, around in draft.mailto if any(n in around for n in found.names)), None)
    if found.names:
        reporter_name = ", ".join(found.names)
    elif reporter_name and rules.is_outlet(reporter_name):
        reporter_name = None
    reporter_email = reporter_email or found.email or draft.author_email
    if dateline is None and (found.place or draft.byline_place):
        dateline = Dateline(place=found.place or draft.byline_place)
    elif dateline is None and found.agency and not found.names:
        dateline = Dateline(agency=found.agency)
    subtitle = draft.subtitle or (" / ".join(lead_deck) or None)

    if reporter_name and dateline and dateline.agency and _same_name(reporter_name, dateline.agency):
        reporter_name = None  # page metadata often names the wire service as the author
    language = detect_language(" ".join([draft.title, *paragraphs[:5]]))
    warnings = list(draft.warnings)
    # Pages mix offset-aware metadata with naive on-page times; make both aware before comparing.
    published = ensure_aware(published, language, warnings)
    modified = ensure_aware(modified, language, warnings)
    if modified is not None and published is not None and modified < published:
        modified = None
    reporter = Reporter(name=reporter_name, email=reporter_email) if (reporter_name or reporter_email) else None
    return Article(
        title=draft.title.strip(),
        subtitle=subtitle,
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
    """Korean pages print KST wall-clock times; elsewhere a naive time is taken as UTC, with a warning.
    An aware time on a Korean page is shown as the page's readers see it: in KST."""
    if value is None:
        return value
    if value.tzinfo is not None:
        return value.astimezone(rules.KST) if language == "ko" else value
    if language == "ko":
        return value.replace(tzinfo=rules.KST)
    if "page gave no timezone: UTC assumed" not in warnings:
        warnings.append("page gave no timezone: UTC assumed")
    return value.replace(tzinfo=UTC)
