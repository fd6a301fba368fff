"""Session 13 rules (issue 9; texts written here): a move told as muted or as the whole market's is no
news of the company's own; a later story's group or unknown company has its own move; a rival's home
ground, a customer's product and a challenged incumbent are named in passing; a house's credit-rating
call names its source; a move the body reports decides a headline that tells no move; a move dated a
session back is background."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import en, ko, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


def test_a_fall_told_as_muted_is_no_news_of_its_own(tracker: Tracker) -> None:
    article = ko(
        "유럽 은행 위기설에 美 중소형 은행주 급락…코메리카 12%↓",
        "미국 중소형 은행 주가가 20일(현지시간) 일제히 무너졌다. 코메리카는 12% 떨어졌다.",
        "반면 대형 은행으로 돈이 몰릴 것이라는 기대 속에 뱅크오브아메리카는 1% 안팎 하락하는 데 그쳤다.",
    )
    assert "BAC" not in picks(tracker.track(article))


def test_a_small_move_put_down_to_the_whole_market_is_not_the_companys(tracker: Tracker) -> None:
    article = ko(
        "오라클, 클라우드 업체 인수 발표…업계 재편 신호탄",
        "오라클이 클라우드 인프라 업체를 인수한다고 발표했다.",
        "오라클 주가는 기술주 전반의 약세 속에 1.6% 내렸다.",
    )
    assert picks(tracker.track(article)).get("ORCL") != "negative"


def test_a_large_move_beside_a_weak_sector_is_still_the_companys(tracker: Tracker) -> None:
    article = ko(
        "오라클, 클라우드 매출 부진에 급락",
        "오라클의 클라우드 매출 증가율이 시장 예상을 밑돌았다.",
        "오라클 주가는 기술주 전반의 약세 속에 9.4% 급락했다.",
    )
    assert shown(tracker.track(article)).get("ORCL") == "negative"


def test_a_later_storys_group_move_is_not_the_buyers_news(tracker: Tracker) -> None:
    text = "아마존, 게임 스튜디오 12조원에 품는다…국내 게임주 '밸류 재평가' 기대에 일제히 강세"
    assert shown(tracker.track(ko(text))).get("AMZN") != "positive"


def test_a_later_storys_unknown_company_has_its_own_move(tracker: Tracker) -> None:
    text = "MS, 허브스팟 350억달러에 인수…허브스팟 20% 급등, 마이크로소프트는 2%대 하락"
    assert shown(tracker.track(ko(text))).get("MSFT") == "negative"


def test_a_rivals_home_ground_is_named_in_passing(tracker: Tracker) -> None:
    text = "기아, 美 조지아 공장에 픽업 라인 추가…포드·GM 텃밭서 점유율 확대 노린다"
    assert not {"GM", "F"} & set(picks(tracker.track(ko(text))))


def test_a_customers_product_a_supplier_makes_parts_for_is_not_its_news(tracker: Tracker) -> None:
    text = "Samsung Display lifts OLED output for Apple's next MacBook Pro, raising its full-year forecast"
    assert "AAPL" not in picks(tracker.track(en(text)))


def test_a_rater_cutting_a_companys_credit_rating_is_its_source(tracker: Tracker) -> None:
    report = tracker.track(ko("무디스, 모건스탠리 신용등급 2단계 강등…시간외 3%↑"))
    assert "MCO" not in picks(report)
    assert shown(report).get("MS") == "positive"


def test_the_called_companys_after_hours_move_is_the_verdict(tracker: Tracker) -> None:
    text = "S&P, 골드만삭스 신용등급 한 단계 하향…예상보다 양호에 시간외 상승"
    assert shown(tracker.track(ko(text))).get("GS") == "positive"


def test_the_incumbent_a_newcomer_goes_after_is_named_in_passing(tracker: Tracker) -> None:
    article = en(
        "Intel unveils Gaudi 3 AI chip to take on Nvidia; shares rise 3%",
        "Intel on Tuesday introduced its Gaudi 3 accelerator, a chip meant to chip away at Nvidia's lead in "
        "data-center AI, and said it expects strong demand next year.",
    )
    assert "NVDA" not in picks(tracker.track(article))


def test_a_free_repair_programme_is_no_material_recall(tracker: Tracker) -> None:
    assert "AAPL" not in shown(tracker.track(ko("애플, 맥북 일부 키보드 불량에 무상 수리 프로그램 운영")))


def test_words_inside_a_company_name_are_no_cue_for_another(tracker: Tracker) -> None:
    article = en(
        "AMD shows new server chip, but shares slip 5% on thin customer news",
        "Advanced Micro Devices on Monday unveiled a new data-center processor with more memory than Nvidia's "
        "current chip.",
    )
    assert "NVDA" not in picks(tracker.track(article))


def test_a_move_told_after_a_cause_is_the_groups_not_the_causes(tracker: Tracker) -> None:
    text = "아마존·알파벳·메타 '광고 동맹'에 광고대행株 털썩"
    assert "negative" not in picks(tracker.track(ko(text))).values()


def test_the_listed_members_of_a_group_still_move_with_it(tracker: Tracker) -> None:
    text = "국제유가 급등에…델타·유나이티드 등 美 항공주 일제히 급락"
    assert shown(tracker.track(ko(text))).get("DAL") == "negative"


def test_declining_to_name_a_customer_is_no_share_move(tracker: Tracker) -> None:
    article = en(
        "SK On signs $3 billion battery supply deal, reportedly with Ford",
        "SK On said it signed a multiyear battery supply agreement worth about $3 billion.",
        "Ford declined to identify its suppliers, citing confidentiality.",
    )
    assert "F" not in picks(tracker.track(article))


def test_the_move_ending_a_korean_clause_overrules_its_good_news(tracker: Tracker) -> None:
    article = ko(
        "코노코필립스, 4분기 실적 발표…생산량 전망 제시",
        "코노코필립스가 4분기 실적을 발표했다.",
        "코노코필립스가 올해 자사주 매입을 제시 범위 하단에서 집행하겠다고 밝히자 주가는 4.2% 하락했다.",
    )
    assert picks(tracker.track(article)).get("COP") == "negative"


def test_a_move_the_body_reports_decides_a_headline_that_tells_none(tracker: Tracker) -> None:
    article = en(
        "Hershey abandons bid for snack maker after antitrust loss, unveils $3 billion buyback",
        "Hershey said it would drop its pursuit after a court blocked the deal.",
        "Hershey shares climbed 5% on the buyback news.",
        "The defeat had raised doubts about the company's growth plans.",
    )
    assert shown(tracker.track(article)).get("HSY") == "positive"


def test_a_move_dated_a_session_back_is_background(tracker: Tracker) -> None:
    article = ko(
        "마이크로소프트, 클라우드 매출 호조…시간외 주가 7%↑",
        "마이크로소프트가 시장 예상을 웃돈 분기 실적을 발표했다.",
        "하루 전 넷플릭스가 가입자 감소로 12% 폭락했던 것과 대비된다.",
    )
    assert "NFLX" not in picks(tracker.track(article))


def test_a_penalty_investors_priced_in_long_ago_is_no_news(tracker: Tracker) -> None:
    text = "Amazon's record $900 million EU tax penalty arrives, but investors priced it in months ago"
    assert "AMZN" not in shown(tracker.track(en(text)))


def test_a_lawsuit_ended_in_an_alliance_is_no_loss(tracker: Tracker) -> None:
    text = "애플-에릭슨, 5G 특허 소송 2년 만에 끝냈다…'크로스 라이선스'로 선회"
    assert picks(tracker.track(ko(text))).get("AAPL") != "negative"


def test_an_investor_named_to_say_whose_company_it_is_is_in_passing(tracker: Tracker) -> None:
    text = "아마존이 투자한 리비안, 올해 인도 목표 하향…시간외 9% 급락"
    assert "AMZN" not in picks(tracker.track(ko(text)))


def test_a_customer_whose_supply_is_at_stake_is_the_counterparty(tracker: Tracker) -> None:
    text = "삼성SDI-파나소닉, 배터리 특허 분쟁 전격 합의…GM·도요타 공급 차질 우려 해소"
    assert "GM" not in shown(tracker.track(ko(text)))


def test_a_slight_move_beside_anothers_plunge_is_no_news(tracker: Tracker) -> None:
    text = "[해외증시] 팔로알토 보안 패치 오류發 '접속 대란'…주가 9% 급락, 아마존은 소폭 하락"
    assert "AMZN" not in shown(tracker.track(ko(text)))


def test_an_english_seoul_sector_wrap_keeps_its_us_causes_tentative(tracker: Tracker) -> None:
    text = "Korean chip stocks slide as Nvidia's export curbs and a hawkish Fed sour sentiment"
    report = tracker.track(en(text))
    assert not shown(report) and all(p.path != "theme" for p in report.picks)


def test_a_recall_of_a_few_thousand_vans_is_small(tracker: Tracker) -> None:
    text = "Ford recalls about 2,300 E-Transit vans in US to fix a faulty charge-port latch; no injuries reported"
    assert "F" not in shown(tracker.track(en(text)))


def test_the_chips_a_product_is_built_on_are_named_in_passing(tracker: Tracker) -> None:
    text = "SK Hynix quarterly profit triples, topping estimates as AI servers built on Nvidia chips lift memory demand"
    assert "NVDA" not in shown(tracker.track(en(text)))


def test_a_chief_executives_view_of_the_economy_makes_the_bank_its_source(tracker: Tracker) -> None:
    text = "Goldman Sachs's Solomon warns clients to prepare for a recession next year"
    assert "GS" not in picks(tracker.track(en(text)))


def test_a_later_story_of_unknown_examples_moving_is_theirs(tracker: Tracker) -> None:
    text = "블랙록, 日 3대 은행 지분 각각 5% 취득…미쓰이스미토모 등 급등"
    assert "BLK" not in picks(tracker.track(ko(text)))


def test_a_record_award_against_a_company_is_bad_news(tracker: Tracker) -> None:
    text = "3M, 군용 귀마개 소송서 30억 달러 배상 평결…단일 소송 사상 최대 규모"
    assert shown(tracker.track(ko(text))).get("MMM") == "negative"


def test_a_product_recall_of_some_thousands_of_units_is_small(tracker: Tracker) -> None:
    assert "KMB" not in shown(tracker.track(ko("킴벌리클라크, 일부 물티슈 자발적 리콜…약 3만 개 규모")))


def test_harm_not_expected_is_no_harm(tracker: Tracker) -> None:
    text = "Exxon says Baytown refining not expected to be disrupted after fire at nearby chemical unit"
    assert "XOM" not in shown(tracker.track(en(text)))


def test_shares_ending_little_changed_take_the_news_out(tracker: Tracker) -> None:
    assert "T" not in shown(tracker.track(en("AT&T restores service after daylong outage; shares end little changed")))


def test_a_card_networks_spending_data_is_its_source(tracker: Tracker) -> None:
    text = "Mastercard SpendingPulse: U.S. back-to-school sales rose 4.2%, led by online apparel"
    assert "MA" not in picks(tracker.track(en(text)))


def test_a_jury_verdict_won_is_good_news(tracker: Tracker) -> None:
    text = "퀄컴, 애플과의 특허전쟁서 3천만달러 배심원 평결 승리…애플 주가는 보합"
    assert picks(tracker.track(ko(text))).get("QCOM") == "positive"


def test_a_small_lot_recall_is_small(tracker: Tracker) -> None:
    text = "몬델리즈, 美서 한정판 쿠키 일부 소량 자발적 리콜…'알레르기 표기 누락, 피해 보고 없어'"
    assert "MDLZ" not in shown(tracker.track(ko(text)))


def test_an_english_slip_of_less_than_one_percent_is_noise(tracker: Tracker) -> None:
    text = "CrowdStrike rival Okta sinks after breach; Microsoft, whose tools compete, saw its stock slip less than 1%"
    assert "MSFT" not in picks(tracker.track(en(text)))
