"""Rules that bring back right picks the frame rewrite dropped (texts written here): the subject
carried into the next sentence, a bracketed alias after a name, a price theme bound through its
benchmark's price words, an industry's own measure, a quoted forecast the lead reports; and the
CLI text output keeping low-confidence picks apart."""

from __future__ import annotations

import pytest
from rich.console import Console

from newsimpact.article import Article
from newsimpact.knowledge import load_knowledge
from newsimpact.output import render_tracker
from newsimpact.tracker import Tracker, TrackerReport


@pytest.fixture(scope="module")
def tracker() -> Tracker:
    return Tracker(load_knowledge())


def picks(report: TrackerReport) -> dict[str, tuple[str, bool]]:
    return {p.ticker: (p.direction, p.low_confidence) for p in report.picks}


def ko(title: str, *paragraphs: str) -> Article:
    return Article(title=title, paragraphs=list(paragraphs), language="ko")


_LEAD = "북미 전기차 판매가 줄면서 완성차 업체들이 계획을 고치고 있다."


def test_a_connective_carries_the_subject_into_the_next_sentence(tracker: Tracker) -> None:
    carried = ko(
        "북미 완성차 업계, 전기차 계획 손질",
        _LEAD,
        "제너럴모터스(GM)는 전기차 전환 목표를 사실상 접었다. 또 전기차 사업 축소로 약 20억달러의 손상차손을 "
        "2분기에 반영했다. GM은 대형 SUV 생산을 늘릴 계획이다.",
    )
    assert picks(tracker.track(carried)).get("GM", ("", False))[0] == "negative"


def test_a_sentence_with_its_own_subject_is_not_carried(tracker: Tracker) -> None:
    other = ko(
        "북미 완성차 업계, 전기차 계획 손질",
        _LEAD,
        "제너럴모터스(GM)는 전기차 전환 목표를 사실상 접었다. 업계에서는 전기차 사업 축소로 약 20억달러의 "
        "손상차손이 불가피하다는 관측이 나온다. GM은 대형 SUV 생산을 늘릴 계획이다.",
    )
    assert picks(tracker.track(other)).get("GM", ("", False))[0] != "negative"


def test_the_company_carries_the_subject_in_english(tracker: Tracker) -> None:
    said = "General Motors dropped its all-electric target."
    carried = Article(
        title="Carmakers rethink EV plans",
        paragraphs=[f"{said} The company booked a $1.6 billion impairment on its EV unit."],
        language="en",
    )
    not_it = Article(
        title="Carmakers rethink EV plans",
        paragraphs=[f"{said} Italy booked a $1.6 billion impairment on its EV unit."],
        language="en",
    )
    assert picks(tracker.track(carried))["GM"] == ("negative", False)
    # "Italy" is not "It": no carried impairment, so the score stays lower.
    plain = {p.ticker: p.score for p in tracker.track(not_it).picks}
    strong = {p.ticker: p.score for p in tracker.track(carried).picks}
    assert plain.get("GM", 0.0) < strong["GM"]


def test_a_bracketed_alias_after_the_name_keeps_it_the_subject(tracker: Tracker) -> None:
    article = ko(
        "북미 완성차 업계 품질 비상",
        "미국 2위 완성차 업체인 포드자동차(F)는 변속기 결함으로 미국에서 120만대를 리콜한다고 밝혔다.",
        "업계는 비용이 수억달러에 이를 것으로 본다.",
    )
    assert picks(tracker.track(article)).get("F", ("", False))[0] == "negative"


def test_a_memory_benchmark_price_binds_through_its_price_words(tracker: Tracker) -> None:
    report = picks(
        tracker.track(ko("D램 고정거래가격 한 달 새 18% 급등…PC 업체 원가 부담", "PC용 D램 값이 석 달째 올랐다."))
    )
    assert report["MU"] == ("positive", False)  # the pure play moves with its price, shown
    assert all(low for t, (_, low) in report.items() if t != "MU")  # read-across stays tentative


def test_demand_is_not_the_price_of_a_price_theme(tracker: Tracker) -> None:
    report = picks(tracker.track(Article(title="", paragraphs=["하반기 D램 수요 증가 기대"], language="ko")))
    assert "HPQ" not in report and "AAPL" not in report


