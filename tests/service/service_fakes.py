"""Small deterministic stand-ins for the tracker and the translator, so service tests do not
depend on knowledge files or language models."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from newsimpact.article import Article
from newsimpact.config import Settings
from newsimpact.errors import TranslationCancelled
from newsimpact.pipeline import Pipeline
from newsimpact.tracker.report import Disclaimer, Evidence, Pick, Tone, TrackerReport
from newsimpact.translate.engines import StopCheck
from newsimpact.translate.translation import Translation
from newsimpact.translate.translator import ProgressCallback, SegmentDone

HERE = Path(__file__).parent
ARTICLE_HTML = (HERE / "article_ko.html").read_bytes()

# alias -> (ticker, name, sector, sector_ko, direction, score)
COMPANIES: dict[str, tuple[str, str, str, str, str, float]] = {
    "엔비디아": ("NVDA", "NVIDIA", "Information Technology", "정보기술", "positive", 0.82),
    "인텔": ("INTC", "Intel", "Information Technology", "정보기술", "negative", 0.64),
    "테슬라": ("TSLA", "Tesla", "Consumer Discretionary", "경기소비재", "negative", 0.55),
    "퀄컴": ("QCOM", "Qualcomm", "Information Technology", "정보기술", "positive", 0.31),
}
LOW_CONFIDENCE_UNDER = 0.4
"""The fake's display threshold: a pick scored under it is a low-confidence (tentative) pick, as the
real tracker marks picks under its calibrated threshold."""
DISCLAIMER = Disclaimer(ko="테스트용 면책 문구: 투자 권유가 아닙니다.", en="Test disclaimer: not investment advice.")
KO_TONE = {"positive": "긍정", "negative": "부정"}
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            out.append((start, end))
    return out


class FakeTracker:
    version = "fake-1"

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.calls = 0
        self._lock = threading.Lock()

    def track(self, article: Article) -> TrackerReport:
        with self._lock:
            self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        picks: dict[str, list[Pick]] = {"positive": [], "negative": []}
        for alias, (ticker, name, sector, sector_ko, direction, score) in COMPANIES.items():
            evidence = [
                Evidence(text=para[s:e], paragraph=i, start=s, end=e)
                for i, para in enumerate(article.paragraphs)
                for s, e in sentences(para)
                if alias in para[s:e]
            ]
            if not evidence:
                continue
            picks[direction].append(
                Pick(
                    ticker=ticker,
                    name=name,
                    name_ko=alias,
                    sector=sector,
                    sector_ko=sector_ko,
                    direction=direction,  # type: ignore[arg-type]
                    score=score,
                    path="mention",
                    rationale_ko=f"기사가 {alias}에 대해 {KO_TONE[direction]}적으로 다룹니다.",
                    rationale_en=f"The article discusses {name} {direction}ly.",
                    evidence=evidence[:3],
                    low_confidence=score < LOW_CONFIDENCE_UNDER,
                )
            )
        abstained = not (picks["positive"] or picks["negative"])
        return TrackerReport(
            positive=picks["positive"],
            negative=picks["negative"],
            tone=Tone(label="neutral", score=0.0),
            abstained=abstained,
            reason="기사에 상장 기업이 언급되지 않았습니다." if abstained else None,
            disclaimer=DISCLAIMER,
        )


class FakeTranslator:
    def __init__(self, delay: float = 0.0, fail: bool = False, gate: threading.Event | None = None) -> None:
        self.delay = delay
        self.fail = fail
        self.gate = gate
        """When set, each translation waits for the gate: a test holds a job 'running' as long as it likes."""
        self.paragraph_gate: threading.Event | None = None
        """When set, waits after each paragraph: a test sees partial progress, or cancels midway."""
        self.calls = 0

    def translate(
        self,
        article: Article,
        target: str,
        *,
        progress: ProgressCallback | None = None,
        stop: StopCheck | None = None,
    ) -> Translation:
        self.calls += 1
        if self.gate is not None:
            self.gate.wait(60)
        if self.delay:
            time.sleep(self.delay)
        if self.fail:
            raise RuntimeError("fake translator is broken")

        def tr(text: str) -> str:
            return f"[{target}] {text}"

        # Like the real Translator: a segment at a time, reporting each, stoppable between them.
        for i, paragraph in enumerate(article.paragraphs):
            if stop is not None and stop():
                raise TranslationCancelled("translation cancelled")
            if progress is not None:
                progress(SegmentDone(f"paragraph:{i}", tr(paragraph), [], i + 1, len(article.paragraphs), 0.0))
            if self.paragraph_gate is not None:
                self.paragraph_gate.wait(60)

        return Translation(
            source_language=article.language,
            target_language=target,
            title=tr(article.title),
            subtitle=tr(article.subtitle) if article.subtitle else None,
            paragraphs=[tr(p) for p in article.paragraphs],
            captions=[tr(c.text) for c in article.captions],
            engine="fake",
            model="fake-test",
        )


def make_pipeline(tracker_delay: float = 0.0, translator_delay: float = 0.0, translator_fail: bool = False) -> Pipeline:
    return Pipeline(
        Settings(),
        tracker=FakeTracker(tracker_delay),
        translator=FakeTranslator(translator_delay, translator_fail),
    )
