"""HTML pages: parse once; read metadata, captions, deck and page type from the tree; trafilatura
finds the main text on the same tree; newsroom rules follow (assemble)."""

from __future__ import annotations

import re
from configparser import ConfigParser

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
_CAPTION_CONTAINERS = frozenset({"div", "span", "table", "td", "tr", "tbody", "figure", "dl", "dd", "dt", "li", "ul"})
_MAX_CAPTION_CHARS = 300
_DECK_BULLET = re.compile(r"^[\sㆍ·•\-–▶▷■□◆◇]+")


def _text(element: lxml.html.HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _drop(element: lxml.html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _drop_hidden(tree: lxml.html.HtmlElement) -> None:
    """Text a reader never sees (display:none photo titles, hidden templates) is neither body nor caption."""
    for element in tree.xpath(
        "//body//*[@hidden or re:test(@style, $p, 'i')]", namespaces=_RE_NS, p=newsroom().hidden_style
    ):
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
        if len(text) > _MAX_CAPTION_CHARS or len(element.xpath(".//img")) > 2 or element.xpath(".//p[string-length() > 100]"):
            break
        box = element
        element = element.getparent()
    if box is None or not _text(box):
        return None
    linked = sum(len(_text(a)) for a in box.iter("a"))
    return None if linked * 2 >= len(_text(box)) else box


def _captions(tree: lxml.html.HtmlElement) -> list[Caption]:
    """Figcaptions, caption-classed elements and the text boxes around images; removed from
    the tree so they never reach the body."""
    found: list[Caption] = []
    seen: set[str] = set()
    boxes = list(tree.xpath("//figcaption"))
    boxes += tree.xpath(
        "//body//*[re:test(@class, $p, 'i')][not(self::body)]", namespaces=_RE_NS, p=newsroom().caption_class
    )
    for image in tree.xpath("//body//img"):
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


def _deck(tree: lxml.html.HtmlElement, title: str) -> list[str]:
    """The deck (subtitle lines) in a subtitle-classed element, one part per <br> line; removed
    from the tree. Elements inside navigation, lists or links are menus, not decks."""
    squashed_title = _SPACES.sub("", title)
    for element in tree.xpath(
        "//body//*[re:test(@class, $p, 'i')][not(ancestor::nav or ancestor::li or ancestor::a or ancestor::footer)]",
        namespaces=_RE_NS,
        p=newsroom().subtitle_class,
    )[:10]:
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


def extract_html(html: str, url: str | None = None) -> Draft:
    tree = _parse(html)
    _drop_hidden(tree)
    meta = metadata.read(tree)
    bylines = metadata.byline_elements(tree)
    mailto = metadata.mailto_links(tree)
    listing = page_type.find_listing(tree)
    captions = _captions(tree)
    deck = _deck(tree, meta.title)
    embedded_article = embedded.find(tree)
    # The parsed tree goes to trafilatura (which changes it in place), so the page is parsed once;
    # its own metadata pass (htmldate) is skipped: the tree was read above.
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        config=_CONFIG,
    )
    draft = Draft(url=url)
    text = ""
    if document is not None:
        found = document if isinstance(document, dict) else document.as_dict()
        text = str(found.get("text") or "")
    draft.lines = [line.strip() for line in text.split("\n") if line.strip()]
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
    draft.byline_texts = bylines
    draft.mailto = mailto
    draft.site_name = meta.site_name
    draft.boilerplate = True
    draft.refusal = page_type.refusal(
        draft.lines, listing, draft.title, dated=meta.published is not None, typed=meta.article_typed
    )
    return draft
