"""Session 11 rules (issue 9; texts written here): an outage blamed on another company's faulty software
is that company's news, not the platform's it broke; a Korean house's call written with the short form
of 증권 ("證") is as local as one written in full."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import en, ko, shown


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
