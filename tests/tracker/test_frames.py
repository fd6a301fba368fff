"""Roles, particles, rationales and dated relations: the parts of the event-frame tracker."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from newsimpact.article import Article
from newsimpact.knowledge import load_knowledge, load_knowledge_from
from newsimpact.tracker import Tracker
from newsimpact.tracker.frames import NamedSpan
from newsimpact.tracker.korean import fill, particle

HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(scope="module")
def shipped() -> Tracker:
    return Tracker(load_knowledge())


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("엔비디아", "이/가", "엔비디아가"),
        ("애플", "을/를", "애플을"),
        ("인텔", "이/가", "인텔이"),
        ("마이크론", "은/는", "마이크론은"),
        ("테슬라", "과/와", "테슬라와"),
        ("서울", "으로/로", "서울로"),
        ("GM", "이/가", "GM이"),
        ("MS", "이/가", "MS가"),
        ("3", "이/가", "3이"),
    ],
)
def test_particle_follows_the_final_sound(word: str, pair: str, expected: str) -> None:
    assert particle(word, pair) == expected


def test_fill_replaces_every_slot() -> None:
    assert fill("{name:이/가} 흑자로 돌아섬 ({name})", "엔비디아") == "엔비디아가 흑자로 돌아섬 (엔비디아)"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("에코프로비엠, 테슬라向 양극재 수주", "테슬라", "counterparty"),
        ("케이웨이브, 넷플릭스에 드라마 공급 계약", "넷플릭스", "counterparty"),
        ("연기금, 테슬라 등 성장주 비중 축소", "테슬라", "example"),
        # A headline's list closed by its group and the group's move names the movers.
        ("은행주는 올랐지만 테슬라 등 성장주는 하락했다", "테슬라", "subject"),
        ('골드만삭스 "한국 증시 조정 가능성"', "골드만삭스", "source"),
        ("애플, 배상 판결 받아", "애플", "subject"),
        ("삼성전자, 애플 제치고 점유율 1위", "애플", "rival"),
        ("이마트, 스벅 가격 인상에 이익 증가 기대", "스벅", "passing"),
        ("네이버, 엔비디아와 AI 협력 확대", "엔비디아", "partner"),
        # The possessor inside what another company does is not its subject ...
        ("한미반도체가 엔비디아의 신형 가속기에 들어갈 장비 공급을 늘린다", "엔비디아", "passing"),
        # ... but with no other subject before it, "X의" is about X.
        ("엔비디아의 데이터센터 매출이 두 배로 늘었다", "엔비디아", "subject"),
        # A headline's second story (after "…") has its own subject, even after a "X, " topic.
        ("SK하이닉스, 신규 공장 착공…엔비디아 가속기 수요 급증", "엔비디아", "subject"),
    ],
)
def test_role_of_a_named_company(shipped: Tracker, text: str, name: str, role: str) -> None:
    spans = [
        NamedSpan(m.ref.key, m.ref.kind, m.start, m.end) for m in shipped.linker.find([s for s in _sentences(text)])
    ]
    start = text.index(name)
    span = next(s for s in spans if s.start == start)
    assert shipped.frames.role(text, True, span, spans, "ko") == role


def _sentences(text: str):  # type: ignore[no-untyped-def]
    from newsimpact.tracker.text import article_sentences

    return article_sentences(Article(paragraphs=[text], language="ko"))


@pytest.mark.parametrize(
    "title",
    [
        "애플, 삼성과의 특허소송에서 10억달러 배상 판결 받아",
        "인텔, 파운드리 사업 적자 확대",
        "국제유가 급락에 항공주 일제히 강세",
        "보잉 737 맥스 또 추락…운항 중단 국가 확산",
        "Nvidia beats estimates as data-center sales soar",
    ],
)
def test_rationales_are_one_natural_line(shipped: Tracker, title: str) -> None:
    report = shipped.track(Article(title=title, language="en" if title.isascii() else "ko"))
    assert report.picks
    for pick in report.picks:
        for line in (pick.rationale_ko, pick.rationale_en):
            assert "\n" not in line and "(를)" not in line and "(가)" not in line and "('" not in line
        assert not HANGUL.search(pick.rationale_en), pick.rationale_en
        assert pick.path in ("mention", "relation", "theme")
        if pick.path == "mention":
            assert pick.event and pick.role == "subject"


def test_an_event_word_of_the_headlines_other_story_is_not_the_named_companys(shipped: Tracker) -> None:
    """The supply deal is the first story's; the second story's company gets its own event (demand),
    and its rationale says so, not that it won a contract."""
    report = shipped.track(Article(title="한미반도체, 장비 공급 계약 확대…엔비디아 가속기 수요 급증", language="ko"))
    nvidia = next(p for p in report.picks if p.ticker == "NVDA")
    assert nvidia.direction == "positive" and nvidia.event == "demand"
    assert "수요" in nvidia.rationale_ko and "계약" not in nvidia.rationale_ko


def test_a_parallel_second_story_takes_the_first_storys_event(shipped: Tracker) -> None:
    """"…Y는 20% 증가" names no event of its own: set beside X's results, it is Y's results too."""
    report = shipped.track(Article(title="마이크로소프트 분기 매출 사상 최대…애플은 12% 증가", language="ko"))
    apple = next(p for p in report.picks if p.ticker == "AAPL")
    assert apple.direction == "positive" and apple.event == "earnings"


def test_pick_direction_and_rationale_agree_on_a_falling_driver(shipped: Tracker) -> None:
    report = shipped.track(Article(title="국제유가 급락에 美 항공주 일제히 강세", language="ko"))
    airlines = [p for p in report.positive if p.sector == "Industrials"]
    assert airlines and all("하락" in p.rationale_ko and "falling" in p.rationale_en for p in airlines)


def test_a_company_named_in_passing_in_a_policy_speech_gives_no_pick(shipped: Tracker) -> None:
    article = Article(
        title='장관 "AI 혁신이 성장의 돌파구"',
        paragraphs=[
            "장관은 19일 열린 전략대화에서 AI 기반 혁신을 강조했다.",
            "행사에는 두산로보틱스 등 제조 기업과 통신사 대표들이 참석했다.",
            "정부는 AI 일상화를 위한 지원을 확대할 계획이다.",
        ],
        language="ko",
    )
    report = shipped.track(article)
    assert not report.picks and report.reason


def test_a_relation_that_began_after_the_article_is_not_used(small_kb_dir: Path, tmp_path: Path) -> None:
    root = tmp_path / "kb"
    shutil.copytree(small_kb_dir, root)
    relations = root / "relations.yaml"
    relations.write_text(
        relations.read_text(encoding="utf-8").replace(
            "reason_en: shares the memory cycle}", "reason_en: shares the memory cycle, since: 2030-01-01}"
        ),
        encoding="utf-8",
    )
    tracker = Tracker(load_knowledge_from(root))
    article = Article(
        title="SK하이닉스 실적 급증",
        paragraphs=["SK하이닉스의 HBM 매출이 급증했다."],
        language="ko",
        published=datetime(2025, 1, 2),
    )
    assert "MU" not in [p.ticker for p in tracker.track(article).positive]
    later = article.model_copy(update={"published": datetime(2031, 1, 2)})
    assert "MU" in [p.ticker for p in tracker.track(later).positive]
