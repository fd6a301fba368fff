"""Session 9 rules (issue 9; texts written here): a headline's list closed by its group and the group's move
("A·B 등 항공주 반등") names the movers, while a body's names examples; "털썩" and "휘청" are falls and
"직격탄" a hit; a year a record is measured from ("1992년 이후 최대") is no history; "자사 주가" is the
company's share price, not its treasury shares; a short quoted term after a bank's name is its own story;
a short seller opening a headline acts on the company it names; a vaccine's efficacy is a trial result; a
software update's fault is an accident; a few more words of context for short names."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsimpact.article import Article
from newsimpact.tracker import Tracker

from .texts import ko, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "movers", "direction"),
    [
        ("제트연료 가격 하락에 아메리칸·유나이티드 등 항공주 일제히 반등", ("UAL",), "positive"),
        ("월마트·코스트코 등 대형 유통株 '털썩'…아마존 식료품 배송 확대", ("WMT", "COST"), "negative"),
        ("美 수출규제 강화…퀄컴·브로드컴 등 부품사 타격 우려", ("QCOM", "AVGO"), "negative"),
        ("中 보복관세 발표에 캐터필러·디어 '직격탄'", ("CAT", "DE"), "negative"),
    ],
)
def test_a_headline_list_closed_by_its_group_names_the_movers(
    tracker: Tracker, text: str, movers: tuple[str, ...], direction: str
) -> None:
    found = picks(tracker.track(ko(text)))
    for ticker in movers:
        assert found.get(ticker) == direction, found


def test_a_body_list_closed_by_its_group_names_examples(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "코스피, 외국인 순매수에 1%대 상승 마감",
            "코스피가 외국인 매수에 힘입어 1.4% 올랐다. 간밤 뉴욕증시에서 엔비디아 등 기술주가 강세를 보인 영향이다.",
        )
    )
    assert "NVDA" not in picks(report)


def test_a_record_since_a_year_is_todays_news(tracker: Tracker) -> None:
    article = Article(
        title="",
        paragraphs=["넷플릭스, 분기 순이익 예상치 상회…주가 16% 급등 '2008년 이후 최대'"],
        language="ko",
        published=datetime.fromisoformat("2025-03-06T09:00:00+09:00"),
    )
    assert shown(tracker.track(article)).get("NFLX") == "positive"


def test_a_year_that_dates_an_event_stays_history(tracker: Tracker) -> None:
    article = Article(
        title="",
        paragraphs=["메타, 2016년 개인정보 유출 사건 다룬 다큐멘터리 공개"],
        language="ko",
        published=datetime.fromisoformat("2025-03-06T09:00:00+09:00"),
    )
    assert "META" not in shown(tracker.track(article))


def test_the_companys_own_share_price_is_no_buyback(tracker: Tracker) -> None:
    report = tracker.track(ko("로빈후드, 옵션 거래 수수료 '0원' 선언…자사 주가도 9% 급락"))
    assert shown(report).get("HOOD") == "negative"


def test_a_buyback_is_still_a_buyback(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("애플, 1100억달러 규모 자사주 매입 발표"))).get("AAPL") == "positive"


def test_a_short_quoted_term_after_a_banks_name_is_its_own_story(tracker: Tracker) -> None:
    assert picks(tracker.track(ko("씨티그룹 '돈세탁' 파문 확산…당국 조사 착수"))).get("C") == "negative"


def test_a_banks_rating_call_on_another_stays_its_source(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("[특징주] 로열캐리비안, JP모건 '비중확대' 상향에 6%↑")))
    assert "JPM" not in found, found
    assert found.get("RCL") == "positive", found


def test_a_short_sellers_allegation_is_news_of_its_target(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("머디워터스, 세일즈포스 '매출 부풀리기' 의혹 제기…주가 4%↓")))
    assert found.get("CRM") == "negative", found


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Moderna says its vaccine was 94% effective in a late-stage study", "MRNA"),
        ("모더나, 독감·코로나 혼합 백신 예방효과 88%", "MRNA"),
    ],
)
def test_a_vaccines_efficacy_is_a_trial_result(tracker: Tracker, text: str, ticker: str) -> None:
    assert shown(tracker.track(ko(text) if not text.isascii() else _en(text))).get(ticker) == "positive"


def _en(text: str, *body: str) -> Article:
    if body:
        return Article(title=text, paragraphs=list(body), language="en")
    return Article(title="", paragraphs=[text], language="en")


def test_a_faulty_software_update_is_an_accident(tracker: Tracker) -> None:
    report = tracker.track(ko("팔로알토네트웍스 업데이트 오류에 기업 방화벽 잇단 중단…고객사 혼란"))
    assert picks(report).get("PANW") == "negative"


def test_meta_is_named_by_its_market_words(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("메타 어닝 쇼크에 시총 2000억달러 증발"))).get("META") == "negative"


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("EU, 애플에 사상 최대 18억유로 과징금", "AAPL", None),
        ("보잉, 1분기 사상 최대 순손실…737 맥스 여파", "BA", "negative"),
    ],
)
def test_a_record_penalty_or_loss_is_no_record_result(
    tracker: Tracker, text: str, ticker: str, direction: str | None
) -> None:
    assert picks(tracker.track(ko(text))).get(ticker) == direction


def test_recall_costs_mostly_recovered_are_good_news(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("포드, 리콜 충당금 대부분 회수…부품사와 비용 분담 합의"))).get("F") == "positive"


def test_a_drug_slowing_a_decline_met_its_goal(tracker: Tracker) -> None:
    report = tracker.track(_en("Biogen's Alzheimer's drug slowed decline by 27% in a late-stage study"))
    assert shown(report).get("BIIB") == "positive"


def test_us_moves_in_an_english_seoul_wrap_are_tentative(tracker: Tracker) -> None:
    report = tracker.track(
        _en("Seoul stocks jump 3% as chip rally spreads; Nvidia gained 5% overnight, Micron rose 4%")
    )
    assert shown(report) == {}


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("모건스탠리, 3M 투자의견 '비중축소'→'중립' 상향", "MMM", "positive"),
        ("백악관 관세 면제 발표에 화이자 6%·머크 4% 급등", "MRK", "positive"),
        ("보잉, 777X 생산 일시 중단…엔진 점검 여파", "BA", "negative"),
        ("셰브런, 코노코필립스에 인수 타진…美 석유업계 대형 M&A 예고", "COP", "positive"),
    ],
)
def test_calls_halts_and_approaches_move_the_company_named(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert picks(tracker.track(ko(text))).get(ticker) == direction, text


def test_a_korean_plants_halt_shifts_no_share_to_rivals(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("현대차, 반도체 부족에 울산공장 사흘간 생산 중단")))
    assert not {"GM", "F", "TSLA"} & set(found), found


def test_a_buyer_named_after_the_seller_leaves_it_the_move(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("비스트라, 원전 전력 장기계약…아마존 데이터센터에 15년간 공급, 주가 18%↑")))
    assert found.get("VST") == "positive", found
    assert "AMZN" not in found, found


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("브로드컴, 퀄컴 인수 철회…美 정부 제동", "QCOM", "negative"),
        ("아마존 '디즈니 인수 검토한 적 없다'…디즈니 장중 상승분 반납", "DIS", "negative"),
        ("Boeing, machinists reach tentative deal, averting strike", "BA", "positive"),
        ("Merck's antiviral pill cuts hospitalization risk by 50% in study", "MRK", "positive"),
        ("애플, 4분기 '어닝 서프라이즈'에도 시간외 약세", "AAPL", "negative"),
    ],
)
def test_deals_called_off_strikes_averted_and_conceded_beats(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    report = tracker.track(_en(text) if text.isascii() else ko(text))
    assert picks(report).get(ticker) == direction, text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ('미래에셋증권 "애플, 아이폰 교체 수요 기대…목표주가 상향"', "AAPL"),
        ("스타벅스커피 코리아, 매장 2000개 돌파…연매출 사상 최대", "SBUX"),
        ("이튼 산불이 송전설비 근처에서 시작됐다는 주장에 전력주 일제히 급락", "ETN"),
    ],
)
def test_a_korean_houses_call_a_korean_licensee_or_a_place_is_no_pick(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in picks(tracker.track(ko(text))), text


def test_a_patent_tally_is_dampened(tracker: Tracker) -> None:
    assert tracker.frames.dampening("IBM, 美 특허 등록 25년 연속 1위", "ko") < 1.0


def test_a_fall_made_up_again_is_no_fall(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "[뉴욕증시] WTI 20달러대 추락…에너지주 급락",
            "유나이티드항공과 델타항공은 장 초반 하락분을 대부분 만회하며 보합권에서 마감했다.",
        )
    )
    found = picks(report)
    assert found.get("UAL") != "negative" and found.get("DAL") != "negative", found


def test_the_customer_inside_a_suppliers_apposition_is_not_its_subject(tracker: Tracker) -> None:
    report = tracker.track(
        _en(
            "Marvell lands custom AI chip deal with Amazon; shares jump 8%",
            "Broadcom, still Google's largest supplier of custom chips, slipped 1% on the day.",
        )
    )
    assert "GOOGL" not in picks(report)


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("MS, 게임사 인수…'업계 재편' 기대에 테이크투↑·닌텐도 9%↓", "TTWO", "positive"),
        ("J&J, 탈크 소송 89억달러 합의…주가는 오히려 올랐다", "JNJ", "positive"),
        ("마이크론, 분기 매출 사상 최대…삼성전자·SK하이닉스도 들썩", "MU", "positive"),
    ],
)
def test_the_move_told_of_the_company_itself_decides(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert picks(tracker.track(ko(text))).get(ticker) == direction, text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Intel dropped from the Dow after 25 years; Nvidia takes its place", "INTC"),
        ("Vistra jumps 12% on nuclear deal to power Amazon data centers", "AMZN"),
        ("아이폰16 공개에 LG이노텍 '들썩'…카메라 모듈 공급 기대", "AAPL"),
    ],
)
def test_an_index_exit_a_power_buyer_or_a_korean_suppliers_day_is_no_shown_pick(
    tracker: Tracker, text: str, ticker: str
) -> None:
    report = tracker.track(_en(text) if text.isascii() else ko(text))
    assert ticker not in shown(report), text


def test_a_partner_listed_with_an_unknown_name_leaves_the_topic_its_move(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("코어위브, AI 클라우드 수주 급증…엔비디아·앤트로픽과 협력 확대에 10% 급등")))
    assert "NVDA" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        '일라이릴리, 노보·화이자에 "비만약 특허 침해" 소송',
        "애플, 퀄컴 상대로 10억달러 소송 제기",
    ],
)
def test_the_plaintiff_of_a_suit_is_named_in_passing(tracker: Tracker, text: str) -> None:
    found = picks(tracker.track(ko(text)))
    assert "LLY" not in found and "AAPL" not in found, found


def test_korean_shoppers_overseas_orders_are_dampened(tracker: Tracker) -> None:
    assert "AMZN" not in shown(tracker.track(ko("블랙프라이데이 앞두고 아마존 해외직구 물량 50%↑ 전망")))


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("Dollar General shares crater 30% as costs soar", "DG", "negative"),
        ("스트라이커, 짐머 상대 인공관절 특허소송 이겼다…배상액 2억달러", "SYK", "positive"),
    ],
)
def test_a_crater_is_a_fall_and_a_suit_won_is_a_win(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    report = tracker.track(_en(text) if text.isascii() else ko(text))
    assert shown(report).get(ticker) == direction, text


def test_an_airliner_crash_moves_no_defence_rival(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("보잉 737 맥스 또 추락…운항 중단 국가 확산에 주가 11% 급락")))
    assert found.get("BA") == "negative", found
    assert "LMT" not in found, found


def test_a_house_initiating_coverage_is_its_source(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("골드만삭스, 넷플릭스 '매수'로 커버리지 개시…\"광고 요금제 과소평가\"")))
    assert "GS" not in found, found
    assert found.get("NFLX") == "positive", found


def test_a_regulator_named_as_the_actor_is_no_regulation_of_the_company(tracker: Tracker) -> None:
    assert picks(tracker.track(ko("美 규제당국, 버크셔에 셰브런 지분 추가 매입 허용"))).get("BRK.B") != "negative"
