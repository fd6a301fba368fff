"""Results against expectations, contracts and who did what in a Korean sentence (issue 9; texts
written here, after faults found on the written blind set): "예상 … 웃돌아/밑돌아" decides, unless it
is conceded ("웃돌았지만"); a name after "…지만," has its own clause; a bank's own metrics are its
news, not an opinion; a government's contractor and the size of its contract; a customer whose
volume a supplier secured; words before a subject-marked name belong to the clause before it."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import ko, picks


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("[속보] 마이크론, 분기 매출 120억달러…월가 예상 크게 웃돌아", "MU", "positive"),
        ("포드, 2분기 판매량 시장 예상 10만대 밑돌아", "F", "negative"),
        ("엔비디아, 분기 매출 예상 웃돌았지만 시간외 4%↓…가이던스 실망", "NVDA", "negative"),
        ("씨티그룹, 1분기 대출 9%↑…중기 ROTCE 목표 상향", "C", "positive"),
        ("스타벅스, 中 동일매장 매출 5분기 만에 플러스 전환", "SBUX", "positive"),
        ("[속보] 美 국방부, 노스롭그루먼과 B-21 추가 생산계약…총 180억달러", "NOC", "positive"),
    ],
)
def test_results_and_contracts_decide_the_direction(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert picks(tracker.track(ko(text)), shown_only=True).get(ticker) == direction, text


def test_a_name_after_a_contrast_has_a_clause_of_its_own(tracker: Tracker) -> None:
    article = ko(
        "美 대형 카드사 실적 엇갈려",
        "비자는 결제액 증가로 시장 기대를 웃돌았지만, 아메리칸익스프레스는 대손충당금을 늘리며 주가가 6% 하락했다.",
        "아메리칸익스프레스는 올해 이익 전망도 낮췄다.",
    )
    assert picks(tracker.track(article)).get("AXP") == "negative"


def test_the_customer_whose_volume_a_supplier_secured_is_not_picked(tracker: Tracker) -> None:
    article = ko(
        "삼성 파운드리, 엔비디아 차세대 칩 물량 일부 확보",
        "삼성전자 파운드리 사업부가 엔비디아의 차세대 칩 일부 물량을 생산하게 됐다.",
        "웨이퍼 가격이 치솟자 엔비디아가 공급처를 늘린 것으로 업계는 보고 있다.",
    )
    assert "NVDA" not in picks(tracker.track(article), shown_only=True)
