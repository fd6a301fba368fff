"""Session 8 rules (issue 9; texts written here): the house whose rating call opens a headline is its
source even when the quoted reason is about sales; results another company already reported ("앞서
실적을 공개한 …") are background; a trial's or a hearing's date being set or moved is no pick; a buyback streak at zero is no buyback; a
balance-sheet record (inventory, cash) is no record result; a unit a company bought names it only from
the day the deal closed; "사상 최대 M&A" is a deal's size; S&P 500 "편입 종목" are its members; a gain put in
doubt ("반사이익은 '글쎄'") is no loss; a plaintiff, the loser of an arbitration, a Korean show on Netflix
and a company "holding up relatively" are no picks."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsimpact.article import Article
from newsimpact.tracker import Tracker

from .texts import headline, ko, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "house", "called", "direction"),
    [
        ("씨티, 스타벅스 투자의견 '중립'으로 하향…\"中 매출 반등 더딜 것\"", "C", "SBUX", "negative"),
        ('모건스탠리, 디즈니 목표가 상향…"스트리밍 매출 개선"', "MS", "DIS", "positive"),
    ],
)
def test_the_house_making_a_rating_call_is_its_source(
    tracker: Tracker, text: str, house: str, called: str, direction: str
) -> None:
    found = picks(tracker.track(ko(text)))
    assert house not in found, found
    assert found.get(called) == direction, found


def test_a_houses_own_results_stay_its_news(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("골드만삭스, 2분기 순이익 15% 증가…트레이딩 호조"))).get("GS") == "positive"


def test_results_another_company_already_reported_are_background(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "프로그레시브, 2분기 순익 40%↑…자동차보험 호조",
            "프로그레시브가 2분기 순이익이 1년 전보다 40% 늘었다고 밝혔다. 보험료 인상 효과가 컸다. "
            "앞서 실적을 공개한 올스테이트도 시장 예상을 웃돌았다.",
        )
    )
    found = picks(report)
    assert found.get("PGR") == "positive", found
    assert "ALL" not in found, found


def test_yesterdays_results_moving_shares_today_stay_news(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "[뉴욕증시] 나스닥 1.2% 상승…넷플릭스 급등",
            "뉴욕증시가 기술주 강세에 올랐다. 전날 실적을 발표한 넷플릭스는 이날 8% 급등했다.",
        )
    )
    assert shown(report).get("NFLX") == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "美 FTC-아마존 반독점 소송, 1심 재판 2027년 2월 개시로 일정 확정",
        "美 법무부-구글 검색 반독점 소송, 구제책 재판 내년 3월로 연기",
        "Judge sets Amazon antitrust trial for February 2027",
    ],
)
def test_a_trial_date_set_or_moved_is_no_pick(tracker: Tracker, text: str) -> None:
    assert shown(tracker.track(headline(text))) == {}


def test_a_trial_lost_is_still_news(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("구글, 광고기술 반독점 재판서 패소"))).get("GOOGL") == "negative"


def test_a_buyback_streak_at_zero_is_no_buyback(tracker: Tracker) -> None:
    report = tracker.track(ko("웰스파고, 3분기 순이익 12% 감소…자사주 매입은 4분기째 '0'"))
    assert shown(report).get("WFC") == "negative"


def test_a_balance_sheet_record_is_no_record_result(tracker: Tracker) -> None:
    assert "F" not in picks(tracker.track(ko("포드, 재고 사상 최대…딜러 할인 확대")))


def test_a_record_result_stays_a_record_result(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("엔비디아, 2분기 매출 사상 최대"))).get("NVDA") == "positive"


def _dated(title: str, body: list[str], day: str) -> Article:
    return Article(
        title=title, paragraphs=body, language="ko", published=datetime.fromisoformat(f"{day}T09:00:00+00:00")
    )


def test_a_unit_bought_later_is_not_yet_its_buyers(tracker: Tracker) -> None:
    article = _dated(
        "MS, 게임사 액티비전 블리자드 687억달러에 인수",
        ["마이크로소프트가 액티비전 블리자드를 인수한다고 발표했다.", "액티비전 주가는 이날 26% 폭등했다."],
        "2022-01-19",
    )
    assert "MSFT" not in shown(tracker.track(article))


def test_a_unit_bought_earlier_is_its_buyers(tracker: Tracker) -> None:
    article = _dated("", ["액티비전, '콜 오브 듀티' 신작 출시 첫 주 매출 10억달러 돌파"], "2024-11-05")
    assert picks(tracker.track(article)).get("MSFT") == "positive"


def test_a_record_sized_deal_written_as_m_and_a_is_not_record_results(tracker: Tracker) -> None:
    assert "PFE" not in shown(tracker.track(ko("화이자, 시젠 430억달러에 인수…바이오 업계 사상 최대 M&A")))


def test_an_index_members_fall_is_no_index_entry(tracker: Tracker) -> None:
    report = tracker.track(
        ko("SVB 충격에 美 은행주 급락", "S&P500 편입 종목 가운데서는 키코프가 27%, 찰스슈왑이 11% 급락했다.")
    )
    assert shown(report).get("KEY") == "negative"


def test_a_gain_put_in_doubt_is_no_loss(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("인텔, 파운드리 2나노 양산 지연…AMD·엔비디아 반사이익은 '글쎄'")))
    assert "NVDA" not in found and "AMD" not in found, found


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Apple sues Masimo over smartwatch patents", "AAPL"),
        ("Chevron wins arbitration over Exxon, clearing path for Hess deal", "XOM"),
        ("넷플릭스 韓 오리지널 '파도의 집' 190개국 공개…제작사 에이스토리 8% 급등", "NFLX"),
        ("관세 충격에 GM·포드 급락…테슬라는 상대적 선방", "TSLA"),
    ],
)
def test_a_plaintiff_a_loser_a_local_show_or_a_relative_winner_is_no_pick(
    tracker: Tracker, text: str, ticker: str
) -> None:
    assert ticker not in picks(tracker.track(headline(text)))


# After the thirteenth fresh read.


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("Appeals court sides with Nvidia in shareholder fight over crypto sales", "NVDA", "positive"),
        ("美 법원, 아마존 반독점 소송서 FTC 승소 판결", "AMZN", "negative"),
    ],
)
def test_who_the_court_sided_with_decides_the_way(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == direction


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Fortinet slides as faulty patch knocks Microsoft Windows servers offline", "MSFT"),
        ("Procter & Gamble raises dividend for 70th consecutive year", "PG"),
        ("갤럭시 배터리 결함 리콜…반사이익 기대 애플 주가는 제자리", "AAPL"),
    ],
)
def test_a_platform_hit_a_routine_dividend_or_a_flat_stock_is_no_firm_pick(
    tracker: Tracker, text: str, ticker: str
) -> None:
    assert ticker not in shown(tracker.track(headline(text)))


def test_the_markets_record_is_no_record_result(tracker: Tracker) -> None:
    report = tracker.track(ko("엔비디아, 하루 새 시총 5890억달러 증발…美 증시 사상 최대"))
    assert picks(report).get("NVDA") != "positive"


# After the fourteenth fresh read.


def test_recall_costs_paid_back_are_good_news(tracker: Tracker) -> None:
    report = tracker.track(ko("포드, 부품사서 트랜스미션 리콜 비용 12억달러 돌려받기로"))
    assert shown(report).get("F") == "positive"


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ('셰브론, 헤스 인수 추진…"성사되면 업계 사상 최대 딜"', "CVX"),
        ("美 의회, 앱 수수료 상한법 통과…스포티파이 급등, 애플은 '무풍지대'", "AAPL"),
    ],
)
def test_a_deals_size_or_an_untouched_company_is_no_pick(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(ko(text)))


def test_constellation_spelt_with_eo_is_the_power_company(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("컨스털레이션, 원전 전력계약 추가…장중 7%↑"))).get("CEG") == "positive"


# After the fifteenth fresh read.


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Amgen's MariTide helps patients lose up to 20% of body weight in mid-stage trial", "AMGN"),
        ("트럼프, 반도체 관세 면제…엔비디아·AMD '한숨 돌렸다'", "AMD"),
    ],
)
def test_weight_lost_in_a_trial_and_a_sigh_of_relief_are_good_news(tracker: Tracker, text: str, ticker: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == "positive"


def test_windows_machines_knocked_offline_by_anothers_update_are_no_microsoft_news(tracker: Tracker) -> None:
    text = "Faulty Palo Alto Networks update knocked thousands of Microsoft Windows servers offline"
    assert "MSFT" not in picks(tracker.track(headline(text)))


def test_a_muted_fall_beside_others_big_ones_is_no_pick(tracker: Tracker) -> None:
    report = tracker.track(
        ko("美 지방은행株 폭락", "지방은행 주가가 일제히 폭락했다. 반면 웰스파고는 1.2% 하락에 그쳤다.")
    )
    assert "WFC" not in picks(report)


@pytest.mark.parametrize(
    ("body", "called", "direction", "house"),
    [
        (
            (
                "테슬라, 골드만 하향에 5%↓",
                "골드만삭스가 테슬라에 대한 투자의견을 '매수'에서 '중립'으로 낮추면서 테슬라 주가가 5% 하락했다.",
            ),
            "TSLA",
            "negative",
            "GS",
        ),
        (
            (
                "씨티, 스타벅스 투자의견 '중립'으로 하향",
                "씨티그룹이 스타벅스에 대한 투자의견을 '매수'에서 '중립'으로 낮췄다.",
                '씨티는 보고서에서 "중국 매출 반등이 예상보다 더딜 것"이라며 목표주가도 110달러에서 95달러로 내렸다.',
            ),
            "SBUX",
            "negative",
            "C",
        ),
    ],
)
def test_a_house_calling_another_in_the_body_or_through_its_report_is_its_source(
    tracker: Tracker, body: tuple[str, ...], called: str, direction: str, house: str
) -> None:
    found = picks(tracker.track(ko(*body)))
    assert found.get(called) == direction and house not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("마이크론, HBM 호조에 다음 분기 가이던스 상회…시간외 8%↑", None),
        ("삼성전자, 낸드 가격 급등에 1분기 영업익 3배", "positive"),
    ],
)
def test_sandisk_follows_memory_peers_only_on_nand_news(tracker: Tracker, text: str, expected: str | None) -> None:
    assert picks(tracker.track(ko(text))).get("SNDK") == expected
