"""Companies that only describe another, refusals, side notes and the Korean session (issue 9; texts
written here, after faults found on the written blind set): "X partner Y", "X spinoff Y", a company
an index addition replaces, a rival beaten ("after beating X"), a company named as the report behind
another's move ("on report X …"), a court refusing to order a sale, a dividend as a side note after
weak results, and Korean stocks that fell on foreign selling after a US company's results."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import headline, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Apple supplier partner Foxconn posts record quarterly revenue; shares jump 6%", "AAPL"),
        ("Honeywell spinoff Solstice raises outlook on refrigerant demand; shares jump", "HON"),
        ("Robinhood to join S&P 500, replacing Caesars Entertainment; shares rise after hours", "CZR"),
        ("Chevron wins Guyana arbitration after beating Exxon; shares rise", "XOM"),
        ("AMD jumps 7% on report Microsoft is testing its MI450 chips", "MSFT"),
        ("엔비디아 호실적 하루 뒤…삼성전자·SK하이닉스는 외국인 매도에 '약세'", "NVDA"),
    ],
)
def test_a_company_that_only_describes_or_causes_another_is_not_shown(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text))), text


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ('美 법원, 메타 인스타그램 강제매각 명령 거부…"행위 규제로 충분"', "META", "positive"),
        ("맥도날드, 동일매장 매출 2% 감소·올해 EPS 전망도 하회…배당은 1.8% 인상", "MCD", "negative"),
    ],
)
def test_refusals_and_side_notes(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == direction, text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Union Pacific conductors extend strike into third week", "UNP"),
        ("Morgan Stanley downgrades Nike to equal-weight", "NKE"),
    ],
)
def test_english_decisive_phrases_start_at_a_word(tracker: Tracker, text: str, ticker: str) -> None:
    """ "extend strike" holds no "end strike", "downgrades" no "upgrades"."""
    assert shown(tracker.track(headline(text))).get(ticker) != "positive", text


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("씨티그룹, 5년 만에 '동의명령' 족쇄 풀었다…연준 제재 해제", "C", "positive"),
        ("Morgan Stanley lifts year-end S&P 500 target to 7,200", "MS", None),
        ('"애플 대항마" 낫싱, 美 출시 첫날 완판', "AAPL", None),
        ("일라이릴리 비만약 FDA 승인…노보노디스크 7% 급락", "LLY", "positive"),
    ],
)
def test_sanctions_lifted_sources_and_comparisons(
    tracker: Tracker, text: str, ticker: str, direction: str | None
) -> None:
    found = {p.ticker: p.direction for p in tracker.track(headline(text)).picks}
    assert found.get(ticker) == direction, (text, found)
