"""Page metadata from every place news sites put it, read from the one parsed tree.

Times: the displayed "입력/수정/기사승인" lines first (they are what the page means; meta tags
sometimes disagree), then JSON-LD (NewsArticle, also inside @graph), Open Graph /
article:published_time, portal data attributes (data-date-time) and `<time datetime>`.
Naive times are local to the page (KST for Korean pages, decided in assemble).
Title: the page's own headline element that its og:title / JSON-LD headline / <title> starts
with, so " - 사이트명" suffixes go. Authors: JSON-LD author, author/byl meta tags, byline
elements; outlets are never authors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import lxml.html

from newsimpact.extract import news_rules as rules
from newsimpact.extract.ruledata import newsroom

_SPACES = re.compile(r"\s+")
_JSONLD_MAX_CHARS = 1_000_000
_JSONLD_MAX_DEPTH = 6
_ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting")

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:regdate",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
    "datepublished",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "lastmod",
    "dc.date.modified",
    "datemodified",
)
_AUTHOR_META = ("author", "byl", "dable:author", "article:author", "twitter:creator", "dc.creator")
_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)
_DAY = re.compile(r"^\s*(?P<date>\d{4}-\d{2}-\d{2})\s*$")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|:–—]{1,2}|::|#)\s*|\s+#|\s*\|\s*")
_BY = re.compile(r"^\s*(?:By|by|BY)\s+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_MAX_BYLINE_CHARS = 300
_PLACE = re.compile(r"[가-힣]{1,10}(?:,\s?[가-힣]{1,10}){0,3}")


def clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def parse_iso(value: str) -> datetime | None:
    """ISO-like page times: "2025-03-04T09:30:00+09:00", "2025-03-04 09:30:00", "...Z"."""
    match = _ISO.search(value)
    if match is None:
        day = _DAY.match(value)
        return datetime.fromisoformat(day.group("date")) if day else None
    tz = match.group("tz") or ""
    if tz == "Z":
        tz = "+00:00"
    elif tz and ":" not in tz:
        tz = tz[:3] + ":" + tz[3:]
    try:
        return datetime.fromisoformat(f"{match.group('date')}T{match.group('time')}{tz}")
    except ValueError:
        return None


@dataclass
class PageMeta:
    title: str = ""
    published: datetime | None = None
    modified: datetime | None = None
    published_day_only: bool = False
    authors: list[str] = field(default_factory=list)
    email: str | None = None
    site_name: str | None = None
    article_typed: bool = False  # og:type article or a JSON-LD NewsArticle
    ld_article: bool = False  # a JSON-LD NewsArticle (list pages carry ItemList/CollectionPage)
    jsonld_body: str | None = None
    structured_authors: bool = False  # authors come from JSON-LD Person entries
    place: str | None = None  # a dateline place written before the reporter's name in a byline


def jsonld_items(tree: lxml.html.HtmlElement) -> Iterator[dict[str, object]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        content = script.text_content()
        if len(content) > _JSONLD_MAX_CHARS:  # no real page's metadata is this large; parsing it costs
            continue
        try:
            data = json.loads(content)
        except (json.JSONDecodeError, ValueError, RecursionError):
            continue
        yield from _walk_jsonld(data, 0)


def _walk_jsonld(node: object, depth: int) -> Iterator[dict[str, object]]:
    # Bounded: a hostile or broken page can nest lists and @graph arbitrarily deep.
    if depth > _JSONLD_MAX_DEPTH:
        return
    if isinstance(node, list):
        for child in node[:50]:
            yield from _walk_jsonld(child, depth + 1)
    elif isinstance(node, dict):
        yield node
        if "@graph" in node:
            yield from _walk_jsonld(node["@graph"], depth + 1)


def _is_article_item(item: dict[str, object]) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str))


def _jsonld_authors(value: object) -> tuple[list[str], str | None]:
    names: list[str] = []
    email = None
    values = value if isinstance(value, list) else [value]
    for entry in values[:10]:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            if isinstance(entry.get("name"), str):
                names.append(str(entry["name"]))
            if isinstance(entry.get("email"), str) and email is None:
                email = str(entry["email"]).removeprefix("mailto:")
    return names, email


def person_names(raw: str) -> list[str]:
    """Names out of an author string ("By 홍길동 기자", "홍길동·김철수 기자", "Jane Doe");
    outlets, URLs and e-mail addresses are dropped."""
    text = clean(_BY.sub("", raw))
    if not text or "://" in text or text.startswith("@"):
        return []
    byline = rules.parse_ko_byline(text if re.search(r"[가-힣]", text) else "")
    if byline is not None:
        return list(byline.names)
    names = []
    for part in re.split(r"\s*[,;·/]\s*|\s+and\s+", text):
        part = re.sub(r"\s*(?:" + "|".join(map(re.escape, newsroom().reporter_roles)) + r")$", "", part).strip()
        if not part or "@" in part or rules.is_outlet(part):
            continue
        if re.fullmatch(r"[가-힣]{2,4}", part) or re.fullmatch(r"[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){1,3}", part):
            names.append(part)
    return names


def _visible_times(tree: lxml.html.HtmlElement) -> tuple[datetime | None, datetime | None]:
    """The first "입력 ..." and "수정 ..." the page displays (labels and times may sit in
    separate elements: the label's parent is read when it is short)."""
    labels = newsroom().time_labels.published + newsroom().time_labels.modified
    # Only the labels that contain no other label: "기사입력" is found through "입력".
    cores = [label for label in labels if not any(o != label and o in label for o in labels)]
    condition = " or ".join(f"contains(., '{label}')" for label in cores)
    published = modified = None
    for node in tree.xpath(f"//body//text()[string-length() < 120][{condition}]")[:40]:
        parent = node.getparent()
        if parent is None or parent.tag in ("script", "style", "textarea", "option"):
            continue
        text = clean(str(node))
        if node.is_tail:
            parent = parent.getparent()
        for element in (parent, parent.getparent() if parent is not None else None):
            if element is None:
                break
            content = clean(element.text_content())
            if len(content) > 120:
                break
            if rules.PUBLISHED_LINE.search(content) or rules.MODIFIED_LINE.search(content):
                text = content
                break
        if len(text) > 120:
            continue
        published = published or rules.parse_published(text)
        modified = modified or rules.parse_modified(text)
        if published is not None and modified is not None:
            break
    return published, modified


def _attribute_times(tree: lxml.html.HtmlElement) -> tuple[datetime | None, datetime | None]:
    """Portal copies and modern templates: data-date-time / data-modify-date-time, <time>."""
    published = modified = None
    for element in tree.xpath("//*[@data-date-time or @data-modify-date-time]"):
        if published is None and element.get("data-date-time"):
            published = parse_iso(element.get("data-date-time") or "")
        if modified is None and element.get("data-modify-date-time"):
            modified = parse_iso(element.get("data-modify-date-time") or "")
    if published is None:
        for element in tree.xpath("//time[@datetime][1]"):
            published = parse_iso(element.get("datetime") or "")
    return published, modified


def _title(tree: lxml.html.HtmlElement, references: list[str]) -> str:
    """The headline element the page shows, matched against og:title/JSON-LD/<title>."""
    refs = [clean(r) for r in references if clean(r)]
    if not refs:
        return ""
    best = ""
    # Headings first (cheap); class-named headline blocks only when no heading matches.
    for query in ("//h1 | //h2 | //h3", "//*[contains(@class,'tit') or contains(@class,'headline')]"):
        for element in tree.xpath(query)[:80]:
            text = clean(element.text_content())
            if len(text) < 6 or len(text) > 200 or len(text) <= len(best):
                continue
            for ref in refs:
                if ref == text or (ref.startswith(text) and _TITLE_SEPARATORS.match(ref[len(text) :])):
                    best = text
                    break
        if best:
            return best
    return _strip_site_suffix(refs[0])


def _strip_site_suffix(title: str) -> str:
    """ "헤드라인 - 한빛경제", "헤드라인 : 경제 : 뉴스 : 한빛" -> "헤드라인" (short trailing parts only)."""
    parts = _TITLE_SEPARATORS.split(title)
    while len(parts) > 1 and len(parts[-1]) <= 20 and len(" ".join(parts[:-1])) >= 8:
        title = title[: title.rfind(parts[-1])].rstrip(" -|:–—#")
        parts = parts[:-1]
    return title


def read(tree: lxml.html.HtmlElement, korean: bool = True) -> PageMeta:
    """`korean`: the page holds Hangul; displayed Korean time lines are only looked for then."""
    meta = PageMeta()
    references: list[str] = []
    ld_published = ld_modified = None
    authors: list[str] = []
    ld_people: list[str] = []
    for item in jsonld_items(tree):
        if not _is_article_item(item):
            continue
        meta.article_typed = meta.ld_article = True
        if isinstance(item.get("headline"), str):
            references.append(str(item["headline"]))
        if ld_published is None and isinstance(item.get("datePublished"), str):
            ld_published = parse_iso(str(item["datePublished"]))
        if ld_modified is None and isinstance(item.get("dateModified"), str):
            ld_modified = parse_iso(str(item["dateModified"]))
        if "author" in item:
            names, email = _jsonld_authors(item["author"])
            ld_people += [n for raw in names for n in person_names(raw)]
            meta.email = meta.email or email
        if meta.jsonld_body is None and isinstance(item.get("articleBody"), str):
            meta.jsonld_body = str(item["articleBody"])

    tag_published = tag_modified = None
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        content = element.get("content") or ""
        if key in ("og:title", "twitter:title"):
            references.append(content)
        elif key == "og:site_name":
            meta.site_name = clean(content) or None
        elif key == "og:type" and content.strip().lower() == "article":
            meta.article_typed = True
        elif key in _AUTHOR_META:
            authors.append(content)
        elif tag_published is None and key in _PUBLISHED_META:
            tag_published = parse_iso(content)
        elif tag_modified is None and key in _MODIFIED_META:
            tag_modified = parse_iso(content)
    for element in tree.xpath("//title")[:1]:
        references.append(element.text_content())
    meta.title = _title(tree, references)

    shown_published, shown_modified = _visible_times(tree) if korean else (None, None)
    attr_published, attr_modified = _attribute_times(tree)
    if shown_published is not None:
        # What the page displays is what it means; a displayed time without a "수정" line
        # means the page shows no modification, whatever the meta tags say.
        meta.published, meta.modified = shown_published, shown_modified
    else:
        meta.published = attr_published or ld_published or tag_published
        meta.modified = attr_modified or ld_modified or tag_modified
    if meta.published is not None and _is_midnight_day(meta.published):
        meta.published_day_only = True

    # Structured authors (JSON-LD Person) win over free-text author tags; words written before
    # that name in a free-text byline ("순천, 광양 홍길동 기자") are the dateline place.
    people: list[str] = [n for n in dict.fromkeys(ld_people) if n != meta.site_name]
    meta.structured_authors = bool(people)
    for raw in authors:
        if people:
            meta.place = meta.place or _place_before(clean(raw), people[0])
            continue
        for name in person_names(raw):
            if name not in people and name != meta.site_name:
                people.append(name)
    for raw in authors:
        if "@" not in raw or len(raw) > _MAX_BYLINE_CHARS:
            continue  # bounded input for the e-mail pattern (it backtracks on long runs)
        found = _EMAIL.search(raw)
        if found is not None and meta.email is None and people and any(p in raw for p in people):
            meta.email = found.group(0)
    meta.authors = people
    return meta


def _place_before(byline: str, name: str) -> str | None:
    index = byline.find(name)
    if index <= 0:
        return None
    place = byline[:index].strip(" ,/=")
    return place if _PLACE.fullmatch(place) else None


def _is_midnight_day(value: datetime) -> bool:
    return value.tzinfo is None and value.hour == 0 and value.minute == 0 and value.second == 0


def mailto_links(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(address, text of the small block around the link) for every mailto: link."""
    found = []
    for link in tree.xpath("//a[starts-with(@href, 'mailto:')]")[:20]:
        address = (link.get("href") or "")[len("mailto:") :].split("?")[0].strip(" ;,")
        if "@" not in address:
            continue
        block = link.getparent()
        around = clean(block.text_content()) if block is not None else ""
        if len(around) > 300:
            around = clean(link.text_content())
        found.append((address, around))
    return found
