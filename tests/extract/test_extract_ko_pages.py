"""Whole Korean pages in the shapes real newsrooms use (JSON-LD @graph, portal copies, Arc-style
embedded JSON, old table-and-<br> layouts, broadcast scripts, list pages, flash items). Every text
is invented."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsimpact.article import Article
from newsimpact.errors import NoArticleError
from newsimpact.extract import Page, extract

KST_OFFSET = "+09:00"


def _extract(pages_dir: Path, name: str) -> Article:
    return extract(Page.from_path(pages_dir / name))


def _at(value: datetime | None, iso: str) -> None:
    assert value is not None
    assert value.isoformat(timespec="minutes") == iso


def test_jsonld_graph_page(pages_dir: Path) -> None:
    article = _extract(pages_dir, "ko_jsonld_graph.html")
    assert article.title == "조선업 수주 잔고 3년 만에 최대…LNG선이 이끌었다"  # no " - 한빛경제"
    assert article.subtitle == "대형 3사 합산 잔고 1,200억 달러 넘어 / 올해 인도 물량도 역대 두 번째 규모"
    # The page displays 입력/수정 in KST; JSON-LD says the same instants in UTC.
    _at(article.published, "2025-03-05T08:10" + KST_OFFSET)
    _at(article.modified, "2025-03-05T09:45" + KST_OFFSET)
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("한지우", "jiwoo@example.com")
    assert article.paragraphs[0].startswith("국내 조선업계의 수주 잔고가")
    assert article.paragraphs[-1].endswith("집중하겠다\"고 말했다.")
    assert len(article.paragraphs) == 4
    body = article.body
    for widget in ("기사 본문 영역", "사진=한빛경제", "저작권자", "기사 모음", "좋아요", "구독", "HOT클릭", "Copyrights", "@"):
        assert widget not in body
    assert [c.text for c in article.captions] == ["경남 거제 한 조선소에서 건조 중인 LNG 운반선. 사진=한빛경제 DB"]


def test_jsonld_times_are_used_when_the_page_shows_none() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>t</title>'
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "금리 동결",'
        ' "datePublished": "2025-03-04T23:10:00Z", "author": {"@type": "Person", "name": "한지우 기자"}}]}</script>'
        "</head><body><h1>금리 동결</h1><article>"
        "<p>한국은행이 기준금리를 동결했다. 시장은 이미 예상하고 있었다는 반응을 보였다.</p>"
        "<p>총재는 물가 흐름을 더 지켜보겠다고 말했다. 다음 회의는 다음 달에 열린다.</p>"
        "</article></body></html>"
    )
    article = extract(Page(content=page))
    _at(article.published, "2025-03-05T08:10" + KST_OFFSET)  # UTC shown as the KST wall clock
    assert article.reporter is not None and article.reporter.name == "한지우"


def test_portal_copy_keeps_time_of_day_and_never_takes_the_outlet(pages_dir: Path) -> None:
    article = _extract(pages_dir, "ko_portal_copy.html")
    assert article.title == "배터리 소재 3사, 1분기 흑자 전환 전망"
    _at(article.published, "2025-03-06T14:02" + KST_OFFSET)
    _at(article.modified, "2025-03-06T16:40" + KST_OFFSET)
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("윤서진", "seojin@example.com")
    assert len(article.paragraphs) == 3
    assert "Copyright" not in article.body and "seojin@" not in article.body


def test_arc_style_embedded_json_body(pages_dir: Path) -> None:
    article = _extract(pages_dir, "ko_arc_embedded.html")
    assert article.title == "해운 운임 지수 5주 연속 하락"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("컨테이너 운임을 보여주는")
    assert "부산신항 전경" not in article.body  # image blocks are not text
    _at(article.published, "2025-03-07T10:30" + KST_OFFSET)
    assert article.reporter is not None and article.reporter.name == "서하늘"


def test_next_data_article_body() -> None:
    body = (
        "<p>첫 문단은 지난달 수출 통계를 전하며 반도체와 선박 수출이 함께 늘었다고 밝혔다.</p>"
        "<p>둘째 문단은 전망을 전하며 하반기에도 증가세가 이어질 것이라고 정부가 내다봤다고 했다.</p>"
    )
    page = (
        '<html><head><meta charset="utf-8"><title>수출 통계 - 한빛</title></head><body><div id="__next"></div>'
        '<script id="__NEXT_DATA__" type="application/json">'
        '{"props": {"pageProps": {"article": {"title": "수출 통계", "publishedAt": "2025-03-01T09:00:00+09:00",'
        f' "body": "{body}"' + "}}}}</script></body></html>"
    )
    article = extract(Page(content=page))
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].startswith("둘째 문단은")
    _at(article.published, "2025-03-01T09:00" + KST_OFFSET)


def test_old_table_and_br_layout(pages_dir: Path) -> None:
    raw = (pages_dir / "ko_table_layout.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # CP949, like the 2010s pages it imitates
    article = extract(Page(content=raw))
    assert article.title == "제주 관광객 3월 증가세…항공 좌석 늘어"
    assert article.subtitle == "국제선 직항 노선 여섯 곳 새로 열려 / 숙박 예약률도 80% 넘어"
    _at(article.published, "2025-03-08T03:00" + KST_OFFSET)
    _at(article.modified, "2025-03-08T10:20" + KST_OFFSET)
    assert article.dateline is not None and article.dateline.place == "제주"
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("강바다", "sea@example.com")
    assert len(article.paragraphs) == 3
    assert article.paragraphs[-1].startswith("업계는 국제선 직항 노선이")
    assert "숨은 사진 제목" not in article.body  # display:none
    assert len(article.captions) == 1 and "붐비는 공항 출국장" in article.captions[0].text
    assert not any(p.startswith("붐비는") for p in article.paragraphs)


def test_broadcast_script_labels_and_signoff(pages_dir: Path) -> None:
    article = _extract(pages_dir, "ko_broadcast.html")
    assert article.title == "전통시장 온누리상품권 환급 첫날 '북적'"
    assert not any(p.startswith(("[앵커]", "[기자]", "[리포트]")) for p in article.paragraphs)
    assert "[" not in article.body
    assert article.paragraphs[-1].startswith("정부는 이달 말까지")
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("박지호", "jiho@example.com")
    _at(article.published, "2025-03-07T19:42" + KST_OFFSET)
    _at(article.modified, "2025-03-07T20:15" + KST_OFFSET)


def test_list_page_is_refused_with_what_was_seen(pages_dir: Path) -> None:
    with pytest.raises(NoArticleError, match=r"7 repeated headline items") as caught:
        _extract(pages_dir, "ko_list_page.html")
    assert "\n" not in str(caught.value)


def test_short_flash_item_still_extracts(pages_dir: Path) -> None:
    article = _extract(pages_dir, "ko_flash.html")
    assert article.title == "[속보] 한은, 기준금리 연 2.75% 동결"
    assert sum(len(p) for p in article.paragraphs) < 150
    assert article.paragraphs == ["한국은행 금융통화위원회가 7일 기준금리를 연 2.75%로 동결했다.", "지난달에 이어 두 번째 동결이다."]
    assert article.dateline is not None and (article.dateline.place, article.dateline.agency) == ("서울", "한빛뉴스")
    assert article.reporter is not None and article.reporter.name == "한지우"
    _at(article.published, "2025-03-07T10:01" + KST_OFFSET)


def test_home_page_refusal_names_what_was_seen(pages_dir: Path) -> None:
    with pytest.raises(NoArticleError, match="no article found"):
        _extract(pages_dir, "home_page.html")


def test_structured_author_wins_and_byline_words_before_it_are_the_place() -> None:
    lede = "정부가 남부 지역 교통망 확충 계획을 내놨다. 두 도시를 잇는 새 철도 노선이 핵심이라고 밝혔다."
    page = (
        '<html><head><meta charset="utf-8"><title>남부 교통망 확충 | 한빛일보</title>'
        '<meta property="dable:author" content="순천, 여수 한지우 기자 jiwoo@example.com">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "남부 교통망 확충",'
        ' "datePublished": "2025-03-07T09:00:00+09:00", "author": [{"@type": "Person", "name": "한지우"}]}</script>'
        '</head><body><h1>남부 교통망 확충</h1><div class="byline">순천, 여수 한지우 기자</div><article>'
        f"<p>{lede}</p><p>사업비는 모두 2조 원 규모로 추산된다. 착공은 내년 상반기로 잡혔다.</p>"
        "</article></body></html>"
    )
    article = extract(Page(content=page))
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("한지우", "jiwoo@example.com")
    assert article.dateline is not None and article.dateline.place == "순천, 여수"
    assert article.paragraphs[0] == lede
