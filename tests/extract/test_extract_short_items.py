"""Short breaking items (속보) and clean text whose first lines are a headline and a byline."""

from __future__ import annotations

import pytest

from newsimpact.errors import NoArticleError
from newsimpact.extract import Page, extract
from newsimpact.extract.dump import split_headline


def test_headline_first_line_becomes_the_title() -> None:
    text = "반도체 수출 석 달째 증가\n\n박바다 기자 sea@example.kr\n\n반도체 수출이 석 달 연속 늘었다.\n\n업계는 하반기도 밝다고 봤다."
    article = extract(Page(content=text, kind="text"))
    assert article.title == "반도체 수출 석 달째 증가"
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("박바다", "sea@example.kr")
    assert article.paragraphs == ["반도체 수출이 석 달 연속 늘었다.", "업계는 하반기도 밝다고 봤다."]


def test_given_title_wins_and_sentences_are_not_headlines() -> None:
    text = "반도체 수출이 석 달 연속 늘었다.\n\n업계는 하반기도 밝다고 봤다."
    assert extract(Page(content=text, kind="text")).title == ""
    article = extract(Page(content="첫 줄 제목\n\n본문입니다.", kind="text", title="주어진 제목"))
    assert article.title == "주어진 제목"
    assert article.paragraphs == ["첫 줄 제목", "본문입니다."]


@pytest.mark.parametrize(
    "first",
    [
        "[서울=한빛경제] 홍길동 기자 = 증시가 올랐다",  # a dateline opens the body
        "박바다 기자",  # a byline
        "기사입력 : 2024년01월19일 09:00",  # a time line
        "sea@example.kr",
        "가" * 130,  # too long for a headline
        "Stocks rose on Tuesday.",  # a sentence
    ],
)
def test_lines_that_are_not_headlines(first: str) -> None:
    assert split_headline([first, "본문입니다."]) == ("", [first, "본문입니다."])


def test_single_line_has_no_headline() -> None:
    assert split_headline(["코스피 2% 상승 마감"]) == ("", ["코스피 2% 상승 마감"])


def test_short_signed_flash_is_an_article_but_a_list_page_is_not() -> None:
    flash = (
        "<html><head><title>[속보] 환율 1400원 돌파</title></head><body><article><h1>[속보] 환율 1400원 돌파</h1>"
        "<p>[서울=한빛경제] 홍길동 기자 = 원·달러 환율이 1400원을 넘었다.</p><p>오후 2시 기준이다.</p>"
        "</article></body></html>"
    )
    article = extract(Page(content=flash, kind="html"))
    assert article.title == "[속보] 환율 1400원 돌파"
    assert article.paragraphs == ["원·달러 환율이 1400원을 넘었다.", "오후 2시 기준이다."]
    listing = (
        "<html><head><title>경제 - 한빛경제</title></head><body><ul>"
        + "".join(f"<li><a href='/a/{n}'>기사 제목 {n}</a></li>" for n in range(12))
        + "</ul></body></html>"
    )
    with pytest.raises(NoArticleError):
        extract(Page(content=listing, kind="html"))
