"""Names, currencies and companies (issue 12): the checks that catch meaning errors a reader trusts."""

from __future__ import annotations

import csv
import io
from importlib.resources import files

import pytest

from newsimpact.translate import FakeEngine, Translator
from newsimpact.translate.checks import currencies, currencies_named, currency_problems
from newsimpact.translate.glossary import load_glossary
from newsimpact.translate.names import known_people, name_hits, romanize_name, surnames

TRANSLATOR = Translator(FakeEngine(), glossary=load_glossary())


def checks(source: str, output: str, target: str) -> dict[str, str]:
    hits = TRANSLATOR.hits(source, "ko", target)
    return {p.check: p.message for p in TRANSLATOR.check(source, output, "ko", target, hits)}


@pytest.mark.parametrize(
    ("name", "roman"),
    [
        ("이종호", "Lee Jong-ho"),
        ("박지성", "Park Ji-seong"),
        ("김승환", "Kim Seung-hwan"),
        ("최수아", "Choi Su-a"),
        ("정하늘", "Jung Ha-neul"),
        ("남궁민", "Namgung Min"),  # a two-syllable surname
        ("선우용녀", "Sunwoo Yong-nyeo"),
    ],
)
def test_names_family_name_first_in_customary_spelling(name: str, roman: str) -> None:
    assert romanize_name(name) == roman


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("업체 측은 \"글로벌 전기차 시장과 배터리 공급 환경이 바뀌었다\"고 밝혔다", []),  # 시장 = market
        ("국내 반도체 시장이 커졌다", []),
        ("서울시 시장은 이날 회견을 열었다", []),  # the office of a city
        ("새 공장의 품질 검사 결과가 나왔다", []),
        ("박상민 의원은 법안을 냈다", ["박상민"]),
        ("조주완 LG전자 사장은 말했다", ["조주완"]),
        ("한민수 서울시 시장은 말했다", ["한민수"]),  # an ambiguous title after a proper noun
    ],
)
def test_only_people_are_romanised_before_a_title(text: str, expected: list[str]) -> None:
    """A common word before a title that is also an ordinary word (시장, 검사) is not a name: the
    translation of 전기차 must never be checked against "Jeon Gi-cha"."""
    assert [hit.source for hit in name_hits(text, "en")] == expected


def test_a_name_of_the_reviewed_list_keeps_its_own_spelling_anywhere_in_the_text() -> None:
    hits = name_hits("카카오 정신아 대표는", "en")
    assert [(h.source, h.target) for h in hits] == [("정신아", "Chung Shin-a")]
    assert name_hits("이재용품 판매", "en") == []  # not a name inside a longer word


def test_a_made_up_name_is_a_names_problem_in_every_target() -> None:
    source = "이종호 과학기술정보통신부 장관은 회의를 열었다."
    assert "Lee Jong-ho" in checks(source, "Minister Igor Khoroshev held a meeting.", "en")["names"]
    assert "names" in checks(source, "伊東浩科学技術情報通信部長官は会議を開いた。", "ja")
    assert "names" not in checks(source, "Lee Jong-ho科学技術情報通信部長官は会議を開いた。", "ja")


@pytest.mark.parametrize(
    ("output", "target", "problem"),
    [
        ("Sales reached 10 trillion won.", "en", None),
        ("Sales reached 10 trillion yuan.", "en", "not in the source: CNY"),
        ("Sales reached 10 trillion.", "en", "currency lost"),
        ("売上高は10兆ウォンに達した。", "ja", None),
        ("売上高は10兆円に達した。", "ja", "JPY"),
        ("销售额达到10万亿韩元。", "zh-Hans", None),
        ("销售额达到10万亿元。", "zh-Hans", "CNY"),
        ("销售额达到10万亿美元。", "zh-Hans", "USD"),
    ],
)
def test_won_stays_won(output: str, target: str, problem: str | None) -> None:
    found = currency_problems("매출은 10조 원에 달했다.", output, "ko", target)
    if problem is None:
        assert found == []
    else:
        assert any(problem in p.message for p in found), found


