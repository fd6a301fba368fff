"""Named movers and traded prices (issue 9, found on the written blind set; texts written here):
a company reported with its own share move is the subject of that move, wherever it stands and
whatever the cause clause says; a price binds to its move past time and size words; a small or
conceded move is no news of the price; the stronger agreeing reason carries a pick."""

from __future__ import annotations

import pytest

from newsimpact.tracker import Tracker

from .texts import en, ko, picks


@pytest.fixture(scope="module")
def tracker(shipped_tracker: Tracker) -> Tracker:
    return shipped_tracker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[뉴욕증시] 애플 3% 하락·엔비디아 4%↑…나스닥 혼조", {"AAPL": "negative", "NVDA": "positive"}),
        ("中 희토류 수출 중단 경고…美 방산주 약세, 록히드마틴·노스롭 3%↓", {"LMT": "negative", "NOC": "negative"}),
        ("美 반도체 장비 對中 수출 추가 제한…어플라이드·램리서치 5%대 급락", {"AMAT": "negative", "LRCX": "negative"}),
    ],
)
def test_a_korean_headline_mover_is_the_subject_of_its_move(
    tracker: Tracker, text: str, expected: dict[str, str]
) -> None:
    found = picks(tracker.track(ko(text)))
    for ticker, direction in expected.items():
        assert found.get(ticker) == direction, (ticker, found)


def test_an_english_mover_takes_its_own_verb_not_the_cause_clause(tracker: Tracker) -> None:
    found = picks(tracker.track(en("Home Depot and Lowe's rise as a winter storm knocks out power across Texas")))
    assert found.get("HD") == "positive" and found.get("LOW") == "positive", found
    assert picks(tracker.track(en("Allstate off 3% as hurricane losses mount"))).get("ALL") == "negative"


def test_a_body_mover_with_its_size_is_picked_in_its_own_direction(tracker: Tracker) -> None:
    article = ko(
        "美 국채금리 급락에 뉴욕증시 상승",
        "미국 10년물 국채금리가 하루 새 15bp 급락하면서 뉴욕증시가 일제히 올랐다.",
        "금리 급락에 레나가 4.6% 올랐고, 유나이티드헬스는 조사 확대 보도에 3.9% 떨어졌다.",
        "화이자(-2.4%)도 약세를 보였다.",
    )
    found = picks(tracker.track(article))
    assert found.get("LEN") == "positive", found
    assert found.get("UNH") == "negative", found
    assert found.get("PFE") == "negative", found


@pytest.mark.parametrize(
    ("text", "ticker", "direction"),
    [
        ("금값 일주일 새 6% 급락…차익실현 매물 쏟아져", "NEM", "negative"),
        ("구리값 t당 1만달러 돌파…남미 광산 파업 장기화", "FCX", "positive"),
        ("탄산리튬 가격 석 달 만에 25% 반등", "ALB", "positive"),
        ("OPEC+ 추가 감산 합의…WTI 7%대 급등", "XOM", "positive"),
        ("유가 5% 급락…美 원유 재고 급증", "XOM", "negative"),
        ("Oil slumps 6% as OPEC+ agrees to pump more", "XOM", "negative"),
    ],
)
def test_a_price_binds_past_time_and_size_words(tracker: Tracker, text: str, ticker: str, direction: str) -> None:
    assert picks(tracker.track(ko(text) if not text.isascii() else en(text))).get(ticker) == direction


@pytest.mark.parametrize(
    "text",
    [
        "국제유가 소폭 상승…WTI 0.4%↑",
        "Oil edges up 0.3% ahead of inventory data",
        "OPEC+ 감산 합의에도 유가 반등은 '글쎄'",
        "OPEC+ 감산 역부족…유가 향방은 美 재고에 달려",
        "우유가 비싸졌다…유업계 가격 인상 잇따라",
    ],
)
def test_a_small_conceded_or_false_oil_move_is_no_oil_pick(tracker: Tracker, text: str) -> None:
    found = picks(tracker.track(ko(text) if not text.isascii() else en(text)))
    assert "XOM" not in found and "CVX" not in found, found


