"""Hostile pages (issue 13): extraction answers with an article or a clear error, never a crash, and in
time linear in the input."""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable

import pytest

from hostile_corpus import SENTENCE_EN, Case, cases, html_page
from newsimpact.article import Article
from newsimpact.errors import NewsImpactError
from newsimpact.extract import Page, detect_kind, extract
from newsimpact.extract.bounds import (
    MAX_PARAGRAPH_CHARS,
    MAX_TRACKED_CHARS,
    bound_paragraphs,
    for_tracker,
    sanitize,
    split_paragraph,
)
from newsimpact.extract.decode import decode
from newsimpact.extract.news_rules import parse_caption, trailing_email

CASES = list(cases())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_page(case: Case) -> None:
    try:
        article = extract(Page(content=case.data, kind=case.kind))  # type: ignore[arg-type]
    except NewsImpactError as exc:
        assert case.expect != "article", f"{case.name}: {exc}"
        assert "\n" not in str(exc)
        return
    assert case.expect != "error", f"{case.name}: an article came back from input that holds none"
    data = article.model_dump(mode="json")
    if case.check is not None:
        assert case.check(data), f"{case.name}: wrong article {str(data)[:300]}"
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in article.paragraphs)
    text = " ".join([article.title, *article.paragraphs])
    assert "\x00" not in text
    text.encode("utf-8")  # no lone surrogates


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib", "undefined", "utf-7", "idna", "utf-16"])
def test_declared_charset_that_is_no_page_encoding_falls_back(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>Caf\u00e9 \ud55c\uad6d</p></body></html>'
    assert "Caf\u00e9 \ud55c\uad6d" in decode(page.encode("utf-8"))


def test_declared_charset_still_wins_when_it_decodes() -> None:
    page = '<html><head><meta charset="euc-kr"></head><body><p>\ud55c\uad6d \uc8fc\uc2dd</p></body></html>'
    assert "\ud55c\uad6d \uc8fc\uc2dd" in decode(page.encode("cp949"))


def test_html_with_little_markup_is_html() -> None:
    body = "".join(f"<p>{SENTENCE_EN * 3}</p>" for _ in range(3))
    assert detect_kind("<html><body>" + "&nbsp;" * 3000 + body) == "html"
    assert detect_kind("<!-- saved page -->\n<!DOCTYPE html>" + " " * 9000 + body) == "html"
    assert detect_kind("\ufeff<?xml version='1.0'?>\n<html>" + body) == "html"
    # A text copy of a page that quotes a tag is still a text dump.
    assert detect_kind("Chipmaker posts record quarter\n" + SENTENCE_EN + " Use <b> for bold.\n" * 5) == "dump"


def test_split_paragraph_cuts_at_sentences_within_the_limit() -> None:
    text = SENTENCE_EN * 200
    pieces = split_paragraph(text, 1000)
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith(".") for p in pieces[:-1])
    assert " ".join(pieces) == text.strip()
    assert split_paragraph("a" * 2500, 1000) == ["a" * 1000, "a" * 1000, "a" * 500]
    assert split_paragraph("short", 1000) == ["short"]


def test_bound_paragraphs_keeps_short_articles_as_they_are() -> None:
    article = Article(title="t", paragraphs=["one.", "two."])
    assert bound_paragraphs(article) is article
    long = Article(title="t", paragraphs=["x " * 5000])
    assert max(len(p) for p in bound_paragraphs(long).paragraphs) <= MAX_PARAGRAPH_CHARS


def test_sanitize_drops_nul_and_replaces_lone_surrogates() -> None:
    assert sanitize("a\x00b\ud800c") == "ab\ufffdc"


def test_tail_rules_still_find_what_they_did() -> None:
    match = trailing_email("Body sentence ends here. reporter@news.example.com")
    assert match is not None and match.group("email") == "reporter@news.example.com"
    caption = parse_caption("[서울=테스트뉴스] 김사진 기자 = 행사장 모습. 2024.01.19 photo@news.example.com")
    assert caption is not None and caption.date == "2024.01.19" and caption.email == "photo@news.example.com"


# -- linear time -------------------------------------------------------------------------------------


def _worst_cases(size: int) -> list[Page]:
    """The shapes that were quadratic (or worse), at a given size in bytes."""
    one = SENTENCE_EN * (size // len(SENTENCE_EN))
    return [
        Page(content=(SENTENCE_EN * 3 + "\n" + "a" * size).encode()),  # trailing-e-mail pattern
        Page(content=(SENTENCE_EN * 3 + "\nx" + " " * size + "x").encode()),  # caption-tail pattern
        Page(content=html_page(f"<p>{one}</p>").encode()),  # one huge paragraph
        Page(content=one.encode(), kind="text"),
    ]


def _seconds(run: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _extract_all(pages: list[Page]) -> None:
    for page in pages:
        with contextlib.suppress(NewsImpactError):
            extract(page)


def test_extraction_time_is_linear_up_to_the_size_limit() -> None:
    """5 MB of worst-case input against 50 KB (100 times more): linear costs about 100 times the time,
    the quadratic patterns this replaces cost 10,000 times. The bound leaves room for noise and fixed
    costs."""
    small, large = _worst_cases(50_000), _worst_cases(4_900_000)
    _extract_all(small)  # warm caches and imports
    small_time = _seconds(lambda: _extract_all(small), repeat=5)
    large_time = _seconds(lambda: _extract_all(large))
    ratio = large_time / small_time
    assert ratio < 400, f"5 MB took {ratio:.0f} times as long as 50 KB (linear: ~100)"


def test_tracker_time_is_linear_in_paragraph_length() -> None:
    """One long paragraph, 10 times longer: the tracker sees it in bounded pieces, so about 10 times the
    time (a 400k-character paragraph used to take 24-47 s, the same text in 900 paragraphs 0.9 s)."""
    from newsimpact.pipeline import Pipeline

    pipeline = Pipeline()
    assert pipeline.tracker is not None

    def article(size: int) -> Article:
        return Article(title="Chipmaker posts record quarter", paragraphs=[SENTENCE_EN * (size // len(SENTENCE_EN))])

    small, large = article(9_000), article(90_000)  # under the tracker's reading limit
    pipeline.analyze_article(small)  # warm
    small_time = _seconds(lambda: pipeline.analyze_article(small), repeat=3)
    large_time = _seconds(lambda: pipeline.analyze_article(large))
    ratio = large_time / small_time
    assert ratio < 30, f"10 times the text took {ratio:.0f} times as long (linear: ~10)"


def test_tracker_reads_a_bounded_prefix() -> None:
    article = Article(title="t", paragraphs=[SENTENCE_EN * 20] * 2000)
    tracked = for_tracker(article)
    assert sum(len(p) for p in tracked.paragraphs) <= MAX_TRACKED_CHARS
    assert tracked.paragraphs == article.paragraphs[: len(tracked.paragraphs)]  # evidence indexes still hold
    assert for_tracker(Article(title="t", paragraphs=["x" * 1500] * 3)).paragraphs == ["x" * 1500] * 3
