"""Korean newsroom rules that hold across sites: bylines, sign-offs, outlets, widgets, labels."""

from __future__ import annotations

import pytest

from newsimpact.extract import news_rules as rules
from newsimpact.extract import page_type
from newsimpact.extract.assemble import Draft, assemble
from newsimpact.extract.ruledata import boilerplate


@pytest.mark.parametrize(
    ("line", "names", "email", "place"),
    [
        ("홍길동 기자", ("홍길동",), None, None),
        ("홍길동 기자 hong@example.com", ("홍길동",), "hong@example.com", None),
        ("홍길동 기자 (hong@example.com)", ("홍길동",), "hong@example.com", None),
        ("기자 홍길동", ("홍길동",), None, None),
        ("홍길동 선임기자", ("홍길동",), None, None),
        ("제주=홍길동 기자 hong@example.com", ("홍길동",), "hong@example.com", "제주"),
        ("부산=홍길동 hong@example.com", ("홍길동",), "hong@example.com", "부산"),
        ("정리=홍길동 기자", ("홍길동",), None, None),
        ("/김철수·이영희 기자", ("김철수", "이영희"), None, None),
        ("김철수 기자, 이영희 기자", ("김철수", "이영희"), None, None),
    ],
)
def test_korean_byline_shapes(line: str, names: tuple[str, ...], email: str | None, place: str | None) -> None:
    found = rules.parse_ko_byline(line)
    assert found is not None
    assert (found.names, found.email, found.place) == (names, email, place)


