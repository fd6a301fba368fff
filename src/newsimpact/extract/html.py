"""HTML pages: trafilatura finds the main text; page metadata gives times; newsroom rules follow."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import lxml.html
import trafilatura
from lxml.etree import ParserError

from newsimpact.article import Caption
from newsimpact.errors import InputError
from newsimpact.extract import news_rules as rules
from newsimpact.extract.assemble import Draft

_PUBLISHED_META = ("article:published_time", "og:article:published_time", "pubdate", "publishdate", "date",
                   "dc.date.issued", "parsely-pub-date", "sailthru.date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "og:article:modified_time", "lastmod", "dc.date.modified")
_SPACES = re.compile(r"\s+")


def _parse_iso(value: str) -> datetime | None:
    value = value.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?[+-]\d{4}", value):
        value = value[:-2] + ":" + value[-2:]
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _walk_jsonld(node: object) -> list[dict[str, object]]:
    if isinstance(node, list):
        return [item for child in node for item in _walk_jsonld(child)]
    if isinstance(node, dict):
        found = [node]
        if "@graph" in node:
            found += _walk_jsonld(node["@graph"])
        return found
    return []


def _metadata_times(tree: lxml.html.HtmlElement) -> tuple[datetime | None, datetime | None]:
    published = modified = None
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except (json.JSONDecodeError, ValueError):
            continue
        for item in _walk_jsonld(data):
            if published is None and isinstance(item.get("datePublished"), str):
                published = _parse_iso(str(item["datePublished"]))
            if modified is None and isinstance(item.get("dateModified"), str):
                modified = _parse_iso(str(item["dateModified"]))
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content") or ""
        if published is None and key in _PUBLISHED_META:
            published = _parse_iso(content)
        elif modified is None and key in _MODIFIED_META:
            modified = _parse_iso(content)
    return published, modified


def _page_times(tree: lxml.html.HtmlElement) -> tuple[datetime | None, datetime | None]:
    """Korean pages print "기사입력 : ..." / "최종수정 : ..." outside the main text."""
    published = modified = None
    for text in tree.xpath("//body//text()"):
        line = _SPACES.sub(" ", str(text)).strip()
        if not line or len(line) > 80:
            continue
        published = published or rules.parse_published(line)
        modified = modified or rules.parse_modified(line)
        if published and modified:
            break
    return published, modified


def _figcaptions(tree: lxml.html.HtmlElement) -> list[Caption]:
    captions = []
    for node in tree.xpath("//figcaption"):
        text = _SPACES.sub(" ", node.text_content()).strip()
        if not text:
            continue
        parsed = rules.parse_caption(text)
        captions.append(parsed or Caption(text=text))
    return captions


def extract_html(html: str, url: str | None = None) -> Draft:
    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError) as exc:
        raise InputError(f"unreadable HTML: {exc}") from exc
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
    )
    draft = Draft(url=url)
    if document is None:
        return draft
    meta = document if isinstance(document, dict) else document.as_dict()
    draft.title = str(meta.get("title") or "").strip()
    draft.url = url or (str(meta["url"]) if meta.get("url") else None)
    author = meta.get("author")
    draft.author = str(author).strip() if author else None
    text = str(meta.get("text") or "")
    draft.lines = [line.strip() for line in text.split("\n") if line.strip()]
    draft.captions = _figcaptions(tree)

    published, modified = _metadata_times(tree)
    page_published, page_modified = _page_times(tree)
    draft.published = published or page_published
    draft.modified = modified or page_modified
    if draft.published is None and meta.get("date"):
        # htmldate found only a day: keep it, at midnight, and say so.
        day = _parse_iso(str(meta["date"]))
        if day is not None:
            draft.published = day
            draft.warnings.append("published time known to the day only")
    return draft


def ensure_aware(value: datetime | None, language: str, warnings: list[str]) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    if language == "ko":
        return value.replace(tzinfo=rules.KST)
    warnings.append("page gave no timezone: UTC assumed")
    return value.replace(tzinfo=timezone.utc)
