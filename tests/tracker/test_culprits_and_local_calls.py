"""Session 11 rules (issue 9; texts written here): an outage blamed on another company's faulty software
is that company's news, not the platform's it broke; a Korean house's call written with the short form
of 증권 ("證") is as local as one written in full."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import en, ko, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    "text",
    [
        "\"윈도 PC 수백만대 '블루스크린'\" 크라우드스트라이크 보안 업데이트 결함에 공항·병원 마비",
        "크라우드스트라이크 패치 오류로 MS 윈도 먹통…세계 곳곳 공항 발권 중단",
    ],
)
def test_an_outage_blamed_on_faulty_software_is_its_makers_news(tracker: Tracker, text: str) -> None:
    report = shown(tracker.track(ko(text)))
    assert report.get("CRWD") == "negative"
    assert "MSFT" not in report


def test_a_platforms_own_outage_stays_its_own(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("MS 애저 클라우드 10시간째 먹통…기업 고객 피해 눈덩이"))).get("MSFT") == "negative"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            '한국투자證 "엔비디아, 블랙웰 수요 여전히 견조"…목표가 상향',
            "한국투자증권은 엔비디아의 목표주가를 기존 150달러에서 185달러로 올렸다고 3일 밝혔다.",
        ),
        (
            'NH투자證 "애플 아이폰 교체 수요 기대 이하"…목표주가 하향',
            "NH투자증권은 애플의 목표주가를 260달러에서 235달러로 낮춘다고 밝혔다.",
        ),
    ],
)
def test_a_korean_houses_call_written_short_is_local(tracker: Tracker, text: str, body: str) -> None:
    assert not shown(tracker.track(ko(text, body)))


def test_a_wall_street_houses_call_still_moves_the_stock(tracker: Tracker) -> None:
    report = shown(
        tracker.track(
            ko(
                '골드만삭스 "엔비디아, 블랙웰 수요 여전히 견조"…목표가 상향',
                "골드만삭스는 엔비디아의 목표주가를 기존 150달러에서 185달러로 올렸다고 3일 밝혔다.",
            )
        )
    )
    assert report.get("NVDA") == "positive"


def test_a_headline_opening_with_the_platforms_outage_keeps_it(tracker: Tracker) -> None:
    # The culprit named only in a closing quote leaves the headline's own story to the platform it opens.
    report = shown(tracker.track(ko('[속보] MS 윈도 먹통에 전세계 공항 마비…"보안업체 업데이트 오류 추정"')))
    assert report.get("MSFT") == "negative"


def test_a_hires_past_is_not_the_hirers_news(tracker: Tracker) -> None:
    report = tracker.track(en("Salesforce hires ousted Twitter finance chief to run its new payments arm"))
    assert "CRM" not in shown(report)


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("Devon shares sink 9% as output guidance disappoints", "DVN", "negative"),
        ("Shares of Stryker climbed 6% after the company raised its sales outlook", "SYK", "positive"),
    ],
)
def test_a_name_written_as_a_listed_company_needs_no_business_words(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert shown(tracker.track(en(text))).get(ticker) == direction


def test_a_namesake_without_shares_stays_unlinked(tracker: Tracker) -> None:
    assert not tracker.track(en("Devon coast braces for storm as ferries cancelled")).picks


def test_each_sized_move_in_a_headline_list_is_its_own(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("미 제약주 희비…일라이릴리 9%↑·화이자 6%↓")))
    assert report == {"LLY": "positive", "PFE": "negative"}


def test_the_newest_of_a_series_ending_the_first_story_is_its_subject(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("'나이키 이어 룰루레몬까지'…재고 부담에 이익 급감, 주가 18% 폭락")))
    assert report.get("LULU") == "negative"


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("법원, 넷플릭스 '콘텐츠 무단 사용' 소송 기각…티빙 1심 승소", "NFLX"),
        ("애플, 마시모 특허 소송 최종 패소…마시모 주가 급등", "AAPL"),
    ],
)
def test_a_later_story_opened_by_another_proper_name_is_that_names(tracker: Tracker, text: str, ticker: str) -> None:
    assert shown(tracker.track(ko(text))).get(ticker) != "positive"


def test_a_house_calling_on_the_topic_after_an_ellipsis_still_decides(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("\"애플 너무 올랐다\"…시티, 투자의견 '중립'으로 하향"))).get("AAPL") == "negative"


def test_too_expensive_is_no_bargain(tracker: Tracker) -> None:
    assert picks(tracker.track(ko('월가 "엔비디아 주가 지금은 너무 비싸다"'))).get("NVDA") != "positive"


def test_a_us_story_followed_by_korean_movers_stays_its_own(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("애플 아이폰 판매 예상 두 배 '어닝 서프라이즈'…LG이노텍·삼성전기 동반 강세")))
    assert report.get("AAPL") == "positive"


def test_korean_movers_a_session_after_a_us_story_are_the_korean_sessions(tracker: Tracker) -> None:
    assert "QCOM" not in shown(tracker.track(ko("퀄컴 호실적 하루 뒤…LG이노텍·삼성전기 동반 강세")))


def test_a_korean_refiners_results_leave_us_refiners_tentative(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "HD현대오일뱅크, 2분기 영업익 7천억…정제마진 반등에 흑자 전환",
            "HD현대오일뱅크가 2분기 영업이익 7천억원을 기록했다고 밝혔다. 경유와 항공유 정제마진이 크게 개선됐다.",
        )
    )
    assert not {"MPC", "VLO", "PSX"} & set(shown(report))


@pytest.mark.parametrize(
    "text",
    [
        "P&G, 팬틴 샴푸 3종 자발적 리콜…'일부 제품서 벤젠 검출'",
        "Hormel recalls about 12,000 pounds of canned chili over a labeling error",
        "아마존 물류센터 노조, 블랙프라이데이 겨냥 하루 파업",
        "Kroger workers stage one-day strike at 40 stores over staffing",
    ],
)
def test_a_recall_of_a_few_products_or_a_strike_of_a_day_is_immaterial(tracker: Tracker, text: str) -> None:
    assert not shown(tracker.track(ko(text) if not text.isascii() else en(text)))


def test_a_large_recall_stays_material(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("GM, 볼트 EV 14만대 리콜…배터리 화재 위험"))).get("GM") == "negative"


def test_a_maker_named_with_its_model_is_no_venue(tracker: Tracker) -> None:
    report = shown(tracker.track(en("Canada grounds all Boeing 737 MAX jets pending review")))
    assert report.get("BA") == "negative"


def test_an_airline_named_by_its_plane_stays_a_venue(tracker: Tracker) -> None:
    assert "LUV" not in shown(tracker.track(en("Engine cover tears off Southwest jet during takeoff in Denver")))


def test_deere_written_in_full_with_and_is_linked(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("디어앤드컴퍼니 노조 파업 3주째…트랙터 생산 차질"))).get("DE") == "negative"


def test_the_customer_whose_order_a_supplier_wins_is_no_subject(tracker: Tracker) -> None:
    assert "TSLA" not in shown(tracker.track(en("Korea's LG Innotek wins first Tesla order for camera modules")))


def test_a_korean_suppliers_order_leaves_us_themes_tentative(tracker: Tracker) -> None:
    report = tracker.track(
        ko(
            "이오테크닉스, SK하이닉스서 HBM 레이저 장비 800억 수주…HBM3E 증설 수혜 '톡톡'",
            "이오테크닉스가 SK하이닉스로부터 고대역폭메모리(HBM) 공정용 레이저 장비 800억원어치를 수주했다고 밝혔다.",
            "SK하이닉스가 HBM3E 생산능력을 내년까지 두 배로 늘리면서 후공정 장비 발주가 이어지고 있다.",
        )
    )
    assert not {"MU", "NVDA"} & set(shown(report))


def test_a_verdict_won_told_apart_from_the_suit_is_a_win(tracker: Tracker) -> None:
    assert shown(tracker.track(ko("애플, 마시모와의 '특허 소송' 배심원 평결서 사실상 승리"))).get("AAPL") == "positive"


def test_a_record_fine_is_bad_news(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("캐터필러, 배출가스 기준 위반에 9억달러 벌금…환경법 집행 사상 최대")))
    assert report.get("CAT") == "negative"


def test_an_index_providers_decision_on_a_country_is_its_source(tracker: Tracker) -> None:
    assert "MSCI" not in shown(
        tracker.track(ko("MSCI, 한국 선진국지수 관찰대상국 지정 또 불발…'공매도 전면 금지 발목'"))
    )


def test_an_investors_stake_moves_the_stock_bought_not_the_investor(tracker: Tracker) -> None:
    report = shown(tracker.track(ko("버핏의 버크셔, 울타뷰티 지분 5% 확보…울타 주가 시간외 9%↑")))
    assert "BRK.B" not in report and report.get("ULTA") == "positive"


def test_a_faulty_update_says_so_in_the_rationale(tracker: Tracker) -> None:
    report = tracker.track(ko("크라우드스트라이크 보안 업데이트 결함에 전 세계 공항 발권 마비"))
    pick = next(p for p in report.picks if p.ticker == "CRWD")
    assert "소프트웨어 결함" in pick.rationale_ko and "software update" in pick.rationale_en
