"""Schemas of the knowledge data files (docs/knowledge.md). Loading validates every entry."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RelationType = Literal["supplier", "customer", "competitor", "partner", "parent", "subsidiary"]
AliasKind = Literal["name", "short", "ticker", "brand", "product", "subsidiary"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Sector(_Frozen):
    name: str
    name_ko: str


class SubIndustry(_Frozen):
    name: str
    name_ko: str


class Company(_Frozen):
    ticker: str
    name: str
    sector: str
    sub_industry: str
    headquarters: str = ""
    date_added: str = ""
    cik: str = ""
    founded: str = ""


class UniverseMeta(_Frozen):
    snapshot_date: str
    source: str
    count: int


class Alias(_Frozen):
    ticker: str
    alias: str = Field(min_length=1)
    lang: Literal["ko", "en"]
    kind: AliasKind
    primary: bool = False
    reject_within: tuple[str, ...] = ()
    reject_context: tuple[str, ...] = ()
    require_context: tuple[str, ...] = ()
    case_sensitive: bool = False

    @property
    def guarded(self) -> bool:
        return bool(self.reject_within or self.reject_context or self.require_context)


class KoreanCompany(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    name_ko: str
    name_en: str
    aliases: tuple[str, ...] = Field(min_length=1)
    sector: str
    reject_context: tuple[str, ...] = ()
    reject_within: tuple[str, ...] = ()


class Relation(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    source: str
    target: str
    type: RelationType
    sign: Literal[1, -1]
    reason_ko: str = Field(min_length=2)
    reason_en: str = Field(min_length=2)


class Exposure(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    ticker: str | None = None
    sub_industry: str | None = None
    sign: Literal[1, -1]
    reason_ko: str = Field(min_length=2)
    reason_en: str = Field(min_length=2)

    @model_validator(mode="after")
    def _one_target(self) -> Exposure:
        if (self.ticker is None) == (self.sub_industry is None):
            raise ValueError("an exposure names exactly one of ticker or sub_industry")
        return self


class Theme(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    name_ko: str
    name_en: str
    description: str = ""
    scope: Literal["global", "us"] = "global"
    """us: Korean news on it moves S&P 500 names only when it speaks of the US or world market
    (a Korean savings-bank run or a Korea–Australia FTA does not move US banks or carmakers)."""
    valence: Literal[1, -1] = 1
    """-1 where the theme rising is bad news (conflict, pandemic, export controls): good news in a
    sentence about it then means the theme is easing."""
    triggers_ko: tuple[str, ...] = Field(min_length=1)
    triggers_en: tuple[str, ...] = Field(min_length=1)
    exposures: tuple[Exposure, ...] = Field(min_length=1)


class PolarityTerm(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    term: str = Field(min_length=1)
    score: float = Field(ge=-2.0, le=2.0)
    whole: bool = False
    """English: match the whole word only (rose, fell), not as a stem."""

    @field_validator("term")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class PolarityLexicon(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    terms: tuple[PolarityTerm, ...]
    negators: tuple[str, ...] = ()
    contrast: tuple[str, ...] = ()
    intensifiers: dict[str, float] = Field(default_factory=dict)
    mask: tuple[str, ...] = ()
    """Words blanked out before matching because a term hides inside them (금감원 holds 감원)."""


class LanguageWords(_Frozen):
    ko: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


class MovementLexicon(_Frozen):
    model_config = ConfigDict(frozen=True, extra="ignore")

    up: LanguageWords
    down: LanguageWords


class LinkingRules(_Frozen):
    korean_suffixes: tuple[str, ...]
    ticker_stopwords: frozenset[str]
    exchange_prefixes: tuple[str, ...]
    market_context_ko: tuple[str, ...]
    market_context_en: tuple[str, ...]
    business_event_ko: tuple[str, ...] = ()
    business_event_en: tuple[str, ...] = ()
    us_context: tuple[str, ...] = ()
    citation_after_ko: tuple[str, ...] = ()
    citation_after_en: tuple[str, ...] = ()
    citation_before_en: tuple[str, ...] = ()


class DisclaimerText(_Frozen):
    ko: str = Field(min_length=20)
    en: str = Field(min_length=20)
