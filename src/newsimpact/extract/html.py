"""HTML pages: parse once; read metadata, captions, deck and page type from the tree; trafilatura
finds the main text on the same tree; newsroom rules follow (assemble)."""

from __future__ import annotations

import re
from configparser import ConfigParser
from functools import lru_cache

import lxml.html
import trafilatura
from trafilatura.settings import use_config

from newsimpact.article import Caption
from newsimpact.errors import InputError
from newsimpact.extract import embedded, metadata, page_type
from newsimpact.extract import news_rules as rules
from newsimpact.extract.assemble import Draft
from newsimpact.extract.ruledata import newsroom

_SPACES = re.compile(r"\s+")


MIN_EXTRACTED_CHARS = 100


def _trafilatura_config() -> ConfigParser:
    config = use_config()
    # trafilatura falls back to a crude whole-page text when the main text is under 250
    # characters; Korean packs two to three times the content per character, so short but
    # real Korean articles (photo stories, briefs) hit that fallback and come back as one
    # glued line with captions and headline inside.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_CHARS))
    return config


_CONFIG = _trafilatura_config()


def _parse(html: str) -> lxml.html.HtmlElement:
    # trafilatura's own loader, not lxml.html.fromstring: it repairs broken markup and copes with
    # XML declarations, and its tree is what trafilatura's heuristics are tuned on (a plain lxml
    # tree loses about 1% of body tokens on the benchmark pages).
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError("unreadable HTML: the page could not be parsed as an HTML document")
    return tree


_RE_NS = {"re": "http://exslt.org/regular-expressions"}
_HANGUL = re.compile(r"[가-힣]")
_WEAK_PROSE_CHARS = 300
_WEAK_PROSE_SHARE = 0.6
_RICH_BODY_CHARS = 1500  # a body this long in the HTML is never replaced by an embedded copy
_CAPTION_CONTAINERS = frozenset({"div", "span", "table", "td", "tr", "tbody", "figure", "dl", "dd", "dt", "li", "ul"})
_MAX_CAPTION_CHARS = 300
_MENU_ANCESTOR = "ancestor::nav or ancestor::li or ancestor::a or ancestor::footer"
_DECK_BULLET = re.compile(r"^[\sㆍ·•\-–▶▷■□◆◇]+")


