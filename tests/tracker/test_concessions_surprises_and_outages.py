"""Session 10 rules (issue 9; texts written here): results conceded before the shares' own move ("순손실을
냈지만 주가는 7% 올랐다") leave the move as the news; a figure called "'깜짝'" beat expectations; an outage
of an hour or three, restored, is no material accident, and the customers another company's outage hit
are seldom moved; a read-across the company's own sentences contradict is dropped; a bank's collapse is the
crisis deepening; a name "going against" the move told before it went the other way; a buyer at the end
of a seller's clause, or of a Korean foundry's process, is the customer; a Korean chipmaker's capex is no
US memory news; a settlement plan approved lifts uncertainty; a loss smaller than feared, weight lost in a
trial and damages received are good news; a fleet grounded after a blowout is bad news."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker
from newsimpact.tracker.text import article_sentences

from .texts import en, headline, ko, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


def test_results_conceded_before_the_shares_move_leave_the_move(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "아마존 1분기 실적 발표",
            "아마존은 1분기에 4,100만달러 순손실을 냈지만 주가는 시간외 거래에서 6% 넘게 올랐다.",
        )
    )
    assert picks(report).get("AMZN") == "positive"


def test_a_contrast_of_two_results_is_no_concession(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "나이키 분기 실적 발표",
            "나이키는 분기 매출이 3% 늘었지만 순이익은 전년 대비 40% 줄어 시장 예상을 크게 밑돌았다.",
        )
    )
    assert picks(report).get("NKE") == "negative"


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("아마존, 광고 매출 첫 공개 '깜짝'…구글도 검색 광고 실적 발표", "AMZN"),
        ("넷플릭스, 3분기 유료 가입자 610만명 ‘깜짝’", "NFLX"),
    ],
)
def test_a_figure_called_a_surprise_is_good_news(tracker: Tracker, text: str, ticker: str) -> None:
    assert shown(tracker.track(ko(text))).get(ticker) == "positive"


@pytest.mark.parametrize(
    ("text", "body", "ticker"),
    [
        (
            "MS 아웃룩 2시간 접속 장애…직장인 메일 업무 '멈칫'",
            "마이크로소프트(MS)의 이메일 서비스 아웃룩에서 오전 2시간가량 접속 장애가 발생했다. MS는 오후에 복구를 마쳤다.",
            "MSFT",
        ),
        (
            "구글 검색 한때 접속 장애…1시간 만에 복구",
            "구글의 검색 서비스가 저녁 한때 접속 오류를 일으켰다. 구글은 원인을 조사하고 있다고 밝혔다.",
            "GOOGL",
        ),
        (
            "Microsoft restores Outlook after a two-hour outage",
            "Microsoft said its Outlook e-mail service was restored after a two-hour outage on Tuesday morning.",
            "MSFT",
        ),
    ],
)
def test_an_outage_fixed_within_hours_is_not_shown(tracker: Tracker, text: str, body: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text, body)))


def test_a_long_outage_still_hurts(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "마이크로소프트 클라우드 애저 14시간 장애…고객사 서비스 줄줄이 중단",
            "마이크로소프트의 애저 미국 동부 리전에서 14시간 동안 장애가 이어지며 수많은 고객사 서비스가 멈췄다.",
        )
    )
    assert picks(report).get("MSFT") == "negative"


def test_a_company_said_to_rise_is_not_read_down_with_its_theme(tracker: Tracker) -> None:
    report = tracker.track(
        headline(
            "Oil slumps 6% as OPEC+ agrees to pump more",
            "Crude prices fell sharply on Thursday after the producer group agreed to raise output from next "
            "month. Brent settled at its lowest in four years.",
            "Energy stocks dropped with crude. Devon Energy and APA lost more than 5%.",
            "Chevron bucked the slide and ended 1.2% higher after it announced a larger buyback.",
        )
    )
    found = picks(report)
    assert found.get("DVN") == "negative"
    assert found.get("CVX") != "negative"


def test_a_bank_collapse_is_the_crisis_deepening(tracker: Tracker) -> None:
    report = tracker.track(
        headline(
            "Regional lenders slide after Silicon Valley Bank collapse stokes run fears",
            "Shares of U.S. regional banks fell sharply on Tuesday as investors worried that depositors would "
            "move their money to the biggest lenders. KeyCorp dropped 14% and Citizens Financial slid 9%.",
            "The largest banks were spared. JPMorgan Chase ended 1.5% higher as customers moved deposits into "
            "big lenders seen as safer.",
        )
    )
    found = picks(report)
    assert found.get("KEY") == "negative"
    assert "negative" not in (found.get("JPM"), found.get("NEM"))


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("[뉴욕증시] 고용 호조에 다우 1.1%↑…은행주 강세, 나이키는 역행", "NKE", "negative"),
        ("나스닥 2% 급락에도 팔란티어 역행…국방부 수주 기대", "PLTR", "positive"),
    ],
)
def test_a_name_going_against_the_move_went_the_other_way(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert picks(tracker.track(ko(text))).get(ticker) == direction


def test_a_customer_making_chips_at_a_korean_foundry_is_not_shown(tracker: Tracker) -> None:
    report = tracker.track(ko("퀄컴, 삼성 파운드리 2나노로 스냅드래곤 일부 생산…삼성 수주 숨통"))
    assert "QCOM" not in shown(report)


def test_a_power_buyer_at_the_end_of_the_sellers_clause_is_the_customer(tracker: Tracker) -> None:
    report = tracker.track(
        headline(
            "Talen Energy jumps 8% after 15-year power deal with Amazon",
            "Talen Energy shares jumped 8% on Monday after the power producer agreed to sell electricity from its "
            "Pennsylvania nuclear station to Amazon data centers.",
            "Amazon shares were little changed.",
        )
    )
    assert "AMZN" not in shown(report)


@pytest.mark.parametrize(
    "body",
    [
        "이 여파로 온라인 증권사 로빈후드와 가상자산 거래소 코인베이스의 앱 접속이 한때 중단됐다.",
        "로빈후드와 코인베이스는 서비스가 정상화됐다고 밝혔다.",
    ],
)
def test_customers_hit_by_a_providers_outage_are_not_shown(tracker: Tracker, body: str) -> None:
    report = tracker.track(
        ko(
            "아마존웹서비스(AWS) 美서부 리전 8시간 먹통…로빈후드·코인베이스 거래 차질",
            "아마존웹서비스(AWS)의 미국 서부 리전에서 8시간 동안 대규모 장애가 발생했다.",
            body,
        )
    )
    found = shown(report)
    assert "HOOD" not in found
    assert "COIN" not in found


def test_an_outage_that_grounds_a_customers_flights_still_hurts_it(tracker: Tracker) -> None:
    report = tracker.track(ko("보안업체 업데이트 오류에 윈도 PC 수백만대 '먹통'…델타항공 3천편 결항"))
    assert picks(report).get("DAL") == "negative"


def test_a_korean_chipmakers_capex_is_not_us_memory_news(tracker: Tracker) -> None:
    report = tracker.track(ko("SK하이닉스, 용인 팹 공사 속도…HBM4 증설에 2030년까지 50조원 투입"))
    assert "MU" not in shown(report)


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("3M, 귀마개 소송 일괄합의안 美 파산법원 승인…'불확실성 걷혔다'", "MMM", "positive"),
        ("3M, 귀마개 소송 합의안 법원서 기각…추가 비용 우려", "MMM", "negative"),
    ],
)
def test_a_settlement_plan_approved_or_rejected(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert picks(tracker.track(ko(text))).get(ticker) == direction


def test_a_loss_smaller_than_feared_is_good_news(tracker: Tracker) -> None:
    report = tracker.track(en("Ford's quarterly EV loss smaller than feared as battery costs fall"))
    assert shown(report).get("F") == "positive"


def test_the_company_paid_damages_is_not_hurt(tracker: Tracker) -> None:
    report = tracker.track(
        headline(
            "Jury orders software maker to pay United Airlines $300 million over booking outage",
            "A Texas jury found the vendor negligent and awarded the carrier $300 million.",
            "United, which had put its losses from the outage at $350 million, rose 0.9%.",
        )
    )
    assert picks(report).get("UAL") != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "암젠, 비만 주사제 2상서 체중 16%↓…연내 3상 착수",
        "화이자, 먹는 비만약 2상서 평균 체중 11% 감소",
    ],
)
def test_weight_lost_in_a_trial_is_the_goal(tracker: Tracker, text: str) -> None:
    found = picks(tracker.track(ko(text)))
    assert "negative" not in found.values()
    assert "positive" in found.values()


def test_a_grounded_fleet_after_a_blowout_is_bad_news(tracker: Tracker) -> None:
    report = tracker.track(en("FAA grounds 60 Boeing 787 jets after cabin window blowout on a cargo flight"))
    assert picks(report).get("BA") == "negative"


def test_results_conceded_with_euna_before_the_shares_move(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "美 은행 실적 발표",
            "골드만삭스는 트레이딩 호조로 순이익이 예상치를 넘었으나 주가는 2.4% 하락했다.",
        )
    )
    assert picks(report).get("GS") == "negative"


def test_a_decisive_phrase_conceded_before_a_fall_is_not_the_news(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "뉴욕증시 혼조 마감",
            "세일즈포스가 연간 가이던스를 올렸음에도 AI 매출 둔화 우려로 6% 넘게 하락했다.",
        )
    )
    assert picks(report).get("CRM") == "negative"


def test_a_beat_with_flat_shares_is_not_shown(tracker: Tracker) -> None:
    report = tracker.track(ko("브로드컴, 분기 매출 가이던스 웃돌았지만…시간외 '보합'"))
    assert "AVGO" not in shown(report)


def test_an_fda_approval_is_good_news_for_the_drugmaker(tracker: Tracker) -> None:
    report = tracker.track(en("FDA approves Amgen's once-monthly weight-loss shot; rival shares slide"))
    assert shown(report).get("AMGN") == "positive"


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("美 10월 실업률 4.8%로 상승…3년 만에 최고", -1),
        ("U.S. weekly jobless claims jump to 260,000, most in a year", -1),
        ("U.S. weekly jobless claims fall to 205,000, lowest since spring", 1),
    ],
)
def test_unemployment_rising_is_the_labour_market_weakening(tracker: Tracker, text: str, way: int) -> None:
    article = headline(text)
    themes = tracker.themes.detect(article_sentences(article), article.language, {})
    assert [hit.direction for hit in themes if hit.theme.id == "labor_market"] == [way]


def test_rate_cut_hopes_cooling_are_rates_rising(tracker: Tracker) -> None:
    article = ko("美 CPI 예상 상회…연내 금리인하 기대 급랭")
    themes = tracker.themes.detect(article_sentences(article), "ko", {})
    assert [hit.direction for hit in themes if hit.theme.id == "interest_rates"] == [1]


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("Barclays cuts Lowe's to equal-weight, citing a weak housing market", "LOW", "negative"),
        ("UBS raises Deere to buy on a farm equipment recovery", "DE", "positive"),
    ],
)
def test_a_house_moving_its_call_moves_the_company(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert shown(tracker.track(en(text))).get(ticker) == direction


def test_an_unknown_company_opening_a_later_story_has_its_own_move(tracker: Tracker) -> None:
    report = tracker.track(ko("구글, 소형모듈원전 전력 15년 구매…카이로스파워 18% 급등"))
    assert "GOOGL" not in shown(report)


def test_the_topic_named_again_before_its_move_keeps_it(tracker: Tracker) -> None:
    report = tracker.track(ko("나이키, 룰루레몬 CEO 전격 영입…나이키 9%↑·룰루레몬 6%↓"))
    assert shown(report).get("NKE") == "positive"


@pytest.mark.parametrize(
    ("word", "name"),
    [("탈렌에너지", True), ("블리자드", True), ("광고매출", False), ("하루", False), ("장전", False)],
)
def test_a_word_that_reads_like_a_name(word: str, name: bool) -> None:
    from newsimpact.morphology import looks_like_a_name

    assert looks_like_a_name(word) is name


def test_a_research_firms_market_share_tally_is_not_shown(tracker: Tracker) -> None:
    report = tracker.track(
        headline(
            "Apple keeps smartphone lead as Samsung, Xiaomi gain ground - research firm",
            "Apple held about a fifth of global smartphone shipments in the third quarter, a research firm said.",
            "The firm put Samsung second, followed by Xiaomi.",
        )
    )
    assert "AAPL" not in shown(report)


def test_a_call_moved_on_one_company_is_not_the_houses_or_anothers(tracker: Tracker) -> None:
    found = picks(tracker.track(en("Jefferies cuts Ford to underweight, lifts Tesla on robotaxi progress")))
    assert found.get("F") == "negative"
    assert found.get("TSLA") != "negative"
    assert "JEF" not in found
    assert "C" not in picks(tracker.track(en("Citi cuts Humana to neutral, flags Medicare cost pressure")))


def test_home_goods_as_a_category_is_no_homegoods_store(tracker: Tracker) -> None:
    report = tracker.track(en("Retailers report weak sales", "Shoppers cut back on home goods and apparel."))
    assert "TJX" not in {m.ticker for m in report.mentions}


def test_a_move_against_good_news_says_so_in_its_reason(tracker: Tracker) -> None:
    report = tracker.track(ko("어도비, 연간 가이던스 올렸지만…AI 수익화 우려에 시간외 7%↓"))
    pick = next(p for p in report.picks if p.ticker == "ADBE")
    assert pick.direction == "negative"
    assert "호재에도" in pick.rationale_ko and "despite good" in pick.rationale_en


def test_a_rater_acting_on_a_country_is_its_source(tracker: Tracker) -> None:
    report = tracker.track(ko("S&P글로벌, 프랑스 국가신용등급 'AA'→'AA-' 강등…\"재정적자 확대\""))
    assert "SPGI" not in picks(report)


def test_the_loser_of_a_verdict_is_not_read_as_winning(tracker: Tracker) -> None:
    report = tracker.track(
        en(
            "Abbott wins $400 million jury verdict against Medtronic over glucose monitor patents",
            "A federal jury in Delaware found that Medtronic infringed two Abbott patents and awarded Abbott $400 million.",
            "Medtronic said it would appeal. Its shares were little changed.",
        )
    )
    assert picks(report).get("MDT") != "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Intel shares jumped 8% after an analyst said Nvidia was preparing to use Intel's packaging lines for some chips",
        "Micron clears Nvidia tests for its next HBM chips, sources say",
    ],
)
def test_the_buyer_of_a_suppliers_product_is_not_shown(tracker: Tracker, text: str) -> None:
    assert "NVDA" not in shown(tracker.track(en(text)))


def test_declining_to_comment_is_no_decline(tracker: Tracker) -> None:
    report = tracker.track(
        en(
            "Intel lands Qualcomm as a customer for its packaging business",
            "Intel will package some Qualcomm chips at its Arizona site from next year, people familiar said.",
            "Intel and Qualcomm declined to comment.",
        )
    )
    assert picks(report).get("QCOM") != "negative"