def test_an_industry_measure_binds_and_a_quoted_forecast_needs_the_lead(tracker: Tracker) -> None:
    confirmed = ko(
        '장비협회 "내년 반도체 장비 매출 사상 최대"',
        "국제 장비협회는 내년 전 세계 반도체 장비 매출이 1400억달러로 사상 최대를 기록할 것으로 내다봤다.",
    )
    alone = ko('장비협회 "내년 반도체 장비 매출 사상 최대"', "협회는 이날 서울에서 연례 행사를 열었다.")
    assert picks(tracker.track(confirmed)).get("AMAT", ("", False))[0] == "positive"
    assert "AMAT" not in picks(tracker.track(alone))


def test_text_output_puts_low_confidence_picks_apart(tracker: Tracker) -> None:
    report = tracker.track(ko("D램 고정거래가격 한 달 새 18% 급등…PC 업체 원가 부담", "PC용 D램 값이 석 달째 올랐다."))
    assert any(p.low_confidence for p in report.picks) and any(not p.low_confidence for p in report.picks)
    console = Console(record=True, width=200)
    render_tracker(report, console)
    text = console.export_text()
    assert "낮은 확신 (참고)" in text
    shown, _, tentative = text.partition("낮은 확신 (참고)")
    assert "(MU)" in shown and "(MU)" not in tentative
    assert all(f"({p.ticker})" in tentative for p in report.picks if p.low_confidence)


def test_news_told_by_its_effect_on_the_market_takes_that_direction(tracker: Tracker) -> None:
    """ "X 나비효과…코스피 하락": X's own words carry no direction; the market's fall is it. Kept, but
    tentative: the news itself is not told and the move is already priced."""
    report = tracker.track(Article(title="", paragraphs=['"애플 나비효과"…코스피 3% 하락'], language="ko"))
    aapl = {p.ticker: p for p in report.picks}["AAPL"]
    assert aapl.direction == "negative" and aapl.low_confidence
    up = tracker.track(Article(title="", paragraphs=['"애플 나비효과"…코스피 3% 상승'], language="ko"))
    assert {p.ticker: p.direction for p in up.picks}.get("AAPL") == "positive"


def test_a_one_character_move_binds_before_more_text(tracker: Tracker) -> None:
    """ "WTI 2.5%↑…": the arrow is the move even with the headline going on after it."""
    for text in ("WTI 2.5%↑…국제유가 사흘째 상승", "국제유가 사흘째 상승…정유주 강세"):
        report = tracker.track(Article(title="", paragraphs=[text], language="ko"))
        assert {p.ticker: p.direction for p in report.picks}.get("XOM") == "positive", text


def test_a_korean_only_form_of_a_price_does_not_move_the_us_names(tracker: Tracker) -> None:
    """Pump prices at Korean stations are not crude; the benchmark named beside them still counts."""
    pump = tracker.track(Article(title="", paragraphs=["국내 유가 상승세…주유소 휘발유값 4주째 올라"], language="ko"))
    crude = tracker.track(
        Article(title="", paragraphs=["WTI 배럴당 85달러로 급등…국내 주유소 기름값도 들썩"], language="ko")
    )
    assert "XOM" not in {p.ticker for p in pump.picks}
    assert {p.ticker: p.direction for p in crude.picks}.get("XOM") == "positive"


def test_a_price_moving_in_the_lead_picks_its_pure_plays_tentatively(tracker: Tracker) -> None:
    article = ko(
        "뉴욕증시, 혼조 마감",
        "간밤 뉴욕증시는 혼조세로 마감했다. 국제유가가 4% 급등하며 에너지주가 강세를 보였다.",
        "기술주는 약세였다. 투자자들은 다음 주 물가 지표를 기다리고 있다.",
        "다우지수는 0.2% 올랐고 나스닥지수는 0.5% 내렸다.",
    )
    report = {p.ticker: p for p in tracker.track(article).picks}
    assert report["XOM"].direction == "positive" and report["XOM"].low_confidence
    assert "DAL" not in report  # only the pure plays from the lead, not the read-across


def test_a_korean_rivals_hbm_share_gain_is_a_tentative_loss_for_micron(tracker: Tracker) -> None:
    share = ko(
        "SK하이닉스 HBM, 빅테크 성능 평가서 1위",
        "SK하이닉스의 HBM4가 미국 빅테크의 AI 칩 성능 평가에서 메모리 3사 중 가장 빠른 속도를 기록했다. "
        "SK하이닉스는 이번 성과로 HBM 시장 점유율 확대에 속도를 내게 됐다.",
        "업계는 내년 HBM 공급 물량이 크게 늘 것으로 본다.",
    )
    mu = {p.ticker: p for p in tracker.track(share).picks}["MU"]
    assert mu.direction == "negative" and mu.low_confidence and mu.path == "relation"