def _text(element: lxml.html.HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _drop(element: lxml.html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


class _Marked:
    """Elements whose class/id/style mark them as caption, deck, byline or hidden, in document
    order, from one walk over the body (class/id kinds are cached: sites repeat them)."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        hidden = re.compile(newsroom().hidden_style, re.IGNORECASE)
        self.hidden: list[lxml.html.HtmlElement] = []
        self.captions: list[lxml.html.HtmlElement] = []
        self.decks: list[lxml.html.HtmlElement] = []
        self.bylines: list[lxml.html.HtmlElement] = []
        buckets = {"caption": self.captions, "deck": self.decks, "byline": self.bylines}
        body = tree.find("body")
        for element in body.iter() if body is not None else ():
            style = element.get("style")
            if (style and hidden.search(style)) or element.get("hidden") is not None:
                self.hidden.append(element)
            names = element.get("class")
            ident = element.get("id")
            if ident:
                names = f"{names} {ident}" if names else ident
            if names:
                kind = _kind_of(names)
                if kind is not None:
                    buckets[kind].append(element)


@lru_cache(maxsize=8192)
def _kind_of(value: str) -> str | None:
    """caption / deck / byline / None for one class or id value (cached: sites repeat them)."""
    lowered = value.lower()
    if _class_words().search(lowered) is None:
        return None
    match = _kinds().search(lowered)
    return match.lastgroup if match is not None else None


@lru_cache(maxsize=1)
def _class_words() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in newsroom().class_words))


@lru_cache(maxsize=1)
def _kinds() -> re.Pattern[str]:
    """One pattern for the three class/id kinds (one search per element, not three)."""
    data = newsroom()
    return re.compile(
        f"(?P<caption>{data.caption_class})|(?P<deck>{data.subtitle_class})|(?P<byline>{data.byline_class})",
        re.IGNORECASE,
    )


def _drop_hidden(marked: _Marked) -> None:
    """Text a reader never sees (display:none photo titles, hidden templates) is neither body nor caption."""
    for element in marked.hidden:
        _drop(element)


def _photo_box(image: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The small box around an image that holds its caption: the highest ancestor (up to three
    levels) still short and holding at most two images; None when that box is a linked teaser."""
    box = None
    element = image.getparent()
    for _ in range(3):
        if element is None or element.tag not in _CAPTION_CONTAINERS:
            break
        text = _text(element)
        too_big = len(text) > _MAX_CAPTION_CHARS or len(element.xpath(".//img")) > 2
        if too_big or element.xpath(".//p[string-length() > 100]"):
            break
        box = element
        element = element.getparent()
    if box is None or not _text(box):
        return None
    linked = sum(len(_text(a)) for a in box.iter("a"))
    return None if linked * 2 >= len(_text(box)) else box


def _captions(tree: lxml.html.HtmlElement, marked: _Marked) -> list[Caption]:
    """Figcaptions, caption-classed elements and the text boxes around images; removed from
    the tree so they never reach the body."""
    found: list[Caption] = []
    seen: set[str] = set()
    boxes = list(tree.xpath("//figcaption")) + marked.captions
    for image in tree.xpath("//body//img[not(parent::a)]"):  # linked images are teaser thumbnails
        box = _photo_box(image)
        if box is not None:
            boxes.append(box)
    for box in boxes:
        if box.getparent() is None:
            continue  # already removed with an enclosing box
        text = _text(box)
        if not text or len(text) > _MAX_CAPTION_CHARS * 2:
            continue
        for drop in box.xpath(".//button | .//*[re:test(@class, 'blind|zoom|btn', 'i')]", namespaces=_RE_NS):
            _drop(drop)
        text = _text(box)
        if text and text not in seen:
            seen.add(text)
            found.append(rules.parse_figcaption(text))
        _drop(box)
    return found


def _deck(marked: _Marked, title: str) -> list[str]:
    """The deck (subtitle lines) in a subtitle-classed element, one part per <br> line; removed
    from the tree. Elements inside navigation, lists or links are menus, not decks."""
    squashed_title = _SPACES.sub("", title)
    for element in marked.decks[:10]:
        if element.getparent() is None or element.xpath(_MENU_ANCESTOR):
            continue
        text = _text(element)
        if not 8 <= len(text) <= 400 or _SPACES.sub("", text) == squashed_title or element.xpath(".//a"):
            continue
        for br in element.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for block in element.iter("p", "div", "li", "h2", "h3", "h4", "strong", "b"):
            block.tail = "\n" + (block.tail or "")
        parts = [_DECK_BULLET.sub("", _SPACES.sub(" ", part)).strip() for part in element.text_content().split("\n")]
        _drop(element)
        return [part for part in parts if part]
    return []


def _strip_apart(tree: lxml.html.HtmlElement, marked: _Marked, title: str) -> tuple[list[Caption], list[str]]:
    """Hidden text out; captions and the deck taken apart and out of the tree."""
    _drop_hidden(marked)
    return _captions(tree, marked), _deck(marked, title)


def _main_text(tree: lxml.html.HtmlElement, url: str | None, fast: bool) -> str:
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        config=_CONFIG,
    )
    if document is None:
        return ""
    found = document if isinstance(document, dict) else document.as_dict()
    return str(found.get("text") or "")


def _weak(text: str) -> bool:
    """Fast-mode text that misses the story: little prose, or prose drowned in short lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    prose = sum(len(line) for line in lines if page_type.is_sentence(line))
    total = sum(map(len, lines))
    return prose < _WEAK_PROSE_CHARS or prose < _WEAK_PROSE_SHARE * total


def extract_html(html: str, url: str | None = None) -> Draft:
    tree = _parse(html)
    korean = _HANGUL.search(html) is not None
    marked = _Marked(tree)
    meta = metadata.read(tree, korean=korean)
    # Page structure is read with hidden parts in (carousels hide most of a list page's items).
    # A page with a JSON-LD NewsArticle and a publication time is not scanned for headline runs.
    declared = meta.ld_article and meta.published is not None
    listing = page_type.Listing() if declared else page_type.find_listing(tree)
    bylines = [text for text in (_text(e) for e in marked.bylines[:6]) if 2 <= len(text) <= 120]
    mailto = metadata.mailto_links(tree)
    captions, deck = _strip_apart(tree, marked, meta.title)
    scripts = embedded.sources(tree) if embedded.may_hold_json(html) else []
    # The parsed tree goes to trafilatura (which changes it in place); its own metadata pass
    # (htmldate) is skipped: the tree was read above. Its fast mode runs first; the comparison
    # with readability/justext runs only when that text looks weak (old table-and-<br> layouts),
    # on the page parsed again (rare, so cheaper than copying every tree beforehand).
    text = _main_text(tree, url, fast=True)
    if _weak(text):
        again = _parse(html)
        _strip_apart(again, _Marked(again), meta.title)
        text = _main_text(again, url, fast=False)
    draft = Draft(url=url)
    draft.lines = [line.strip() for line in text.split("\n") if line.strip()]
    embedded_article = embedded.find(scripts) if scripts and sum(map(len, draft.lines)) < _RICH_BODY_CHARS else None
    if embedded_article is not None and sum(map(len, draft.lines)) < sum(map(len, embedded_article.paragraphs)) // 2:
        # Arc/Next.js-style pages: the body is only in the page's JSON.
        draft.lines = embedded_article.paragraphs
        meta.title = meta.title or embedded_article.title
        meta.published = meta.published or embedded_article.published
        meta.modified = meta.modified or embedded_article.modified
        meta.authors = meta.authors or embedded_article.authors
    elif sum(map(len, draft.lines)) < 80 and meta.jsonld_body:
        draft.lines = [line.strip() for line in meta.jsonld_body.split("\n") if line.strip()]
    draft.title = meta.title
    draft.subtitle = " / ".join(deck) or None
    draft.subtitle_parts = deck
    draft.captions = captions
    draft.published, draft.modified = meta.published, meta.modified
    if meta.published_day_only:
        draft.warnings.append("published time known to the day only")
    draft.author = ", ".join(meta.authors) or None
    draft.author_email = meta.email
    draft.author_structured = meta.structured_authors
    draft.byline_place = meta.place
    draft.byline_texts = bylines
    draft.mailto = mailto
    draft.site_name = meta.site_name
    draft.boilerplate = True
    draft.refusal = page_type.refusal(
        draft.lines, listing, draft.title, dated=meta.published is not None, typed=meta.article_typed
    )
    return draft
