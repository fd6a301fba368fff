"""Pick confidence: a pick's features -> the chance a reader judges it right (calibration.yaml).

The rules decide which picks exist and in what order; this model only turns their evidence into a
score that means something, fitted on judged picks by bench/calibrate_tracker.py. Picks scored under
the model's threshold stay in the report, marked low-confidence."""

from __future__ import annotations

import math

from newsimpact.knowledge.base import KnowledgeBase
from newsimpact.knowledge.schema import ScoreCalibration, Theme
from newsimpact.tracker.report import TITLE_PARAGRAPH, Pick

FEATURES = (
    "rule_score",
    "relation",
    "theme",
    "subject",
    "in_title",
    "headline_only",
    "exposure_rank",
    "us_theme_in_korean",
)
"""rule_score: the rules' own score; relation / theme: the path (a named company's event is the
base); subject: the named company is the event's subject; in_title: the evidence includes the
headline; headline_only: the text is a headline alone; exposure_rank: the company's place in its
theme's exposure list, 0 first .. 1 fourth or later (the list is ordered by how directly the driver
moves it); us_theme_in_korean: a US-scoped theme (US rates) read from Korean news."""

_RANK_CAP = 3


def pick_features(pick: Pick, kb: KnowledgeBase, *, korean: bool, headline_only: bool) -> dict[str, float]:
    theme = _theme(kb, pick.event) if pick.path == "theme" else None
    return {
        "rule_score": pick.score,
        "relation": float(pick.path == "relation"),
        "theme": float(pick.path == "theme"),
        "subject": float(pick.path == "mention" and pick.role == "subject"),
        "in_title": float(any(e.paragraph == TITLE_PARAGRAPH for e in pick.evidence)),
        "headline_only": float(headline_only),
        "exposure_rank": _exposure_rank(kb, theme, pick.ticker) if theme else 0.0,
        "us_theme_in_korean": float(theme is not None and theme.scope == "us" and korean),
    }


def probability(model: ScoreCalibration, features: dict[str, float]) -> float:
    z = model.intercept + sum(model.weights.get(name, 0.0) * value for name, value in features.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def _theme(kb: KnowledgeBase, theme_id: str | None) -> Theme | None:
    return next((t for t in kb.themes if t.id == theme_id), None)


def _exposure_rank(kb: KnowledgeBase, theme: Theme, ticker: str) -> float:
    for rank, exposure in enumerate(theme.exposures):
        if exposure.ticker == ticker or (
            exposure.sub_industry and ticker in kb.tickers_in_sub_industry(exposure.sub_industry)
        ):
            return min(rank, _RANK_CAP) / _RANK_CAP
    return 1.0
