"""Whole pages through `extract`: each fixture is an invented article in a realistic page."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsimpact.article import Article
from newsimpact.config import ExtractSettings
from newsimpact.errors import InputError, NoArticleError
from newsimpact.extract import Page, detect_kind, extract

KST = timedelta(hours=9)

# Text that sits around the article on the pages and must never reach the body.
WIDGET_TEXT = (
    "글자 크기",
    "번역할 언어",
    "더 작게",
    "베스트 기사",
    "인기 기사",
    "종목 추적기",
    "긍정 영향 종목",
    "Example Shipping",
    "특정 종목 매매를 권유하지 않습니다",
    "투자 판단",
    "결과물 출력",
    "Top으로 이동",
    "무단전재",
    "속보",
    "더보기",
    "전체기사",
    "회사소개",
    "Related Coverage",
    "investment advice",
    "All rights reserved",
    "Reporting by",
    "Editing by",
)


def _extract(pages_dir: Path, name: str) -> Article:
    return extract(Page.from_path(pages_dir / name))


def _assert_clean_body(article: Article) -> None:
    body = article.body
    for text in WIDGET_TEXT:
        assert text not in body, f"{text!r} leaked into the body"
    for caption in article.captions:
        assert caption.text not in body, "caption text leaked into the body"
    assert "@" not in body, "an e-mail address leaked into the body"


def _at(article_time: datetime | None, iso: str) -> None:
    assert article_time is not None
    assert article_time.tzinfo is not None
    assert article_time == datetime.fromisoformat(iso)
    assert article_time.utcoffset() == datetime.fromisoformat(iso).utcoffset()


# --- Korean whole-page text dump -------------------------------------------------------------


@pytest.fixture
def ko_dump(pages_dir: Path) -> Article:
    return _extract(pages_dir, "ko_page_dump.txt")


def test_dump_is_detected_as_dump(pages_dir: Path) -> None:
    text = (pages_dir / "ko_page_dump.txt").read_text("utf-8")
    assert detect_kind(text) == "dump"


def test_dump_title_and_subtitle(ko_dump: Article) -> None:
    assert ko_dump.title == '부산항 2월 물동량 사상 최대…"2차전지 수출이 끌어올렸다"'
    assert ko_dump.subtitle == "컨테이너 처리량 전년 대비 12% 늘어…환적 화물도 회복세"


def test_dump_times_are_kst(ko_dump: Article) -> None:
    _at(ko_dump.published, "2025-03-04T14:20:00+09:00")
    _at(ko_dump.modified, "2025-03-04T16:05:00+09:00")
    assert ko_dump.published is not None and ko_dump.published.utcoffset() == KST


def test_dump_dateline_and_reporter(ko_dump: Article) -> None:
    assert ko_dump.dateline is not None
    assert (ko_dump.dateline.place, ko_dump.dateline.agency) == ("부산", "한빛경제")
    assert ko_dump.reporter is not None
    assert ko_dump.reporter.name == "홍길동"
    assert ko_dump.reporter.email == "hong@example.com"


def test_dump_paragraphs(ko_dump: Article) -> None:
    assert ko_dump.paragraphs[0].startswith(
        "부산항의 지난달 컨테이너 물동량이 월간 기준 사상 최대치를 기록했다."
    )
    assert ko_dump.paragraphs[-1] == (
        "부산항만공사는 올해 연간 물동량 목표를 2,500만 개로 잡고 신규 항로 유치에 나설 계획이다."
    )
    assert len(ko_dump.paragraphs) == 5
    assert not any(p.startswith("[") for p in ko_dump.paragraphs), "dateline prefix left in a paragraph"
    _assert_clean_body(ko_dump)
    assert "반도체 수출 석 달 연속 증가" not in ko_dump.body  # the related-article block


def test_dump_captions(ko_dump: Article) -> None:
    assert [c.text for c in ko_dump.captions] == [
        "4일 부산 남구 신선대부두에서 컨테이너 하역 작업이 한창 진행되고 있다.",
        "서울 중구 한 물류센터에서 직원들이 수출용 배터리 소재를 옮기고 있다.",
    ]
    first, second = ko_dump.captions
    assert (first.place, first.photographer, first.date, first.email) == (
        "부산",
        "김사진",
        "2025.03.04",
        "photo1@example.com",
    )
    assert second.email == "photo2@example.com"


def test_dump_language(ko_dump: Article) -> None:
    assert ko_dump.language == "ko"


# --- Korean HTML, UTF-8 and CP949 ------------------------------------------------------------


@pytest.fixture
def ko_html(pages_dir: Path) -> Article:
    return _extract(pages_dir, "ko_article_utf8.html")


def test_html_utf8_article(ko_html: Article) -> None:
    assert ko_html.title == '반도체 장비株 일제히 강세…"하반기 투자 재개 신호"'
    assert ko_html.subtitle == "메모리 업체 설비 투자 계획 상향에 장비 업체 수주 기대"
    _at(ko_html.published, "2025-03-04T09:30:00+09:00")
    _at(ko_html.modified, "2025-03-04T11:05:00+09:00")
    assert ko_html.dateline is not None
    assert (ko_html.dateline.place, ko_html.dateline.agency) == ("서울", "한빛경제")
    assert ko_html.reporter is not None
    assert (ko_html.reporter.name, ko_html.reporter.email) == ("박민수", "minsu@example.com")
    assert ko_html.paragraphs[0].startswith("반도체 장비주가 4일 장 초반 일제히 강세를 보였다.")
    assert len(ko_html.paragraphs) == 4
    assert ko_html.language == "ko"
    _assert_clean_body(ko_html)


def test_html_utf8_figcaption_kept_apart(ko_html: Article) -> None:
    assert len(ko_html.captions) == 1
    caption = ko_html.captions[0]
    assert caption.text == "서울 여의도 한 증권사 객장에서 시민들이 시세판을 살펴보고 있다."
    assert (caption.place, caption.photographer, caption.date, caption.email) == (
        "서울",
        "정사진",
        "2025.03.04",
        "photo@example.com",
    )
    assert "시세판" not in ko_html.body


def test_html_cp949_page(pages_dir: Path) -> None:
    raw = (pages_dir / "ko_article_cp949.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is CP949
    article = extract(Page(content=raw))
    assert article.title == "원·달러 환율 1,450원 돌파…외국인 자금 이탈 우려"
    # JSON-LD gives times without an offset: a Korean page means KST.
    _at(article.published, "2025-03-04T10:15:00+09:00")
    _at(article.modified, "2025-03-04T13:40:00+09:00")
    assert article.dateline is not None and article.dateline.place == "서울"
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("최경제", "choi@example.com")
    assert article.paragraphs[0] == (
        "원·달러 환율이 4일 장중 1,450원을 넘어섰다. 미국 국채 금리가 오르고 달러 강세가 이어지면서 "
        "원화 가치가 크게 떨어졌다."
    )
    assert len(article.paragraphs) == 3
    assert [c.photographer for c in article.captions] == ["강사진"]
    assert article.language == "ko"
    assert not article.warnings
    _assert_clean_body(article)


def test_cp949_and_utf8_decode_to_the_same_text(pages_dir: Path) -> None:
    raw = (pages_dir / "ko_article_cp949.html").read_bytes()
    from_bytes = extract(Page(content=raw))
    from_text = extract(Page(content=raw.decode("cp949")))
    assert from_bytes == from_text


# --- English wire story ----------------------------------------------------------------------


@pytest.fixture
def en_wire(pages_dir: Path) -> Article:
    return _extract(pages_dir, "en_wire.html")


def test_wire_metadata(en_wire: Article) -> None:
    assert en_wire.title == "South Korea's exports jump on chip demand, beat forecasts"
    _at(en_wire.published, "2025-03-04T06:15:00+00:00")
    _at(en_wire.modified, "2025-03-04T08:02:00+00:00")
    assert en_wire.dateline is not None
    assert (en_wire.dateline.place, en_wire.dateline.agency) == ("Seoul", "Reuters")
    assert en_wire.reporter is not None and en_wire.reporter.name == "Jane Doe"
    assert en_wire.language == "en"


def test_wire_paragraphs(en_wire: Article) -> None:
    assert en_wire.paragraphs[0].startswith("South Korea's exports rose more than expected in February")
    assert en_wire.paragraphs[-1].startswith("The Bank of Korea is due to review interest rates")
    assert len(en_wire.paragraphs) == 5
    assert "By Jane Doe" not in en_wire.body
    assert "(Reuters)" not in en_wire.body
    _assert_clean_body(en_wire)


def test_wire_caption_credit(en_wire: Article) -> None:
    assert len(en_wire.captions) == 1
    caption = en_wire.captions[0]
    assert caption.text == "Containers are stacked at a port in Busan, South Korea, March 3, 2025."
    assert caption.photographer == "John Roe"
    assert "Containers are stacked" not in en_wire.body


# --- Pages without an article, photo stories -------------------------------------------------


def test_home_page_has_no_article(pages_dir: Path) -> None:
    with pytest.raises(NoArticleError):
        _extract(pages_dir, "home_page.html")


def test_photo_story_captions_stay_out_of_the_body(pages_dir: Path) -> None:
    article = _extract(pages_dir, "ko_photo_story.html")
    assert article.title == "[포토] 봄맞이 전통시장 활기…설 이후 첫 대목"
    assert len(article.captions) == 5
    assert {c.photographer for c in article.captions} == {"윤사진"}
    assert all(c.date == "2025.03.04" for c in article.captions)
    assert article.paragraphs == [
        "꽃샘추위가 물러간 4일 서울 시내 전통시장이 봄맞이 장을 보러 나온 시민들로 붐볐다. "
        "상인들은 설 연휴 이후 처음으로 손님이 크게 늘었다고 입을 모았다.",
        "서울시에 따르면 이달 전통시장 온누리상품권 환급 행사가 시작되면서 주요 시장의 방문객이 "
        "지난달보다 20%가량 늘었다. 시는 행사 기간을 이달 말까지 이어갈 계획이다.",
    ]
    assert article.reporter is not None and article.reporter.email == "yoon@example.com"
    _at(article.published, "2025-03-04T17:00:00+09:00")
    _assert_clean_body(article)


# --- Bad inputs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [("empty.txt", "empty"), ("binary.bin", "binary"), ("undecodable.txt", "undecodable")],
)
def test_bad_inputs_raise_input_error(pages_dir: Path, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        _extract(pages_dir, name)


def test_whitespace_only_text_is_empty() -> None:
    with pytest.raises(InputError, match="empty"):
        extract(Page(content="  \n\t \n"))


def test_oversize_input(pages_dir: Path) -> None:
    path = pages_dir / "ko_article_utf8.html"
    with pytest.raises(InputError, match="size limit"):
        Page.from_path(path, max_bytes=1000)
    with pytest.raises(InputError, match="size limit"):
        extract(Page(content=path.read_bytes()), ExtractSettings(max_bytes=1000))
    with pytest.raises(InputError, match="size limit"):  # text handed in directly (a batch record)
        extract(Page(content=path.read_text("utf-8"), kind="text"), ExtractSettings(max_bytes=1000))


def test_utf16_page_with_bom_is_not_binary(pages_dir: Path) -> None:
    text = (pages_dir / "ko_article_utf8.html").read_text("utf-8")
    article = extract(Page(content=text.encode("utf-16")))
    assert article.title == '반도체 장비株 일제히 강세…"하반기 투자 재개 신호"'


def test_xhtml_with_xml_declaration() -> None:
    body = "".join(
        f"<p>Paragraph {i} of a plain story about exports, long enough to count as body text.</p>"
        for i in range(4)
    )
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Exports rise</title></head>'
        f"<body><article><h1>Exports rise</h1>{body}</article></body></html>"
    )
    article = extract(Page(content=page))
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Paragraph 0 of a plain story")


def test_text_kind_keeps_a_single_headline() -> None:
    article = extract(Page(content="삼성전자 주가 3% 상승", kind="text"))
    assert article.paragraphs == ["삼성전자 주가 3% 상승"]
    assert article.language == "ko"
