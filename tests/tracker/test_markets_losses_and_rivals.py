"""Session 12 rules (issue 9; texts written here): a headline's later move of a market index is not the
company's; a loss that shrank is good news; "adds N subscribers" is no share move; the favourite a
contract was won over lost it; a buyer's data-centre demand is its supplier's news."""

from __future__ import annotations

import pytest

from newsimpact.article import Article
from newsimpact.tracker import Tracker

from .texts import en, ko, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    "text",
    [
        "[뉴욕증시] 애플, 장중 사상 최고가 경신 후 약보합…금리 우려에 나스닥 2.1% 급락",
        "[뉴욕증시] 마이크로소프트, 신고가 찍고 보합 마감…고용지표 충격에 다우지수 1.5% 하락",
    ],
)
def test_an_index_move_later_in_the_headline_is_not_the_companys(tracker: Tracker, text: str) -> None:
    assert "negative" not in shown(tracker.track(ko(text))).values()


def test_a_companys_own_later_move_still_counts(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("유나이티드헬스, 연간 가이던스 철회…주가 18% 급락"))).get("UNH") == "negative"


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("포드, 전기차 부문 적자 절반으로 줄였다…주가 4%↑", "F"),
        ("워너브러더스디스커버리, 스트리밍 손실 1년 새 크게 줄어…시간외 강세", "WBD"),
    ],
)
def test_a_loss_that_shrank_is_good_news(tracker: Tracker, text: str, ticker: str) -> None:
    assert shown(tracker.track(ko(text))).get(ticker) == "positive"


def test_a_loss_that_widened_is_still_bad_news(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("포드, 전기차 부문 적자 두 배로 확대…주가 5%↓"))).get("F") == "negative"


def test_subscribers_added_are_no_share_move(tracker: Tracker) -> None:
    text = "Walt Disney adds 7.4 million Disney+ subscribers, but parks revenue misses; shares fall 6% after hours"
    assert shown(tracker.track(en(text))).get("DIS") == "negative"


def test_a_sized_gain_is_still_a_share_move(tracker: Tracker) -> None:
    assert shown(tracker.track(en("Tesla adds 4% as quarterly deliveries top estimates"))).get("TSLA") == "positive"


def test_the_favourite_a_contract_was_won_over_lost_it(tracker: Tracker) -> None:
    report = picks(tracker.track(en("Oracle wins $9 billion Pentagon cloud deal, beating favorite Microsoft")))
    assert report.get("ORCL") == "positive"
    assert report.get("MSFT") != "positive"


def test_a_buyers_data_centre_demand_is_its_suppliers_news(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("SK하이닉스 3분기 흑자…아마존·구글 서버용 D램 수요가 모바일 침체 상쇄")))
    assert "GOOGL" not in report and "AMZN" not in report


def test_demand_for_a_companys_own_chips_stays_its_news(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("엔비디아 데이터센터 GPU 수요 급증…시간외 7%↑")))
    assert report.get("NVDA") == "positive"


@pytest.mark.parametrize(
    "article",
    [
        en(
            "S&P cuts ratings on five U.S. regional lenders",
            "S&P Global Ratings lowered the credit ratings of five regional lenders on Friday and warned that rising "
            "deposit costs and weaker office loans are squeezing profits.",
            "Regional bank shares fell in early trading.",
        ),
        en("Moody's flags rising bad loans at Japanese regional banks as property prices slide"),
    ],
)
def test_a_rater_acting_on_others_is_the_source(tracker: Tracker, article: Article) -> None:
    report = picks(tracker.track(article))
    assert "MCO" not in report and "SPGI" not in report


def test_a_raters_own_results_stay_its_news(tracker: Tracker) -> None:
    assert (
        shown(tracker.track(en("Moody's raises full-year profit outlook as bond issuance booms"))).get("MCO")
        == "positive"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("셰브론·머크 다우지수서 빠지고 아마존·우버 편입…지수 산출 방식 탓", "ko"),
        ("Nvidia joins Dow Jones Industrial Average, Intel exits after 25 years", "en"),
    ],
)
def test_a_dow_reshuffle_is_symbolic(tracker: Tracker, text: str, language: str) -> None:
    report = shown(tracker.track(ko(text) if language == "ko" else en(text)))
    assert not report


