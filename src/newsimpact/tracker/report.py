"""TrackerReport: what the stock tracker says about one article (a public JSON contract)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Direction = Literal["positive", "negative"]
PickPath = Literal["mention", "theme", "relation"]
ToneLabel = Literal["positive", "negative", "neutral"]

TITLE_PARAGRAPH = -1
"""Evidence found in the title carries paragraph -1."""


class Evidence(BaseModel):
    """A sentence of this article; start/end are offsets within Article.paragraphs[paragraph]."""

    model_config = ConfigDict(frozen=True)

    text: str
    paragraph: int
    start: int
    end: int


class Mention(BaseModel):
    model_config = ConfigDict(frozen=True)

    ticker: str
    name: str
    matched: str
    paragraph: int
    start: int
    end: int


class Tone(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: ToneLabel = "neutral"
    score: float = Field(default=0.0, ge=-1.0, le=1.0)


class Pick(BaseModel):
    model_config = ConfigDict(frozen=True)

    ticker: str
    name: str
    name_ko: str | None = None
    sector: str
    sector_ko: str
    direction: Direction
    score: float = Field(ge=0.0, le=1.0)
    path: PickPath
    rationale_ko: str
    rationale_en: str
    evidence: list[Evidence] = Field(min_length=1)
    event: str | None = None
    """The event type behind a direct pick (earnings, lawsuit, ...; events.yaml), or the theme id."""
    role: str | None = None
    """The role of the named company in the event (subject, target, supplier); None for themes."""
    via: str | None = None
    """For relation picks: the company whose event this is, as named in the article."""
    low_confidence: bool = False
    """Scored under the calibrated display threshold: kept for the record, shown apart (or not) as a
    tentative pick rather than a firm one."""


class Disclaimer(BaseModel):
    model_config = ConfigDict(frozen=True)

    ko: str
    en: str


class TrackerReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    positive: list[Pick] = Field(default_factory=list)
    negative: list[Pick] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    tone: Tone = Field(default_factory=Tone)
    abstained: bool = True
    reason: str | None = None
    disclaimer: Disclaimer | None = None

    @property
    def picks(self) -> list[Pick]:
        return [*self.positive, *self.negative]
