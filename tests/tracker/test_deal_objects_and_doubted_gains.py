"""Session 14 rules (issue 9; texts written here): "drops X deal" is the verb's object, not a share
move; an English buyback or dividend change decides the news; a former employer and the operator of a
project a supplier builds for are background; a gain ruled unlikely or a view only some hold is no pick;
a lot-sized recall, a recall the body calls a tiny fraction, a voluntary recall of some products and a
fine already provided for are immaterial; a Korean name opening its own clause after a comma has its own
news; a later story's unknown companies have their own bare share move; an industry's record deal and a
record quarterly loss are no record results; an investor ruling out a takeover, a name holding a cue word,
GM Korea's plants, "declines to comment" and "to fund" are no news of a listed company's own; a complete
court win is a win; a weight-loss rate short of hopes is a trial miss; news the body says left the
shares flat is tentative; a bidder's white flag or halted talks hold up the target (in its own story);
the client a deal comes from is the customer; a holder's rank is no move; vanished hopes are negated;
another company making good the recall costs is good news; an outage fixed within hours is small; a
company left out of a suit is not sued; a beat whose shares sink, told with "but" and no comma, is read
down; a partial voluntary recall is small; the banks running an offering and Korean retail investors'
holdings are no news for the stocks named. The tests marked guard, and the rival bidder's white flag, pass before these rules too."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import en, ko, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


def test_dropping_a_deal_is_no_share_drop(tracker: Tracker) -> None:
    text = "Hasbro drops Mattel deal after court loss, raises dividend"
    assert picks(tracker.track(en(text))).get("HAS") != "negative"


def test_an_english_buyback_decides_a_walked_away_deal(tracker: Tracker) -> None:
    text = "Salesforce drops Informatica bid, unveils $10 billion buyback"
    assert shown(tracker.track(en(text))).get("CRM") == "positive"


def test_an_english_dividend_cut_is_bad_news(tracker: Tracker) -> None:
    text = "Intel suspends dividend to fund its foundry turnaround"
    assert picks(tracker.track(en(text))).get("INTC") == "negative"


def test_a_former_employer_is_background(tracker: Tracker) -> None:
    text = "Boeing names ex-Honeywell executive as head of commercial planes; shares rise 3%"
    assert "HON" not in picks(tracker.track(en(text)))


def test_a_former_employer_in_korean_is_background_guard(tracker: Tracker) -> None:
    text = "보잉, 허니웰 출신 경영자를 상용기 부문 대표로 선임…주가 3% 상승"
    assert "HON" not in picks(tracker.track(ko(text)))


def test_the_operator_of_a_project_a_supplier_builds_for_is_its_customer(tracker: Tracker) -> None:
    text = "Hanwha Ocean wins $900 million floating platform order for an Exxon-operated field; shares rise 4%"
    assert "XOM" not in shown(tracker.track(en(text)))


def test_a_gain_ruled_unlikely_in_the_body_is_no_pick(tracker: Tracker) -> None:
    article = ko(
        "中 희토류 수출 통제 강화…'앨버말 수혜?' 글쎄",
        "중국이 희토류 가공 기술의 수출을 막는 조치를 내놨다.",
        "일각에서는 미국 소재 업체인 앨버말이 반사이익을 볼 수 있다는 관측도 나왔다.",
        "한 연구원은 '앨버말은 리튬 업체여서 희토류 통제로 실적 개선으로 이어지기는 어렵다'고 말했다.",
    )
    assert "ALB" not in shown(tracker.track(article))


def test_a_recall_of_two_lots_is_immaterial(tracker: Tracker) -> None:
    text = "Merck recalls two lots of a vaccine diluent over a packaging flaw; no injuries reported"
    assert "MRK" not in shown(tracker.track(en(text)))


def test_a_recall_said_to_be_a_tiny_fraction_of_sales_is_immaterial(tracker: Tracker) -> None:
    article = ko(
        "허쉬, 초콜릿 바 리콜…포장 결함",
        "허쉬가 포장 결함이 발견된 초콜릿 바를 자발적으로 회수한다고 밝혔다.",
        "이번 리콜 물량은 허쉬의 연간 판매량에 비하면 극히 일부다.",
    )
    assert "HSY" not in shown(tracker.track(article))


def test_a_fine_already_provided_for_is_immaterial(tracker: Tracker) -> None:
    article = ko(
        "아마존, EU서 8천억원 과징금…“이미 충당금 쌓아 실적 영향 제한”",
        "유럽연합이 아마존에 과징금을 부과했다.",
        "아마존은 이미 충당금을 반영했다고 밝혔다.",
    )
    assert "AMZN" not in shown(tracker.track(article))


def test_a_name_opening_its_own_clause_after_a_comma_has_its_own_news(tracker: Tracker) -> None:
    text = "인텔 오리건 공장 정전…웨이퍼 생산 차질, AMD는 점유율 확대 기대에 강세"
    assert picks(tracker.track(ko(text))).get("AMD") == "positive"


def test_a_later_storys_unknown_companies_have_their_own_share_move(tracker: Tracker) -> None:
    text = "블랙록, 유럽 해운사 지분 6%씩 매입…머스크·하팍로이드 주가 급등"
    assert "BLK" not in shown(tracker.track(ko(text)))


def test_an_investor_named_with_a_later_story_told_by_name_still_reads(tracker: Tracker) -> None:
    text = "버크셔해서웨이, 2분기 순이익 예상 상회…주가 급등"
    assert shown(tracker.track(ko(text))).get("BRK.B") == "positive"


def test_an_industrys_record_deal_is_no_record_result(tracker: Tracker) -> None:
    text = "오라클, 의료정보업체 서너 283억달러에 인수…헬스케어 IT 업계 사상 최대 규모"
    assert picks(tracker.track(ko(text))).get("ORCL") != "positive"


def test_a_record_quarterly_loss_is_bad_news(tracker: Tracker) -> None:
    text = "인텔, 파운드리 부진에 3분기 사상 최대 분기 손실…구조조정 가속"
    assert picks(tracker.track(ko(text))).get("INTC") == "negative"


def test_an_investor_ruling_out_a_takeover_is_no_premium_for_the_target(tracker: Tracker) -> None:
    text = '버핏 "크래프트하인즈 경영권 인수할 생각 없다"…지분은 유지'
    assert picks(tracker.track(ko(text))).get("KHC") != "positive"


def test_a_word_inside_a_persons_name_is_no_cue(tracker: Tracker) -> None:
    text = "Nike names Elliott Hill chief executive after John Donahoe retires; Hackett joins the board"
    assert picks(tracker.track(en(text))).get("NKE") != "negative"


def test_gm_koreas_plant_is_a_korean_carmakers_news(tracker: Tracker) -> None:
    text = "한국GM, 부평 2공장 생산 중단…근로자 1천명 전환 배치"
    assert "GM" not in picks(tracker.track(ko(text)))


def test_a_complete_court_win_is_good_news_though_damages_are_named(tracker: Tracker) -> None:
    text = '마이크론, 넷리스트 상대 특허소송서 완승…배심원단 "넷리스트, 배상 청구 기각"'
    assert picks(tracker.track(ko(text))).get("MU") == "positive"


def test_a_weight_loss_rate_short_of_hopes_is_a_trial_miss(tracker: Tracker) -> None:
    text = "화이자, 먹는 비만약 2상 체중 감소율 기대 밑돌아…경쟁약과 격차 못 좁혀"
    assert picks(tracker.track(ko(text))).get("PFE") == "negative"


def test_a_voluntary_recall_of_some_products_is_immaterial(tracker: Tracker) -> None:
    text = "콜게이트, 곰팡이 검출된 치약 일부 제품 자발적 리콜"
    assert "CL" not in shown(tracker.track(ko(text)))


def test_news_the_body_says_left_the_shares_flat_is_tentative(tracker: Tracker) -> None:
    article = ko(
        "나이키, 유럽 일부 매장 영업 중단…물류센터 화재 여파",
        "나이키가 물류센터 화재로 유럽 일부 매장의 영업을 멈춘다고 밝혔다.",
        "나이키 주가는 이날 보합에 머물렀다.",
    )
    assert "NKE" not in shown(tracker.track(article))


def test_declining_to_comment_is_no_fall(tracker: Tracker) -> None:
    text = "EU blocks Euronext's bid for a Milan exchange; Cboe and CME, whose rival bids collapsed, decline to comment"
    assert "CBOE" not in shown(tracker.track(en(text)))


def test_a_verb_to_fund_is_no_fund(tracker: Tracker) -> None:
    text = "Ford suspends dividend to fund its electric-vehicle push"
    assert picks(tracker.track(en(text))).get("F") == "negative"


def test_a_bidder_raising_the_white_flag_holds_up_the_targets_premium(tracker: Tracker) -> None:
    text = "브로드컴, 시놉시스 인수 1년 만에 백기…'中 승인 못 받아'"
    assert picks(tracker.track(ko(text))).get("SNPS") != "positive"


def test_a_rival_bidders_white_flag_is_not_the_winners_deal_held_up(tracker: Tracker) -> None:
    text = "버라이즌, 야후 인수전서 백기…AT&T 인수 사실상 확정"
    assert picks(tracker.track(ko(text))).get("T") != "negative"


def test_the_client_a_deal_comes_from_is_the_customer(tracker: Tracker) -> None:
    text = "Celltrion wins $300 million contract manufacturing deal from Merck"
    assert "MRK" not in shown(tracker.track(en(text)))


def test_a_holders_rank_is_no_share_move(tracker: Tracker) -> None:
    text = "블랙록, 엑셀론 주식 추가 매입…최대 주주 가운데 하나로 올라섰다"
    assert picks(tracker.track(ko(text))).get("BLK") != "positive"


def test_hopes_that_vanished_are_bad_news(tracker: Tracker) -> None:
    article = ko(
        "델타항공, 사우스웨스트항공 인수 협상 중단",
        "델타항공이 사우스웨스트항공 인수 협상을 멈췄다고 밝혔다.",
        "사우스웨스트항공은 인수가에 대한 기대가 완전히 사라지면서 당분간 주가 하방 압력을 받을 것이란 관측이 나온다.",
    )
    assert picks(tracker.track(article)).get("LUV") != "positive"


def test_another_company_making_good_the_recall_costs_is_good_news(tracker: Tracker) -> None:
    article = ko(
        "삼성SDI, 포드 전기차 리콜 비용 8억달러 배상 합의",
        "삼성SDI가 포드의 전기차 배터리 리콜 비용을 물어주기로 했다.",
        "포드는 이번 합의로 리콜 손실 대부분을 보전받게 됐다고 밝혔다.",
    )
    assert picks(tracker.track(article)).get("F") == "positive"


def test_an_outage_fixed_within_hours_is_small(tracker: Tracker) -> None:
    text = "웰스파고, 모바일뱅킹 접속 장애…수시간 만에 정상화"
    assert "WFC" not in shown(tracker.track(ko(text)))


def test_a_company_left_out_of_a_suit_is_not_sued(tracker: Tracker) -> None:
    text = "美 FTC, 아마존 상대 반독점 소송…월마트는 소송 대상서 빠져"
    assert picks(tracker.track(ko(text))).get("WMT") != "negative"


def test_a_beat_whose_shares_sink_without_a_comma_is_read_down(tracker: Tracker) -> None:
    text = "Alphabet tops revenue estimates but shares slide 7% after hours on cloud slowdown"
    assert shown(tracker.track(en(text))).get("GOOGL") == "negative"


def test_a_partial_voluntary_recall_is_immaterial(tracker: Tracker) -> None:
    text = "델, 발열 우려 노트북 일부 자발적 리콜…어댑터 무상 교체"
    assert "DELL" not in shown(tracker.track(ko(text)))


def test_the_banks_running_an_offering_are_named_in_passing(tracker: Tracker) -> None:
    text = "우버, 뉴욕증시 상장 공모가 45달러 확정…골드만삭스·모건스탠리 주관 사상 최대 IPO"
    assert not {"GS", "MS"} & set(shown(tracker.track(ko(text))))


def test_korean_retail_investors_holdings_are_no_news_for_the_stocks(tracker: Tracker) -> None:
    text = "Korean retail investors' overseas stock holdings top $80 billion as Apple and Microsoft rally"
    assert not {"AAPL", "MSFT"} & set(shown(tracker.track(en(text))))
