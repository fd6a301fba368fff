"""The desk's corrections applied to a tracker report: what readers see when an editor has stepped in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsimpact.knowledge.universe import normalise_ticker
from newsimpact.tracker.report import Pick, TrackerReport

DIRECTIONS = ("positive", "negative")


@dataclass(frozen=True)
class PickEdit:
    """One editor's correction of one pick, keyed by ticker so a re-analysis meets it again."""

    ticker: str
    hidden: bool = False
    direction: str | None = None
    rationale_ko: str | None = None
    rationale_en: str | None = None
    editor: str = ""
    updated_at: datetime | None = None

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {"hidden": self.hidden}
        for name in ("direction", "rationale_ko", "rationale_en"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True)
class AuditEntry:
    id: int
    article_id: int
    ticker: str | None
    action: str
    """pick_edit | pick_revert | no_tracker | tracker_shown"""
    detail: dict[str, Any]
    editor: str
    created_at: datetime


def apply_edits(report: TrackerReport, edits: dict[str, PickEdit]) -> TrackerReport:
    """Hide, re-direct or re-word the picks the desk corrected; the others pass unchanged."""
    if not edits:
        return report
    sides: dict[str, list[Pick]] = {"positive": [], "negative": []}
    for pick in report.picks:
        edit = edits.get(normalise_ticker(pick.ticker))
        if edit is None:
            sides[pick.direction].append(pick)
            continue
        if edit.hidden:
            continue
        update: dict[str, Any] = {}
        if edit.direction in DIRECTIONS:
            update["direction"] = edit.direction
        if edit.rationale_ko:
            update["rationale_ko"] = edit.rationale_ko
        if edit.rationale_en:
            update["rationale_en"] = edit.rationale_en
        edited = pick.model_copy(update=update)
        sides[edited.direction].append(edited)
    for side in sides.values():
        side.sort(key=lambda p: p.score, reverse=True)
    return report.model_copy(update={"positive": sides["positive"], "negative": sides["negative"]})
