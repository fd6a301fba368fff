"""Segments in parallel, progress as they finish, and cancellation (issue 12), with fake engines."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest

from newsimpact.article import Article, Dateline, Reporter
from newsimpact.errors import TranslationCancelled
from newsimpact.translate import FakeEngine, Translator
from newsimpact.translate.engines import ChatMessage, StopCheck
from newsimpact.translate.engines.local import plan_threads
from newsimpact.translate.translator import SegmentDone, byline_text

ARTICLE = Article(
    title="반도체 수출 10% 증가",
    dateline=Dateline(place="서울", agency="테스트뉴스"),
    reporter=Reporter(name="박하늘"),
    paragraphs=[f"{i}번째 문단에서 매출은 {i}조 원이었다." for i in range(1, 7)],
    language="ko",
)


class SlowEngine(FakeEngine):
    """The fake engine, with each call taking `seconds` and the most calls ever in flight counted."""

    def __init__(self, seconds: float, parallel: int) -> None:
        super().__init__(parallel=parallel)
        self.seconds = seconds
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int, stop: StopCheck | None = None) -> str:
        with self._lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            deadline = time.monotonic() + self.seconds
            while time.monotonic() < deadline:  # polls like a decoding loop between tokens
                if stop is not None and stop():
                    raise TranslationCancelled("translation cancelled")
                time.sleep(0.005)
            return super().complete(messages, max_tokens, stop)
        finally:
            with self._lock:
                self.in_flight -= 1


def test_parallel_translation_is_the_same_text_and_uses_the_workers() -> None:
    sequential = Translator(SlowEngine(0.05, parallel=1)).translate(ARTICLE, "en")
    engine = SlowEngine(0.05, parallel=3)
    parallel = Translator(engine).translate(ARTICLE, "en")
    assert parallel.model_dump(exclude={"seconds"}) == sequential.model_dump(exclude={"seconds"})
    assert engine.most_in_flight == 3
    # Same work, three at a time: a ratio of two timings taken in this test, never a wall-clock bound.
    assert parallel.seconds < sequential.seconds * 0.75


def test_progress_reports_each_segment_once_with_its_text() -> None:
    steps: list[SegmentDone] = []
    result = Translator(SlowEngine(0.01, parallel=2)).translate(ARTICLE, "en", progress=steps.append)
    assert [s.done for s in steps] == list(range(1, len(steps) + 1))
    assert {s.total for s in steps} == {len(steps)}
    assert len(steps) == 2 + len(ARTICLE.paragraphs)  # title, byline, paragraphs
    texts = {s.segment: s.text for s in steps}
    assert [texts[f"paragraph:{i}"] for i in range(6)] == result.paragraphs
    assert texts["byline"] == result.byline


def test_byline_is_translated_with_the_reporter_name_romanised() -> None:
    assert byline_text(ARTICLE, "ko") == "[서울=테스트뉴스] 박하늘 기자"
    result = Translator(FakeEngine()).translate(ARTICLE, "en")
    assert result.byline is not None and "Park Ha-neul" in result.byline
    no_byline = Translator(FakeEngine()).translate(Article(title="제목", paragraphs=["본문"], language="ko"), "en")
    assert no_byline.byline is None


@pytest.mark.parametrize("parallel", [1, 2])
def test_a_stop_request_ends_the_translation_without_finishing_it(parallel: int) -> None:
    engine = SlowEngine(0.05, parallel=parallel)
    steps: list[SegmentDone] = []
    with pytest.raises(TranslationCancelled):
        Translator(engine).translate(ARTICLE, "en", progress=steps.append, stop=lambda: len(steps) >= 2)
    assert len(steps) < 2 + len(ARTICLE.paragraphs)
    time.sleep(0.1)
    assert engine.in_flight == 0  # nothing is left decoding after the call returns


def test_threads_and_slots_come_from_the_machine() -> None:
    assert plan_threads(None, None, cores=2) == (2, 1)  # one 1-thread context per core
    assert plan_threads(None, None, cores=8) == (4, 2)  # at most 4 contexts; the rest as threads
    assert plan_threads(None, 1, cores=2) == (1, 2)
    assert plan_threads(3, 1, cores=2) == (1, 3)  # explicit settings win
    assert plan_threads(None, None, cores=1) == (1, 1)
