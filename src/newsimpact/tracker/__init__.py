"""Article -> TrackerReport: which S&P 500 companies this article moves, which way, and why."""

from __future__ import annotations

from newsimpact.config import TrackerSettings
from newsimpact.knowledge import load_knowledge
from newsimpact.tracker.engine import Tracker
from newsimpact.tracker.report import Evidence, Mention, Pick, Tone, TrackerReport

__all__ = ["Evidence", "Mention", "Pick", "Tone", "Tracker", "TrackerReport", "build_tracker"]


def build_tracker(settings: TrackerSettings | None = None) -> Tracker:
    settings = settings or TrackerSettings()
    embedder = None
    if settings.use_embeddings:
        from newsimpact.tracker.embeddings import load_embedder

        embedder = load_embedder()
    return Tracker(load_knowledge(), settings, embedder)