def test_a_dow_entrants_stated_move_still_counts(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("우버, 다우지수 편입 소식에 시간외 5%↑"))).get("UBER") == "positive"


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("OPEC+ 증산 보류에도 국제유가 3년 만에 최저…수요 둔화 우려", "negative"),
        ("산유국 감산 무산에 유가 2년來 최저", "negative"),
        ("OPEC+ 감산 합의에 국제유가 5% 급등", "positive"),
    ],
)
def test_the_price_told_outranks_its_producers(tracker: Tracker, text: str, direction: str) -> None:
    assert shown(tracker.track(ko(text))).get("XOM") == direction


def test_a_korean_group_move_later_in_the_headline_is_not_the_topics(tracker: Tracker) -> None:
    article = ko(
        "아마존, 게임사 품는다…500억달러 '빅딜'에 국내 게임주 일제히 강세",
        "아마존이 미국 게임 개발사를 500억달러에 인수한다고 밝혔다.",
        "국내 게임주는 장중 3~6% 상승했다.",
    )
    assert "AMZN" not in shown(tracker.track(article))


def test_another_companys_move_in_an_english_headline_is_its_own(tracker: Tracker) -> None:
    text = "Regeneron tumbles 9% as CVS Caremark picks Amgen's cholesterol drug for its formulary"
    assert shown(tracker.track(en(text))).get("AMGN") != "negative"


def test_a_korean_wrap_citing_last_nights_move_keeps_themes_tentative(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("코스피, 유가 급락 충격에도 강보합…간밤 셰브론 9% 급락 여파에 정유주 약세")))
    assert "XOM" not in report and "COP" not in report


def test_a_korean_open_on_a_weekend_oil_shock_still_moves_producers(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("[개장] 산유국 회의 결렬에 유가 급락…코스피 약세 출발"))).get("XOM") == "negative"


def test_a_move_after_another_companys_clause_is_that_companys(tracker: Tracker) -> None:
    text = "셰브론, 가스업체 200억달러에 인수…엑슨모빌의 대형 인수 한 달 만에 또 '메가딜', 셰브론 주가는 4% 하락"
    assert "XOM" not in shown(tracker.track(ko(text)))


def test_each_name_in_a_list_shares_the_move_after_it(tracker: Tracker) -> None:
    body = "다른 제약사들도 올랐다. 머크, 브리스톨마이어스스퀴브(BMS), 애브비가 3~5%씩 올랐다."
    report = shown(tracker.track(ko("화이자, 정부와 약가 합의…제약주 일제히 반등", body)))
    assert report.get("MRK") == "positive" and report.get("BMY") == "positive"


def test_a_later_clause_about_another_company_is_its_news(tracker: Tracker) -> None:
    text = "Goldman Sachs raises payout after stress test; Citigroup's capital plan rejected"
    report = shown(tracker.track(en(text)))
    assert report.get("GS") != "negative" and report.get("C") == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "마이크로소프트, 엔비디아 제치고 시총 세계 1위 탈환…AI 클라우드 기대",
        "알파벳, 아마존 제치고 시가총액 3위…광고 호조",
    ],
)
def test_the_company_passed_in_market_value_is_not_moved(tracker: Tracker, text: str) -> None:
    report = picks(tracker.track(ko(text)))
    assert report.get("NVDA") != "negative" and report.get("AMZN") != "negative"


@pytest.mark.parametrize(
    "text",
    ["포드, 2022년형 브롱코 8천여 대 리콜…안전벨트 고정 불량", "GM, 쉐보레 픽업 2400여대 리콜…브레이크등 결함"],
)
def test_a_recall_of_a_few_thousand_cars_is_immaterial(tracker: Tracker, text: str) -> None:
    assert not shown(tracker.track(ko(text)))


def test_a_record_bond_sale_is_no_record_result(tracker: Tracker) -> None:
    assert "AAPL" not in shown(tracker.track(ko("애플, 140억달러 회사채 발행 '사상 최대'…모건스탠리 주관")))


