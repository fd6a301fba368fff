"""Sentences of an article with their paragraph index and character offsets (title = paragraph -1)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsimpact.article import Article
from newsimpact.tracker.report import TITLE_PARAGRAPH

# A sentence ends at ., ?, ! (and their full-width forms) followed by space or a closing quote
# and space; Korean "다." endings are covered by the same rule. Decimal points ("3.5%") and
# abbreviations with no following space do not split.
_SENTENCE_END = re.compile(r"(?<=[.?!。？！])[\"'”’)\]]*\s+")
# Initials and short abbreviations end with a period inside a sentence ("J.B. Hunt", "Inc. said").
_ABBREVIATION = re.compile(r"(?:(?<![A-Za-z])[A-Z]|(?<![A-Za-z])(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|No))\.$")


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int
    end: int
    text: str

    @property
    def is_title(self) -> bool:
        return self.paragraph == TITLE_PARAGRAPH


def split_paragraph(paragraph: str, index: int) -> list[Sentence]:
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[max(0, match.start() - 5) : match.start()]):
            continue
        end = match.start() + len(match.group(0).rstrip())
        if paragraph[start:end].strip():
            sentences.append(_trimmed(paragraph, index, start, end))
        start = match.end()
    if paragraph[start:].strip():
        sentences.append(_trimmed(paragraph, index, start, len(paragraph)))
    return sentences


def _trimmed(paragraph: str, index: int, start: int, end: int) -> Sentence:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    return Sentence(index, start, end, paragraph[start:end])


def article_sentences(article: Article) -> list[Sentence]:
    """The title (and subtitle, as part of the title block) first, then the body in order."""
    sentences: list[Sentence] = []
    if article.title.strip():
        sentences.append(Sentence(TITLE_PARAGRAPH, 0, len(article.title), article.title))
    for index, paragraph in enumerate(article.paragraphs):
        sentences.extend(split_paragraph(paragraph, index))
    return sentences
