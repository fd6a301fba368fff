"""Score calibration and the display threshold (tracker/confidence.py, calibration.yaml)."""

from __future__ import annotations

from dataclasses import replace

from newsimpact.article import Article
from newsimpact.knowledge import KnowledgeBase, load_knowledge
from newsimpact.knowledge.schema import ScoreCalibration
from newsimpact.tracker import Tracker
from newsimpact.tracker.confidence import FEATURES, pick_features, probability
from newsimpact.tracker.report import Evidence, Pick


def _pick(path: str = "mention", role: str | None = "subject", score: float = 0.7) -> Pick:
    return Pick.model_validate(
        {
            "ticker": "MU",
            "name": "Micron",
            "sector": "Information Technology",
            "sector_ko": "정보기술",
            "direction": "positive",
            "score": score,
            "path": path,
            "rationale_ko": "실적 개선",
            "rationale_en": "results beat",
            "evidence": [Evidence(text="마이크론 실적 호조", paragraph=-1, start=0, end=9)],
            "role": role,
        }
    )


def test_features_cover_the_declared_names_and_read_the_pick() -> None:
    kb = load_knowledge()
    features = pick_features(_pick(), kb, korean=True, headline_only=True)
    assert tuple(features) == FEATURES
    assert features["subject"] == 1.0 and features["in_title"] == 1.0 and features["relation"] == 0.0
    assert pick_features(_pick("relation", "customer"), kb, korean=True, headline_only=False)["relation"] == 1.0


def test_probability_rises_with_a_positive_weight() -> None:
    model = ScoreCalibration(intercept=-1.0, weights={"rule_score": 3.0}, threshold=0.5)
    low = probability(model, {"rule_score": 0.2})
    high = probability(model, {"rule_score": 0.9})
    assert 0.0 < low < 0.5 < high < 1.0


def test_picks_under_the_threshold_are_kept_but_marked_low_confidence(small_kb: KnowledgeBase) -> None:
    text = Article(title="엔비디아 급등", paragraphs=["엔비디아 주가가 호실적에 급등했다."], language="ko")

    def tracked(threshold: float) -> list[Pick]:
        model = ScoreCalibration(intercept=0.0, weights={}, threshold=threshold)
        return Tracker(replace(small_kb, calibration=model)).track(text).picks

    marked, shown = tracked(0.99), tracked(0.01)
    assert marked and [p.ticker for p in marked] == [p.ticker for p in shown] == ["NVDA"]
    assert all(p.low_confidence for p in marked)
    assert not any(p.low_confidence for p in shown)
