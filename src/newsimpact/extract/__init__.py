"""Page -> Article: detect the input kind and charset, extract, then apply newsroom rules."""

from __future__ import annotations

import re

from newsimpact.article import Article
from newsimpact.config import ExtractSettings
from newsimpact.errors import InputError, NoArticleError
from newsimpact.extract.assemble import Draft, assemble
from newsimpact.extract.decode import decode
from newsimpact.extract.dump import clean_dump, clean_text
from newsimpact.extract.html import extract_html
from newsimpact.extract.page import Page, PageKind

__all__ = ["Page", "PageKind", "detect_kind", "extract"]

_HTML_MARKERS = re.compile(r"<(?:!doctype html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_MIN_ARTICLE_CHARS = 150


def detect_kind(text: str) -> PageKind:
    head = text[:4096]
    tags = len(re.findall(r"<[a-zA-Z/!][^>]*>", head))
    if _HTML_MARKERS.search(head) and tags >= 3:
        return "html"
    return "dump"


def _has_article(article: Article) -> bool:
    body = sum(len(p) for p in article.paragraphs)
    long_paragraphs = sum(1 for p in article.paragraphs if len(p) >= 60)
    return body >= _MIN_ARTICLE_CHARS and long_paragraphs >= 1


def extract(page: Page, settings: ExtractSettings | None = None) -> Article:
    settings = settings or ExtractSettings()
    # The limit holds for text handed in directly (a batch record, an API body) as for files.
    size = len(page.content) if isinstance(page.content, bytes) else len(page.content.encode("utf-8"))
    if size > settings.max_bytes:
        raise InputError(f"input of {size:,} bytes is over the size limit of {settings.max_bytes:,} bytes")
    if isinstance(page.content, bytes):
        text = decode(page.content)
    else:
        text = page.content
        if not text.strip():
            raise InputError("empty input: nothing to read")
    kind = page.kind or detect_kind(text)

    draft: Draft
    if kind == "html":
        draft = extract_html(text, url=page.url)
    elif kind == "dump":
        draft = clean_dump(text)
    else:
        draft = clean_text(text, title=page.title)
    if page.title and not draft.title:
        draft.title = page.title
    if page.url and not draft.url:
        draft.url = page.url

    article = assemble(draft)
    if kind != "text" and not _has_article(article):
        raise NoArticleError(
            "no article found: the page has no body text (a home page, list page or empty template?)"
        )
    return article
