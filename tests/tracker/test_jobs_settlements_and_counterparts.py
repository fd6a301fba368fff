"""Job cuts, settlements, routine recalls and dividends, and companies on the other side of the news
(issue 9; texts written here, after faults found on the written blind set): job cuts alone say no
direction; a settlement closes a case; a recall fixed by software and a dividend raised by a cent are
routine; a bank's macro forecast, a customer after "sales to" / "demand from", the other side of a
dispute, a system another's fault crashed and a market value overtaken are not the news; a US stock's
overnight move told as the cause of Korean stocks' move is already in its price."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import headline, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Morgan Stanley lifts odds of a US recession to 35% as tariffs bite", "MS"),
        ("Samsung posts record chip profit on strong memory sales to Apple", "AAPL"),
        ("LG Energy Solution lands cathode order, citing rising demand from General Motors", "GM"),
        ("Chevron wraps up Hess purchase after winning arbitration fight with Exxon", "XOM"),
        ("Faulty patch from CrowdStrike crashes Microsoft servers at airlines and banks", "MSFT"),
        ("한화에어로스페이스 시총, 노스롭그러먼 첫 추월…'K방산 위상'", "NOC"),
    ],
)
def test_the_other_side_of_the_news_is_not_shown(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text))), text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Oracle to cut about 3,000 jobs in its health unit", "ORCL"),
        ("구글, 클라우드 부문 1천여명 해고…조직 재편", "GOOGL"),
        ("GM recalls 220,000 pickups over instrument panel software glitch", "GM"),
        ("PepsiCo raises quarterly dividend by a cent", "PEP"),
        ("메타, 美 FTC 개인정보 소송 50억달러에 합의", "META"),
        ("간밤 엔비디아 7% 급등에…국내 반도체株 동반 강세", "NVDA"),
    ],
)
def test_routine_or_priced_events_are_not_shown(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in shown(tracker.track(headline(text))), text


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("Intel to cut 20% of workforce as losses deepen; shares sink 9%", "INTC", "negative"),
        ("디즈니, 7천명 감원…비용 절감 기대에 주가 4%↑", "DIS", "positive"),
        ("Ford recalls 1.9 million SUVs over engine fire risk, books $900 million charge", "F", "negative"),
        ("3M agrees to settle water claims with states; shares jump 6%", "MMM", "positive"),
        ("엔비디아 7% 급등…국내 반도체株도 동반 강세", "NVDA", "positive"),
    ],
)
def test_the_reason_or_the_move_still_decides(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) == direction, text


def test_a_rising_cds_premium_is_bad_news_for_the_borrower(tracker: Tracker) -> None:
    """ "CDS 프리미엄 급등" is the price of insuring its debt rising, not its shares."""
    text = "오라클, 200억달러 회사채 발행 추진에 CDS 프리미엄 급등"
    assert picks(tracker.track(headline(text))).get("ORCL") == "negative", text


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("홈디포는 '신고가' 로우스는 '9% 급락'…美 건자재 희비", {"HD": "positive", "LOW": "negative"}),
        ("코스트코는 '강세' 달러트리는 '12% 폭락'…할인점 희비", {"COST": "positive", "DLTR": "negative"}),
    ],
)
def test_two_subjects_in_one_story_each_have_their_own_quoted_move(
    tracker: Tracker, text: str, moves: dict[str, str]
) -> None:
    """The second subject's sized move is not the first one's, and a quoted move word is still a move."""
    found = picks(tracker.track(headline(text)))
    assert {t: found.get(t) for t in moves} == moves, text
