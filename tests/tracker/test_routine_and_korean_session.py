"""Routine news and the Korean session (issue 9; texts written here, after faults found on the
written blind set): a strike that ends is good news, a dividend raised for the Nth year in a row or
capital returns going on as planned are routine, a tiny fine in euros is small, a change to an existing
contract is routine, a contract award is no damages award, and a headline that reports Korean stocks
moving tells of the Korean session, whose US causes moved the night before."""

from __future__ import annotations

import pytest

from newsimpact.article import Article
from newsimpact.tracker import Tracker

from .texts import headline, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("GM 노조, 잠정안 받아들였다…6주 파업 마침표", "GM"),
        ("Deere workers ratify contract, ending five-week strike", "DE"),
    ],
)
def test_a_strike_that_ends_is_good_news(tracker: Tracker, text: str, ticker: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == "positive", text


def test_the_headline_settling_its_event_is_not_turned_around_by_the_story_so_far(tracker: Tracker) -> None:
    article = Article(
        title="포드 노조, 새 협약안 받아들였다…5주 파업 마침표",
        paragraphs=[
            "포드 노조가 회사의 새 임금 협약안을 받아들이면서 5주 넘게 이어진 파업이 끝났다.",
            "포드는 파업으로 약 17억달러의 손실을 입은 것으로 추산된다.",
        ],
        language="ko",
    )
    assert shown(tracker.track(article)).get("F") == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "펩시코, 53년 연속 배당 인상…분기 배당 1.42달러",
        "마이크로소프트, 분기 배당 0.83달러…자사주 매입도 계획대로",
        "아마존, 프랑스서 과징금 80만유로…배송 표시 규정 위반",
        "Northrop Grumman awarded $2 billion B-21 contract modification",
        "엔비디아 호실적에 삼성전자·SK하이닉스 '동반 신고가'",
        "테슬라 급등에 국내 2차전지株도 들썩…에코프로비엠 강세",
    ],
)
def test_routine_news_and_the_korean_session_make_no_shown_pick(tracker: Tracker, text: str) -> None:
    assert not shown(tracker.track(headline(text))), text


def test_a_contract_award_is_no_damages_award(tracker: Tracker) -> None:
    for pick in tracker.track(headline("General Dynamics awarded $3 billion Navy submarine contract")).picks:
        assert "damages" not in pick.rationale_en, pick.rationale_en