@pytest.mark.parametrize(
    "line",
    [
        "정부는 기자들에게 새 대책을 설명했다.",
        "한빛경제 기자",  # an outlet, never a person
        "헤럴드경제; 네이버",
        "홍길동 김철수",  # two words, no role, no e-mail: not a byline
        "a@example.com b@example.com 기자",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert rules.parse_ko_byline(line) is None


def test_outlets_and_agencies_are_never_people() -> None:
    assert rules.is_outlet("연합뉴스")
    assert rules.is_outlet("한빛경제")
    assert not rules.is_outlet("홍길동")
    assert rules.agency_line("연합뉴스") == "연합뉴스"
    assert rules.agency_line("(서울=연합뉴스)") == "연합뉴스"
    assert rules.agency_line("홍길동") is None


def test_portal_author_meta_is_not_taken_as_the_reporter() -> None:
    article = assemble(Draft(author="한빛신문", lines=["본문 문장이 여기에 길게 이어지며 사실을 전한다."]))
    assert article.reporter is None


def test_trailing_signoff_gives_reporter_email_and_dateline() -> None:
    draft = Draft(
        title="제목",
        boilerplate=True,
        lines=["첫 문단은 사실을 전하는 문장으로 이루어져 있다.", "둘째 문단도 사실을 전한다고 밝혔다.", "제주=홍길동 기자 hong@example.com"],
    )
    article = assemble(draft)
    assert article.paragraphs[-1] == "둘째 문단도 사실을 전한다고 밝혔다."
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("홍길동", "hong@example.com")
    assert article.dateline is not None and article.dateline.place == "제주"


def test_email_alone_after_the_body_is_attached_to_the_reporter() -> None:
    lede = "본문은 사실을 전하는 문장이며 충분히 길게 이어진다."
    draft = Draft(boilerplate=True, lines=[lede, "홍길동 선임기자", "hong@example.com"])
    article = assemble(draft)
    assert article.reporter is not None
    assert (article.reporter.name, article.reporter.email) == ("홍길동", "hong@example.com")
    assert article.paragraphs == [lede]


@pytest.mark.parametrize(
    "line",
    [
        "[저작권자(c) 한빛경제, 무단전재 및 재배포 금지]",
        "<저작권자 ⓒ 한빛경제, 무단 전재 및 재배포 금지>",
        "Copyrights ⓒ 한빛경제 & hanbit.example.com 제보하기",
        "ⓒ 한빛일보 & 한빛닷컴, 무단 전재 및 재배포 금지",
        "홍길동 기자의 기사 모음",
        "이 기자의 다른기사 보기 >",
        "오늘의 HOT클릭!",
        "이 시각 주요뉴스",
        "안녕하세요. <한빛경제> 홍길동입니다. 많은 제보 부탁드립니다.",
    ],
)
def test_copyright_and_widget_lines_end_the_story(line: str) -> None:
    assert boilerplate().is_stop(line)


@pytest.mark.parametrize("line", ["기사 본문 영역", "구독", "제보하기", "좋아요", "기사 URL이 복사되었습니다."])
def test_widget_words_are_dropped(line: str) -> None:
    assert boilerplate().is_drop(line)


def test_a_sentence_mentioning_subscribers_is_not_a_widget() -> None:
    line = "구독자 수가 1년 새 두 배로 늘었다고 회사는 밝혔다."
    assert not boilerplate().is_drop(line)
    assert not boilerplate().is_stop(line)


def test_stop_marker_inside_the_story_does_not_cut_it() -> None:
    long = (
        "이 문단은 기사 본문의 일부로서 사실을 충분히 길게 전하고 있으며 독자가 읽어야 할 내용을 담고 있고, "
        "관련 업계와 정부의 설명까지 함께 전한다고 회사는 밝혔다."
    )
    draft = Draft(
        boilerplate=True, lines=[long, "관련기사", "둘. " + long, "셋. " + long, "무단전재 및 재배포 금지", "다른 기사"]
    )
    article = assemble(draft)
    assert len(article.paragraphs) == 3


@pytest.mark.parametrize(
    ("line", "rest"),
    [("[앵커] 오늘 증시는 올랐습니다.", "오늘 증시는 올랐습니다."), ("[기자]", ""), ("◀ 리포트 ▶ 시장입니다.", "시장입니다."), ("앵커: 안녕하십니까.", "안녕하십니까.")],
)
def test_broadcast_labels_are_taken_off(line: str, rest: str) -> None:
    assert rules.strip_broadcast_label(line) == (rest, True)


def test_body_text_with_brackets_keeps_them() -> None:
    assert rules.strip_broadcast_label("[단독] 정부가 새 대책을 내놨다.") == ("[단독] 정부가 새 대책을 내놨다.", False)


def test_broadcast_signoff_names_the_reporter() -> None:
    assert rules.broadcast_signoff("한빛방송 뉴스 박지호입니다.") == "박지호"
    assert rules.broadcast_signoff("오늘의 뉴스는 여기까지입니다.") is None


@pytest.mark.parametrize("line", ["사진=한빛경제 DB", "/연합뉴스", "[사진 제공 = 한빛시]", "(사진=뉴스통신)"])
def test_photo_credits(line: str) -> None:
    assert rules.is_photo_credit(line)


def test_a_photo_credit_lead_paragraph_stays_out_of_the_body() -> None:
    draft = Draft(title="제목", boilerplate=True, lines=["사진=한빛경제 DB", "본문 첫 문장은 사실을 전한다고 밝혔다."])
    assert assemble(draft).paragraphs == ["본문 첫 문장은 사실을 전한다고 밝혔다."]


def test_lead_deck_lines_become_the_subtitle() -> None:
    draft = Draft(
        title="제목",
        boilerplate=True,
        lines=["수출 석 달째 증가세", "반도체가 절반 차지", "지난달 수출이 1년 전보다 5% 늘었다고 정부가 밝혔다."],
    )
    article = assemble(draft)
    assert article.subtitle == "수출 석 달째 증가세 / 반도체가 절반 차지"
    assert article.paragraphs == ["지난달 수출이 1년 전보다 5% 늘었다고 정부가 밝혔다."]


def test_time_labels_with_time_of_day() -> None:
    published = rules.parse_published("기사승인 2025. 03. 07. 10:12")
    assert published is not None and (published.hour, published.minute) == (10, 12)
    modified = rules.parse_modified("입력 2025-03-07 09:00:00 | 최종수정 2025-03-07 11:30:45")
    assert modified is not None and (modified.hour, modified.minute) == (11, 30)


def test_sentences_and_glued_blocks() -> None:
    assert page_type.is_sentence("한국은행이 기준금리를 동결했다.")
    assert page_type.is_sentence("| 표 안의 문장도 문장으로 친다고 밝혔다. |")
    assert not page_type.is_sentence("많이 본 뉴스")
