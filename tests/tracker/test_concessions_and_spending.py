"""What a headline concedes is not its news, and spending reaches suppliers as orders (issue 9;
texts written here): "호실적에도 주가 하락" is a fall; a capex rise that sinks the spender's shares is
still more business for its suppliers, and the spender's line says why it fell; an announcement
("발표", "공개") types an event only when nothing more specific is told."""

from __future__ import annotations

import pytest

from newsimpact.article import Article
from newsimpact.tracker import Tracker

from .texts import en, ko


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("article", "ticker", "direction"),
    [
        (ko("애플, 2분기 호실적에도 주가 4% 하락"), "AAPL", "negative"),
        (ko("아마존, 클라우드 호조에도 불구하고 시간외 3% 약세"), "AMZN", "negative"),
        (ko("마이크론, 분기 적자에도 주가 6% 급등"), "MU", "positive"),
        (ko("분기 실적 부진에도 마이크론 주가 급등"), "MU", "positive"),
        (en("Apple shares fall despite record iPhone sales"), "AAPL", "negative"),
    ],
)
def test_a_conceded_event_does_not_set_the_direction(
    tracker: Tracker, article: Article, ticker: str, direction: str
) -> None:
    found = {p.ticker: p for p in tracker.track(article).picks}
    assert ticker in found and found[ticker].direction == direction, found
    # The line says what happened to the stock, not the conceded results.
    assert "results" not in found[ticker].rationale_en.lower(), found[ticker].rationale_en


def test_a_concession_in_another_story_does_not_reach_the_company(tracker: Tracker) -> None:
    found = {p.ticker: p.direction for p in tracker.track(ko("유가 급등에도 코스피 선방…엔비디아 4% 상승")).picks}
    assert found.get("NVDA") == "positive", found


def test_a_spending_rise_reaches_suppliers_as_orders_whatever_the_spenders_shares_did(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "메타플랫폼스, 내년 설비투자 대폭 확대 예고에 시간외 8%↓",
            "메타플랫폼스가 내년 설비투자를 올해보다 크게 늘리겠다고 밝히자 시간외 거래에서 주가가 8% 떨어졌다.",
            "회사는 AI 데이터센터 증설에 투자를 집중할 계획이라고 설명했다.",
        )
    )
    found = {p.ticker: p for p in report.picks}
    assert found["META"].direction == "negative"
    assert "spending" in found["META"].rationale_en and "cuts" not in found["META"].rationale_en
    suppliers = [p for p in report.picks if p.path == "relation"]
    assert suppliers and all(p.direction == "positive" for p in suppliers), suppliers


def test_a_spending_cut_reaches_suppliers_as_lost_orders(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "메타플랫폼스, 내년 설비투자 20% 축소 발표에 주가 6% 급등",
            "메타플랫폼스가 내년 설비투자를 20% 줄이겠다고 밝히자 주가가 6% 올랐다.",
            "회사는 데이터센터 증설 속도를 늦출 계획이라고 설명했다.",
        )
    )
    found = {p.ticker: p for p in report.picks}
    assert found["META"].direction == "positive"
    assert "restraint" in found["META"].rationale_en, found["META"].rationale_en
    suppliers = [p for p in report.picks if p.path == "relation"]
    assert suppliers and all(p.direction == "negative" for p in suppliers), suppliers


def test_an_announcement_types_the_event_only_when_nothing_more_specific_is_told(tracker: Tracker) -> None:
    launch = {p.ticker: p for p in tracker.track(ko("애플, 신형 아이폰 공개에 주가 3% 상승")).picks}
    assert "product" in launch["AAPL"].rationale_en, launch["AAPL"].rationale_en
    capex = {p.ticker: p for p in tracker.track(ko("인텔, 설비투자 축소 발표에 주가 5% 급등")).picks}
    assert "product" not in capex["INTC"].rationale_en, capex["INTC"].rationale_en