def test_what_a_rating_is_about_is_its_subject(tracker: Tracker) -> None:
    report = tracker.track(Article(title="", paragraphs=["애널리스트, 아마존에 대해 목표주가 상향"], language="ko"))
    assert {p.ticker: p.direction for p in report.picks}.get("AMZN") == "positive"


def test_a_typed_event_beside_stronger_mood_words_stays_tentative(tracker: Tracker) -> None:
    """The rating is the typed event; the growth talk beside it carries more of the direction, so the
    pick is kept (the event types it) but under the display threshold."""
    article = ko(
        "월가가 꼽은 내년 미국 유망주",
        "미국 대형 증권사들이 내년 유망 종목을 내놨다.",
        "한 증권사 애널리스트는 아마존에 대해 목표주가를 300달러로 상향했다.",
        "아마존이 배송 사업을 공격적으로 확장하며 상승세를 이어갈 것이라고 봤다. 아마존은 클라우드에서도 성장세가 가파르다.",
    )
    amzn = {p.ticker: p for p in tracker.track(article).picks}["AMZN"]
    assert amzn.direction == "positive" and amzn.low_confidence and amzn.event == "rating"


def test_a_name_opening_the_headlines_second_story_is_its_subject_at_a_discount(tracker: Tracker) -> None:
    def bare(text: str) -> dict[str, tuple[str, bool]]:
        return picks(tracker.track(Article(title="", paragraphs=[text], language="ko")))

    assert bare("한국배터리 급락…GM 볼트 리콜 비용 분담 우려").get("GM", ("", False))[0] == "negative"
    # A cause told second ("애플 협력 기대에 부품주 강세") is kept only as a tentative pick.
    assert all(low for _, low in bare("코스피 상승…애플 협력 기대에 부품주 강세").values())


def test_what_makes_the_headlines_story_immaterial_holds_for_its_body(tracker: Tracker) -> None:
    body = "알파벳은 3분기 매출이 전년보다 16% 늘며 호실적을 냈다고 발표했다."
    flows = tracker.track(ko("서학개미 한 달 순매수 1위 알파벳", body))
    news = tracker.track(ko("알파벳 3분기 실적 발표", body))
    flow_score = {p.ticker: p.score for p in flows.picks}.get("GOOGL", 0.0)
    assert flow_score < {p.ticker: p.score for p in news.picks}["GOOGL"]


def test_a_bill_passing_its_chamber_and_a_price_at_its_high_are_moves(tracker: Tracker) -> None:
    def bare(text: str) -> dict[str, tuple[str, bool]]:
        return picks(tracker.track(Article(title="", paragraphs=[text], language="ko")))

    assert bare("美 인프라 법안 하원 통과…도로·교량에 1조달러").get("VMC", ("", False))[0] == "positive"
    assert bare("국제 금값 최고…안전자산 수요 몰려").get("NEM", ("", False))[0] == "positive"


def test_a_connective_bringing_in_another_actor_does_not_carry(tracker: Tracker) -> None:
    other = ko(
        "북미 완성차 업계, 전기차 계획 손질",
        _LEAD,
        "제너럴모터스(GM)는 전기차 전환 목표를 사실상 접었다. 또 다른 업체들도 약 20억달러의 손상차손을 "
        "반영했다. GM은 대형 SUV 생산을 늘릴 계획이다.",
    )
    assert picks(tracker.track(other)).get("GM", ("", False))[0] != "negative"


@pytest.mark.parametrize(
    ("title", "oil_producers"),
    [
        ("국제유가, 배럴당 100달러 넘었다가 급락", "negative"),  # a level passed on the way, then the fall
        ("국제유가 장중 하락했다가 급반등", "positive"),
        ("국제유가 급락", "negative"),
    ],
)
def test_the_move_that_stands_is_the_last_one(tracker: Tracker, title: str, oil_producers: str) -> None:
    found = picks(tracker.track(ko(title)))
    assert found.get("XOM", ("", False))[0] == oil_producers


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("천연가스 가격 더 오를까", True),
        ("유가 반등할까?", True),
        ("반도체주 반등하나", True),
        ("왜 떨어졌나", False),  # a question about a move that happened still reports it
        ("항공주 급락…코로나", False),  # a noun that ends in 나
        ("국제유가 급등", False),
    ],
)
def test_a_question_is_told_from_a_report(text: str, asks: bool) -> None:
    from newsimpact.morphology import is_question

    assert is_question(text) is asks


