"""What a headline leads with and the moves it reports (issue 9; texts written here, after faults
found on the written blind set): a desk tag before the first name, a later story that goes on about
the name the headline opens with, movers named together ("동반 약세"), a takeover priced before its
verb, approvals held back, grounded fleets, runs over a period, and an English clause after a
semicolon."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import headline, picks


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("[종합] 나이키 CEO 전격 교체·연간 가이던스 철회…주가 12%↓", "NKE", "negative"),
        ('인텔 "파운드리 고객 3곳 확보"…시간외 11%↑', "INTC", "positive"),
        ("관세 부과 경고에…GM·포드 동반 약세", "GM", "negative"),
        ("관세 부과 경고에…GM·포드 동반 약세", "F", "negative"),
        ("[속보] 화이자, 바이오젠 400억달러에 인수", "BIIB", "positive"),
        ("美 FDA, 화이자 RSV 백신 허가 보류", "PFE", "negative"),
        ("'시스템 장애' 유나이티드항공, 결항 이틀째", "UAL", "negative"),
    ],
)
def test_the_move_or_event_of_the_name_a_headline_leads_with(
    tracker: Tracker, text: str, ticker: str, direction: str
) -> None:
    assert picks(tracker.track(headline(text))).get(ticker) == direction, text


def test_a_grounded_fleet_is_no_small_recall(tracker: Tracker) -> None:
    found = picks(tracker.track(headline("보잉 787 기체 결함 우려…美 FAA 150대 운항 중지 명령")), shown_only=True)
    assert found.get("BA") == "negative", found


def test_another_names_move_after_the_news_is_not_the_openers(tracker: Tracker) -> None:
    report = tracker.track(headline("[특징주] 애플 폴더블폰 공개 소식에 한빛디스플레이 강세"))
    assert "AAPL" not in picks(report, shown_only=True), report.picks


@pytest.mark.parametrize("text", ["엔비디아 담았더니…올 들어 70% 급등", "테슬라, 올해 들어 주가 두 배로"])
def test_a_run_over_a_period_is_not_the_days_news(tracker: Tracker, text: str) -> None:
    assert not picks(tracker.track(headline(text)), shown_only=True), text


def test_an_english_clause_after_a_semicolon_is_another_companys_news(tracker: Tracker) -> None:
    found = picks(
        tracker.track(
            headline("Kenvue slashes its annual outlook on weak cold-season sales; Procter & Gamble shares rise")
        )
    )
    assert found.get("PG") != "negative", found
