"""Single article or not: list, home, section and search pages are refused with what was seen.

Signals that hold across sites:
* repeated headline blocks: a run of sibling items (same tag and class), each a headline link with
  a lede or time stamp beside it — what list, section and search pages are made of;
* the main text the extractor found lives inside those items (no dominant body of its own);
* no sentence at all in the main text (a portal home: only headlines and menu words), or, on a
  page that shows no publication time, short lines that dwarf the few sentences among them.
Length alone never refuses a page: a two-paragraph flash item with a title is an article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?:다|요|음|함|됨|\.|!|\?|。)[\"'”’)\]]*\s*$")
_MIN_ITEMS = 5
_SENTENCE_INSIDE = re.compile(r"(?:다|\.|!|\?)[\"'”’)]*\s")
_GLUED_CHARS = 80
_MIN_SENTENCE_CHARS = 12
_MAX_ITEM_CHARS = 800
_LEDE_CHARS = 30
_HEAD_CHARS = 20
_MANY_LINES = 10
_MIN_ITEMS_TYPED = 12
_LABEL_CHARS = 15


def _text(element: lxml.html.HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


@dataclass
class Listing:
    """The repeated headline items on the page (all runs of three or more) and their texts."""

    items: int = 0
    texts: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)


_LINKED_PARENTS = etree.XPath("//body//*[count(*[.//a]) >= 3]")


def _headline(item: lxml.html.HtmlElement) -> str | None:
    for link in item.iter("a"):
        text = " ".join(link.text_content().split())
        if 10 <= len(text) <= 120:
            return text
    return None


def find_listing(tree: lxml.html.HtmlElement) -> Listing:
    """Every item of every run of at least three repeated headline-with-lede siblings."""
    found = Listing()
    # Only parents with at least three linked children can hold a run of headline items
    # (selected in XPath, so the rest of the page is never walked in Python).
    for parent in _LINKED_PARENTS(tree):
        groups: dict[tuple[str, str], list[lxml.html.HtmlElement]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str) and child.tag != "p":
                # Keyed on the first class word: "item first" and "item" are the same item kind.
                groups[(child.tag, (child.get("class") or "").split(" ")[0])].append(child)
        for group in groups.values():
            # Body paragraphs with inline links (<p>) are not headline items.
            if len(group) < 3:
                continue
            texts, headlines = [], []
            for child in group:
                raw = child.text_content()
                if not _LEDE_CHARS < len(raw) <= _MAX_ITEM_CHARS * 4:
                    continue
                text = " ".join(raw.split())
                if len(text) > _MAX_ITEM_CHARS:
                    continue
                headline = _headline(child)
                # A headline item opens with its headline (after at most a short label).
                if headline and text.find(headline) <= _LABEL_CHARS and len(text) >= len(headline) + _LEDE_CHARS:
                    texts.append(text)
                    headlines.append(headline)
            if len(texts) >= 3:
                found.items += len(texts)
                found.texts += texts
                found.headlines += headlines
    return found


def _item_in(main: str, text: str, headline: str) -> bool:
    """The item's headline, or the start of its lede, is part of the main text."""
    squashed_text, squashed_head = _SPACES.sub("", text), _SPACES.sub("", headline)
    lede = squashed_text[squashed_text.find(squashed_head) + len(squashed_head) :]
    return squashed_head[:_HEAD_CHARS] in main or (len(lede) >= _HEAD_CHARS and lede[:_HEAD_CHARS] in main)


def is_sentence(line: str) -> bool:
    line = line.strip(" |")  # table cells come out as "| text |"
    if len(line) >= _GLUED_CHARS and _SENTENCE_INSIDE.search(line):
        return True  # a long glued block that holds sentences
    return len(line) >= _MIN_SENTENCE_CHARS and _SENTENCE_END.search(line) is not None


def refusal(lines: list[str], listing: Listing, title: str, dated: bool = True, typed: bool = False) -> str | None:
    """None for a single article, else the one-line reason the page is not one. `typed`: the page
    declares itself an article (og:type / JSON-LD NewsArticle) and `dated` (it shows a publication
    time): listicles of linked items are articles then, so only a page made almost wholly of many
    items is refused."""
    sentences = [line for line in lines if is_sentence(line)]
    main = _SPACES.sub("", " ".join(lines))
    inside = [
        text for text, headline in zip(listing.texts, listing.headlines, strict=True) if _item_in(main, text, headline)
    ]
    # A page that declares itself an article and shows when it was published may be a listicle.
    min_items, share = (_MIN_ITEMS_TYPED, 0.8) if typed and dated else (_MIN_ITEMS, 0.5)
    if listing.items >= min_items and len(inside) >= 3 and sum(map(len, inside)) >= share * len(main):
        return (
            f"not a single article: the main text is {len(inside)} repeated headline items with ledes "
            "(a list, section, home or search page)"
        )
    if not sentences:
        shown = f"{len(lines)} short lines" if lines else "no text"
        return f"no article found: the main text holds no sentence ({shown}; a home page, menu or empty template?)"
    prose = sum(map(len, sentences))
    if not dated and len(lines) >= _MANY_LINES and prose * 10 < 3 * len(main):
        return (
            f"no article found: no dominant body ({len(sentences)} sentence(s) among {len(lines)} short "
            "lines, no publication time; a home page or widget page?)"
        )
    if not title and len(sentences) < 2 and listing.items >= 3:
        return "no article found: no headline and no body beyond a few headline items"
    return None
