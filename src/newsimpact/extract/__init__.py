"""Page -> Article: detect the input kind and charset, extract, then apply newsroom rules."""

from __future__ import annotations

import re

from newsimpact.article import Article
from newsimpact.config import ExtractSettings
from newsimpact.errors import InputError, NoArticleError
from newsimpact.extract.assemble import Draft, assemble
from newsimpact.extract.bounds import MAX_LINES, bound_paragraphs, bound_url, first_lines, sanitize
from newsimpact.extract.decode import decode
from newsimpact.extract.dump import clean_dump, clean_text
from newsimpact.extract.html import extract_html
from newsimpact.extract.page import Page, PageKind
from newsimpact.extract.page_type import is_sentence

__all__ = ["Page", "PageKind", "detect_kind", "extract"]

_HTML_MARKERS = re.compile(r"<(?:!doctype html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
# A document that opens like HTML is HTML, however little markup follows (a page of &nbsp;).
_HTML_START = re.compile(
    r"(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
# Bounded, so a run of "<" without ">" cannot make the count quadratic.
_TAG = re.compile(r"<[a-zA-Z/!][^<>]{0,1000}>")
_DETECT_WINDOW = 65536
_MIN_ARTICLE_CHARS = 150
_MIN_SHORT_ITEM_CHARS = 20
_MIN_FLASH_CHARS = 30
_MAX_FLASH_PARAGRAPHS = 4


def detect_kind(text: str) -> PageKind:
    head = text[:_DETECT_WINDOW].lstrip("\ufeff \t\r\n")
    if _HTML_START.match(head):
        return "html"
    if _HTML_MARKERS.search(head) and len(_TAG.findall(head)) >= 3:
        return "html"
    return "dump"


def _has_article(article: Article) -> bool:
    body = sum(len(p) for p in article.paragraphs)
    long_paragraphs = sum(1 for p in article.paragraphs if len(p) >= 60)
    return (body >= _MIN_ARTICLE_CHARS and long_paragraphs >= 1) or _is_short_item(article, body)


def _is_short_item(article: Article, body: int) -> bool:
    """A flash item (속보) is short, but length alone never refuses it. It has a headline and either a
    real sentence, or one to a few short paragraphs signed with a newsroom dateline or byline. A home
    or list page has many short lines, no sentence and no such signature."""
    if not article.title:
        return False
    if any(len(p) >= _MIN_SHORT_ITEM_CHARS and is_sentence(p) for p in article.paragraphs):
        return True
    signed = article.dateline is not None or (article.reporter is not None and bool(article.reporter.name))
    return signed and 1 <= len(article.paragraphs) <= _MAX_FLASH_PARAGRAPHS and body >= _MIN_FLASH_CHARS


def extract(page: Page, settings: ExtractSettings | None = None) -> Article:
    settings = settings or ExtractSettings()
    # The limit holds for text handed in directly (a batch record, an API body) as for files.
    size = len(page.content) if isinstance(page.content, bytes) else len(page.content.encode("utf-8", "surrogatepass"))
    if size > settings.max_bytes:
        raise InputError(f"input of {size:,} bytes is over the size limit of {settings.max_bytes:,} bytes")
    if isinstance(page.content, bytes):
        text = decode(page.content)
    else:
        text = page.content
        if not text.strip():
            raise InputError("empty input: nothing to read")
    text = sanitize(text)
    kind = page.kind or detect_kind(text)

    cut = False
    if kind != "html":
        text, cut = first_lines(text)
    draft: Draft
    if kind == "html":
        draft = extract_html(text, url=page.url)
    elif kind == "dump":
        draft = clean_dump(text)
    else:
        draft = clean_text(text, title=page.title)
    if len(draft.lines) > MAX_LINES:  # an HTML page's text, once extracted
        draft.lines, cut = draft.lines[:MAX_LINES], True
    if cut:
        draft.warnings.append(f"page cut after {MAX_LINES:,} lines")
    if page.title and not draft.title:
        draft.title = sanitize(page.title)
    if page.url and not draft.url:
        draft.url = sanitize(page.url)

    if draft.refusal is not None:
        raise NoArticleError(draft.refusal)
    article = bound_url(bound_paragraphs(assemble(draft)))
    if kind != "text" and not _has_article(article):
        raise NoArticleError("no article found: the page has no body text (a home page, list page or empty template?)")
    return article
