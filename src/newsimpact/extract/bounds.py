"""Limits that keep every later stage linear and every field storable, whatever a page holds.

- Text reaches the stages without NUL characters (PostgreSQL text cannot hold them) and without lone
  UTF-16 surrogates (a JSON body may carry "\\ud800"; no encoder can write one as UTF-8).
- No paragraph is longer than MAX_PARAGRAPH_CHARS: the tracker's cost grows faster than linearly
  with a paragraph's length (one 400k-character paragraph took 24-47 s, the same text in 900
  paragraphs 0.9 s), and no real paragraph comes near the limit.
- The tracker reads at most MAX_TRACKED_CHARS of body: linear is not enough when a 5 MB page would
  hold the service's worker for half a minute, and no news article is a tenth of that long. The
  paragraphs it reads are a prefix of the article's, so its evidence indexes hold for the whole.
- Extraction reads at most MAX_LINES lines of a text page: every line passes a dozen newsroom rules,
  and a 5 MB page of two-character lines (2.5 million of them) took over 30 s; a real page copy is a
  few hundred lines.
- A URL the database cannot hold (over 2,048 characters) or that is not one line is dropped, with
  a warning, rather than failing the store.
"""

from __future__ import annotations

import re

from newsimpact.article import Article

MAX_PARAGRAPH_CHARS = 2000
MAX_URL_CHARS = 2048
MAX_TRACKED_CHARS = 100_000
MAX_LINES = 50_000

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SENTENCE_ENDS = (". ", "? ", "! ", "。", "？", "！", ".\u201d ", '." ')
_URL_BREAKERS = re.compile(r"[\x00-\x20\x7f]")


def sanitize(text: str) -> str:
    """Drop NULs and replace lone surrogates with U+FFFD (a str can hold them, UTF-8 cannot)."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")  # C speed; only a string holding a lone surrogate fails it
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def first_lines(text: str, limit: int = MAX_LINES) -> tuple[str, bool]:
    """The text up to its `limit`-th line break, and whether anything was cut."""
    parts = text.split("\n", limit)
    if len(parts) <= limit:
        return text, False
    return "\n".join(parts[:limit]), True


def split_paragraph(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """Cut an over-long paragraph at sentence ends, else at spaces, else anywhere, into pieces of at
    most `limit` characters. Each cut looks back at most `limit` characters, so the cost is linear."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(end) + len(end.rstrip()) for end in _SENTENCE_ENDS)
        if cut <= limit // 2:
            cut = window.rfind(" ")
        if cut <= limit // 2:
            cut = limit
        piece = text[start : start + cut].strip()
        if piece:
            pieces.append(piece)
        start += cut
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def bound_paragraphs(article: Article, limit: int = MAX_PARAGRAPH_CHARS) -> Article:
    """The article with every paragraph at most `limit` characters long (itself when already so)."""
    if all(len(p) <= limit for p in article.paragraphs):
        return article
    paragraphs = [piece for p in article.paragraphs for piece in split_paragraph(p, limit)]
    return article.model_copy(update={"paragraphs": paragraphs})


def for_tracker(article: Article) -> Article:
    """What the tracker reads: bounded paragraphs, and no more of them than MAX_TRACKED_CHARS."""
    article = bound_paragraphs(article)
    total = 0
    for count, paragraph in enumerate(article.paragraphs):
        total += len(paragraph)
        if total > MAX_TRACKED_CHARS:
            return article.model_copy(update={"paragraphs": article.paragraphs[: max(count, 1)]})
    return article


def bound_url(article: Article) -> Article:
    """Drop a URL the store cannot keep as the article's identity."""
    url = article.url
    if url is None or (len(url) <= MAX_URL_CHARS and not _URL_BREAKERS.search(url)):
        return article
    warning = f"page URL dropped: over {MAX_URL_CHARS:,} characters or not one line"
    return article.model_copy(update={"url": None, "warnings": [*article.warnings, warning]})