def test_a_short_later_story_takes_the_headline_event(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("메디케어 약가 인하 대상 확대…암젠·애브비 '직격탄'")))
    assert found.get("ABBV") == "negative", found


def test_a_supplier_headline_does_not_give_the_customer_its_earnings(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("한솔테크, 2분기 실적 성장…테슬라 납품 가능성 긍정적-OO證")))
    assert "TSLA" not in found, found


def test_the_stronger_agreeing_reason_carries_the_pick(tracker: Tracker) -> None:
    # Memory prices are Micron's own price driver: stronger than a relation through a Korean peer.
    found = tracker.track(ko("D램 고정거래가격 한 달 새 15% 급등…SK하이닉스 사상 최고가"))
    micron = [p for p in found.picks if p.ticker == "MU"]
    assert micron and micron[0].direction == "positive" and micron[0].path == "theme", found.picks


def test_sentences_do_not_end_at_initials(tracker: Tracker) -> None:
    found = picks(tracker.track(en("Freight rates slide for a fifth week; J.B. Hunt, Knight-Swift fall")))
    assert found.get("JBHT") == "negative", found


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("GM, 후방카메라 결함으로 SUV 8천대 리콜…무상 수리", "GM"),  # a small recall
        ("국제유가, 장중 4% 급등 뒤 상승분 모두 반납", "XOM"),  # a spike given back
        ("HD현대중공업, 헌팅턴잉걸스 제치고 美 해군 급유함 정비 1척 수주", "HII"),  # one small tender lost
    ],
)
def test_immaterial_or_undone_events_are_not_shown(tracker: Tracker, text: str, ticker: str) -> None:
    assert ticker not in picks(tracker.track(ko(text)), shown_only=True)


def test_a_company_in_the_topics_quote_is_not_the_news(tracker: Tracker) -> None:
    found = picks(tracker.track(ko('브로드컴, AI 네트워크 칩 첫 출하…"엔비디아 의존 줄인다" 6%↑')))
    assert found.get("AVGO") == "positive" and "NVDA" not in found, found


def test_a_headline_about_a_market_abroad_reads_like_a_korean_wrap(tracker: Tracker) -> None:
    # The US company it cites moved it (or moved the day before): kept, under the display threshold.
    visit = tracker.track(en("KOSPI closes at a record high as Nvidia's chief executive visits Seoul chipmakers"))
    assert all(p.low_confidence for p in visit.picks if p.ticker == "NVDA"), visit.picks
    results = tracker.track(en("KOSPI jumps 2% as Nvidia reports record quarterly revenue"))
    nvidia = [p for p in results.picks if p.ticker == "NVDA"]
    assert nvidia and nvidia[0].direction == "positive" and nvidia[0].low_confidence, results.picks


def test_a_word_inside_another_word_is_no_cue(tracker: Tracker) -> None:
    # 비관 (pessimism) sits inside 약제비관리 (pharmacy benefit management).
    found = picks(tracker.track(ko("CVS헬스, 약제비관리 계약 잇따라 따내…주가 4% 상승")))
    assert found.get("CVS") == "positive", found


def test_a_rival_passed_in_a_ranking_is_never_shown(tracker: Tracker) -> None:
    report = tracker.track(ko("기아, 2분기 美 하이브리드 판매 포드 제치고 3위"))
    assert all(p.low_confidence for p in report.picks if p.ticker == "F"), report.picks


def test_a_deal_held_up_is_bad_news_for_the_target(tracker: Tracker) -> None:
    held = tracker.track(ko("유니언퍼시픽의 노퍽서던 인수, 美 STB 심사 60일 추가 연장"))
    assert {p.ticker: p.direction for p in held.picks}.get("NSC") == "negative", held.picks


def test_a_rivals_qualification_win_is_a_share_loss_for_micron(tracker: Tracker) -> None:
    found = tracker.track(ko("SK하이닉스, 엔비디아 HBM4 퀄테스트 통과…내년 초 공급 시작"))
    micron = [p for p in found.picks if p.ticker == "MU"]
    assert micron and micron[0].direction == "negative", found.picks
    assert "NVDA" not in {p.ticker for p in found.picks}  # the customer whose test it was