def test_a_question_headline_moves_no_driver(tracker: Tracker) -> None:
    assert not tracker.track(ko("국제유가 급등할까")).picks
    assert not tracker.track(ko("국제유가, 100달러 넘어 더 오를까")).picks
    asked_after_a_report = picks(tracker.track(ko("국제유가 급등…항공주 어디까지 떨어지나")))
    assert asked_after_a_report.get("XOM", ("", False))[0] == "positive"  # the first story is reported


def test_a_korean_brokers_note_on_a_korean_company_reaches_no_us_peer(tracker: Tracker) -> None:
    results = "SK하이닉스, 3분기 영업이익 사상 최대"
    assert "MU" in picks(tracker.track(ko(results)))  # the results themselves: a memory-cycle read-across
    assert not tracker.track(ko(results + "…목표가↑-한빛증권")).picks  # one broker's view of one firm


def test_a_korean_market_wrap_keeps_only_a_pure_plays_own_driver(tracker: Tracker) -> None:
    """The US moves a KOSPI report cites are a day old; the oil price itself still moves producers."""
    assert not tracker.track(ko("코스피, 美 국채금리 급등에 1% 하락 출발")).picks
    assert not tracker.track(ko("[마감시황] 코스피, 美 증시 급락 여파에 약세")).picks
    oil = picks(tracker.track(ko("코스피, 국제유가 급등에 정유주 강세")))
    assert oil.get("XOM", ("", False))[0] == "positive" and "DAL" not in oil  # airlines are no pure play
    named = tracker.track(ko("코스피, 하락 마감…애플 실적 쇼크 여파"))
    assert all(p.low_confidence for p in named.picks)  # already in the price: tentative at most


@pytest.mark.parametrize(
    "title",
    [
        "한빛전기, 변압기 수주 가이던스 상향…목표가↑-SK",
        "한빛화장품, 中 리오프닝에 매출 성장 기대-한투",
        "한빛소재, 2차전지 소재 수요 회복 전망-DB금투",
    ],
)
def test_broker_notes_signed_with_a_house_abbreviation_are_notes(tracker: Tracker, title: str) -> None:
    assert tracker._is_analyst_note(tracker_sentences(title))


def tracker_sentences(title: str):  # type: ignore[no-untyped-def]
    from newsimpact.tracker.text import article_sentences

    return article_sentences(ko(title))


def test_a_move_in_a_quoted_title_is_no_news(tracker: Tracker) -> None:
    assert not tracker.track(ko("한빛선물, '달러 강세 장기화와 내년 환율 전망' 웨비나 개최")).picks
    assert not tracker.track(ko("한빛증권, '국제유가 급등기 투자 전략' 보고서 발간")).picks


def test_a_name_inside_a_clause_describing_the_topic_is_not_its_subject(tracker: Tracker) -> None:
    assert not tracker.track(ko("'애플 신제품 발표' 앞둔 한빛부품, 52주 신고가")).picks
    assert picks(tracker.track(ko("애플 아이폰, 중국 판매 부진에 주가 하락"))).get("AAPL", ("", False))[0] == "negative"


def test_what_a_driver_had_done_is_not_what_it_does(tracker: Tracker) -> None:
    gold = picks(tracker.track(ko("급등했던 금값, 고점 대비 15% 급락")))
    assert gold.get("NEM", ("", False))[0] == "negative"


@pytest.mark.parametrize(
    "title",
    [
        "Hanbit Chemical speeds up acquisition of Intel's foundry packaging business",
        "Hanbit Soft is developing business apps for Apple iOS as rivals shut down",
    ],
)
def test_a_unit_sold_or_a_platform_built_for_is_not_the_subject(tracker: Tracker, title: str) -> None:
    assert not Tracker.track(tracker, Article(title=title, language="en")).picks


def test_capital_letters_that_begin_a_korean_company_name_are_not_a_ticker(tracker: Tracker) -> None:
    assert not tracker.track(ko("STX중공업, 선박용 엔진 공급계약 체결")).mentions
    assert not tracker.track(ko("MS그룹 컨소시엄, 인수 추진")).mentions
    assert [m.ticker for m in tracker.track(ko("GM이 전기차 계획을 접었다")).mentions] == ["GM"]
    assert [m.ticker for m in tracker.track(ko("GM공장 가동 중단")).mentions] == ["GM"]  # GM's plant


