"""Who a sentence is about and which way a call goes (issue 9; texts written here, after faults
found on the written blind set): no event word inside a name, a takeover held up in English, the
customer's unit and the rival a company lost ground to, a Korean list of ratings read name by name,
a later English clause about the shares, over-the-air recall fixes, the buyer's side of a deal,
target prices, profit targets and outlooks moved by a verb, and a regulator's panel."""

from __future__ import annotations

import pytest

from newsimpact.article import Article
from newsimpact.tracker import Tracker

from .texts import en, ko, picks


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


def test_no_event_word_inside_a_company_name(tracker: Tracker) -> None:
    report = tracker.track(en("Union Pacific sees volumes rebound in second half"))
    pick = next(p for p in report.picks if p.ticker == "UNP")
    assert pick.direction == "positive" and pick.event != "strike", pick
    assert "abour" not in pick.rationale_en, pick.rationale_en


def test_an_english_target_held_up_is_picked_negative(tracker: Tracker) -> None:
    article = en(
        "Rail regulator pauses review of Union Pacific's acquisition of Norfolk Southern",
        "The board paused its review of Union Pacific's planned acquisition of Norfolk Southern and asked for more data.",
    )
    assert picks(tracker.track(article)).get("NSC") == "negative"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Samsung SDI signs $2 billion battery supply deal with a unit of Duke Energy", "DUK"),
        ("Analysts cut Kohl's to sell, citing market-share losses to Walmart", "WMT"),
        ("Best Buy downgraded as it keeps losing share to Amazon", "AMZN"),
    ],
)
def test_a_customer_unit_or_a_winner_named_as_the_cause_is_not_picked(tracker: Tracker, text: str, named: str) -> None:
    assert named not in picks(tracker.track(en(text))), text


def test_a_korean_list_of_ratings_is_read_name_by_name(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("증권가 투자의견 엇갈려…애플 '매수' 상향, 나이키는 하향")))
    assert found.get("AAPL") == "positive" and found.get("NKE") == "negative", found


def test_a_later_english_clause_about_the_shares_gives_the_direction(tracker: Tracker) -> None:
    found = picks(tracker.track(en("Deere beats on profit, but a weak order outlook sends shares lower")))
    assert found.get("DE") == "negative", found


@pytest.mark.parametrize(
    "article",
    [
        en("Ford recalls 300,000 pickups over a dashboard glitch; fix will be sent over the air"),
        ko("테슬라, 사이버트럭 20만대 리콜…무선 업데이트로 해결"),
    ],
)
def test_a_recall_fixed_over_the_air_is_not_shown(tracker: Tracker, article: Article) -> None:
    assert not picks(tracker.track(article), shown_only=True), article


def test_a_broadcaster_bought_is_the_target_not_a_news_source(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("컴캐스트, 폭스코퍼레이션 인수가 주당 60달러로 상향")))
    assert found.get("FOXA") == "positive", found


def test_mood_words_beside_a_buyers_deal_do_not_make_a_shown_pick(tracker: Tracker) -> None:
    report = tracker.track(ko("컴캐스트, 폭스코퍼레이션 인수가 주당 60달러로 상향"))
    assert "CMCSA" not in picks(report, shown_only=True), report.picks


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("애플, 900억달러 자사주 추가 매입·배당 4% 인상", "AAPL", "positive"),
        ("인텔, 분기 배당 반토막", "INTC", "negative"),
        ("엑슨모빌, 자사주 매입 축소", "XOM", "negative"),
        ("씨티, 엔비디아 목표주가 220달러로 높여", "NVDA", "positive"),
        ("모건스탠리, 나이키 목표가 60달러로 내려", "NKE", "negative"),
    ],
)
def test_capital_returns_and_target_prices_moved_by_a_verb(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert picks(tracker.track(ko(text))).get(ticker) == direction, text


def test_a_strategists_index_target_makes_no_pick_for_the_bank(tracker: Tracker) -> None:
    article = ko(
        'JP모건 "코스피 목표 3,500으로 상향"',
        "JP모건이 코스피 12개월 목표치를 3,500으로 끌어올렸다.",
        "JP모건은 반도체 이익 전망을 근거로 들었다.",
    )
    assert "JPM" not in picks(tracker.track(article))


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("Delta Air Lines raises 2026 profit target on premium cabin demand", "DAL", "positive"),
        ("Target cuts full-year outlook as shoppers pull back", "TGT", "negative"),
        ("Humana withdraws 2026 guidance as medical costs jump", "HUM", "negative"),
    ],
)
def test_a_companys_own_targets_and_outlooks_moved_by_a_verb(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert picks(tracker.track(en(text))).get(ticker) == direction, text


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("FDA 자문위, 길리어드 HIV 신약 '승인 권고'", "GILD", "positive"),
        ("FDA, 바이오젠 치매 신약 허가 신청 반려", "BIIB", "negative"),
    ],
)
def test_a_regulators_panel_or_rejection_acts_on_the_company_named_next(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert picks(tracker.track(ko(text))).get(ticker) == direction, text