def test_a_house_turning_on_another_is_the_source(tracker: Tracker) -> None:
    report = shown(
        tracker.track(
            en("Nike falls as Citi turns bearish on the sneaker maker", "Citi argued the stock had further to fall.")
        )
    )
    assert "C" not in report


def test_the_other_side_of_a_truce_is_not_moved_by_its_counterpart(tracker: Tracker) -> None:
    text = "Qualcomm jumps 15% after patent truce with Apple; Intel plans to quit modem business"
    assert "AAPL" not in shown(tracker.track(en(text)))


def test_weighing_a_bid_is_no_weight_on_the_shares(tracker: Tracker) -> None:
    assert "ORCL" not in shown(tracker.track(en("Oracle weighs bid for TikTok's US arm; TikTok users brace for ban")))


@pytest.mark.parametrize(
    ("text", "rater", "rated"),
    [
        ("Moody's cuts Carnival to junk as cruise bookings collapse", "MCO", "CCL"),
        ("S&P cuts Macy's to junk, citing store closures", "SPGI", None),
    ],
)
def test_a_rater_cutting_another_to_junk_is_the_source(
    tracker: Tracker, text: str, rater: str, rated: str | None
) -> None:
    report = shown(tracker.track(en(text)))
    assert rater not in report
    if rated is not None:
        assert report.get(rated) == "negative"


def test_a_recall_of_some_lots_is_small(tracker: Tracker) -> None:
    text = "Clorox recalls some lots of disinfecting wipes over possible bacterial contamination"
    assert "CLX" not in shown(tracker.track(en(text)))


def test_a_routine_dividend_raise_counted_in_annual_increases_is_immaterial(tracker: Tracker) -> None:
    text = "Procter & Gamble lifts quarterly dividend 5% to $1.06, its 68th consecutive annual increase"
    assert "PG" not in shown(tracker.track(en(text)))


def test_a_korean_close_at_an_index_level_is_a_wrap(tracker: Tracker) -> None:
    body = "간밤 뉴욕증시에서 부진한 실적을 낸 테슬라가 11% 넘게 떨어졌고 엔비디아도 5%대 밀렸다."
    report = shown(tracker.track(ko("삼성전자 호실적에도 3%대 하락…美 기술주 급락에 코스피 2,650선", body)))
    assert "TSLA" not in report and "NVDA" not in report


def test_a_rocket_engine_maker_is_no_rocketing_stock(tracker: Tracker) -> None:
    text = "FTC sues to block Northrop Grumman's purchase of rocket-engine maker Orbital"
    assert shown(tracker.track(en(text))).get("NOC") != "positive"


def test_a_joint_plant_named_after_its_partners_is_routine_for_the_us_partner(tracker: Tracker) -> None:
    assert "F" not in shown(tracker.track(ko("SK온·포드, 美 켄터키 배터리 합작공장 본계약…50억달러 투자")))


def test_a_us_companys_own_plant_delay_stays_its_news(tracker: Tracker) -> None:
    report = tracker.track(ko("포드, 美 켄터키 전기차 공장 가동 연기…주가 6% 급락"))
    pick = next(p for p in report.picks if p.ticker == "F")
    assert pick.direction == "negative"
    assert "늘리" not in pick.rationale_ko  # a delay is no heavier spending


def test_a_cut_not_made_is_no_cut(tracker: Tracker) -> None:
    text = "콜게이트, 원가 부담에도 연간 이익 전망 하향 안 해…매출 전망은 상향"
    assert shown(tracker.track(ko(text))).get("CL") != "negative"


def test_a_korean_routine_dividend_raise_is_immaterial(tracker: Tracker) -> None:
    assert "PEP" not in shown(tracker.track(ko("펩시코, 분기 배당 주당 1.42달러로 5% 인상…52년 연속 증액")))


def test_a_korean_dividend_raise_of_size_still_counts(tracker: Tracker) -> None:
    assert (
        shown(tracker.track(ko("메타, 사상 첫 배당 도입…500억달러 자사주 매입에 시간외 14% 급등"))).get("META")
        == "positive"
    )
