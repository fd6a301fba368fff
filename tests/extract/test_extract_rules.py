"""Newsroom rules and assembly, line by line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newsimpact.extract import news_rules as rules
from newsimpact.extract.assemble import Draft, assemble, detect_language
from newsimpact.extract.dump import clean_dump

KST = timezone(timedelta(hours=9))


def test_korean_dateline_with_reporter() -> None:
    found = rules.parse_dateline("[부산=한빛경제] 홍길동 기자 = 부산항 물동량이 늘었다.")
    assert found is not None
    assert (found.dateline.place, found.dateline.agency, found.reporter) == ("부산", "한빛경제", "홍길동")
    assert found.rest == "부산항 물동량이 늘었다."


def test_korean_dateline_in_parentheses_with_correspondent() -> None:
    found = rules.parse_dateline("(워싱턴=한빛경제) 김특파 특파원 = 미국 증시가 올랐다.")
    assert found is not None
    assert (found.dateline.place, found.reporter, found.rest) == ("워싱턴", "김특파", "미국 증시가 올랐다.")


def test_english_dateline() -> None:
    found = rules.parse_dateline("NEW YORK, March 4 (Reuters) - Stocks rose on Tuesday.")
    assert found is not None
    assert (found.dateline.place, found.dateline.agency, found.rest) == (
        "New York",
        "Reuters",
        "Stocks rose on Tuesday.",
    )


def test_sentence_with_brackets_is_not_a_dateline() -> None:
    assert rules.parse_dateline("[단독] 정부가 새 대책을 내놨다.") is None
    assert rules.parse_dateline("Shares rose (Reuters data showed) on Monday.") is None


def test_korean_time_lines() -> None:
    assert rules.parse_published("기사입력 : 2025년03월04일 14:20") == datetime(
        2025, 3, 4, 14, 20, tzinfo=KST
    )
    assert rules.parse_modified("최종수정 : 2025년03월04일 16:05") == datetime(2025, 3, 4, 16, 5, tzinfo=KST)
    assert rules.parse_published("입력 2025.03.04 오후 2:20") == datetime(2025, 3, 4, 14, 20, tzinfo=KST)
    assert rules.is_time_line("기사입력 : 2025년03월04일 14:20")
    long_body = (
        "정부는 2025년 3월 4일 입력 마감을 앞두고 새 대책을 내놨으며 "
        "관계 부처 회의를 열어 세부 내용을 점검했다."
    )
    assert not rules.is_time_line(long_body)


def test_caption_needs_a_photo_signature() -> None:
    caption = rules.parse_caption(
        "[서울=한빛경제] 김사진 기자 = 시민들이 걷고 있다. 2025.03.04 kim@example.com"
    )
    assert caption is not None
    assert (caption.text, caption.photographer, caption.email) == (
        "시민들이 걷고 있다.",
        "김사진",
        "kim@example.com",
    )
    # A body sentence ending with a date is not a caption.
    assert rules.parse_caption("회사는 신제품을 출시한다고 밝혔다. 2025.03.04") is None


def test_english_figcaption_credit() -> None:
    caption = rules.parse_figcaption("Traders work on the floor, March 4, 2025. REUTERS/Jane Roe")
    assert (caption.text, caption.photographer) == ("Traders work on the floor, March 4, 2025.", "Jane Roe")
    plain = rules.parse_figcaption("A chart of exports")
    assert (plain.text, plain.photographer) == ("A chart of exports", None)


def test_byline() -> None:
    assert rules.parse_byline("By Jane Doe and John Roe") == "Jane Doe and John Roe"
    assert rules.parse_byline("By the end of the day, shares fell.") is None


def test_mixed_naive_and_aware_times_do_not_crash() -> None:
    # Metadata gives an offset-aware time, the page a naive one: comparing them used to raise.
    draft = Draft(
        title="Exports rise",
        lines=["Exports rose in February, data showed on Tuesday, beating forecasts by a wide margin."],
        published=datetime(2025, 3, 4, 6, 15, tzinfo=UTC),
        modified=datetime(2025, 3, 4, 8, 2),
    )
    article = assemble(draft)
    assert article.published == datetime(2025, 3, 4, 6, 15, tzinfo=UTC)
    assert article.modified == datetime(2025, 3, 4, 8, 2, tzinfo=UTC)
    assert article.warnings == ["page gave no timezone: UTC assumed"]


def test_modified_before_published_is_dropped() -> None:
    draft = Draft(
        lines=["본문 문장입니다."],
        published=datetime(2025, 3, 4, 10, 0, tzinfo=KST),
        modified=datetime(2025, 3, 3, 10, 0, tzinfo=KST),
    )
    assert assemble(draft).modified is None


def test_wire_agency_is_not_the_reporter() -> None:
    draft = Draft(author="REUTERS", lines=["SEOUL, March 4 (Reuters) - Exports rose in February."])
    article = assemble(draft)
    assert article.reporter is None
    assert article.paragraphs == ["Exports rose in February."]


def test_trailing_email_on_last_paragraph() -> None:
    article = assemble(Draft(lines=["첫 문단이다.", "마지막 문단이다. reporter@example.com"]))
    assert article.paragraphs[-1] == "마지막 문단이다."
    assert article.reporter is not None and article.reporter.email == "reporter@example.com"


def test_language_detection() -> None:
    assert detect_language("삼성전자가 AI 반도체 HBM 생산을 늘린다") == "ko"
    assert detect_language("Samsung raises output of AI memory chips") == "en"
    assert detect_language("12345 67890") == "other"


def test_dump_stops_at_a_site_named_best_articles_block() -> None:
    text = "\n".join(
        [
            "증시 마감 코스피 소폭 상승 마감",
            "기사입력 : 2025년03월04일 15:40",
            "[서울=가나다뉴스] 이기자 기자 = 코스피가 4일 소폭 올랐다. 외국인이 사흘 만에 순매수로 돌아섰다.",
            "[가나다뉴스 인기 기사]",
            "다른 기사 제목이 여기에 길게 이어진다",
        ]
    )
    draft = clean_dump(text)
    assert draft.lines == [
        "[서울=가나다뉴스] 이기자 기자 = 코스피가 4일 소폭 올랐다. 외국인이 사흘 만에 순매수로 돌아섰다."
    ]
