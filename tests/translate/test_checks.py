"""The output checks, on hand-written Korean sentences and their (good and bad) translations."""

from __future__ import annotations

import pytest

from newsimpact.translate.checks import (
    check_output,
    length_problem,
    missing_numbers,
    number_notes,
    repetition_problem,
    script_problems,
)
from newsimpact.translate.glossary import GlossaryHit


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("메타는 270억달러를 조달했다.", "Meta raised $27 billion."),
        ("메타는 270억달러를 조달했다.", "Meta raised 270億ドル."),
        ("약 38조 7000억 원 규모다.", "It is worth about 38.7 trillion won."),
        ("순이익은 13.6억 유로로 34.2% 늘었다.", "Net profit rose 34.2% to EUR 1.36 billion."),
        ("2024년01월19일 09:00 입력", "Posted January 19, 2024 at 9 a.m."),
        ("행사는 2023.11.07 열렸다.", "The event was held on Nov. 7, 2023."),
        ("오전 9시 3개 기업이 참석했다.", "Three companies attended at 9 a.m."),
        ("제5차 회의", "The fifth meeting"),
        ("1,500명이 참석", "1500 people attended"),
        ("３억 원", "300 million won"),
        ("매출 1조 2천억 원", "sales of 1.2 trillion won"),
        ("The company raised $27 billion.", "회사는 270억 달러를 조달했다."),
    ],
)
def test_numbers_survive_in_any_form(source: str, output: str) -> None:
    assert missing_numbers(source, output) == []


def test_a_dropped_or_wrongly_converted_number_is_reported() -> None:
    assert missing_numbers("메타는 270억달러를 조달했다.", "Meta raised $270 million.") == ["270억"]
    assert missing_numbers("19일 오전 9시 발표했다.", "He spoke at 9 a.m.") == ["19"]


def test_number_notes_spell_out_korean_units_for_english_and_vietnamese() -> None:
    assert number_notes("270억달러(약 38조 7000억 원)", "en") == [
        "270억 = 27 billion",
        "38조 7000억 = 38.7 trillion",
    ]
    assert number_notes("270억달러", "vi") == ["270억 = 27 tỷ"]
    assert number_notes("270억달러", "ja") == []  # Japanese keeps 億 itself


def test_hangul_left_in_the_output() -> None:
    problems = script_problems("Minister 이종호 said AI is the key.", "en")
    assert [p.check for p in problems] == ["hangul"]
    assert "이종호" in problems[0].message
    assert script_problems("이종호 장관은 말했다.", "ko") == []


def test_wrong_script_for_the_target() -> None:
    assert [p.check for p in script_problems("The minister said 人工智能 is key.", "en")] == ["script"]
    assert [p.check for p in script_problems("部长表示人工智能是突破口，经济发展离不开它。", "ja")] == ["script"]
    assert script_problems("長官は人工知能が突破口だと述べた。", "ja") == []
    assert [p.check for p in script_problems("韓國銀行說這個國家經濟會成長", "zh-Hans")] == ["script"]
    assert script_problems("韩国银行说这个国家经济会增长", "zh-Hans") == []
    assert [p.check for p in script_problems("The minister spoke.", "ko")] == ["script"]


def test_repetition_loops() -> None:
    assert repetition_problem("The AI era. The AI era. The AI era. The AI era. The AI era.", "en") is not None
    assert repetition_problem("growth growth growth growth growth", "en") is not None
    assert repetition_problem("人工智能人工智能人工智能人工智能", "zh-Hans") is not None
    assert repetition_problem("Sales were 1,000,000,000 won, up from a year earlier.", "en") is None
    assert repetition_problem("The minister said AI is the breakthrough for the economy.", "en") is None


def test_length_ratio() -> None:
    source = "이종호 과학기술정보통신부 장관은 19일 AI 기반의 혁신이 돌파구라고 강조했다."
    assert length_problem(source, "Lee said.", "ko", "en") is not None
    assert length_problem(source, "x" * 1000, "ko", "en") is not None
    good = "Science and ICT Minister Lee Jong-ho stressed on the 19th that AI-based innovation is the breakthrough."
    assert length_problem(source, good, "ko", "en") is None
    assert length_problem("짧은 제목", "A", "ko", "en") is None  # too short to judge


def test_glossary_names_must_be_used() -> None:
    hits = [
        GlossaryHit("과기정통부", "Ministry of Science and ICT", checked=True),
        GlossaryHit("장관", "Minister", False),
    ]
    source = "과기정통부 장관은 19일 회의를 열었다."
    bad = check_output(source, "The science ministry head held a meeting on the 19th.", "ko", "en", hits)
    assert [p.check for p in bad] == ["glossary"]
    good = check_output(
        source,
        "The Minister of the Ministry of Science and ICT held a meeting on the 19th.",
        "ko",
        "en",
        hits,
    )
    assert good == []


def test_empty_output() -> None:
    assert [p.check for p in check_output("회의를 열었다.", "  ", "ko", "en")] == ["empty"]


def test_date_notes_name_the_day_and_never_invent_a_month() -> None:
    from newsimpact.translate.checks import date_notes, number_notes

    notes = number_notes("장관은 19일 회의에서 1월 18일 발표를 언급했다.", "en")
    assert "19일 = the 19th (day of the month; no month is given, add none)" in notes
    assert "1월 18일 = January 18" in notes
    assert date_notes("3일과 22일, 31일", "en")[0].startswith("3일 = the 3rd")
    assert date_notes("45일", "en") == []
    assert date_notes("19일", "ja") == []


def test_a_month_the_korean_source_never_named_is_a_problem() -> None:
    from newsimpact.translate.checks import check_output

    problems = check_output("사전 예약은 19일부터 진행된다.", "Pre-orders open on September 19.", "ko", "en")
    assert any("month not in the source" in p.message for p in problems)
    fine = check_output("사전 예약은 19일부터 진행된다.", "Pre-orders open on the 19th.", "ko", "en")
    assert not any("month" in p.message for p in fine)
    dated = check_output("1월 19일 발표했다.", "It announced on January 19.", "ko", "en")
    assert not any("month" in p.message for p in dated)


def test_the_verb_may_is_not_a_month() -> None:
    from newsimpact.translate.checks import invented_months

    assert invented_months("실적이 개선될 수 있다.", "Earnings may improve in 2 quarters.", "ko") == []
    assert invented_months("19일 공개", "unveiled on September 19th", "ko") == ["September 19th"]


def test_front_day_dates_moves_a_bare_day_to_the_sentence_start() -> None:
    from newsimpact.translate.checks import front_day_dates

    assert front_day_dates('장관은 19일 "혁신"이라고 강조했다.') == '19일, 장관은 "혁신"이라고 강조했다.'
    assert front_day_dates("회사는 1월 19일 발표했다.") == "회사는 1월 19일 발표했다."  # a full date stays
    assert front_day_dates("19일 발표했다. 주가는 올랐다.") == "19일 발표했다. 주가는 올랐다."
