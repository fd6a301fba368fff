"""Article bodies that live only in embedded JSON (Arc/Fusion `Fusion.globalContent`,
Next.js `__NEXT_DATA__`, JSON-LD `articleBody`), for pages whose HTML holds no body text.

The JSON is searched, bounded in depth and size, for the node that holds the story: Arc-style
`content_elements` (typed text blocks) or a long `articleBody`/`body`/`content` string (plain text
or HTML). Headline, times and authors are read from the same node when it has them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import lxml.html

from newsimpact.extract.metadata import clean, parse_iso, person_names

_MAX_DEPTH = 12
_MAX_NODES = 20000
_ASSIGNMENT = re.compile(r"(?:Fusion\.globalContent|window\.__INITIAL_STATE__|window\.__PRELOADED_STATE__)\s*=\s*")
_BODY_KEYS = ("articleBody", "body", "content", "contents", "article_body", "text", "html")
_HEADLINE_KEYS = ("headline", "title")
_PUBLISHED_KEYS = ("datePublished", "first_publish_date", "display_date", "publish_date", "publishedAt", "published_at")
_MODIFIED_KEYS = ("dateModified", "last_updated_date", "updatedAt", "updated_at", "modified_at")
_MIN_BODY_CHARS = 80
_BLOCK_SPLIT = re.compile(r"\n\s*\n|\r\n\s*\r\n")


@dataclass
class EmbeddedArticle:
    paragraphs: list[str] = field(default_factory=list)
    title: str = ""
    published: datetime | None = None
    modified: datetime | None = None
    authors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Source:
    """A script that may hold the story as JSON: whole (`whole`) or after an assignment."""

    text: str
    whole: bool


_MARKERS = ("__NEXT_DATA__", "Fusion.globalContent", "application/json", "__INITIAL_STATE__", "__PRELOADED_STATE__")


def may_hold_json(html: str) -> bool:
    """A cheap look at the raw page before any script is read."""
    return any(marker in html for marker in _MARKERS)


def sources(tree: lxml.html.HtmlElement) -> list[Source]:
    """The scripts worth decoding, collected before the tree is handed on (cheap: no JSON
    is parsed until a body is needed)."""
    found = []
    for script in tree.xpath("//script[not(@src)]"):
        text = script.text or ""
        if len(text) < _MIN_BODY_CHARS:
            continue
        if script.get("id") == "__NEXT_DATA__" or script.get("type") == "application/json":
            found.append(Source(text, whole=True))
        elif _ASSIGNMENT.search(text):
            found.append(Source(text, whole=False))
    return found


def _json_documents(found: list[Source]) -> Iterator[object]:
    for source in found:
        text = source.text
        if source.whole:
            try:
                yield json.loads(text)
            except (ValueError, RecursionError):  # ValueError also covers huge integer literals
                continue
            continue
        for match in _ASSIGNMENT.finditer(text):
            try:
                value, _end = json.JSONDecoder().raw_decode(text, match.end())
            except (ValueError, RecursionError):  # ValueError also covers huge integer literals
                continue
            yield value


def _paragraphs_from_markup(value: str) -> list[str]:
    """A body string: HTML (paragraph tags, <br>) or plain text with blank lines."""
    if "<" in value and ">" in value:
        try:
            fragment = lxml.html.fragment_fromstring(value, create_parent="div")
        except (ValueError, lxml.etree.ParserError):
            return []
        for br in fragment.iter("br"):
            br.tail = "\n" + (br.tail or "")
        blocks = fragment.xpath(".//p | .//h2 | .//h3 | .//li") or [fragment]
        lines = [line for block in blocks for line in block.text_content().split("\n")]
    else:
        lines = [line for block in _BLOCK_SPLIT.split(value) for line in block.split("\n")]
    return [clean(line) for line in lines if clean(line)]


def _content_elements(elements: list[object]) -> list[str]:
    """Arc-style typed blocks: keep text and headers, skip images, ads, embeds."""
    paragraphs: list[str] = []
    for element in elements[:500]:
        if not isinstance(element, dict) or element.get("type") not in ("text", "header", "paragraph"):
            continue
        content = element.get("content")
        if isinstance(content, str):
            paragraphs += _paragraphs_from_markup(content)
    return paragraphs


def _string_at(node: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, dict) and isinstance(value.get("basic"), str):  # Arc: headlines.basic
            return str(value["basic"])
    return None


def _candidates(node: object) -> Iterator[tuple[dict[str, object], list[str]]]:
    stack: list[tuple[object, int]] = [(node, 0)]
    seen = 0
    while stack and seen < _MAX_NODES:
        current, depth = stack.pop()
        seen += 1
        if depth > _MAX_DEPTH:
            continue
        if isinstance(current, list):
            stack += [(child, depth + 1) for child in current[:500]]
        elif isinstance(current, dict):
            elements = current.get("content_elements")
            if isinstance(elements, list):
                yield current, _content_elements(elements)
            for key in _BODY_KEYS:
                value = current.get(key)
                if isinstance(value, str) and len(value) >= _MIN_BODY_CHARS:
                    yield current, _paragraphs_from_markup(value)
            stack += [(child, depth + 1) for child in current.values() if isinstance(child, dict | list)]


def find(found_sources: list[Source]) -> EmbeddedArticle | None:
    best: tuple[dict[str, object], list[str]] | None = None
    for document in _json_documents(found_sources):
        for node, paragraphs in _candidates(document):
            if sum(map(len, paragraphs)) >= _MIN_BODY_CHARS and (
                best is None or sum(map(len, paragraphs)) > sum(map(len, best[1]))
            ):
                best = (node, paragraphs)
    if best is None:
        return None
    node, paragraphs = best
    found = EmbeddedArticle(paragraphs=paragraphs, title=clean(_string_at(node, _HEADLINE_KEYS) or ""))
    published = _string_at(node, _PUBLISHED_KEYS)
    modified = _string_at(node, _MODIFIED_KEYS)
    found.published = parse_iso(published) if published else None
    found.modified = parse_iso(modified) if modified else None
    credits = node.get("credits")
    by = credits.get("by") if isinstance(credits, dict) else node.get("author")
    for entry in by if isinstance(by, list) else [by]:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str):
            found.authors += person_names(name)
    return found
