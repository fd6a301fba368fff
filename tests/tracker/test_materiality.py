"""Materiality, pure plays and sub-topics through the shipped knowledge base (texts written here):
a small fine scores under a large one; a pure-play exposure of a price theme scores above a
read-across one and above the display threshold, except in a broker's note on a Korean company."""

from __future__ import annotations

import pytest

from newsimpact.article import Article
from newsimpact.knowledge import load_knowledge
from newsimpact.tracker import Tracker, TrackerReport


@pytest.fixture(scope="module")
def tracker() -> Tracker:
    return Tracker(load_knowledge())


def scores(report: TrackerReport) -> dict[str, float]:
    return {p.ticker: p.score for p in report.picks}


def bare(text: str) -> Article:
    """A headline alone, as headline feeds give it: one paragraph, no title."""
    return Article(title="", paragraphs=[text], language="ko")


def test_a_small_fine_weighs_less_than_a_large_one(tracker: Tracker) -> None:
    small = scores(tracker.track(Article(title="디즈니, 미국서 과징금 120억원 확정", paragraphs=[], language="ko")))
    large = scores(tracker.track(Article(title="디즈니, 미국서 과징금 4조원 확정", paragraphs=[], language="ko")))
    assert "DIS" in large
    assert small.get("DIS", 0.0) < large["DIS"]


def test_a_pure_play_outranks_a_read_across_and_is_shown(tracker: Tracker) -> None:
    report = tracker.track(bare("비트코인 가격 급등…하루 만에 9% 올라"))
    by_ticker = {p.ticker: p for p in report.picks}
    assert "COIN" in by_ticker
    coin = by_ticker["COIN"]
    assert not coin.low_confidence
    others = [p for p in report.picks if p.ticker != "COIN"]
    assert all(p.score < coin.score and p.low_confidence for p in others)


def test_a_brokers_note_on_a_korean_company_gives_no_pure_play_weight(tracker: Tracker) -> None:
    market = scores(tracker.track(bare("국제유가 급등…WTI 배럴당 90달러 돌파")))
    note = scores(tracker.track(bare("한국정유, 유가 급등에 정제마진 개선 수혜-한빛證")))
    assert market.get("XOM", 0.0) > note.get("XOM", 0.0)
    assert note.get("XOM", 0.0) < 0.6


def test_the_origin_of_news_felt_by_others_is_kept_but_tentative(tracker: Tracker) -> None:
    origin = {p.ticker: p for p in tracker.track(bare("[특징주] 반도체株, 마이크론發 훈풍에 강세")).picks}
    own = {p.ticker: p for p in tracker.track(bare("마이크론, 분기 실적 호조에 주가 급등")).picks}
    assert origin["MU"].direction == "positive" and origin["MU"].low_confidence
    assert not own["MU"].low_confidence and own["MU"].score > origin["MU"].score


def test_a_theme_picks_the_exposures_of_the_sub_topic_it_names(tracker: Tracker) -> None:
    tools = {(p.ticker, p.direction) for p in tracker.track(bare("미국, 대중국 반도체 장비 수출통제 강화")).picks}
    chips = {
        (p.ticker, p.direction) for p in tracker.track(bare("미국, 대중 반도체 수출통제 강화…AI 칩 판매 금지")).picks
    }
    assert ("AMAT", "negative") in tools and not {t for t, _ in tools} & {"NVDA", "AMD"}
    assert ("NVDA", "negative") in chips and not {t for t, _ in chips} & {"AMAT", "LRCX", "KLAC"}
