"""More named movers and events (issue 9; texts written here, after faults found on the written
blind set): a list that goes on with names the tracker does not know, a rally, a stock split, an
arbitration won, a licence requirement, the first company a headline names and the move a later
story reports for it, and a name the tracker does not know that moved after the news."""

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
        ("美 허리케인 상륙 임박…처브 6%↓, 올스테이트·하트퍼드도 약세", "ALL", "negative"),
        ("[간밤 해외증시] 마이크론, HBM 완판에 12%↑…AMD·마벨도 동반 랠리", "AMD", "positive"),
        ("엔비디아, 10대1 액면분할 결정…'개인투자자 문턱 낮춘다'", "NVDA", "positive"),
        ("엑손모빌, 셰브런과 가이아나 광구 중재서 승리", "XOM", "positive"),
        ("美, AMD MI308 대중 수출에 허가제…AMD '8억달러 비용 반영'", "AMD", "negative"),
        ("행동주의 펀드 공세에 또 흔들린 펩시코…'경영진 교체' 요구에 6%↓", "PEP", "negative"),
    ],
)
def test_named_movers_and_their_events(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert picks(tracker.track(headline(text))).get(ticker) == direction, text


def test_another_names_move_after_the_news_is_not_the_first_companys(tracker: Tracker) -> None:
    report = tracker.track(headline("애플 폴더블 아이폰 기대에…비에이치 9%↑"))
    assert not [p for p in report.picks if p.ticker == "AAPL" and not p.low_confidence], report.picks