def test_an_inflation_print_moves_the_way_it_surprised(tracker: Tracker) -> None:
    """"CPI 8.5% 상승…예상치 하회" is a cooler print than expected, though the level rose."""
    cooler = picks(tracker.track(ko("美 CPI 연 7.9% 상승…시장 예상치 하회")))
    hotter = picks(tracker.track(ko("美 소비자물가 예상치 상회…인플레 우려 재점화")))
    assert cooler.get("CMG", ("", False))[0] == "positive"
    assert hotter.get("CMG", ("", False))[0] == "negative"


def test_only_copper_moves_freeport(tracker: Tracker) -> None:
    assert "FCX" not in picks(tracker.track(ko("국제 아연 가격 급락")))
    assert picks(tracker.track(ko("국제 구리 가격 사상 최고"))).get("FCX", ("", False))[0] == "positive"


def test_a_note_signed_with_a_short_house_name_is_a_note(tracker: Tracker) -> None:
    assert tracker._is_analyst_note(tracker_sentences("한빛전기, 불안한 업황 속 호실적 지속-NH"))
    assert not tracker._is_analyst_note(tracker_sentences("국제유가, 감산 합의에 강세…WTI 5%↑"))


def test_a_bare_ticker_keeps_its_aliases_guards(tracker: Tracker) -> None:
    """"STX" alone is also a Korean trading house: Seagate's ticker needs a Seagate context."""
    assert not tracker.track(ko("[특징주] STX, 희소금속 산업단지 조성 소식에 상한가")).mentions
    assert [m.ticker for m in tracker.track(ko("STX 주가, HDD 수요 회복에 급등")).mentions] == ["STX"]


def test_battery_is_no_bad_word(tracker: Tracker) -> None:
    text = "Hanbit Energy and GM to build a third joint battery plant"
    found = tracker.polarity.towards(text, "en", text.index("GM"), text.index("GM") + 2)
    assert not any(cue.term.startswith("batter") for cue in found.cues) and found.score >= 0
    battered = "GM shares were battered by the strike"
    assert tracker.polarity.towards(battered, "en", 0, 2).score < 0


def test_a_pause_in_a_move_is_no_move(tracker: Tracker) -> None:
    assert not tracker.track(ko("달러 강세 숨고르기…주요 통화 혼조")).picks


def test_a_sectors_hoped_rebound_is_its_stocks_not_its_demand(tracker: Tracker) -> None:
    assert not tracker.track(ko("글로벌 2차전지·전기차 반등 기대감에 관련 ETF 껑충")).picks


def test_cheaper_gas_reaches_the_nitrogen_maker_only(tracker: Tracker) -> None:
    found = picks(tracker.track(ko("이상고온에 미국 천연가스 가격 급락")))
    assert found.get("EQT", ("", False))[0] == "negative"
    assert "CTVA" not in found and "FMC" not in found


@pytest.mark.parametrize(
    ("title", "oil_producers"),
    [
        ("산유국 증산 결정에 공급 과잉 우려", "negative"),  # more oil: the price falls
        ("OPEC 감산 합의…공급 부족 우려", "positive"),  # less oil: the price rises
    ],
)
def test_producers_output_moves_the_price_the_other_way(tracker: Tracker, title: str, oil_producers: str) -> None:
    assert picks(tracker.track(ko(title))).get("XOM", ("", False))[0] == oil_producers


def test_a_body_that_tells_the_headlines_move_makes_the_pick_firmer(tracker: Tracker) -> None:
    """The lead telling why oil fell (producers raising output) must not water the headline down."""
    headline = "국제유가 급락…WTI 하루 새 7% 떨어져"
    alone = {p.ticker: p for p in tracker.track(ko(headline)).picks}
    told = {
        p.ticker: p
        for p in tracker.track(
            ko(headline, "국제유가가 산유국 증산 합의 소식에 하루 새 7% 넘게 급락했다.", "국제유가는 이번 주에만 10% 하락했다.")
        ).picks
    }
    assert told["XOM"].direction == alone["XOM"].direction == "negative"
    assert not told["XOM"].low_confidence and told["XOM"].score >= alone["XOM"].score