def test_other_currencies_and_the_verb_won() -> None:
    assert currency_problems("270억달러를 조달했다.", "It raised $27 billion.", "ko", "en") == []
    assert currency_problems("엔화 약세가 이어졌다.", "The yen stayed weak.", "ko", "en") == []
    # "won a contract" is not a sum in won: no currency claimed where the source has none.
    assert currencies_named("Samsung won a contract.", "en") == set()
    assert currencies_named("韩元和美元", "zh-Hans") == {"KRW", "USD"}  # 韩元 is not also read as 元


def test_the_subject_company_must_survive() -> None:
    source = "퀄컴은 이번 규제 완화로 수혜를 입을 것으로 예상된다."
    assert "company" not in checks(source, "Qualcomm is expected to benefit from the deregulation.", "en")
    swapped = checks(source, "Samsung Electronics is expected to benefit from the deregulation.", "en")["company"]
    assert "퀄컴 => Qualcomm (the subject) is missing" in swapped
    assert "Samsung Electronics is not in the source" in swapped


def test_a_company_the_source_does_not_name_is_flagged_in_chinese() -> None:
    problems = checks("카카오는 5천억 원을 투자했다.", "华为投资了5000亿韩元。", "zh-Hans")
    assert "华为 is not in the source" in problems["company"]
    assert "카카오 => Kakao (the subject) is missing" in problems["company"]


def test_company_names_in_every_target_come_from_the_knowledge_base() -> None:
    glossary = load_glossary()
    for target, samsung, qualcomm in [
        ("en", "Samsung Electronics", "Qualcomm"),
        ("ja", "サムスン電子", "クアルコム"),
        ("zh-Hans", "三星电子", "高通"),
    ]:
        hits = {h.source: h.target for h in glossary.select("삼성전자와 퀄컴이", "ko", target)}
        assert hits == {"삼성전자": samsung, "퀄컴": qualcomm}


def test_seoul_districts_are_romanised_with_their_suffix() -> None:
    hits = {h.source: h.target for h in load_glossary().select("서울 마포구 상암동", "ko", "en")}
    assert hits["마포구"] == "Mapo-gu"
    ja = {h.source: h.target for h in load_glossary().select("서울 마포구", "ko", "ja")}
    assert ja["마포구"] == "麻浦区"


# --- the data files -------------------------------------------------------------------------------


def _rows(name: str) -> list[dict[str, str]]:
    text = files("newsimpact.knowledge").joinpath("data", *name.split("/")).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_names_data_files_are_valid() -> None:
    table = surnames()
    assert table["이"] == "Lee" and table["박"] == "Park" and table["정"] == "Jung" and len(table) >= 70
    people = known_people()
    assert len(people) == len(_rows("names/people.csv"))  # no duplicates
    for person in people.values():
        # Family name first: the English form starts with a spelling of the Korean surname.
        assert romanize_name(person.korean) is not None, person.korean
        assert (
            person.renderings["en"].split()[0][0] == romanize_name(person.korean)[0] or person.korean[0] in "이정최"
        ), person.korean


def test_company_names_file_matches_the_universe() -> None:
    tickers = {row["ticker"] for row in _rows("universe.csv")}
    for row in _rows("company_names.csv"):
        assert row["ticker"] in tickers, row
        assert row["ja"] and row["zh-Hans"] and row["zh-Hant"], row


def test_currencies_file_is_valid() -> None:
    codes = {c.code for c in currencies()}
    assert codes >= {"KRW", "USD", "JPY", "CNY", "EUR"}
    for currency in currencies():
        assert {"en", "ja", "zh-Hans", "zh-Hant", "vi"} <= set(currency.targets) <= set(currency.name) | {"ko"}
        assert currency.amount["ko"].search(f"10조 {currency.korean}") or currency.code == "USD"
