"""Calls by named houses, results of exchanges and banks, unit sales, outlooks, probes and bids
(issue 9; texts written here, after faults found on the written blind set): a company named first in
a Wall Street house's quote or after its topic comma is the subject of its call; an exchange's or a
bank's own results are its news, not its view; unit sales, an annual EPS outlook, a widened probe,
an order to pay, a government telling buyers to hold off and a hostile offer are typed events; DRAM
"contract prices" move nothing by the word "contract"; costs relieved ("원가 부담 덜어") are good
news; shares that did not move ("주가는 보합") and Korea's imported-car sales are not material."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker
from newsimpact.tracker.rationale import short_name

from .texts import headline, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ('JP모건 "넷플릭스 광고 성장 과소평가"…목표가 1,400달러로 상향', "NFLX", "positive"),
        ('모건스탠리 "스타벅스 회복 지연"…목표가 110→95달러 하향', "SBUX", "negative"),
        ("씨티, 월마트 '중립'→'매수' 상향…목표가 120달러", "WMT", "positive"),
        ("CME그룹, 2분기 순익 예상 상회…거래 수수료 20% 급증", "CME", "positive"),
        ("Jury orders Pfizer to pay $1.2 billion in vaccine patent case", "PFE", "negative"),
        ("SK hynix to raise DRAM contract prices by 30% next quarter, sources say", "MU", "positive"),
        ("GM, 2분기 美 판매 15% 급감…관세 여파", "GM", "negative"),
        ('나이키, 연간 EPS 전망 하단으로 낮춰…"북미 재고 부담"', "NKE", "negative"),
        ("美 교통안전국, 포드 블루크루즈 조사 확대…추돌 사고 잇따라", "F", "negative"),
        ('中 당국, 마이크론 칩 구매 자제 지시…"국산 메모리 우선"', "MU", "negative"),
        ("Union Pacific makes hostile offer for Norfolk Southern at $320 a share", "NSC", "positive"),
        ("유가 급락에 항공株 강세…유나이티드 6%↑", "UAL", "positive"),
        ("콘스텔레이션브랜즈, 맥주 가이던스 하향에 5%↓", "STZ", "negative"),
        ("버텍스, 비마약성 진통제 2상 성공에 8%↑", "VRTX", "positive"),
    ],
)
def test_calls_results_and_typed_events_are_shown(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == direction, text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("펩시코, 연간 매출 전망 유지…주가는 보합", "PEP"),
        ("포드 익스플로러, 3월 수입차 판매 3위…2,100대 팔려", "F"),
        ("Comcast weighs hostile bid for Warner Bros Discovery", "CMCSA"),
        ("맨유 유나이티드, 리그 3연승…홈 관중 7만명", "UAL"),
    ],
)
def test_no_move_routine_sales_and_names_are_not_shown(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text))), text


def test_costs_relieved_are_good_news(tracker: Tracker) -> None:
    text = "국제 원두값 30% 급락…스타벅스 원가 부담 덜어"
    assert picks(tracker.track(headline(text))).get("SBUX") == "positive", text


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("암젠, 비만 주사제 3상 성공…체중 20% 감량", "AMGN", "positive"),
        ("애브비, 파킨슨병 신약 3상서 주평가지표 충족 실패", "ABBV", "negative"),
        ("Bristol Myers schizophrenia drug fails late-stage trial", "BMY", "negative"),
        ("Gilead HIV shot meets main goal in late-stage study", "GILD", "positive"),
        ("美 FDA, 리제네론 안질환 치료제 적응증 확대 보류", "REGN", "negative"),
    ],
)
def test_trial_results_and_held_back_approvals(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == direction, text


@pytest.mark.parametrize(
    ("listed", "said"),
    [("Lilly (Eli)", "Eli Lilly"), ("Merck & Co.", "Merck"), ("Deere & Company", "Deere"), ("Tesla, Inc.", "Tesla")],
)
def test_rationales_name_a_company_as_a_reader_says_it(listed: str, said: str) -> None:
    assert short_name(listed) == said
