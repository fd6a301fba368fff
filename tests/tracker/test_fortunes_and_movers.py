"""Winners and losers, brokers that move, signed sizes, go-aheads and supply deals (issue 9; texts
written here, after misses on the written blind set): "X 웃고 Y 울고" is the headline's verdict on
each; a broker or asset manager with its own sized move is its subject, not a source; "+7.4% 급등"
is a move; a regulator's go-ahead ("clears") and a signed deal to supply a hyperscaler are good news;
a US carmaker's sales in Korea are not material."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import headline, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("넷플릭스 웃고 디즈니 울고…스트리밍 2분기 가입자 '극과 극'", {"NFLX": "positive", "DIS": "negative"}),
        ("코카콜라 울고 펩시코 웃고…2분기 실적 엇갈려", {"KO": "negative", "PEP": "positive"}),
        ("사모대출 부실 공포에…블랙스톤·칼라일 일제히 6%대 급락", {"BX": "negative"}),
        ("[해외주식 알림] 관심종목 오라클(ORCL) +9.1% 급등 중", {"ORCL": "positive"}),
        ("FAA clears Boeing to lift 787 output to 10 jets a month", {"BA": "positive"}),
        ("Vistra signs 20-year deal to supply Amazon data centers from its Texas nuclear plant", {"VST": "positive"}),
        ("Macau gaming revenue jumps 18%; Wynn shares rise", {"WYNN": "positive"}),
    ],
)
def test_verdicts_moves_and_deals_are_shown(tracker: Tracker, text: str, moves: dict[str, str]) -> None:
    found = shown(tracker.track(headline(text)))
    assert {t: found.get(t) for t in moves} == moves, text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("포드, 6월 국내 판매 1,210대…수입차 10위권 재진입", "F"),
        ("Vistra signs 20-year deal to supply Amazon data centers from its Texas nuclear plant", "AMZN"),
    ],
)
def test_korean_sales_and_a_supply_deals_customer_are_not_shown(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text))), text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Samsung Biologics to buy Pfizer's Irish vaccine plant for $280 million", "PFE"),
        ("한미약품, 머크서 기술료 500억원 수령…신약 임상 순항", "MRK"),
    ],
)
def test_a_seller_of_a_plant_and_a_payer_of_fees_are_not_shown(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text))), text


def test_a_strike_at_a_companys_plants_is_still_its_news(tracker: Tracker) -> None:
    text = "Strike at Boeing's Seattle plants enters third week"
    assert shown(tracker.track(headline(text))).get("BA") == "negative", text


def test_the_acquirer_does_not_take_the_targets_move(tracker: Tracker) -> None:
    text = '셰브론, 셰일업체 옥시덴탈 인수 협상…"주당 70달러" 옥시덴탈 12% 급등'
    found = shown(tracker.track(headline(text)))
    assert found.get("CVX") != "positive" and found.get("OXY") == "positive", text


def test_an_asian_market_report_keeps_a_us_recap_tentative(tracker: Tracker) -> None:
    article = headline(
        "Asian shares slip ahead of U.S. jobs data; Nikkei down 0.5%",
        "TOKYO, May 2 - Asian stock markets edged lower on Friday as investors waited for U.S. payrolls.",
        "On Wall Street overnight, Microsoft slipped after its cloud forecast disappointed investors.",
    )
    assert "MSFT" not in shown(tracker.track(article))


def test_a_product_in_a_headline_about_another_company_is_not_its_makers_news(tracker: Tracker) -> None:
    text = "알테오젠, 머크서 기술료 수령…'키트루다 큐렉스' 매출 확대에 9%↑"
    assert "MRK" not in shown(tracker.track(headline(text))), text


def test_a_story_told_for_its_aftermath_on_another_company_is_background(tracker: Tracker) -> None:
    text = "포드 전기픽업 감산 여파…SK온 합작 '블루오벌SK' 美 공장 일시 가동중단"
    assert "F" not in shown(tracker.track(headline(text))), text


def test_a_companys_own_move_after_its_aftermath_is_still_its_news(tracker: Tracker) -> None:
    text = "테슬라, 모델Y 리콜 여파에 6% 급락"
    assert shown(tracker.track(headline(text))).get("TSLA") == "negative", text


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("세일즈포스, 실적은 '서프라이즈'인데 주가는 7%↓…\"AI 매출 증명 부족\"", "CRM", "negative"),
        ("넷플릭스, 광고 매출 60%↑에도 '성장 둔화' 우려…시간외 5% 하락", "NFLX", "negative"),
    ],
)
def test_the_share_move_not_a_growth_figure_before_a_cause_ending_decides(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == direction, text


def test_a_customers_volume_share_won_by_a_supplier_is_not_its_news(tracker: Tracker) -> None:
    text = "SK하이닉스, 엔비디아 HBM4 물량 70% 확보…마이크론과 격차"
    assert "NVDA" not in shown(tracker.track(headline(text))), text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        (
            "Samsung Heavy said it won an order to supply three LNG carriers to ExxonMobil, its biggest deal this year",
            "XOM",
        ),
        ("NextEra adds gas-fired units to its Florida fleet", "NEE"),
        ("[뉴욕증시] 물가 안도에 상승…인텔, 애플 칩 위탁생산 수주 보도에 8%↑", "AAPL"),
    ],
)
def test_the_buyer_and_a_compound_word_are_not_the_news(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text))), text


def test_the_one_passed_over_lost_the_contest(tracker: Tracker) -> None:
    text = "Poland picks Airbus over Boeing for $3 billion tanker deal"
    assert shown(tracker.track(headline(text))).get("BA") != "positive", text
    assert picks(tracker.track(headline(text))).get("BA") in (None, "negative"), text


def test_a_buyers_order_and_a_move_inside_the_noise_are_not_shown(tracker: Tracker) -> None:
    article = headline(
        "[뉴욕증시] 물가 지표 안도에 상승…인텔, 애플 칩 위탁생산 보도에 8%↑",
        "뉴욕증시 3대 지수가 물가 지표에 대한 안도감 속에 일제히 올랐다.",
        "애플이 2028년부터 보급형 칩 일부를 인텔의 18A 공정에서 생산하는 계약 체결을 앞두고 있다는 보도가 나왔다.",
        "애플 주가는 0.3% 올라 시장과 비슷한 흐름을 보였다.",
    )
    found = shown(tracker.track(article))
    assert found.get("INTC") == "positive" and "AAPL" not in found
