"""Index changes, movers listed with their sizes, withdrawn outlooks and names that need their
context (issue 9; texts written here, after misses on the written blind set): a company joining the
S&P 500 is its subject (a broker too), one leaving it moves down, an index provider or a Korean ETF
listing what it holds is no such news; "엔비디아 4%·브로드컴 5%↓" is one list with one move; an
outlook pulled is bad news; and "Delta", "Carnival", "마벨", "머크" link when the sentence is about
airlines, cruises, chips or drug makers."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import headline, picks, shown


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("인터랙티브브로커스·데이터독, S&P500 입성…시간외 6%대 급등", {"IBKR": "positive", "DDOG": "positive"}),
        ("S&P500에 데이터독·워크데이 편입…다음 달 22일부터 적용", {"DDOG": "positive", "WDAY": "positive"}),
        ("DoorDash, Datadog to join S&P 500; Hess, Walgreens to be removed", {"DASH": "positive", "DDOG": "positive"}),
        ("美 반도체주 급락…'AI 거품론'에 엔비디아 5%·AMD 6%↓", {"NVDA": "negative", "AMD": "negative"}),
        ("금리 급등에 주택건설주 약세…닥터호턴·레나 4%대 급락", {"DHI": "negative", "LEN": "negative"}),
        ("'AI 거품' 공포…엔비디아·마벨 6%대 동반 급락", {"NVDA": "negative", "MRVL": "negative"}),
        ("트럼프, 의약품 관세 예고…화이자 3%↓·머크 2%↓ 제약주 약세", {"PFE": "negative", "MRK": "negative"}),
        ("Delta lifts full-year profit outlook on strong premium bookings", {"DAL": "positive"}),
        ("Carnival raises annual forecast as record bookings roll in", {"CCL": "positive"}),
        ("FedEx pulls full-year guidance, citing weak freight demand", {"FDX": "negative"}),
    ],
)
def test_index_changes_listed_movers_and_outlooks_are_shown(tracker: Tracker, text: str, moves: dict[str, str]) -> None:
    found = shown(tracker.track(headline(text)))
    assert {t: found.get(t) for t in moves} == moves, text


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("한화에어로·HD현대, MSCI 지수 신규 편입…패시브 자금 유입 기대", "MSCI"),
        ("미래에셋, '美 빅테크 TOP5' ETF 상장…애플·MS·엔비디아 편입", "AAPL"),
        ("버크셔, 2분기 셔윈윌리엄스 신규 편입…애플 비중은 축소", "BRK.B"),
    ],
)
def test_index_providers_etf_holdings_and_buyers_are_not_joining(tracker: Tracker, text: str, ticker: str) -> None:
    assert shown(tracker.track(headline(text))).get(ticker) != "positive", text


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ('유나이티드항공, 유가 급등에 3분기 EPS 가이던스 하향…"연료비 부담"', {"UAL": "negative"}),
        ("Micron slides 6% after memory maker's forecast disappoints", {"MU": "negative"}),
        ("美 지역은행發 신용 공포…리전스 6%·키코프 5% 급락", {"RF": "negative", "KEY": "negative"}),
        ("Moody's puts Citizens and Huntington on review for downgrade over office loans", {"CFG": "negative"}),
        ("허리케인 북상에 제너럭 8% 급등", {"GNRC": "positive"}),
        ("카니발·노르웨이지안, 카리브해 노선 취소에 나란히 4%대↓", {"CCL": "negative"}),
    ],
)
def test_outlooks_and_names_in_their_context(tracker: Tracker, text: str, moves: dict[str, str]) -> None:
    found = shown(tracker.track(headline(text)))
    assert {t: found.get(t) for t in moves} == moves, text


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("Mondelez, Hershey clear U.S. antitrust review; deal expected to close next month", {"HSY": "positive"}),
        ("디어, 농기계 수요 회복 시점 2028년으로 늦춰", {"DE": "negative"}),
        ("다든, 올리브가든 동일점포 매출 4%↑…연간 가이던스 상향", {"DRI": "positive"}),
        ("Delta raises second-quarter revenue outlook on strong premium demand", {"DAL": "positive"}),
    ],
)
def test_a_review_cleared_a_recovery_put_off_and_names_in_context(
    tracker: Tracker, text: str, moves: dict[str, str]
) -> None:
    found = picks(tracker.track(headline(text)))
    assert {t: found.get(t) for t in moves} == moves, text
