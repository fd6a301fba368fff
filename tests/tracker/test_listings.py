"""A company not yet trading on an article's day (a later spin-off) gets no read-across pick from it; the
listing days come from knowledge/data/listings.csv (texts written here)."""

from __future__ import annotations

from datetime import datetime

from newsimpact.article import Article
from newsimpact.knowledge import load_knowledge
from newsimpact.tracker import Tracker

_HEADLINE = "SK하이닉스, 낸드 가격 상승에 3분기 영업익 '깜짝'"
_BODY = (
    "SK하이닉스가 낸드플래시 가격 상승에 힘입어 시장 예상을 웃도는 3분기 영업이익을 냈다. 낸드 부문이 흑자로 돌아섰다."
)


def _picked(tracker: Tracker, day: str) -> set[str]:
    article = Article(
        title=_HEADLINE,
        paragraphs=[_BODY],
        language="ko",
        published=datetime.fromisoformat(day + "T09:00:00+09:00"),
    )
    return {p.ticker for p in tracker.track(article).picks}


def test_a_company_spun_off_later_gets_no_read_across(shipped_tracker: Tracker) -> None:
    assert "SNDK" not in _picked(shipped_tracker, "2020-10-20")


def test_once_listed_it_does(shipped_tracker: Tracker) -> None:
    assert "SNDK" in _picked(shipped_tracker, "2026-03-10")


def test_listing_days_name_known_companies() -> None:
    kb = load_knowledge()
    assert kb.listed_since, "listings.csv is empty"
    unknown = sorted(set(kb.listed_since) - set(kb.companies))
    assert not unknown, f"listings.csv names companies outside the universe: {unknown}"
    assert kb.listed_since["GEV"].isoformat() == "2024-04-01"


def _named(tracker: Tracker, headline: str, day: str) -> set[str]:
    article = Article(
        title="", paragraphs=[headline], language="ko", published=datetime.fromisoformat(day + "T09:00:00+09:00")
    )
    return {p.ticker for p in tracker.track(article).picks}


def test_a_company_named_before_it_trades_gets_no_pick(shipped_tracker: Tracker) -> None:
    # GE Vernova's shares began trading in April 2024: a 2022 story names a business, not a stock.
    assert "GEV" not in _named(shipped_tracker, "GE버노바, 가스터빈 수주 두 배…주가 8% 급등", "2022-05-10")


def test_named_once_it_trades_it_does(shipped_tracker: Tracker) -> None:
    assert "GEV" in _named(shipped_tracker, "GE버노바, 가스터빈 수주 두 배…주가 8% 급등", "2025-05-10")
